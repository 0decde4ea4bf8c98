/**
 * Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), without Date objects: the
 * recurrence engine asks these for every day it looks at, and integer maths is many times cheaper than Date.UTC.
 */

export const DAY_SECONDS = 86_400;

/** Day number of a calendar date (month 1–12). Howard Hinnant's days_from_civil. */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/** The calendar date of a day number (Hinnant's civil_from_days). */
export function civilDate(days: number): CivilDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** The first day of the week (starting on `weekStart`, 0 = Monday) that contains `days`. */
export function weekStartOf(days: number, weekStart: number): number {
  return days - ((weekdayOf(days) - weekStart + 7) % 7);
}

/**
 * Week number as RFC 5545 defines it for BYWEEKNO: weeks start on `weekStart`, week 1 is the first week with at
 * least four days in the year. Returns the year the week belongs to, its number and how many weeks that year has.
 */
export function weekOf(days: number, weekStart: number): { year: number; week: number; weeks: number } {
  const start = weekStartOf(days, weekStart);
  const year = civilDate(start + 3).year;
  const firstWeek = weekStartOf(dayNumber(year, 1, 4), weekStart);
  const nextFirstWeek = weekStartOf(dayNumber(year + 1, 1, 4), weekStart);
  return { year, week: (start - firstWeek) / 7 + 1, weeks: (nextFirstWeek - firstWeek) / 7 };
}
