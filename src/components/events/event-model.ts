import { getValue, mapRoles, type RoleMap, type RoleSpecs } from '../../data/mapping.js';
import type { DataRecord, Dataset, Lang, Value } from '../../data/types.js';
import { clampText, displayText, TITLE_LENGTH } from '../../shared/display-text.js';
import { DAY_MS } from '../../data/util.js';
import { matchesSearch, searchIndex, searchWords } from '../../shared/search.js';
import { addDays, dayKey, floating } from './zoned-time.js';

/** One occurrence as the widget shows it. All-day `start`/`end` are midnight UTC of calendar days, end exclusive. */
export interface EventItem {
  id: string;
  title: string;
  start: Date;
  end: Date | null;
  allDay: boolean;
  location?: string;
  category?: string;
  url?: string;
  description?: string;
  cancelled: boolean;
  /** A state the source gives (OParl's meeting state: "eingeladen", "durchgeführt"), shown as a label. */
  state?: string;
  uid?: string;
  /** The dataset's record the event was read from. */
  record?: DataRecord;
}

export type EventRole =
  | 'title'
  | 'start'
  | 'end'
  | 'allDay'
  | 'location'
  | 'category'
  | 'url'
  | 'description'
  | 'cancelled'
  | 'state'
  | 'uid';

/**
 * Field names that usually hold each role. Calendar formats (ICS, OParl) use the English names of
 * EVENT_FIELD_NAMES, so they match without configuration; German CSV/JSON headers match the German names.
 */
export const EVENT_ROLE_SPECS: RoleSpecs<EventRole> = {
  title: {
    candidates: ['title', 'titel', 'name', 'bezeichnung', 'veranstaltung', 'summary', 'betreff'],
    required: true,
  },
  start: {
    candidates: ['start', 'beginn', 'startdatum', 'datum', 'date', 'von', 'dtstart', 'termin'],
    required: true,
    types: ['date', 'string'],
  },
  end: { candidates: ['end', 'ende', 'enddatum', 'bis', 'dtend'], types: ['date', 'string'] },
  allDay: { candidates: ['allDay', 'ganztaegig', 'ganztags'], types: ['boolean'] },
  location: { candidates: ['location', 'ort', 'veranstaltungsort', 'adresse', 'address'] },
  category: { candidates: ['category', 'kategorie', 'rubrik', 'organization', 'gremium'] },
  url: { candidates: ['url', 'link', 'website', 'web', 'homepage'] },
  description: { candidates: ['description', 'beschreibung', 'text', 'details', 'info'] },
  cancelled: { candidates: ['cancelled', 'abgesagt', 'canceled'], types: ['boolean'] },
  state: { candidates: ['state', 'meetingState', 'sitzungsstatus'] },
  uid: { candidates: ['uid'] },
};

/** Dates come typed from the data layer; an ISO string (JSON without inference) is accepted as well. */
function toDate(value: Value | undefined): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value.trim())) {
    const date = new Date(value.trim());
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  return undefined;
}

/** The data layer gives date-only cells (`15.08.2020`, `2020-08-15`) as midnight UTC of that date. */
function isUtcMidnight(date: Date): boolean {
  return date.getTime() % DAY_MS === 0;
}

/**
 * Dataset records → events. Roles come from `overrides` (the `*-field` attributes) or the candidates above.
 * A table without an all-day column gets all-day events when start (and end) are midnight UTC, which is how the
 * data layer gives cells with a date but no time; their end date is then taken as inclusive, as people write
 * "bis 13.08.".
 */
export function recordsToEvents(
  dataset: Dataset,
  overrides: Partial<Record<EventRole, string | undefined>> = {},
  lang: Lang = 'de',
): EventItem[] {
  const roles: RoleMap<EventRole> = mapRoles(dataset.fields, EVENT_ROLE_SPECS, overrides, dataset.meta.url);
  const locale = lang === 'de' ? 'de-DE' : 'en-GB';
  const text = (value: Value | undefined) => displayText(value, { locale, lang, plain: true });
  const events: EventItem[] = [];
  for (const record of dataset.records) {
    const get = (role: EventRole) => getValue(record, roles[role]);
    const start = toDate(get('start'));
    if (!start) continue;
    let end = toDate(get('end')) ?? null;
    const allDayValue = get('allDay');
    let allDay = allDayValue === true;
    if (typeof allDayValue !== 'boolean' && isUtcMidnight(start) && (!end || isUtcMidnight(end))) {
      allDay = true;
      end = end ? addDays(end, 1) : null;
    }
    if (end && end.getTime() < start.getTime()) end = null;
    const cancelledValue = get('cancelled');
    events.push({
      id: record.id,
      title: clampText(text(get('title')) ?? '', TITLE_LENGTH),
      start,
      end,
      allDay,
      location: text(get('location')),
      category: text(get('category')),
      url: text(get('url')),
      description: text(get('description')),
      cancelled:
        cancelledValue === true || (typeof cancelledValue === 'string' && /^(ja|yes|true|1)$/i.test(cancelledValue)),
      state: text(get('state')),
      uid: text(get('uid')),
      record,
    });
  }
  return events;
}

export type EventRange = 'upcoming' | 'past' | 'all';

export interface Selection {
  range: EventRange;
  now: Date;
  timeZone: string;
  from?: Date;
  to?: Date;
  limit?: number;
}

/** How far ahead an open-ended list looks for recurring events. */
const HORIZON_DAYS = 3653;

/**
 * The window the widget asks the data layer for: the one it shows, to the instant. `upcoming` starts at the clock,
 * `past` ends there, `from`/`to`/`days` narrow it (`own`). So a rule repeating every second fills a limit of 500
 * with the next 500 seconds, not with yesterday's. The data layer compares all-day events as UTC calendar days,
 * the widget as days in its zone: each bound reaches as far as either reading needs (west of UTC, "today" ends after
 * midnight UTC). Open ends are explicit (1970, or ten years after the clock), so the data layer's defaults around
 * the real date never apply to an injected clock. The window depends only on the clock the element was created
 * with (or `now`), so a re-render never reloads.
 */
export function loadWindow(
  range: EventRange,
  now: Date,
  own: { from?: Date; to?: Date },
  timeZone: string,
): { from: Date; to: Date } {
  const lower = (date: Date) => Math.min(date.getTime(), floating(date, timeZone));
  const upper = (date: Date) => Math.max(date.getTime(), floating(date, timeZone));
  const lowers = [own.from, range === 'upcoming' ? now : undefined].filter((d): d is Date => !!d).map(lower);
  const uppers = [own.to, range === 'past' ? now : undefined].filter((d): d is Date => !!d).map(upper);
  const from = Math.max(0, ...lowers);
  const to = Math.min(addDays(now, HORIZON_DAYS).getTime(), ...uppers);
  return { from: new Date(from), to: new Date(Math.max(from, to)) };
}

/** Comparable times: instants for timed events, the zone's wall clock read as UTC for all-day events. */
function bounds(event: EventItem): { start: number; end: number } {
  const start = event.start.getTime();
  const end = event.end?.getTime() ?? (event.allDay ? addDays(event.start, 1).getTime() : start);
  return { start, end };
}

function at(date: Date, allDay: boolean, timeZone: string): number {
  return allDay ? floating(date, timeZone) : date.getTime();
}

/**
 * Whether an event is over at `now` (what `range="past"` lists): it ended, or a zero-length one started before now.
 * Nothing is left to add to a calendar then.
 */
export function isOver(event: EventItem, now: Date, timeZone: string): boolean {
  const { start, end } = bounds(event);
  const clock = at(now, event.allDay, timeZone);
  return start === end ? end < clock : end <= clock;
}

/**
 * The events of a range, in reading order: `upcoming` (running or starting from now, soonest first), `past` (over,
 * newest first), `all` (oldest first); `from`/`to` narrow further (events overlapping the window), `limit` cuts.
 */
export function selectEvents(events: readonly EventItem[], selection: Selection): EventItem[] {
  const { range, now, timeZone, from, to } = selection;
  const kept = events.filter((event) => {
    const { start, end } = bounds(event);
    const zero = start === end;
    if (range === 'upcoming' && isOver(event, now, timeZone)) return false;
    if (range === 'past' && end > at(now, event.allDay, timeZone)) return false;
    if (from && !(zero ? end >= at(from, event.allDay, timeZone) : end > at(from, event.allDay, timeZone)))
      return false;
    if (to && !(start < at(to, event.allDay, timeZone))) return false;
    return true;
  });
  const direction = range === 'past' ? -1 : 1;
  // A stable sort: events starting at the same time keep the source's order.
  kept.sort((a, b) => direction * (a.start.getTime() - b.start.getTime()));
  return selection.limit !== undefined && selection.limit >= 0 ? kept.slice(0, selection.limit) : kept;
}

/** Category and the search rule of every widget (src/shared/search.ts) over title, text, place and category. */
export function filterEvents(
  events: readonly EventItem[],
  categories: readonly string[],
  query: string | undefined,
  locale: string,
): EventItem[] {
  const words = searchWords(query, locale);
  return events.filter((event) => {
    if (categories.length && !(event.category && categories.includes(event.category))) return false;
    if (!words.length) return true;
    const index = searchIndex([event.title, event.description, event.location, event.category], locale);
    return matchesSearch(index, words);
  });
}

/**
 * Whether the title already names the category (OParl: "15. Sitzung – Stadtverordnetenversammlung" of the
 * committee "Stadtverordnetenversammlung"): then the entry does not repeat it. Whole words, case and accents folded.
 */
export function titleNamesCategory(event: EventItem, locale: string): boolean {
  if (!event.category) return false;
  const title = searchIndex([event.title], locale);
  const category = searchIndex([event.category], locale);
  return !!category && `${title} `.includes(`${category} `);
}

export type GroupBy = 'month' | 'day' | 'none';

/** The calendar day an event starts on, in the zone (all-day dates are already calendar days). */
export function startDayKey(event: EventItem, timeZone: string): string {
  return dayKey(event.start, event.allDay ? 'UTC' : timeZone);
}

export interface EventGroup {
  /** `2026-11` or `2026-11-26`; empty without grouping. */
  key: string;
  events: EventItem[];
}

/** Consecutive events of the same month or day, keeping the given order. */
export function groupEvents(events: readonly EventItem[], groupBy: GroupBy, timeZone: string): EventGroup[] {
  if (groupBy === 'none') return events.length ? [{ key: '', events: [...events] }] : [];
  const groups: EventGroup[] = [];
  for (const event of events) {
    const day = startDayKey(event, timeZone);
    const key = groupBy === 'month' ? day.slice(0, 7) : day;
    const last = groups.at(-1);
    if (last && last.key === key) last.events.push(event);
    else groups.push({ key, events: [event] });
  }
  return groups;
}
