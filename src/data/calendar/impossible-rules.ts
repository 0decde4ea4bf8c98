/**
 * Rules that can be seen never to match, without stepping them: the engine refuses them before the first step
 * instead of spending a series' whole budget to find out (see ./recurrence.ts).
 */
import { civilDate, DAY_SECONDS, dayNumber } from './civil.js';
import { DAILY, HOURLY, MINUTELY, SECONDLY, type RecurrenceRule } from './rrule.js';

/** Seconds per period of the frequencies shorter than a day. */
const PERIOD_SECONDS = [0, 0, 0, 0, 3600, 60, 1];

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * True when the rule's own steps can never land on what a limiting part asks for, so no step budget has to find it
 * out: every 24 hours from 10:00 never reaches BYHOUR=9, every seven days from a Thursday never a Monday. Steps are
 * INTERVAL periods of wall clock from DTSTART, so the reachable times of day (or weekdays) are one residue class.
 */
export function unreachable(rule: RecurrenceRule, secondOfDay: number, weekday: number): boolean {
  const { freq, interval } = rule;
  if (freq === DAILY) {
    const weekdays = rule.byDay?.map((part) => part.weekday);
    const g = gcd(interval, 7);
    return !!weekdays && !weekdays.some((w) => (((w - weekday) % g) + g) % g === 0);
  }
  if (freq < HOURLY) return false;
  const step = interval * PERIOD_SECONDS[freq];
  // Is there a second in [from, from + length) that a step from DTSTART reaches (modulo `period`)?
  const reaches = (period: number, from: number, length: number) => {
    const g = gcd(step, period);
    const offset = secondOfDay % g;
    return Math.ceil((from - offset) / g) * g + offset < from + length;
  };
  if (rule.byHour && !rule.byHour.some((hour) => reaches(DAY_SECONDS, hour * 3600, 3600))) return true;
  if (freq >= MINUTELY && rule.byMinute && !rule.byMinute.some((minute) => reaches(3600, minute * 60, 60))) return true;
  return freq === SECONDLY && !!rule.bySecond && !rule.bySecond.some((second) => reaches(60, second, 1));
}

/** The month (1–12) of a 1-based day of a year of `length` days; days outside it are December before or January after. */
function monthOfYearDay(day: number, length: number): number {
  if (day < 1) return 12;
  if (day > length) return 1;
  return civilDate(dayNumber(length === 366 ? 2000 : 2001, 1, 1) + day - 1).month;
}

/**
 * False when BYYEARDAY or BYWEEKNO name only days outside the BYMONTH months in every year (day 366 in January, week
 * 1 in June): only looking at the days would show it, until the step budget ran out.
 */
export function monthsPossible(rule: RecurrenceRule, months: Set<number>): boolean {
  const lengths = [365, 366];
  if (rule.byYearDay) {
    const possible = rule.byYearDay.some((value) =>
      lengths.some((length) => {
        const day = value > 0 ? value : length + value + 1;
        return day >= 1 && day <= length && months.has(monthOfYearDay(day, length));
      }),
    );
    if (!possible) return false;
  }
  if (rule.byWeekNo) {
    // Week 1 begins between 29 December and 4 January, the last week between 22 and 28 December: a week covers at
    // most these days of the year.
    const possible = rule.byWeekNo.some((week) =>
      lengths.some((length) => {
        const first = week > 0 ? 7 * (week - 1) - 2 : length + 7 * (week + 1) - 9;
        for (let day = first; day <= first + 12; day++) if (months.has(monthOfYearDay(day, length))) return true;
        return false;
      }),
    );
    if (!possible) return false;
  }
  return true;
}
