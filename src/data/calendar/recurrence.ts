/**
 * The recurrence engine: one RRULE's occurrences as wall clocks, following RFC 5545 §3.3.10 the way
 * python-dateutil reads it (the reference the tests in test/data/ics-rrule.test.ts come from).
 *
 * - The rule is stepped period by period (a year, month, week, day, hour, minute or second, times INTERVAL).
 *   Each period's days are filtered by BYMONTH, BYWEEKNO, BYYEARDAY, BYMONTHDAY and BYDAY, then combined with the
 *   times of day from BYHOUR/BYMINUTE/BYSECOND; BYSETPOS picks from that set; occurrences before DTSTART are left
 *   out; COUNT counts what is left. Parts the RFC's table marks N/A (BYWEEKNO in a WEEKLY rule) limit as filters.
 * - Missing parts come from DTSTART: the time of day; for YEARLY the month and day, for MONTHLY the day, for
 *   WEEKLY the weekday, unless another day part is given.
 * - Everything is integer arithmetic on wall clocks (see ./civil.ts); the caller converts to instants with the
 *   series' zone, so a 09:00 rule stays at 09:00 across DST changes.
 * - Jumps: a rule without COUNT starts at the period holding `from` (any frequency, so a SECONDLY rule from 1970 costs
 *   as little as a DAILY one from last week); a COUNT rule whose periods all hold the same number of occurrences skips
 *   to `from` by counting; a period whose day or hour cannot match moves on to the next day, month or hour at once.
 * - Every step is counted: `next(maxSteps)` throws RecurrenceBudgetError rather than look further, so a rule that
 *   never matches (FREQ=DAILY;BYYEARDAY=1;BYMONTHDAY=2) costs a bounded amount of work.
 * - Rules that can be seen never to match are refused before the first step (./impossible-rules.ts).
 */
import { civilDate, DAY_SECONDS, dayNumber, daysInMonth, daysInYear, weekdayOf, weekOf, weekStartOf } from './civil.js';
import { monthsPossible, unreachable } from './impossible-rules.js';
import { DAILY, HOURLY, MINUTELY, MONTHLY, SECONDLY, WEEKLY, YEARLY, type RecurrenceRule } from './rrule.js';
import type { WallMs } from './time-zone.js';

/** 10000-01-01T00:00 as wall seconds: no rule is followed further. */
const LAST_SECOND = dayNumber(10_000, 1, 1) * DAY_SECONDS;
/** Period units per day, for the frequencies counted in days or less. */
const UNITS_PER_DAY = [0, 0, 1, 1, 24, 1440, DAY_SECONDS];

/** More steps were needed than the caller allowed, or the rule can never match. */
export class RecurrenceBudgetError extends Error {
  override readonly name = 'RecurrenceBudgetError';
}

/** Steps taken by one or more iterators, and where to stop (the caller moves `limit` before each request). */
export class StepCounter {
  steps = 0;
  limit = Infinity;

  spend(steps: number): void {
    this.steps += steps;
    if (this.steps > this.limit) throw new RecurrenceBudgetError('the rule found no occurrence within its budget');
  }
}

export interface IteratorOptions {
  /** Where the caller's window begins (a wall clock): the iterator jumps there where it can. */
  from?: WallMs;
  /** A wall clock after which nothing is wanted (the rule's UNTIL, read generously). */
  until?: WallMs;
  /** Shared step counter; by default one without a limit. */
  counter?: StepCounter;
}

const floorDiv = (a: number, b: number) => Math.floor(a / b);

/** The rule after DTSTART filled in what it leaves out, with sets for the filters. */
interface Parts {
  months: Set<number> | null;
  weekNumbers: number[] | null;
  yearDays: Set<number> | null;
  monthDays: Set<number> | null;
  weekdays: Set<number> | null;
  /** `weekday * 1000 + n` for n-th weekdays (MONTHLY and YEARLY only). */
  nthWeekdays: Set<number> | null;
  hours: Set<number> | null;
  minutes: Set<number> | null;
  seconds: Set<number> | null;
  /** Seconds of the day, sorted: the times of a YEARLY … DAILY period. */
  times: number[];
  /** For HOURLY: minute*60+second offsets in the hour; for MINUTELY: seconds in the minute. */
  subTimes: number[];
  setPositions: number[] | null;
  hasDayFilter: boolean;
  /** The months a YEARLY period looks at, ascending. */
  monthList: number[];
}

function sortedProduct(hours: number[], minutes: number[], seconds: number[]): number[] {
  const times: number[] = [];
  for (const h of hours) for (const m of minutes) for (const s of seconds) times.push(h * 3600 + m * 60 + s);
  return [...new Set(times)].sort((a, b) => a - b);
}

function fillParts(rule: RecurrenceRule, start: WallMs): Parts {
  const startSeconds = Math.floor(start / 1000);
  const startDay = floorDiv(startSeconds, DAY_SECONDS);
  const secondOfDay = startSeconds - startDay * DAY_SECONDS;
  const date = civilDate(startDay);
  const hour = Math.floor(secondOfDay / 3600);
  const minute = Math.floor(secondOfDay / 60) % 60;
  const second = secondOfDay % 60;
  const freq = rule.freq;

  let months = rule.byMonth ?? null;
  let monthDays = rule.byMonthDay ?? null;
  let byDay = rule.byDay ?? null;
  if (!rule.byWeekNo && !rule.byYearDay && !monthDays && !byDay) {
    if (freq === YEARLY) {
      months ??= [date.month];
      monthDays = [date.day];
    } else if (freq === MONTHLY) {
      monthDays = [date.day];
    } else if (freq === WEEKLY) {
      byDay = [{ weekday: weekdayOf(startDay), n: 0 }];
    }
  }
  if (monthDays && !rule.byYearDay && !rule.byWeekNo) {
    // BYMONTH=2;BYMONTHDAY=30 names a day that no year has: say so at once rather than search until 9999.
    const longest = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    const possible = (months ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]).some((month) =>
      monthDays.some((day) => Math.abs(day) <= longest[month - 1]),
    );
    if (!possible) throw new RecurrenceBudgetError('the rule names a day no month has');
  }
  if (unreachable(rule, secondOfDay, weekdayOf(startDay))) throw new RecurrenceBudgetError('the rule never matches');
  if (months && !monthsPossible(rule, new Set(months))) throw new RecurrenceBudgetError('no such day in those months');
  let weekdays: Set<number> | null = null;
  let nthWeekdays: Set<number> | null = null;
  for (const { weekday, n } of byDay ?? []) {
    // An n-th weekday means something only within a month or year; in shorter periods it is every such weekday.
    if (n === 0 || freq > MONTHLY) (weekdays ??= new Set()).add(weekday);
    else (nthWeekdays ??= new Set()).add(weekday * 1000 + n);
  }
  const hours = rule.byHour ?? (freq < HOURLY ? [hour] : null);
  const minutes = rule.byMinute ?? (freq < MINUTELY ? [minute] : null);
  const seconds = rule.bySecond ?? (freq < SECONDLY ? [second] : null);
  const parts: Parts = {
    months: months ? new Set(months) : null,
    weekNumbers: rule.byWeekNo ?? null,
    yearDays: rule.byYearDay ? new Set(rule.byYearDay) : null,
    monthDays: monthDays ? new Set(monthDays) : null,
    weekdays,
    nthWeekdays,
    hours: hours ? new Set(hours) : null,
    minutes: minutes ? new Set(minutes) : null,
    seconds: seconds ? new Set(seconds) : null,
    times: freq < HOURLY ? sortedProduct(hours!, minutes!, seconds!) : [],
    subTimes:
      freq === HOURLY
        ? sortedProduct([0], minutes!, seconds!)
        : freq === MINUTELY
          ? sortedProduct([0], [0], seconds!)
          : [0],
    setPositions: rule.bySetPos ?? null,
    hasDayFilter: false,
    monthList: months ? [...new Set(months)].sort((a, b) => a - b) : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  };
  parts.hasDayFilter = !!(
    parts.months ||
    parts.weekNumbers ||
    parts.yearDays ||
    parts.monthDays ||
    parts.weekdays ||
    parts.nthWeekdays
  );
  return parts;
}

/**
 * Occurrences of one rule from DTSTART (`start`, a wall clock), ascending. `from` (a wall clock) is where the
 * caller's window begins: occurrences before it may still come, but the iterator does not walk there from DTSTART
 * where it can jump.
 */
export class RuleIterator {
  private readonly parts: Parts;
  private readonly freq: number;
  /** The period size in units of the frequency (a week counts 7 days). */
  private readonly step: number;
  private readonly startSeconds: number;
  private readonly firstPeriod: number;
  private readonly weekStart: number;
  /** The current period (year, month index, week's first day, day, hour, minute or second number). */
  private period: number;
  private buffer: number[] = [];
  private index = 0;
  private remaining: number;
  private done = false;
  /** The period `from` lies in, for a COUNT rule that may skip there after its first period. */
  private countJumpTo?: number;
  /** Occurrences per period when every period holds the same number (so COUNT can be skipped by counting). */
  private readonly uniform?: number;
  private readonly counter: StepCounter;
  private readonly untilSeconds: number;
  private emitted = 0;
  /** A WEEKLY rule filtered by nothing but weekdays: their distances from the week's first day, ascending. */
  private readonly weekOffsets?: number[];

  constructor(rule: RecurrenceRule, start: WallMs, options: IteratorOptions = {}) {
    const { from, until } = options;
    this.counter = options.counter ?? new StepCounter();
    this.untilSeconds = until === undefined ? Infinity : Math.floor(until / 1000);
    this.freq = rule.freq;
    this.parts = fillParts(rule, start);
    this.startSeconds = Math.floor(start / 1000);
    this.step = rule.interval * (rule.freq === WEEKLY ? 7 : 1);
    this.firstPeriod = this.periodOf(this.startSeconds, rule.weekStart);
    this.weekStart = rule.weekStart;
    this.period = this.firstPeriod;
    this.remaining = rule.count ?? Infinity;
    this.uniform = this.occurrencesPerPeriod();
    const p = this.parts;
    if (
      this.freq === WEEKLY &&
      p.weekdays &&
      !(p.months || p.weekNumbers || p.yearDays || p.monthDays || p.nthWeekdays)
    ) {
      this.weekOffsets = [...p.weekdays].map((weekday) => (weekday - rule.weekStart + 7) % 7).sort((a, b) => a - b);
    }
    if (from !== undefined && from > start) {
      const target = this.alignDown(this.periodOf(Math.floor(from / 1000), rule.weekStart));
      if (rule.count === undefined) this.period = Math.max(this.period, target);
      else if (this.uniform !== undefined && target > this.firstPeriod) this.countJumpTo = target;
    }
  }

  /** The next occurrence's wall clock, or null when the rule has ended. Throws RecurrenceBudgetError. */
  next(): WallMs | null {
    for (;;) {
      while (this.index < this.buffer.length) {
        const seconds = this.buffer[this.index++];
        if (seconds < this.startSeconds) continue;
        if (this.remaining-- <= 0 || seconds > this.untilSeconds) {
          this.done = true;
          this.index = this.buffer.length;
          return null;
        }
        this.emitted++;
        return seconds * 1000;
      }
      // `done` says no period follows; the last one's occurrences have been handed out above.
      if (this.done) return null;
      this.buffer.length = 0;
      this.index = 0;
      const skipTo = this.expand(this.period);
      this.advance(skipTo);
    }
  }

  private spend(steps: number): void {
    this.counter.spend(steps);
  }

  /** The period (in the frequency's units) holding an instant given in wall seconds. */
  private periodOf(seconds: number, weekStart: number): number {
    const day = floorDiv(seconds, DAY_SECONDS);
    switch (this.freq) {
      case YEARLY:
        return civilDate(day).year;
      case MONTHLY: {
        const { year, month } = civilDate(day);
        return year * 12 + month - 1;
      }
      case WEEKLY:
        return weekStartOf(day, weekStart);
      case DAILY:
        return day;
      case HOURLY:
        return floorDiv(seconds, 3600);
      case MINUTELY:
        return floorDiv(seconds, 60);
      default:
        return seconds;
    }
  }

  /** The last period of the rule (DTSTART's plus whole steps) at or before `unit`. */
  private alignDown(unit: number): number {
    return this.firstPeriod + floorDiv(unit - this.firstPeriod, this.step) * this.step;
  }

  /** The first period of the rule at or after `unit`. */
  private alignUp(unit: number): number {
    return this.firstPeriod + Math.ceil((unit - this.firstPeriod) / this.step) * this.step;
  }

  private occurrencesPerPeriod(): number | undefined {
    const p = this.parts;
    if (p.setPositions) return undefined;
    const dayFilter = p.months || p.weekNumbers || p.yearDays || p.monthDays || p.nthWeekdays;
    switch (this.freq) {
      case WEEKLY:
        return dayFilter ? undefined : p.weekdays!.size * p.times.length;
      case DAILY:
        return p.hasDayFilter ? undefined : p.times.length;
      case HOURLY:
        return p.hasDayFilter || p.hours ? undefined : p.subTimes.length;
      case MINUTELY:
        return p.hasDayFilter || p.hours || p.minutes ? undefined : p.subTimes.length;
      case SECONDLY:
        return p.hasDayFilter || p.hours || p.minutes || p.seconds ? undefined : 1;
      default:
        return undefined;
    }
  }

  private advance(skipTo: number | undefined): void {
    let next = this.period + this.step;
    if (skipTo !== undefined && skipTo > next) next = this.alignUp(skipTo);
    if (this.countJumpTo !== undefined) {
      if (this.countJumpTo > next) {
        this.remaining -= ((this.countJumpTo - next) / this.step) * this.uniform!;
        next = this.countJumpTo;
        if (this.remaining <= 0) this.done = true;
      }
      this.countJumpTo = undefined;
    }
    this.period = next;
    const firstSecond = this.periodStart(next);
    if (firstSecond > this.untilSeconds) this.done = true;
    else if (firstSecond >= LAST_SECOND) {
      this.done = true;
      // From DTSTART (or the window) to the year 9999 without a single match: the rule never matches.
      if (this.emitted === 0 && this.remaining > 0 && this.buffer.length === 0) {
        throw new RecurrenceBudgetError('the rule never matches');
      }
    }
  }

  /** The first wall second of a period. */
  private periodStart(period: number): number {
    switch (this.freq) {
      case YEARLY:
        return dayNumber(period, 1, 1) * DAY_SECONDS;
      case MONTHLY: {
        const year = floorDiv(period, 12);
        return dayNumber(year, period - year * 12 + 1, 1) * DAY_SECONDS;
      }
      case WEEKLY:
      case DAILY:
        return period * DAY_SECONDS;
      default:
        return period * (DAY_SECONDS / UNITS_PER_DAY[this.freq]);
    }
  }

  /**
   * Fills the buffer with the period's occurrences (wall seconds, ascending). Returns a unit to skip to when the
   * period showed that nothing can match before it (the next day, month, hour or minute).
   */
  private expand(period: number): number | undefined {
    this.spend(1);
    const p = this.parts;
    const freq = this.freq;
    const days: number[] = [];
    let times = p.times;
    let skipTo: number | undefined;
    if (freq === YEARLY) {
      for (const month of p.monthList) this.matchMonth(period, month, days);
    } else if (freq === MONTHLY) {
      const year = floorDiv(period, 12);
      this.matchMonth(year, period - year * 12 + 1, days);
    } else if (freq === WEEKLY) {
      if (this.weekOffsets) {
        // Only weekdays are asked for (the common BYDAY=MO,WE): their days follow from the week's first day.
        this.spend(this.weekOffsets.length);
        for (const offset of this.weekOffsets) days.push(period + offset);
      } else {
        this.spend(7);
        for (let day = period; day < period + 7; day++) if (this.dayMatchesAnywhere(day)) days.push(day);
      }
    } else {
      const perDay = UNITS_PER_DAY[freq];
      const day = floorDiv(period, perDay);
      if (p.hasDayFilter) {
        const { year, month, day: monthDay } = civilDate(day);
        if (!this.dayMatches(day, year, month, monthDay)) {
          // Nothing on this day can match: on to the next day, the next month if the month is wrong, the next week
          // if the week number is.
          let nextDay = day + 1;
          if (p.months && !p.months.has(month)) nextDay = dayNumber(year, month + 1, 1);
          else if (!this.inWeekNumbers(day)) nextDay = weekStartOf(day, this.weekStart) + 7;
          return nextDay * perDay;
        }
      }
      days.push(day);
      if (freq > DAILY) {
        const seconds = freq === HOURLY ? period * 3600 : freq === MINUTELY ? period * 60 : period;
        const secondOfDay = seconds - day * DAY_SECONDS;
        const hour = Math.floor(secondOfDay / 3600);
        const minute = Math.floor(secondOfDay / 60) % 60;
        if (p.hours && !p.hours.has(hour)) {
          times = [];
          if (freq > HOURLY) skipTo = (day * 24 + hour + 1) * (freq === MINUTELY ? 60 : 3600);
        } else if (freq > HOURLY && p.minutes && !p.minutes.has(minute)) {
          times = [];
          if (freq === SECONDLY) skipTo = (floorDiv(seconds, 60) + 1) * 60;
        } else if (freq === SECONDLY && p.seconds && !p.seconds.has(secondOfDay % 60)) {
          times = [];
        } else {
          const base = freq === HOURLY ? hour * 3600 : freq === MINUTELY ? hour * 3600 + minute * 60 : secondOfDay;
          if (!p.setPositions) {
            // The common case, once per period of a SECONDLY rule: no arrays on the way.
            this.spend(p.subTimes.length);
            for (const offset of p.subTimes) this.buffer.push(day * DAY_SECONDS + base + offset);
            return skipTo;
          }
          times = p.subTimes.map((offset) => base + offset);
        }
      }
    }
    if (days.length === 0 || times.length === 0) return skipTo;
    this.spend(days.length * times.length);
    if (p.setPositions) {
      const size = days.length * times.length;
      const picked = new Set<number>();
      for (const position of p.setPositions) {
        const index = position > 0 ? position - 1 : size + position;
        if (index < 0 || index >= size) continue;
        const day = days[Math.floor(index / times.length)];
        picked.add(day * DAY_SECONDS + times[index % times.length]);
      }
      this.buffer = [...picked].sort((a, b) => a - b);
    } else {
      for (const day of days) for (const time of times) this.buffer.push(day * DAY_SECONDS + time);
    }
    return skipTo;
  }

  /**
   * Appends one month's matching days. Where the day parts name the days (BYMONTHDAY, or weekdays counted in the
   * month) only those are looked at, so a monthly rule costs a few steps a month, not thirty.
   */
  private matchMonth(year: number, month: number, out: number[]): void {
    const p = this.parts;
    if (p.months && !p.months.has(month)) {
      this.spend(1);
      return;
    }
    const first = dayNumber(year, month, 1);
    const length = daysInMonth(year, month);
    const candidates = this.candidatesInMonth(first, length);
    if (candidates) {
      this.spend(candidates.length + 1);
      for (const monthDay of candidates) {
        if (this.dayMatches(first + monthDay - 1, year, month, monthDay)) out.push(first + monthDay - 1);
      }
    } else {
      this.spend(length);
      for (let monthDay = 1; monthDay <= length; monthDay++) {
        if (this.dayMatches(first + monthDay - 1, year, month, monthDay)) out.push(first + monthDay - 1);
      }
    }
  }

  /** Candidate days by month shape (length and first weekday): a month's candidates depend on nothing else. */
  private readonly candidateCache = new Map<number, number[] | null>();

  /** The days of a month (1-based, ascending) that can match at all, or null when every day must be looked at. */
  private candidatesInMonth(first: number, length: number): number[] | null {
    const key = length * 7 + weekdayOf(first);
    let candidates = this.candidateCache.get(key);
    if (candidates === undefined) {
      candidates = this.findCandidates(first, length);
      this.candidateCache.set(key, candidates);
    }
    return candidates;
  }

  private findCandidates(first: number, length: number): number[] | null {
    const p = this.parts;
    if (p.yearDays || p.weekNumbers) return null;
    const found = new Set<number>();
    if (p.monthDays) {
      for (const value of p.monthDays) {
        const monthDay = value > 0 ? value : length + value + 1;
        if (monthDay >= 1 && monthDay <= length) found.add(monthDay);
      }
    } else if (p.weekdays || p.nthWeekdays) {
      if (p.nthWeekdays && !(this.freq === MONTHLY || p.months)) return null; // n-th in the year: scan
      const firstWeekday = weekdayOf(first);
      for (const weekday of p.weekdays ?? []) {
        for (let day = 1 + ((weekday - firstWeekday + 7) % 7); day <= length; day += 7) found.add(day);
      }
      const lastWeekday = weekdayOf(first + length - 1);
      for (const key of p.nthWeekdays ?? []) {
        const weekday = Math.round(key / 1000);
        const n = key - weekday * 1000;
        const day =
          n > 0
            ? 1 + ((weekday - firstWeekday + 7) % 7) + (n - 1) * 7
            : length - ((lastWeekday - weekday + 7) % 7) + (n + 1) * 7;
        if (day >= 1 && day <= length) found.add(day);
      }
    } else {
      return null;
    }
    return [...found].sort((a, b) => a - b);
  }

  private dayMatchesAnywhere(day: number): boolean {
    if (!this.parts.hasDayFilter) return true;
    const { year, month, day: monthDay } = civilDate(day);
    return this.dayMatches(day, year, month, monthDay);
  }

  /** The last week looked at (its first day) and whether its number is asked for: days come a week at a time. */
  private weekSeen = NaN;
  private weekWanted = false;

  private inWeekNumbers(day: number): boolean {
    const weekNumbers = this.parts.weekNumbers;
    if (!weekNumbers) return true;
    const first = weekStartOf(day, this.weekStart);
    if (first !== this.weekSeen) {
      const { week, weeks } = weekOf(day, this.weekStart);
      this.weekSeen = first;
      this.weekWanted = weekNumbers.includes(week) || weekNumbers.includes(week - weeks - 1);
    }
    return this.weekWanted;
  }

  private dayMatches(day: number, year: number, month: number, monthDay: number): boolean {
    const p = this.parts;
    if (!p.hasDayFilter) return true;
    if (p.months && !p.months.has(month)) return false;
    if (!this.inWeekNumbers(day)) return false;
    if (p.weekdays || p.nthWeekdays) {
      const weekday = weekdayOf(day);
      let matches = p.weekdays?.has(weekday) ?? false;
      if (!matches && p.nthWeekdays) {
        // Within the month (MONTHLY, or YEARLY with BYMONTH), otherwise within the year.
        const inMonth = this.freq === MONTHLY || !!p.months;
        const position = inMonth ? monthDay : day - dayNumber(year, 1, 1) + 1;
        const length = inMonth ? daysInMonth(year, month) : daysInYear(year);
        const forward = Math.floor((position - 1) / 7) + 1;
        const backward = -(Math.floor((length - position) / 7) + 1);
        matches = p.nthWeekdays.has(weekday * 1000 + forward) || p.nthWeekdays.has(weekday * 1000 + backward);
      }
      if (!matches) return false;
    }
    if (p.monthDays) {
      const length = daysInMonth(year, month);
      if (!p.monthDays.has(monthDay) && !p.monthDays.has(monthDay - length - 1)) return false;
    }
    if (p.yearDays) {
      const yearDay = day - dayNumber(year, 1, 1) + 1;
      if (!p.yearDays.has(yearDay) && !p.yearDays.has(yearDay - daysInYear(year) - 1)) return false;
    }
    return true;
  }
}
