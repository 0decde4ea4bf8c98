/**
 * RRULE text (RFC 5545 §3.3.10) → a checked rule. Read here rather than by ical.js, because ical.js throws on a
 * value it does not accept while parsing the whole file, and one odd rule must not cost the reader the feed.
 */
import { dayNumber, DAY_SECONDS } from './civil.js';
import type { WallMs } from './time-zone.js';

/** In the order of RFC 5545's table: a larger number is a shorter period. */
export const FREQUENCIES = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY', 'MINUTELY', 'SECONDLY'] as const;
export const YEARLY = 0;
export const MONTHLY = 1;
export const WEEKLY = 2;
export const DAILY = 3;
export const HOURLY = 4;
export const MINUTELY = 5;
export const SECONDLY = 6;

export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export interface WeekdayPart {
  /** 0 = Monday … 6 = Sunday */
  weekday: number;
  /** The n-th in the month or year (negative: from the end); 0 for every such weekday. */
  n: number;
}

/** UNTIL as written: a wall clock (or a date), and whether it was given in UTC. */
export interface RuleUntil {
  wall: WallMs;
  date: boolean;
  utc: boolean;
}

export interface RecurrenceRule {
  freq: number;
  interval: number;
  /** Absent when the rule has no COUNT, or a COUNT below 1 (read as "no limit", as those feeds mean it). */
  count?: number;
  until?: RuleUntil;
  bySecond?: number[];
  byMinute?: number[];
  byHour?: number[];
  byDay?: WeekdayPart[];
  byMonthDay?: number[];
  byYearDay?: number[];
  byWeekNo?: number[];
  byMonth?: number[];
  bySetPos?: number[];
  /** 0 = Monday (the default) … 6 = Sunday */
  weekStart: number;
}

/** A rule that cannot be read; the series it belongs to is left out and counted. */
export class RuleError extends Error {
  override readonly name = 'RuleError';
}

function integers(name: string, value: string, min: number, max: number, allowNegative: boolean): number[] {
  const list = value.split(',').map((item) => {
    const text = item.trim();
    if (!/^[+-]?\d{1,3}$/.test(text)) throw new RuleError(`${name}: "${item}" is not a number`);
    const number = Number(text);
    const valid = allowNegative ? number !== 0 && Math.abs(number) <= max : number >= min && number <= max;
    if (!valid) throw new RuleError(`${name}: ${number} is out of range`);
    return number;
  });
  return [...new Set(list)].sort((a, b) => a - b);
}

/** `YYYYMMDD`, `YYYYMMDDTHHMMSS` or `…Z`, as a wall clock; undefined when unreadable. */
export function readDateText(text: string): { wall: WallMs; date: boolean; utc: boolean } | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z)?)?$/i.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, z] = match;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Math.min(59, Number(s ?? 0)); // a leap second 60 is read as :59
  if (hour > 23 || minute > 59) return undefined;
  const days = dayNumber(Number(y), month, day);
  // A day number past the month's end (20260231) is not a date.
  if (new Date(days * DAY_SECONDS * 1000).getUTCDate() !== day) return undefined;
  return {
    wall: (days * DAY_SECONDS + hour * 3600 + minute * 60 + second) * 1000,
    date: h === undefined,
    utc: z !== undefined,
  };
}

/** Reads an RRULE value such as `FREQ=MONTHLY;BYDAY=-1SA;COUNT=10`. Unknown (X-) parts are ignored. */
export function parseRecurrenceRule(text: string): RecurrenceRule {
  const rule: Partial<RecurrenceRule> & { weekStart: number } = { interval: 1, weekStart: 0 };
  for (const pair of text.split(';')) {
    if (pair.trim() === '') continue;
    const equals = pair.indexOf('=');
    if (equals < 0) throw new RuleError(`"${pair}" has no value`);
    const name = pair.slice(0, equals).trim().toUpperCase();
    const value = pair
      .slice(equals + 1)
      .trim()
      .toUpperCase();
    switch (name) {
      case 'FREQ': {
        const index = FREQUENCIES.indexOf(value as (typeof FREQUENCIES)[number]);
        if (index < 0) throw new RuleError(`FREQ=${value} is not a frequency`);
        rule.freq = index;
        break;
      }
      case 'INTERVAL': {
        if (!/^\+?\d{1,9}$/.test(value)) throw new RuleError(`INTERVAL=${value} is not a number`);
        rule.interval = Math.max(1, Number(value)); // INTERVAL=0 means what the writer left out: 1
        break;
      }
      case 'COUNT': {
        if (!/^[+-]?\d{1,12}$/.test(value)) throw new RuleError(`COUNT=${value} is not a number`);
        const count = Number(value);
        rule.count = count >= 1 ? count : undefined;
        break;
      }
      case 'UNTIL': {
        const until = readDateText(value);
        if (!until) throw new RuleError(`UNTIL=${value} is not a date`);
        rule.until = until;
        break;
      }
      case 'BYSECOND':
        // Leap seconds do not exist on the wall clocks computed here: 60 is dropped.
        rule.bySecond = integers(name, value, 0, 60, false).filter((second) => second < 60);
        break;
      case 'BYMINUTE':
        rule.byMinute = integers(name, value, 0, 59, false);
        break;
      case 'BYHOUR':
        rule.byHour = integers(name, value, 0, 23, false);
        break;
      case 'BYMONTHDAY':
        rule.byMonthDay = integers(name, value, 1, 31, true);
        break;
      case 'BYYEARDAY':
        rule.byYearDay = integers(name, value, 1, 366, true);
        break;
      case 'BYWEEKNO':
        rule.byWeekNo = integers(name, value, 1, 53, true);
        break;
      case 'BYMONTH':
        rule.byMonth = integers(name, value, 1, 12, false);
        break;
      case 'BYSETPOS':
        rule.bySetPos = integers(name, value, 1, 366, true);
        break;
      case 'BYDAY':
        rule.byDay = value.split(',').map((item) => {
          const match = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item.trim());
          const n = match?.[1] ? Number(match[1]) : 0;
          if (!match || Math.abs(n) > 53) throw new RuleError(`BYDAY: "${item}" is not a weekday`);
          return { weekday: WEEKDAY_CODES.indexOf(match[2] as (typeof WEEKDAY_CODES)[number]), n };
        });
        break;
      case 'WKST': {
        const weekStart = WEEKDAY_CODES.indexOf(value as (typeof WEEKDAY_CODES)[number]);
        if (weekStart < 0) throw new RuleError(`WKST=${value} is not a weekday`);
        rule.weekStart = weekStart;
        break;
      }
      default:
        break; // X-names and parts of later standards (RSCALE, SKIP) add nothing the engine could use
    }
  }
  if (rule.freq === undefined) throw new RuleError('the rule has no FREQ');
  return rule as RecurrenceRule;
}
