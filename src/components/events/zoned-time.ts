import {
  DEFAULT_TIME_ZONE,
  formatterFor,
  ianaTimeZone,
  isKnownTimeZone,
  wallMs,
} from '../../data/calendar/time-zone.js';
import { DAY_MS } from '../../data/util.js';

/**
 * What the widget needs on top of the data layer's zones (../../data/calendar/time-zone.ts, wall clock → instant):
 * the other direction, an instant's wall clock and calendar day in a named zone. Everything takes the zone
 * explicitly, so results never depend on the machine's own time zone.
 */

export { DEFAULT_TIME_ZONE };

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock formatter of a zone; an unknown zone falls back to the default one. */
function partsFormat(timeZone: string): Intl.DateTimeFormat {
  return formatterFor(timeZone) ?? formatterFor(DEFAULT_TIME_ZONE)!;
}

/** Whether Intl knows the zone (`Europe/Berlin`, `UTC`, `America/New_York`). */
export function isValidTimeZone(timeZone: string | undefined): timeZone is string {
  return !!timeZone && isKnownTimeZone(timeZone);
}

/** The wall-clock reading of `date` in `timeZone`. */
export function wallTime(date: Date, timeZone: string): WallTime {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of partsFormat(timeZone).formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/**
 * The wall-clock reading as if it were UTC ("floating" time). All-day events are stored as midnight UTC of their
 * calendar date, so comparing them with `floating(now)` asks "which calendar day is it in this zone".
 */
export function floating(date: Date, timeZone: string): number {
  const w = wallTime(date, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** The instant at which the wall clock in `timeZone` reads the given time (the earlier one in a DST overlap). */
export function zonedInstant(wall: Omit<WallTime, 'second'> & { second?: number }, timeZone: string): Date {
  const zone = ianaTimeZone(timeZone) ?? ianaTimeZone(DEFAULT_TIME_ZONE)!;
  return new Date(zone.toInstant(wallMs(wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second ?? 0)));
}

/** `2026-11-26`: the calendar day of an instant in a zone. */
export function dayKey(date: Date, timeZone: string): string {
  const w = wallTime(date, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** Midnight UTC of the calendar day `key` (`2026-11-26`), i.e. how all-day dates are stored. */
export function utcDay(key: string): Date {
  const [y, m, d] = key.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * Reads a `from`/`to` attribute: `2026-12-01` (a calendar day in the zone; `endOfDay` gives the next midnight so
 * `to="2026-12-31"` includes that day), `2026-12-01T18:00` (wall time in the zone) or an ISO instant with `Z` or an
 * offset. Undefined for anything else.
 */
export function parseDateAttribute(value: string | undefined, timeZone: string, endOfDay = false): Date | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const local = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (local) {
    const [, y, mo, d, h, mi, s] = local;
    const wall = { year: +y, month: +mo, day: +d, hour: h ? +h : 0, minute: mi ? +mi : 0, second: s ? +s : 0 };
    if (!h && endOfDay) {
      const next = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + 1));
      return zonedInstant(
        { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: 0 },
        timeZone,
      );
    }
    return zonedInstant(wall, timeZone);
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  return undefined;
}
