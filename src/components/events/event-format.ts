import type { Lang } from '../../data/types.js';
import type { EventItem } from './event-model.js';
import { addDays, dayKey, utcDay } from './zoned-time.js';

/**
 * Date text for events, pure: the zone and the clock are parameters, never the machine's. Weekday and month names
 * come from Intl for the page's locale: "Di., 11. Aug. 2020, 18:00–21:00 Uhr".
 */
export interface DateTextOptions {
  /** BCP 47 locale for Intl (`de-DE`, `en-GB`). */
  locale: string;
  lang: Lang;
  timeZone: string;
  /** The clock for "Heute"/"Morgen"; without it dates are always written out. */
  now?: Date;
}

const words = {
  de: { today: 'Heute', tomorrow: 'Morgen', allDay: 'ganztägig', clock: ' Uhr' },
  en: { today: 'Today', tomorrow: 'Tomorrow', allDay: 'all day', clock: '' },
} as const;

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: string, timeZone: string, kind: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${timeZone}|${kind}`;
  let result = formats.get(key);
  if (!result) {
    result = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formats.set(key, result);
  }
  return result;
}

const DATE: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
const DATE_NO_YEAR: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };

/** All-day dates are calendar days stored at midnight UTC: format them in UTC. */
function zoneOf(allDay: boolean, timeZone: string): string {
  return allDay ? 'UTC' : timeZone;
}

function dateText(date: Date, allDay: boolean, options: DateTextOptions, withYear = true): string {
  const zone = zoneOf(allDay, options.timeZone);
  return format(options.locale, zone, withYear ? 'date' : 'date-no-year', withYear ? DATE : DATE_NO_YEAR).format(date);
}

function timeText(date: Date, options: DateTextOptions): string {
  // German always writes 18:00; English follows its locale (19:00 in en-GB, 7:00 PM in en-US).
  const hour =
    options.lang === 'de' ? ({ hour: '2-digit', hourCycle: 'h23' } as const) : ({ hour: 'numeric' } as const);
  return format(options.locale, options.timeZone, 'time', { ...hour, minute: '2-digit' }).format(date);
}

/** "Heute"/"Morgen" when the day is today or tomorrow in the zone, else undefined. */
export function relativeDayName(day: string, options: DateTextOptions): string | undefined {
  if (!options.now) return undefined;
  const today = dayKey(options.now, options.timeZone);
  if (day === today) return words[options.lang].today;
  if (day === dayKey(addDays(utcDay(today), 1), 'UTC')) return words[options.lang].tomorrow;
  return undefined;
}

function dayOf(date: Date, allDay: boolean, timeZone: string): string {
  return dayKey(date, zoneOf(allDay, timeZone));
}

/**
 * When an event takes place, as one line of text:
 * - `Di., 11. Aug. 2020, 18:00–21:00 Uhr` (same day), `Di., 11. Aug. 2020, 18:00 Uhr` (no end)
 * - `Fr., 7. Okt., 18:00 Uhr – So., 9. Okt. 2022, 12:00 Uhr` (several days)
 * - `Sa., 9. Juni 2018, ganztägig`, `Sa., 7. Okt. – Mo., 23. Okt. 2017` (all-day, end exclusive in the data)
 * - `Heute, 18:00 Uhr`, `Morgen, ganztägig`.
 */
export function formatEventWhen(event: Pick<EventItem, 'start' | 'end' | 'allDay'>, options: DateTextOptions): string {
  const w = words[options.lang];
  const { start, allDay, end } = event;
  const startDay = dayOf(start, allDay, options.timeZone);
  const startName = relativeDayName(startDay, options);
  if (allDay) {
    const last = end ? addDays(end, -1) : start;
    const lastDay = dayOf(last, true, options.timeZone);
    if (lastDay <= startDay) return `${startName ?? dateText(start, true, options)}, ${w.allDay}`;
    const sameYear = startDay.slice(0, 4) === lastDay.slice(0, 4);
    const first = startName ?? dateText(start, true, options, !sameYear);
    return `${first} – ${relativeDayName(lastDay, options) ?? dateText(last, true, options)}`;
  }
  const from = timeText(start, options);
  if (!end || end.getTime() === start.getTime()) {
    return `${startName ?? dateText(start, false, options)}, ${from}${w.clock}`;
  }
  const endDay = dayOf(end, false, options.timeZone);
  if (endDay === startDay) {
    return `${startName ?? dateText(start, false, options)}, ${from}–${timeText(end, options)}${w.clock}`;
  }
  const sameYear = startDay.slice(0, 4) === endDay.slice(0, 4);
  const first = startName ?? dateText(start, false, options, !sameYear);
  const second = relativeDayName(endDay, options) ?? dateText(end, false, options);
  return `${first}, ${from}${w.clock} – ${second}, ${timeText(end, options)}${w.clock}`;
}

/** The parts of the compact layout's date badge: `Di.`, `11`, `Aug.`. */
export function formatBadge(
  event: Pick<EventItem, 'start' | 'allDay'>,
  options: DateTextOptions,
): { weekday: string; day: string; month: string } {
  const zone = zoneOf(event.allDay, options.timeZone);
  const parts = format(options.locale, zone, 'badge', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).formatToParts(event.start);
  const pick = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: pick('weekday'), day: pick('day'), month: pick('month') };
}

/** Group headings: `November 2026` for a month key, `Do., 26. Nov. 2026` (or "Heute") for a day key. */
export function formatGroupLabel(key: string, options: DateTextOptions): string {
  if (key.length === 7) {
    const date = utcDay(`${key}-01`);
    return format(options.locale, 'UTC', 'month', { month: 'long', year: 'numeric' }).format(date);
  }
  const name = relativeDayName(key, options);
  const full = format(options.locale, 'UTC', 'day-long', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(utcDay(key));
  return name ? `${name}, ${full}` : full;
}

/** The machine-readable value for `<time datetime>`: a date for all-day events, an instant otherwise. */
export function datetimeAttribute(date: Date, allDay: boolean): string {
  return allDay ? date.toISOString().slice(0, 10) : date.toISOString();
}
