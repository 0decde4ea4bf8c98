/**
 * iCalendar (RFC 5545) → one record per occurrence. The text is read by ../calendar/ics-text.ts, RRULEs are stepped
 * by our own engine (../calendar/recurrence.ts) on wall clocks, times become instants through the browser's IANA
 * zone data (../calendar/time-zone.ts; ../calendar/vtimezone.ts for a VTIMEZONE the browser does not know), and a lazy merge
 * (../calendar/merge.ts) hands out occurrences in order, so "the next 20" expands little more than 20.
 *
 * Work is bounded: each series may take a fixed number of engine steps between two occurrences it hands out, the
 * feed as a whole a larger number; a series that runs out, or fails in any other way, is left out and named in
 * `unreadable`, and the rest of the feed is shown.
 */
import { charsetOf, decodeText } from '../decode.js';
import { datasetDate } from '../dataset-date.js';
import { DataError } from '../errors.js';
import { EVENT_FIELDS, OccurrenceRecord, resolveWindow, takeOrdered } from '../calendar/events.js';
import {
  allProperties,
  firstProperty,
  parseDuration,
  parseIcsComponents,
  splitTextList,
  textOf,
  type IcsComponent,
  type IcsProperty,
} from '../calendar/ics-text.js';
import {
  mergeOccurrences,
  overlaps,
  type MergeWindow,
  type Occurrence,
  type OccurrenceSource,
} from '../calendar/merge.js';
import { RecurrenceBudgetError, RuleIterator, StepCounter } from '../calendar/recurrence.js';
import { parseRecurrenceRule, readDateText, RuleError, type RecurrenceRule } from '../calendar/rrule.js';
import {
  DEFAULT_TIME_ZONE,
  ianaTimeZone,
  timeZoneFromTzid,
  utcTimeZone,
  type TimeZone,
  type WallMs,
} from '../calendar/time-zone.js';
import { vtimezoneZone } from '../calendar/vtimezone.js';
import type { DataRecord, Geometry, SourceDescription } from '../types.js';
import { DAY_MS } from '../util.js';
import type { Parser } from './parser.js';

const HOUR_MS = 3_600_000;
/** The most occurrences one calendar yields (about 45 a day for three years). */
const MAX_OCCURRENCES = 50_000;
/**
 * Engine steps one series may take to find its next occurrence in the window. The slowest steps (a day checked
 * against week numbers) took up to 0.3 µs on the shared build machine: 10 000 are about 3 ms. Jumps make a rule
 * from 1970 need far fewer (test/data/ics-hostile.test.ts finds every frequency's next one within 10 000).
 */
export const SERIES_STEP_BUDGET = 10_000;
/** Engine steps a whole feed may spend beyond its occurrences' own: some 30 ms of the slowest steps. */
export const FEED_STEP_BUDGET = 100_000;
/** Steps per handed-out occurrence that are not charged to the feed's budget. */
const FREE_STEPS = 64;
/** The UIDs kept in `unreadableUids`. */
const MAX_LISTED_UIDS = 50;

export interface IcsParseOptions {
  window?: SourceDescription['window'];
  order?: SourceDescription['order'];
  limit?: number;
  /** The clock for the default window (tests and benchmarks pass a fixed one). */
  now?: Date;
  /** Step budgets (tests pass small ones). */
  seriesSteps?: number;
  feedSteps?: number;
}

export interface IcsParseResult {
  records: DataRecord[];
  /** X-WR-CALNAME or NAME. */
  title?: string;
  /** True when `limit` (or the cap of 50 000 occurrences) left occurrences out. */
  truncated: boolean;
  /**
   * VEVENTs left out because they could not be read: no or unreadable DTSTART, an unreadable RRULE, or a series
   * that found no occurrence within its step budget.
   */
  unreadable: number;
  /** Their UIDs (the first 50), in the order they were found. */
  unreadableUids: string[];
}

/** A time as read from a property: its wall clock, and what that wall clock is relative to. */
interface ReadTime {
  wall: WallMs;
  allDay: boolean;
  zone: TimeZone;
  instant: number;
  /** RDATE;VALUE=PERIOD: the period's end (an instant). */
  end?: number;
}

/** How the calendar's TZIDs map to zones; one per calendar, since VTIMEZONEs are the calendar's own. */
class ZoneResolver {
  private readonly byTzid = new Map<string, TimeZone>();

  constructor(
    private readonly vtimezones: IcsComponent[],
    readonly floating: TimeZone,
  ) {}

  /**
   * IANA ids use the browser's zone data, which is right for every year; a calendar's VTIMEZONE is used only for
   * ids the browser does not know. (fablab's Europe/Berlin VTIMEZONE lists only the changes of 2018–2020, and
   * read alone it would put every earlier time at UTC+0.)
   */
  zone(tzid: string | undefined): TimeZone {
    if (!tzid) return this.floating;
    let zone = this.byTzid.get(tzid);
    if (!zone) {
      zone = timeZoneFromTzid(tzid) ?? this.vtimezone(tzid) ?? this.floating;
      this.byTzid.set(tzid, zone);
    }
    return zone;
  }

  private vtimezone(tzid: string): TimeZone | undefined {
    const component = this.vtimezones.find((c) => textOf(c, 'tzid') === tzid);
    return component ? vtimezoneZone(component) : undefined;
  }
}

/**
 * A DATE or DATE-TIME value. A bare `20180110` is a date even without VALUE=DATE (holiday calendars write it so);
 * VALUE=DATE on a date-time keeps only the date. `Z` means UTC, TZID a zone, neither the calendar's floating zone.
 */
function readTime(property: IcsProperty, text: string, zones: ZoneResolver): ReadTime | undefined {
  const read = readDateText(text);
  if (!read) return undefined;
  const allDay = read.date || property.params.value?.toUpperCase() === 'DATE';
  if (allDay) {
    const wall = Math.floor(read.wall / DAY_MS) * DAY_MS;
    return { wall, allDay: true, zone: utcTimeZone, instant: wall };
  }
  const zone = read.utc ? utcTimeZone : zones.zone(property.params.tzid?.trim());
  return { wall: read.wall, allDay: false, zone, instant: zone.toInstant(read.wall) };
}

function readFirstTime(component: IcsComponent, name: string, zones: ZoneResolver): ReadTime | undefined {
  const property = firstProperty(component, name);
  return property ? readTime(property, property.value, zones) : undefined;
}

/** RDATE/EXDATE values, several per line; a PERIOD (`start/end` or `start/duration`) keeps its end. */
function readDates(component: IcsComponent, name: string, zones: ZoneResolver): ReadTime[] {
  const times: ReadTime[] = [];
  for (const property of allProperties(component, name)) {
    for (const value of property.value.split(',')) {
      const [startText, endText] = value.split('/');
      const time = readTime(property, startText, zones);
      if (!time) continue;
      if (endText) {
        const duration = parseDuration(endText);
        const end = duration !== undefined ? { instant: time.instant + duration } : readTime(property, endText, zones);
        if (end && end.instant > time.instant) time.end = end.instant;
      }
      times.push(time);
    }
  }
  return times.sort((a, b) => a.instant - b.instant);
}

interface EventTexts {
  title: string | null;
  location: string | null;
  category: string | null;
  url: string | null;
  description: string | null;
  cancelled: boolean;
}

/** One VEVENT's values, read once and only when one of its occurrences is returned. */
class EventInfo {
  private values?: EventTexts;
  private point?: Geometry | null;

  constructor(
    readonly component: IcsComponent,
    readonly uid: string,
  ) {}

  texts(): EventTexts {
    if (!this.values) {
      const c = this.component;
      const categories = allProperties(c, 'categories')
        .flatMap((property) => splitTextList(property.value).map((value) => value.trim()))
        .filter((value) => value !== '');
      const url = firstProperty(c, 'url')?.value.trim();
      this.values = {
        title: textOf(c, 'summary'),
        location: textOf(c, 'location'),
        category: categories.length > 0 ? categories.join(', ') : null,
        url: url ? url : null,
        description: textOf(c, 'description'),
        cancelled: textOf(c, 'status')?.toUpperCase() === 'CANCELLED',
      };
    }
    return this.values;
  }

  geometry(): Geometry | undefined {
    if (this.point === undefined) {
      const [lat, lon] = (firstProperty(this.component, 'geo')?.value ?? '').split(/[;,]/).map(Number);
      this.point =
        Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180
          ? { type: 'Point', coordinates: [lon, lat] }
          : null;
    }
    return this.point ?? undefined;
  }
}

interface OccurrenceItem {
  info: EventInfo;
  allDay: boolean;
  /** Overrides: the instant of the occurrence they replace, so two moved to the same time stay two. */
  recurrenceId?: number;
}

/** How long each occurrence of an event lasts, from DTEND or DURATION. */
interface Length {
  /** Added to the start's wall clock in the start's zone (keeps 10:00–12:00 across a DST change). */
  wall?: number;
  /** Added to the start instant (DTEND in another zone than DTSTART). */
  exact?: number;
}

function lengthOf(component: IcsComponent, start: ReadTime, zones: ZoneResolver): Length | null {
  const end = readFirstTime(component, 'dtend', zones);
  if (end) {
    if (start.allDay) return { wall: end.wall > start.wall ? end.wall - start.wall : DAY_MS };
    if (end.zone === start.zone) return end.wall >= start.wall ? { wall: end.wall - start.wall } : null;
    return end.instant >= start.instant ? { exact: end.instant - start.instant } : null;
  }
  const duration = firstProperty(component, 'duration');
  const ms = duration ? parseDuration(duration.value) : undefined;
  if (ms !== undefined && ms > 0) return { wall: ms };
  // RFC 5545 §3.6.1: an all-day event without DTEND takes the day; a timed one has no duration.
  return start.allDay ? { wall: DAY_MS } : null;
}

function lengthMsOf(length: Length | null): number {
  return length ? (length.exact ?? length.wall ?? 0) : 0;
}

function endOf(start: number, wall: WallMs, zone: TimeZone, length: Length | null): number | null {
  if (!length) return null;
  if (length.exact !== undefined) return start + length.exact;
  return zone.toInstant(wall + length.wall!);
}

/** A VEVENT that happens once (or an override that replaces one occurrence). */
function singleSource(
  info: EventInfo,
  start: ReadTime,
  length: Length | null,
  recurrenceId?: number,
): OccurrenceSource<OccurrenceItem> {
  let done = false;
  return {
    lowerBound: start.instant,
    next() {
      if (done) return null;
      done = true;
      return {
        start: start.instant,
        end: endOf(start.instant, start.wall, start.zone, length),
        item: { info, allDay: start.allDay, recurrenceId },
      };
    },
  };
}

/** Work left for the whole feed, and the series that could not be read. */
class FeedBudget {
  readonly unreadable: string[] = [];
  private readonly counted = new Set<unknown>();

  constructor(
    public remaining: number,
    readonly seriesSteps: number,
  ) {}

  /** Steps one series may take now. */
  get allowance(): number {
    return Math.min(this.seriesSteps, this.remaining + FREE_STEPS);
  }

  charge(steps: number): void {
    this.remaining = Math.max(0, this.remaining - Math.max(0, steps - FREE_STEPS));
  }

  /** Counts a VEVENT (or series) once, however many of its sources fail. */
  fail(key: unknown, uid: string): void {
    if (this.counted.has(key)) return;
    this.counted.add(key);
    this.unreadable.push(uid);
  }
}

const endOfDay = (wall: WallMs): WallMs => Math.floor(wall / DAY_MS) * DAY_MS + DAY_MS - 1;

/** One RRULE's occurrences as wall clock and instant, with UNTIL applied on exact instants. */
class RuleStream {
  private readonly iterator: RuleIterator;
  private readonly until?: { wall?: WallMs; instant?: number };
  /** The next occurrence's wall clock and instant; null when the rule is done. */
  current: WallMs | null = null;
  currentInstant = Infinity;

  constructor(
    rule: RecurrenceRule,
    startWall: WallMs,
    from: WallMs,
    private readonly allDay: boolean,
    private readonly zone: TimeZone,
    counter: StepCounter,
    /** Where the days of an all-day series are (the calendar's floating zone). */
    dayZone: TimeZone,
  ) {
    let untilWall: WallMs | undefined;
    if (rule.until) {
      const until = rule.until;
      // A UTC UNTIL is an instant; a local one is read in DTSTART's zone (RFC 5545 §3.3.10); a date covers its day.
      // An all-day series ends on the day UNTIL falls on where its days are: Exchange writes the last day's local
      // midnight in UTC (UNTIL=20260817T220000Z for a series that ends on 18 August in Berlin).
      if (until.date) this.until = { wall: endOfDay(until.wall) };
      else if (allDay) this.until = { wall: endOfDay(until.utc ? dayZone.toWall(until.wall) : until.wall) };
      else if (until.utc) this.until = { instant: until.wall };
      else this.until = { instant: zone.toInstant(until.wall) };
      untilWall = this.until.wall ?? until.wall + 14 * HOUR_MS;
    }
    this.iterator = new RuleIterator(rule, startWall, { from, until: untilWall, counter });
  }

  advance(): void {
    this.current = null;
    this.currentInstant = Infinity;
    const wall = this.iterator.next();
    if (wall === null) return;
    const instant = this.allDay ? wall : this.zone.toInstant(wall);
    if (this.until && (this.until.wall !== undefined ? wall > this.until.wall : instant > this.until.instant!)) return;
    this.current = wall;
    this.currentInstant = instant;
  }
}

/**
 * A THISANDFUTURE override splits a series: from its RECURRENCE-ID on, occurrences take its values, its length and
 * its shift in time. The series without such overrides is one segment from -∞ to +∞.
 */
interface Segment {
  info: EventInfo;
  /** Original instants this segment covers: [from, to). */
  from: number;
  to: number;
  /** Moves each occurrence's wall clock (or instant, when the override is in another zone). */
  shiftWall: number;
  shiftExact: number;
  length: Length | null;
}

interface Recurrence {
  key: unknown;
  uid: string;
  start: ReadTime;
  /** The calendar's floating zone, where the days of an all-day series are. */
  dayZone: TimeZone;
  length: Length | null;
  rules: RecurrenceRule[];
  /** DTSTART and the RDATEs, sorted by instant. */
  rdates: ReadTime[];
  exInstants: Set<number>;
  /** Excluded or overridden days (UTC day numbers of the wall clock), for all-day series and date-only values. */
  exDays: Set<number>;
  /** Instants of occurrences that a RECURRENCE-ID VEVENT replaces. */
  overridden: Set<number>;
  overriddenDays: Set<number>;
}

/**
 * The wall clock from which a rule has to be stepped so nothing overlapping the window is missed: the window start
 * read in the series' zone, less the event's length (and a margin near DST changes; all-day events get 14 hours).
 */
function jumpTarget(r: Recurrence, window: MergeWindow, segment: Segment): WallMs {
  const from = Math.max(window.from, segment.from) - Math.max(0, segment.shiftExact) - lengthMsOf(segment.length);
  if (r.start.allDay) return from - 14 * HOUR_MS - Math.max(0, segment.shiftWall);
  const zone = r.start.zone;
  const wall = zone.toWall(from);
  // Next to a DST change a wall clock and an instant differ by an hour more or less: step from an hour earlier.
  const nearChange = zone.toInstant(wall + 3 * HOUR_MS) - zone.toInstant(wall - 3 * HOUR_MS) !== 6 * HOUR_MS;
  return wall - (nearChange ? HOUR_MS : 0) - Math.max(0, segment.shiftWall);
}

/** A recurring VEVENT's segment: DTSTART, its RRULEs and RDATEs merged in order, EXDATEs and overrides left out. */
function recurringSource(
  r: Recurrence,
  window: MergeWindow,
  segment: Segment,
  budget: FeedBudget,
): OccurrenceSource<OccurrenceItem> {
  const { start } = r;
  const { info, length } = segment;
  let streams: RuleStream[] | null = null;
  let rdateIndex = 0;
  let last = -Infinity;
  let failed = false;
  const item: OccurrenceItem = { info, allDay: start.allDay };
  const lengthMs = lengthMsOf(length);

  const counter = new StepCounter();

  const initialise = (): RuleStream[] => {
    const from = jumpTarget(r, window, segment);
    const created = r.rules.map(
      (rule) => new RuleStream(rule, start.wall, from, start.allDay, start.zone, counter, r.dayZone),
    );
    for (const stream of created) stream.advance();
    // DTSTART and RDATEs that end before the window (or belong to an earlier segment) need no look.
    const skipBefore = Math.max(window.from - lengthMs - DAY_MS - Math.max(0, segment.shiftExact), segment.from);
    while (rdateIndex < r.rdates.length && r.rdates[rdateIndex].instant < skipBefore) rdateIndex++;
    return created;
  };

  const candidate = (): ReadTime | null => {
    let best: RuleStream | null = null;
    for (const stream of streams!) {
      if (stream.current !== null && (!best || stream.currentInstant < best.currentInstant)) best = stream;
    }
    const rdate = r.rdates[rdateIndex];
    if (rdate && (!best || rdate.instant <= best.currentInstant)) {
      rdateIndex++;
      return rdate;
    }
    if (!best) return null;
    const next: ReadTime = {
      wall: best.current!,
      allDay: start.allDay,
      zone: start.zone,
      instant: best.currentInstant,
    };
    best.advance();
    return next;
  };

  const nextOccurrence = (): Occurrence<OccurrenceItem> | null => {
    streams ??= initialise();
    for (;;) {
      const next = candidate();
      if (!next || next.instant >= segment.to) return null;
      if (next.instant <= last || next.instant < segment.from) continue;
      last = next.instant;
      const day = Math.floor(next.wall / DAY_MS);
      if (r.exInstants.has(next.instant) || r.exDays.has(day)) continue;
      if (r.overridden.has(next.instant) || r.overriddenDays.has(day)) continue;
      let wall = next.wall;
      let instant = next.instant;
      if (segment.shiftWall || segment.shiftExact) {
        wall += segment.shiftWall;
        instant = (start.allDay ? wall : start.zone.toInstant(wall)) + segment.shiftExact;
      }
      let end: number | null;
      if (next.end !== undefined) end = next.end + (instant - next.instant);
      else if (next.zone === start.zone || start.allDay) end = endOf(instant, wall, start.zone, length);
      else end = instant + lengthMs;
      const occurrence = { start: instant, end, item };
      // Occurrences before the window are looked at only on the way to it; they do not reset the step count.
      if (instant >= window.to || overlaps(instant, end, window)) return occurrence;
    }
  };

  return {
    lowerBound:
      Math.max(r.rdates[0].instant, segment.from) + Math.min(0, segment.shiftExact + segment.shiftWall) - DAY_MS,
    next(): Occurrence<OccurrenceItem> | null {
      if (failed) return null;
      const before = counter.steps;
      counter.limit = before + budget.allowance;
      try {
        return nextOccurrence();
      } catch (error) {
        // Out of budget, or anything else this one series trips over: the series is left out, the feed stays.
        failed = true;
        budget.fail(r.key, r.uid);
        if (!(error instanceof RecurrenceBudgetError)) console.warn(`offen: event ${r.uid} skipped`, error);
        return null;
      } finally {
        budget.charge(counter.steps - before);
      }
    },
  };
}

function parseCalendar(textValue: string): IcsComponent[] {
  const components = parseIcsComponents(textValue);
  if (!components.some((c) => c.name === 'vcalendar' || c.name === 'vevent')) {
    throw new DataError('parse', 'Not an iCalendar file: no VCALENDAR found', { line: 1 });
  }
  return components;
}

/**
 * The RRULEs of a VEVENT. An empty `RRULE:` says "does not repeat" (Calendar Labs' holiday feeds write one into
 * every event); read as a rule without FREQ it would cost the reader every holiday.
 */
function ruleProperties(component: IcsComponent): IcsProperty[] {
  return allProperties(component, 'rrule').filter((property) => property.value.trim() !== '');
}

interface Copy {
  component: IcsComponent;
  uid: string;
  sequence: number;
  modified: number;
  index: number;
}

function copyOf(component: IcsComponent, uid: string, index: number): Copy {
  const sequence = Number(textOf(component, 'sequence') ?? 0);
  const modified = readDateText(textOf(component, 'last-modified') ?? '')?.wall ?? -Infinity;
  return { component, uid, sequence: Number.isFinite(sequence) ? sequence : 0, modified, index };
}

/** Newer first: higher SEQUENCE, then later LAST-MODIFIED, then later in the file. */
function newer(a: Copy, b: Copy): number {
  return b.sequence - a.sequence || b.modified - a.modified || b.index - a.index;
}

/**
 * Same-UID copies of a VEVENT (an edited series exported with its older versions): only the highest SEQUENCE
 * counts, and among copies with that SEQUENCE that are the same event (both recurring, or the same DTSTART) the
 * latest LAST-MODIFIED. Copies that differ in nothing but their start (feeds that reuse one UID) all stay.
 */
function reconcile(copies: Copy[]): Copy[] {
  if (copies.length === 1) return copies;
  const top = Math.max(...copies.map((c) => c.sequence));
  const kept = new Map<string, Copy>();
  for (const copy of copies.filter((c) => c.sequence === top).sort(newer)) {
    const c = copy.component;
    const recurring = ruleProperties(c).length > 0 || allProperties(c, 'rdate').length > 0;
    const key = recurring ? 'recurring' : `once ${firstProperty(c, 'dtstart')?.value ?? ''}`;
    if (!kept.has(key)) kept.set(key, copy);
  }
  return [...kept.values()].sort((a, b) => a.index - b.index);
}

/**
 * Parses iCalendar text into one record per occurrence inside the window, ordered by start (`order`), at most
 * `limit`. Pure: no fetching, no clock but `options.now`.
 */
export function parseIcsText(textValue: string, options: IcsParseOptions = {}): IcsParseResult {
  const roots = parseCalendar(textValue);
  const window = resolveWindow(options.window, options.now);
  const { order, limit } = options;
  if (order === 'desc' && limit !== undefined && limit >= 0) {
    // Newest first with a limit: look back an hour, a day, a week, a quarter, two years, twenty, and only then over
    // the whole window, so "the last 10" of a feed with a rule every second are the last seconds before `to`, not
    // the end of the 50 000 oldest.
    for (const hours of [1, 24, 7 * 24, 92 * 24, 731 * 24, 7305 * 24]) {
      const from = window.to - hours * HOUR_MS;
      if (from <= window.from) break;
      const result = expandCalendar(roots, { from, to: window.to }, options);
      if (result.truncated) return result;
    }
  }
  return expandCalendar(roots, window, options);
}

/** The occurrences of parsed calendars in one window (see parseIcsText). */
function expandCalendar(roots: IcsComponent[], window: MergeWindow, options: IcsParseOptions): IcsParseResult {
  const sources: OccurrenceSource<OccurrenceItem>[] = [];
  const budget = new FeedBudget(options.feedSteps ?? FEED_STEP_BUDGET, options.seriesSteps ?? SERIES_STEP_BUDGET);
  let title: string | undefined;

  for (const root of roots) {
    title ??= textOf(root, 'x-wr-calname') ?? textOf(root, 'name') ?? undefined;
    const calendarZone = textOf(root, 'x-wr-timezone');
    const floating =
      (calendarZone ? timeZoneFromTzid(calendarZone) : undefined) ?? ianaTimeZone(DEFAULT_TIME_ZONE) ?? utcTimeZone;
    const zones = new ZoneResolver(
      root.children.filter((c) => c.name === 'vtimezone'),
      floating,
    );
    const vevents = root.name === 'vevent' ? [root] : root.children.filter((c) => c.name === 'vevent');

    // Group by UID once, so each master finds its RECURRENCE-ID overrides without scanning the calendar again.
    const mastersByUid = new Map<string, Copy[]>();
    const overridesByUid = new Map<string, Map<string, Copy[]>>();
    vevents.forEach((component, index) => {
      const uid = textOf(component, 'uid') ?? `event-${index + 1}`;
      const copy = copyOf(component, uid, index);
      const recurrenceId = firstProperty(component, 'recurrence-id');
      if (recurrenceId) {
        const byId = overridesByUid.get(uid) ?? new Map<string, Copy[]>();
        overridesByUid.set(uid, byId);
        const key = recurrenceId.value.trim();
        byId.set(key, [...(byId.get(key) ?? []), copy]);
      } else {
        mastersByUid.set(uid, [...(mastersByUid.get(uid) ?? []), copy]);
      }
    });

    const overridesOf = (uid: string): Copy[] => {
      const byId = overridesByUid.get(uid);
      overridesByUid.delete(uid);
      return byId ? [...byId.values()].map((copies) => reconcile(copies)[0]) : [];
    };

    const addSingle = (copy: Copy, fallback?: Length | null, recurrenceId?: number): void => {
      const start = readFirstTime(copy.component, 'dtstart', zones);
      if (!start) {
        budget.fail(copy, copy.uid);
        return;
      }
      const own = lengthOf(copy.component, start, zones);
      const c = copy.component;
      const length = own ?? (firstProperty(c, 'dtend') || firstProperty(c, 'duration') ? null : (fallback ?? null));
      sources.push(singleSource(new EventInfo(c, copy.uid), start, length, recurrenceId));
    };

    for (const [uid, copies] of mastersByUid) {
      const overrides = overridesOf(uid);
      for (const copy of reconcile(copies)) {
        try {
          addMaster(copy, overrides);
        } catch (error) {
          budget.fail(copy, uid);
          const expected = error instanceof RuleError || error instanceof RecurrenceBudgetError;
          if (!expected) console.warn(`offen: event ${uid} skipped`, error);
        }
      }
    }
    // Overrides whose master is not in this file (a shared single instance) are events of their own.
    for (const uid of [...overridesByUid.keys()]) for (const override of overridesOf(uid)) addSingle(override);

    function addMaster(copy: Copy, overrides: Copy[]): void {
      const component = copy.component;
      const start = readFirstTime(component, 'dtstart', zones);
      if (!start) {
        budget.fail(copy, copy.uid);
        return;
      }
      const length = lengthOf(component, start, zones);
      const info = new EventInfo(component, copy.uid);
      const rules = ruleProperties(component).map((property) => parseRecurrenceRule(property.value));
      const rdates = readDates(component, 'rdate', zones);
      if (rules.length === 0 && rdates.length === 0) {
        // An override of an event that does not repeat is the newer version of it.
        const replaced = overrides.some(
          (o) => readFirstTime(o.component, 'recurrence-id', zones)?.instant === start.instant,
        );
        if (!replaced) sources.push(singleSource(info, start, length));
        for (const override of overrides) addSingle(override, length);
        return;
      }
      // RFC 5545: DTSTART is the first occurrence and counts towards COUNT, whether or not the rule matches it.
      const countedRules = rules.map((rule) => {
        if (rule.count === undefined) return rule;
        const counter = new StepCounter();
        counter.limit = budget.allowance;
        let first: WallMs | null;
        try {
          first = new RuleIterator(rule, start.wall, { counter }).next();
        } finally {
          budget.charge(counter.steps);
        }
        return first === start.wall ? rule : { ...rule, count: rule.count - 1 };
      });
      const exdates = readDates(component, 'exdate', zones);
      const r: Recurrence = {
        key: copy,
        uid: copy.uid,
        start,
        dayZone: zones.floating,
        length,
        rules: countedRules.filter((rule) => rule.count === undefined || rule.count > 0),
        rdates: [start, ...rdates].sort((a, b) => a.instant - b.instant),
        exInstants: new Set(exdates.filter((t) => !t.allDay && !start.allDay).map((t) => t.instant)),
        // An all-day series excludes by date, even when the EXDATE is written as a time (Outlook does).
        exDays: new Set(exdates.filter((t) => t.allDay || start.allDay).map((t) => Math.floor(t.wall / DAY_MS))),
        overridden: new Set(),
        overriddenDays: new Set(),
      };
      const whole: Segment = { info, from: -Infinity, to: Infinity, shiftWall: 0, shiftExact: 0, length };
      const segments: Segment[] = [whole];
      for (const override of overrides) {
        const property = firstProperty(override.component, 'recurrence-id')!;
        const id = readTime(property, property.value, zones);
        if (!id) {
          addSingle(override, length);
          continue;
        }
        if (property.params.range?.toUpperCase() === 'THISANDFUTURE') {
          const moved = readFirstTime(override.component, 'dtstart', zones) ?? id;
          const sameZone = moved.zone === start.zone || start.allDay;
          const ownLength = lengthOf(override.component, moved, zones) ?? length;
          segments.push({
            info: new EventInfo(override.component, copy.uid),
            from: id.instant,
            to: Infinity,
            shiftWall: sameZone ? moved.wall - id.wall : 0,
            shiftExact: sameZone ? 0 : moved.instant - id.instant,
            length: ownLength,
          });
          continue;
        }
        // By date for all-day series and date-only ids (Outlook writes an all-day id as midnight in its own zone),
        // otherwise by instant, each read in its own zone.
        const day = Math.floor(id.wall / DAY_MS);
        if (start.allDay || id.allDay) r.overriddenDays.add(day);
        else r.overridden.add(id.instant);
        addSingle(override, length, start.allDay || id.allDay ? day * DAY_MS : id.instant);
      }
      segments.sort((a, b) => a.from - b.from);
      segments.forEach((segment, index) => {
        segment.to = segments[index + 1]?.from ?? Infinity;
        if (segment.to > segment.from) sources.push(recurringSource(r, window, segment, budget));
      });
    }
  }

  // The same occurrence twice (a duplicated VEVENT, or an override of a non-repeating event) counts once. Copies
  // share a start and the merge hands out starts in order, so only occurrences with the current start are compared.
  // A rule like FREQ=MINUTELY would fill a three-year window with 1.5 million occurrences: stop at a sane number.
  let count = 0;
  let capped = false;
  const atStart = new StartGroup();
  const occurrences = (function* (): Generator<Occurrence<OccurrenceItem>> {
    for (const occurrence of mergeOccurrences(sources, window)) {
      const { info, recurrenceId } = occurrence.item;
      const key = recurrenceId === undefined ? info.uid : `${info.uid}@${recurrenceId}`;
      if (atStart.count(occurrence.start, key) > 0) continue;
      if (count >= MAX_OCCURRENCES) {
        capped = true;
        return;
      }
      atStart.add(key);
      count++;
      yield occurrence;
    }
  })();
  const taken = takeOrdered(occurrences, options.order, options.limit);
  const ids = new StartGroup();
  return {
    records: taken.items.map((occurrence) => toRecord(occurrence, ids)),
    title,
    truncated: taken.truncated || capped,
    unreadable: budget.unreadable.length,
    unreadableUids: budget.unreadable.slice(0, MAX_LISTED_UIDS),
  };
}

/** Keys seen among occurrences that share one start; occurrences come grouped by start (ascending or descending). */
class StartGroup {
  private start = NaN;
  private readonly keys: string[] = [];

  /** How often `key` was added for this start; a new start forgets the keys of the last one. */
  count(start: number, key: string): number {
    if (start !== this.start) {
      this.start = start;
      this.keys.length = 0;
      return 0;
    }
    let count = 0;
    for (const seen of this.keys) if (seen === key) count++;
    return count;
  }

  add(key: string): void {
    this.keys.push(key);
  }
}

/** Records are built only for the occurrences returned, with values in the order of EVENT_FIELDS. */
function toRecord({ start, end, item: { info, allDay } }: Occurrence<OccurrenceItem>, ids: StartGroup): DataRecord {
  const texts = info.texts();
  // Two overrides moved to the same start keep ids of their own.
  const copy = ids.count(start, info.uid) + 1;
  ids.add(info.uid);
  const record = new OccurrenceRecord(info.uid, start, copy, {
    title: texts.title,
    start: datasetDate(start),
    end: end === null ? null : datasetDate(end),
    allDay,
    location: texts.location,
    category: texts.category,
    url: texts.url,
    description: texts.description,
    cancelled: texts.cancelled,
    uid: info.uid,
  });
  const geometry = info.geometry();
  if (geometry) record.geometry = geometry;
  return record;
}

export const parseIcs: Parser = ({ source, body }) => {
  const { text: textValue, encoding } = decodeText(body.bytes, source.encoding ?? charsetOf(body.contentType));
  let result: IcsParseResult;
  try {
    result = parseIcsText(textValue, { window: source.window, order: source.order, limit: source.limit });
  } catch (error) {
    if (error instanceof DataError) error.url ??= source.url;
    throw error;
  }
  return {
    fields: EVENT_FIELDS.map((field) => ({ ...field })),
    records: result.records,
    meta: {
      url: source.url,
      format: 'ics',
      encoding,
      bytes: body.bytes.byteLength,
      fetchedAt: body.fetchedAt,
      truncated: result.truncated,
      title: result.title,
      calendarUrl: source.url,
      ...(result.unreadable > 0 ? { unreadableEvents: result.unreadable, unreadableUids: result.unreadableUids } : {}),
    },
  };
};
