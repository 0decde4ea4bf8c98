/**
 * Wall-clock times to exact instants for IANA time zones, via the browser's own zone data (Intl), never the
 * machine's zone. Offsets are cached per zone in four-week spans, so a year of occurrences costs Intl about 60 calls
 * (each some 10 µs) however many occurrences there are.
 */
import { DAY_MS } from '../util.js';

/** The zone German calendars mean when they say nothing (floating times). */
export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

const MINUTE_MS = 60_000;
/** Zones change their offset at most once in four weeks (twice a year in Europe). */
const SPAN_MS = 28 * DAY_MS;

/** A wall-clock time written as if it were UTC: `Date.UTC(year, month - 1, day, hour, minute, second)`. */
export type WallMs = number;

interface SpanOffsets {
  /** Offset (ms, wall − UTC) at the start of the span. */
  before: number;
  /** Offset at the end of the span. */
  after: number;
  /** First instant with the `after` offset (only meaningful when the two differ). */
  change: number;
}

export interface TimeZone {
  readonly id: string;
  /**
   * The instant a wall-clock time means. In the spring gap the offset from before the gap applies (02:30 → 03:30
   * summer time); a time that occurs twice in autumn means the first one (RFC 5545 §3.3.5).
   */
  toInstant(wall: WallMs): number;
  /** The wall clock at an instant (the recurrence engine jumps to a window given in instants). */
  toWall(instant: number): WallMs;
}

/**
 * The wall clock at an instant for a zone that only converts the other way: two rounds of "offset at the guess"
 * are exact except within an hour of a change, which callers cover with a margin.
 */
export function wallByOffset(zone: Pick<TimeZone, 'toInstant'>, instant: number): WallMs {
  let wall = instant;
  for (let round = 0; round < 2; round++) wall = instant + (wall - zone.toInstant(wall));
  return wall;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/**
 * A cached numeric wall-clock formatter for a zone (en-US, 24 h), or null when the browser does not know the zone.
 * Its `formatToParts` gives an instant's wall-clock reading in that zone.
 */
export function formatterFor(id: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(id);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: id,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      formatter = null;
    }
    formatters.set(id, formatter);
  }
  return formatter;
}

/** True when the browser knows `id` as an IANA zone (`Europe/Berlin`, `UTC`). */
export function isKnownTimeZone(id: string): boolean {
  return formatterFor(id) !== null;
}

function intlOffset(formatter: Intl.DateTimeFormat, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(utcMs)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  // Intl drops the milliseconds, so compare with the instant rounded down to the second.
  return wall - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

class IntlTimeZone implements TimeZone {
  private readonly spans = new Map<number, SpanOffsets>();

  constructor(
    readonly id: string,
    private readonly formatter: Intl.DateTimeFormat,
  ) {}

  private span(index: number): SpanOffsets {
    let entry = this.spans.get(index);
    if (!entry) {
      const start = index * SPAN_MS;
      const before = intlOffset(this.formatter, start);
      const after = intlOffset(this.formatter, start + SPAN_MS - 1000);
      let change = start + SPAN_MS;
      if (before !== after) {
        // Zones change on whole minutes: bisect until one minute is left, then take that minute.
        let low = start;
        let high = start + SPAN_MS - 1000;
        while (high - low > MINUTE_MS) {
          const middle = low + Math.floor((high - low) / 2);
          if (intlOffset(this.formatter, middle) === before) low = middle;
          else high = middle;
        }
        change = Math.floor(high / MINUTE_MS) * MINUTE_MS;
      }
      entry = { before, after, change };
      this.spans.set(index, entry);
    }
    return entry;
  }

  /** Offset in ms (wall − UTC) at an instant. */
  offsetAt(utcMs: number): number {
    const entry = this.span(Math.floor(utcMs / SPAN_MS));
    return utcMs < entry.change ? entry.before : entry.after;
  }

  toWall(instant: number): WallMs {
    return instant + this.offsetAt(instant);
  }

  toInstant(wall: WallMs): number {
    const earlier = this.offsetAt(wall - DAY_MS);
    const later = this.offsetAt(wall + DAY_MS);
    if (earlier === later) return wall - earlier;
    const first = wall - earlier;
    if (this.offsetAt(first) === earlier) return first;
    const second = wall - later;
    if (this.offsetAt(second) === later) return second;
    return wall - earlier;
  }
}

const UTC_ZONE: TimeZone = { id: 'UTC', toInstant: (wall) => wall, toWall: (instant) => instant };

const zones = new Map<string, TimeZone>();

/** The zone for an IANA id, or undefined when the browser does not know it. Zones are shared and cached. */
export function ianaTimeZone(id: string): TimeZone | undefined {
  if (id === 'UTC' || id === 'Etc/UTC' || id === 'Z') return UTC_ZONE;
  let zone = zones.get(id);
  if (!zone) {
    const formatter = formatterFor(id);
    if (!formatter) return undefined;
    zone = new IntlTimeZone(id, formatter);
    zones.set(id, zone);
  }
  return zone;
}

export const utcTimeZone: TimeZone = UTC_ZONE;

/**
 * A zone from an iCalendar TZID: IANA ids directly, Mozilla/Outlook-style ids that end in one
 * (`/mozilla.org/20050126_1/Europe/Berlin`) by that ending. Undefined when nothing matches.
 */
export function timeZoneFromTzid(tzid: string): TimeZone | undefined {
  const id = tzid.trim().replace(/^"|"$/g, '');
  const direct = ianaTimeZone(id);
  if (direct) return direct;
  const tail = /([A-Za-z_]+\/[A-Za-z_+-]+(?:\/[A-Za-z_+-]+)?)$/.exec(id)?.[1];
  return tail && tail !== id ? ianaTimeZone(tail) : undefined;
}

/** `Date.UTC` of the wall-clock parts. */
export function wallMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): WallMs {
  return Date.UTC(year, month - 1, day, hour, minute, second);
}
