/**
 * Dates in cells: `24.12.2026` and `2026-12-24` are midnight UTC of that date; with a time but no offset
 * (`24.12.2026 18:00`, `2026-12-24T18:00`) Europe/Berlin wall time, computed with Intl (never the machine's time
 * zone); ISO with `Z` or an offset is that instant. Slash dates (`1/13/2015 0:00`) in the order the caller decided,
 * compact `YYYYMMDD` only when asked for.
 */
import { DEFAULT_TIME_ZONE, ianaTimeZone, wallMs, type TimeZone } from '../calendar/time-zone.js';
import { datasetDate } from '../dataset-date.js';
import type { Value } from '../types.js';
import { DAY_MS } from '../util.js';
import { isDigit } from './number.js';

const enum Char {
  Minus = 45,
  Dot = 46,
  Zero = 48,
}

const DMY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?Uhr)?)?$/;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)? ?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const SLASH = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,? (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** Europe/Berlin from the calendar code's cached zones (offsets from Intl, never the machine's time zone). */
let berlin: TimeZone | undefined;

/** Milliseconds since the epoch of a Europe/Berlin wall-clock time. */
function berlinWallTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0) {
  berlin ??= ianaTimeZone(DEFAULT_TIME_ZONE)!;
  return berlin.toInstant(wallMs(year, month, day, hour, minute, second)) + ms;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= DAYS_IN_MONTH[month - 1] + (leap ? 1 : 0);
}

/** Two or four digits at a position as a number, or NaN. */
function digitsAt(s: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) return NaN;
    value = value * 10 + (c - Char.Zero);
  }
  return value;
}

/**
 * `24.12.2026` or `2026-12-24`, the common date-only cells, as the number yyyymmdd (not yet checked against the
 * calendar), or -1. Read without a regex or allocation; a number is also a cheap cache key, where the cell text
 * would first need a string hash.
 */
export function dateKey(s: string): number {
  if (s.length !== 10) return -1;
  let year: number, month: number, day: number;
  if (s.charCodeAt(2) === Char.Dot && s.charCodeAt(5) === Char.Dot) {
    day = digitsAt(s, 0, 2);
    month = digitsAt(s, 3, 2);
    year = digitsAt(s, 6, 4);
  } else if (s.charCodeAt(4) === Char.Minus && s.charCodeAt(7) === Char.Minus) {
    year = digitsAt(s, 0, 4);
    month = digitsAt(s, 5, 2);
    day = digitsAt(s, 8, 2);
  } else return -1;
  // digitsAt gives NaN for a non-digit, and NaN fails every comparison.
  return year >= 0 && month >= 0 && day >= 0 ? year * 10_000 + month * 100 + day : -1;
}

/** Days since 1970-01-01 of a dateKey, or NaN when it is no calendar date (`31.02.2026`). */
export function daysOfKey(key: number): number {
  const year = Math.floor(key / 10_000);
  const month = Math.floor(key / 100) % 100;
  const day = key % 100;
  return validDate(year, month, day) ? daysFromCivil(year, month, day) : NaN;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm; cheaper than Date.UTC). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function validTime(hour: number, minute: number, second: number): boolean {
  return hour <= 23 && minute <= 59 && second <= 59;
}

/** Date, with a time (Europe/Berlin) or without (UTC midnight); NaN when the parts are out of range. */
function toInstant(y: number, mo: number, d: number, h: string | undefined, mi: string | undefined, s?: string) {
  if (!validDate(y, mo, d)) return NaN;
  if (h === undefined) return Date.UTC(y, mo - 1, d);
  const hour = +h;
  const minute = +(mi ?? 0);
  const second = +(s ?? 0);
  if (!validTime(hour, minute, second)) return NaN;
  return berlinWallTime(y, mo, d, hour, minute, second);
}

/**
 * Parses `24.12.2026`, `24.12.2026 18:00`, `2026-12-24`, `2026-12-24T18:00:00+01:00` and `…Z`. Date-only values
 * become midnight UTC of that calendar date; times without an offset are Europe/Berlin wall-clock times.
 */
export function parseGermanDate(text: string): Date | null {
  const time = parseDateTime(text.trim(), 'dmy');
  return Number.isNaN(time) ? null : new Date(time);
}

export type SlashOrder = 'dmy' | 'mdy';

export function parseDateTime(s: string, slashOrder: SlashOrder | undefined, compact = false): number {
  const first = s.charCodeAt(0);
  if (!isDigit(first)) return NaN;
  const key = dateKey(s);
  if (key >= 0) return daysOfKey(key) * DAY_MS;
  let m: RegExpExecArray | null;
  if (s.length >= 8 && s.charCodeAt(4) === Char.Minus && (m = ISO.exec(s))) {
    const [, y, mo, d, h, mi, sec, fraction, zone] = m;
    if (h === undefined || zone === undefined) return toInstant(+y, +mo, +d, h, mi, sec);
    if (!validDate(+y, +mo, +d) || !validTime(+h, +mi, +(sec ?? 0))) return NaN;
    const ms = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
    const utc = Date.UTC(+y, +mo - 1, +d, +h, +mi, +(sec ?? 0), ms);
    if (zone === 'Z') return utc;
    const sign = zone.charCodeAt(0) === Char.Minus ? -1 : 1;
    const digits = zone.replace(':', '');
    return utc - sign * (+digits.slice(1, 3) * 60 + +(digits.slice(3, 5) || 0)) * 60_000;
  }
  if ((m = DMY.exec(s))) return toInstant(+m[3], +m[2], +m[1], m[4], m[5], m[6]);
  if (slashOrder && (m = SLASH.exec(s))) {
    const [a, b] = slashOrder === 'dmy' ? [+m[1], +m[2]] : [+m[2], +m[1]];
    return toInstant(+m[3], b, a, m[4], m[5], m[6]);
  }
  if (compact && (m = COMPACT.exec(s))) {
    const year = +m[1];
    return year >= 1700 && year <= 2200 ? toInstant(year, +m[2], +m[3], undefined, undefined) : NaN;
  }
  return NaN;
}

/** Epoch numbers above this are milliseconds; below, seconds (10^11 seconds is the year 5138). */
const EPOCH_MS_FROM = 1e11;

/**
 * A value of a field declared a date (`created-field`): a Date stays; text is read by the rules above, slash dates
 * day first (`24/12/2026`); a number counts seconds since 1970, or milliseconds above 10^11. Anything else is null.
 */
export function toDateValue(value: Value | undefined): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  let time = NaN;
  if (typeof value === 'number' && Number.isFinite(value)) time = value < EPOCH_MS_FROM ? value * 1000 : value;
  else if (typeof value === 'string') time = parseDateTime(value.trim(), 'dmy', true);
  return Number.isNaN(time) ? null : datasetDate(time);
}
