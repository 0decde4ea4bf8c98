import { DAY_MS } from '../../data/util.js';
import { safeUrl } from '../../shared/safe-url.js';
import type { EventItem } from './event-model.js';
import { pad, wallTime } from './zoned-time.js';

/**
 * One event as an RFC 5545 calendar file for "Zum Kalender hinzufügen": CRLF line endings, lines folded at 75
 * octets without splitting a UTF-8 character, TEXT values escaped, UID and DTSTAMP, times with TZID=Europe/Berlin
 * and its VTIMEZONE (other zones are written in UTC), all-day dates as VALUE=DATE.
 */

const BERLIN = 'Europe/Berlin';

/** Europe/Berlin since 1996 (EU rules): enough for every event a calendar app will import from us. */
export const BERLIN_VTIMEZONE: readonly string[] = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line into chunks of at most 75 octets, continuation lines starting with one space. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const chunks: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = chunks.length === 0 ? 75 : 74; // the leading space of a continuation counts
    if (octets + size > limit) {
      chunks.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  chunks.push(current);
  return chunks.join('\r\n ');
}

function utcStamp(date: Date): string {
  return (
    `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T` +
    `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
  );
}

function dateValue(date: Date): string {
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`;
}

function berlinValue(date: Date): string {
  const w = wallTime(date, BERLIN);
  return `${w.year}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;
}

/** A short stable hash for UIDs of events that bring none. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * A UID for one occurrence. The source's UID is shared by all occurrences of a recurring event, and a calendar app
 * would let an imported single occurrence replace the whole series, so the start time is appended.
 */
export function occurrenceUid(event: Pick<EventItem, 'uid' | 'title' | 'start'>): string {
  const base = event.uid ?? `${hash(`${event.title}|${event.start.toISOString()}`)}@offen-events`;
  return `${utcStamp(event.start)}-${base}`;
}

export interface IcsOptions {
  /** DTSTAMP: when the file was made. */
  now: Date;
  /** The zone to write times in; only Europe/Berlin gets a TZID (with VTIMEZONE), others are written in UTC. */
  timeZone: string;
}

/** The calendar file for one event, as a string with CRLF line endings. */
export function eventToIcs(event: EventItem, options: IcsOptions): string {
  const withZone = !event.allDay && options.timeZone === BERLIN;
  const time = (name: string, date: Date) =>
    event.allDay
      ? `${name};VALUE=DATE:${dateValue(date)}`
      : withZone
        ? `${name};TZID=${BERLIN}:${berlinValue(date)}`
        : `${name}:${utcStamp(date)}`;
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//offen//offen-events//DE', 'CALSCALE:GREGORIAN'];
  lines.push('METHOD:PUBLISH');
  if (withZone) lines.push(...BERLIN_VTIMEZONE);
  lines.push('BEGIN:VEVENT', `UID:${escapeText(occurrenceUid(event))}`, `DTSTAMP:${utcStamp(options.now)}`);
  lines.push(time('DTSTART', event.start));
  const end = event.end ?? (event.allDay ? new Date(event.start.getTime() + DAY_MS) : null);
  if (end) lines.push(time('DTEND', end));
  lines.push(`SUMMARY:${escapeText(event.title)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.category) lines.push(`CATEGORIES:${escapeText(event.category)}`);
  const url = safeUrl(event.url);
  if (url && /^https?:/.test(url)) lines.push(`URL:${url}`);
  if (event.cancelled) lines.push('STATUS:CANCELLED');
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** A file name from the title: `Sommerfest-im-Burghof.ics`. */
export function icsFileName(event: Pick<EventItem, 'title'>): string {
  const base = event.title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'termin'}.ics`;
}
