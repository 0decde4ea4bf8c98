/**
 * iCalendar (RFC 5545) → one record per occurrence. ical.js parses the text and steps through RRULEs; everything
 * else is done here on epoch numbers: time zones through the browser's IANA data (see ../calendar/time-zone.ts),
 * RDATE/EXDATE/RECURRENCE-ID per event, and a lazy merge of all events (../calendar/merge.ts) so that "the next 20"
 * expands little more than 20 occurrences.
 */
import ICAL from 'ical.js';
import { charsetOf, decodeText } from '../decode.js';
import { datasetDate } from '../dataset-date.js';
import { DataError } from '../errors.js';
import { EVENT_FIELDS, occurrenceId, resolveWindow, takeOrdered } from '../calendar/events.js';
import { mergeOccurrences, type MergeWindow, type Occurrence, type OccurrenceSource } from '../calendar/merge.js';
import {
  DEFAULT_TIME_ZONE,
  ianaTimeZone,
  timeZoneFromTzid,
  utcTimeZone,
  type TimeZone,
  type WallMs,
} from '../calendar/time-zone.js';
import type { DataRecord, Geometry, SourceDescription } from '../types.js';
import type { Parser } from './parser.js';

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;
type Recur = InstanceType<typeof ICAL.Recur>;
type RecurIterator = InstanceType<typeof ICAL.RecurIterator>;

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** The most occurrences one calendar yields (about 45 a day for three years). */
const MAX_OCCURRENCES = 50_000;

export interface IcsParseOptions {
  window?: SourceDescription['window'];
  order?: SourceDescription['order'];
  limit?: number;
  /** The clock for the default window (tests and benchmarks pass a fixed one). */
  now?: Date;
}

export interface IcsParseResult {
  records: DataRecord[];
  /** X-WR-CALNAME or NAME. */
  title?: string;
  /** True when `limit` (or the cap of 50 000 occurrences) left occurrences out. */
  truncated: boolean;
  /** VEVENTs left out because their DTSTART was missing or unreadable. */
  skipped: number;
}

/** A time as read from a property: its wall clock, and what that wall clock is relative to. */
interface ReadTime {
  wall: WallMs;
  allDay: boolean;
  zone: TimeZone;
  instant: number;
}

/** How the calendar's TZIDs map to zones; one per calendar, since VTIMEZONEs are the calendar's own. */
class ZoneResolver {
  private readonly byTzid = new Map<string, TimeZone>();

  constructor(
    private readonly root: Component,
    readonly floating: TimeZone,
  ) {}

  /**
   * IANA ids use the browser's zone data, which is right for every year; a calendar's VTIMEZONE is used only for
   * ids the browser does not know. (fablab's Europe/Berlin VTIMEZONE lists only the changes of 2018–2020, and
   * ical.js then puts every earlier time at UTC+0.)
   */
  zone(tzid: string | null | undefined): TimeZone {
    if (!tzid) return this.floating;
    let zone = this.byTzid.get(tzid);
    if (!zone) {
      zone = timeZoneFromTzid(tzid) ?? this.vtimezone(tzid) ?? this.floating;
      this.byTzid.set(tzid, zone);
    }
    return zone;
  }

  private vtimezone(tzid: string): TimeZone | undefined {
    const definition = this.root.getTimeZoneByID(tzid);
    if (!definition) return undefined;
    const cache = new Map<WallMs, number>();
    return {
      id: tzid,
      toInstant(wall: WallMs): number {
        let instant = cache.get(wall);
        if (instant === undefined) {
          instant = wall - definition.utcOffset(icalTime(wall, false, definition)) * 1000;
          cache.set(wall, instant);
        }
        return instant;
      },
    };
  }
}

function wallOf(time: Time): WallMs {
  return Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
}

function icalTime(wall: WallMs, isDate: boolean, zone: InstanceType<typeof ICAL.Timezone>): Time {
  const date = new Date(wall);
  return new ICAL.Time(
    {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
      isDate,
    },
    zone,
  );
}

/** A property as jCal: name, parameters, value type, values. */
type JCalProperty = [string, Record<string, unknown>, string, ...unknown[]];

/** The number written by `length` ASCII digits at `from`, or NaN. */
function digits(text: string, from: number, length: number): number {
  let value = 0;
  for (let i = from; i < from + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * A DATE (`2026-03-14`) or DATE-TIME (`2026-03-14T19:00:00`, `…Z`) straight from ical.js's jCal arrays. Reading
 * these through ICAL.Time objects cost a third of a whole parse, and they are a calendar's most frequent values
 * (DTSTART, DTEND, EXDATE, RECURRENCE-ID).
 */
function readTime(property: JCalProperty, value: unknown, zones: ZoneResolver): ReadTime | undefined {
  const text = String(Array.isArray(value) ? value[0] : value); // PERIOD values: their start
  if (text.length !== 10 && text.length !== 19 && text.length !== 20) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && year >= 0)) return undefined;
  if (text.length === 10) {
    const wall = Date.UTC(year, month - 1, day);
    return { wall, allDay: true, zone: utcTimeZone, instant: wall };
  }
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (!(hour <= 23 && minute <= 59 && second <= 60)) return undefined;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const tzid = property[1].tzid;
  const zone = text[19] === 'Z' ? utcTimeZone : zones.zone(typeof tzid === 'string' ? tzid : undefined);
  return { wall, allDay: false, zone, instant: zone.toInstant(wall) };
}

function propertiesNamed(component: Component, name: string): JCalProperty[] {
  return (component.jCal[1] as JCalProperty[]).filter((property) => property[0] === name);
}

function readFirstTime(component: Component, name: string, zones: ZoneResolver): ReadTime | undefined {
  const property = (component.jCal[1] as JCalProperty[]).find((p) => p[0] === name);
  return property ? readTime(property, property[3], zones) : undefined;
}

function text(component: Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  if (value === null || value === undefined) return null;
  const string = String(value).trim();
  return string === '' ? null : string;
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
    readonly component: Component,
    readonly uid: string,
  ) {}

  get cancelled(): boolean {
    return String(this.component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';
  }

  texts(): EventTexts {
    if (!this.values) {
      const c = this.component;
      const categories = c
        .getAllProperties('categories')
        .flatMap((property) => property.getValues().map((value) => String(value).trim()))
        .filter((value) => value !== '');
      this.values = {
        title: text(c, 'summary'),
        location: text(c, 'location'),
        category: categories.length > 0 ? categories.join(', ') : null,
        url: text(c, 'url'),
        description: text(c, 'description'),
        cancelled: this.cancelled,
      };
    }
    return this.values;
  }

  geometry(): Geometry | undefined {
    if (this.point === undefined) {
      const geo = this.component.getFirstPropertyValue('geo') as unknown;
      const [lat, lon] = Array.isArray(geo) ? geo.map(Number) : [NaN, NaN];
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
}

/** How long each occurrence of an event lasts, from DTEND or DURATION. */
interface Length {
  /** Added to the start's wall clock in the start's zone (keeps 10:00–12:00 across a DST change). */
  wall?: number;
  /** Added to the start instant (DTEND in another zone than DTSTART). */
  exact?: number;
}

function lengthOf(component: Component, start: ReadTime, zones: ZoneResolver): Length | null {
  const end = readFirstTime(component, 'dtend', zones);
  if (end) {
    if (start.allDay) return { wall: end.wall > start.wall ? end.wall - start.wall : DAY_MS };
    if (end.zone === start.zone) return end.wall >= start.wall ? { wall: end.wall - start.wall } : null;
    return end.instant >= start.instant ? { exact: end.instant - start.instant } : null;
  }
  const duration = component.getFirstPropertyValue('duration');
  if (duration instanceof ICAL.Duration) {
    const ms = duration.toSeconds() * 1000;
    if (ms > 0) return { wall: ms };
  }
  // RFC 5545 §3.6.1: an all-day event without DTEND takes the day; a timed one has no duration.
  return start.allDay ? { wall: DAY_MS } : null;
}

function endOf(start: number, wall: WallMs, zone: TimeZone, length: Length | null): number | null {
  if (!length) return null;
  if (length.exact !== undefined) return start + length.exact;
  return zone.toInstant(wall + length.wall!);
}

/** A VEVENT that happens once (or an override that replaces one occurrence). */
function singleSource(info: EventInfo, start: ReadTime, length: Length | null): OccurrenceSource<OccurrenceItem> {
  let done = false;
  return {
    lowerBound: start.instant,
    next() {
      if (done) return null;
      done = true;
      return {
        start: start.instant,
        end: endOf(start.instant, start.wall, start.zone, length),
        item: { info, allDay: start.allDay },
      };
    },
  };
}

/** Successive wall clocks of one RRULE (without UNTIL), or null when it ends. */
type WallSteps = () => WallMs | null;

const WEEKDAYS: Record<string, number> = { SU: 0, MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6 };

/**
 * DAILY without BY parts and WEEKLY with plain BYDAY (most feeds' rules) stepped on wall-clock numbers, with no
 * ical.js Time objects: the difference between a few and a few hundred milliseconds for a year of a large feed.
 * Same occurrences as ical.js, including COUNT, INTERVAL and WKST; undefined for any other rule.
 */
function simpleSteps(rule: Recur, startWall: WallMs): WallSteps | undefined {
  const parts = Object.keys(rule.parts);
  const interval = Math.max(1, rule.interval || 1);
  const count = rule.count || Infinity;
  const timeOfDay = ((startWall % DAY_MS) + DAY_MS) % DAY_MS;
  const startDay = startWall - timeOfDay;
  let emitted = 0;
  if (rule.freq === 'DAILY' && parts.length === 0) {
    return () => (emitted < count ? startWall + emitted++ * interval * DAY_MS : null);
  }
  if (rule.freq !== 'WEEKLY' || parts.some((part) => part !== 'BYDAY')) return undefined;
  const startWeekday = new Date(startDay).getUTCDay();
  const byday = (rule.parts.BYDAY as string[] | undefined) ?? [Object.keys(WEEKDAYS)[startWeekday]];
  if (!byday.every((day) => day in WEEKDAYS)) return undefined;
  const weekStartDay = (Number(rule.wkst) || ICAL.Time.MONDAY) - 1; // ical.js counts SU = 1
  const weekStart = startDay - ((startWeekday - weekStartDay + 7) % 7) * DAY_MS;
  const offsets = [...new Set(byday.map((day) => (WEEKDAYS[day] - weekStartDay + 7) % 7))].sort((x, y) => x - y);
  let week = 0;
  let index = 0;
  return () => {
    while (emitted < count) {
      if (index === offsets.length) {
        index = 0;
        week += interval;
      }
      const wall = weekStart + (week * 7 + offsets[index++]) * DAY_MS + timeOfDay;
      if (wall < startWall) continue;
      emitted++;
      return wall;
    }
    return null;
  };
}

/** Any other rule through ical.js, on a UTC-labelled copy of the wall clock so its comparisons stay trivial. */
function icalSteps(rule: Recur, startWall: WallMs, allDay: boolean): WallSteps {
  const iterator: RecurIterator = rule.iterator(icalTime(startWall, allDay, ICAL.Timezone.utcTimezone));
  return () => {
    if (iterator.completed) return null;
    const time = iterator.next();
    if (!time) return null;
    return time.isDate ? Date.UTC(time.year, time.month - 1, time.day) : wallOf(time);
  };
}

/** One RRULE's occurrences as wall clock and instant, with UNTIL applied here on exact instants. */
class RuleStream {
  private readonly steps: WallSteps;
  private readonly until?: { wall?: WallMs; instant?: number };
  /** The next occurrence's wall clock and instant; null when the rule is done. */
  current: WallMs | null = null;
  currentInstant = Infinity;

  constructor(
    rule: Recur,
    startWall: WallMs,
    private readonly allDay: boolean,
    private readonly zone: TimeZone,
  ) {
    const unbounded = rule.clone();
    if (rule.until) {
      const until = rule.until;
      const wall = until.isDate ? Date.UTC(until.year, until.month - 1, until.day) : wallOf(until);
      // A UTC UNTIL is an instant; a local one is read in DTSTART's zone (RFC 5545 §3.3.10); a date covers its day.
      if (until.isDate) this.until = { wall: wall + DAY_MS - 1 };
      else if (until.zone === ICAL.Timezone.utcTimezone) this.until = { instant: wall };
      else this.until = { instant: zone.toInstant(wall) };
      unbounded.until = null;
    }
    this.steps = simpleSteps(unbounded, startWall) ?? icalSteps(unbounded, startWall, allDay);
    this.advance();
  }

  advance(): void {
    this.current = null;
    this.currentInstant = Infinity;
    const wall = this.steps();
    if (wall === null) return;
    const instant = this.allDay ? wall : this.zone.toInstant(wall);
    if (this.until && (this.until.wall !== undefined ? wall > this.until.wall : instant > this.until.instant!)) return;
    this.current = wall;
    this.currentInstant = instant;
  }
}

/**
 * Whole periods a simple rule may skip so expansion starts near the window instead of at DTSTART (a weekly
 * meeting since 2010 would otherwise step through 800 weeks). Only DAILY/WEEKLY without COUNT or BYSETPOS: their
 * occurrences repeat exactly every INTERVAL days/weeks, so moving DTSTART by whole periods keeps the same set.
 */
function skippablePeriods(rule: Recur, startWall: WallMs, lengthMs: number, window: MergeWindow): number {
  if (rule.count || 'BYSETPOS' in rule.parts) return 0;
  const unit = rule.freq === 'WEEKLY' ? WEEK_MS : rule.freq === 'DAILY' ? DAY_MS : 0;
  if (!unit) return 0;
  const period = unit * (rule.interval || 1);
  // Two days of margin cover any zone offset between wall clock and window instants.
  const gap = window.from - lengthMs - 2 * DAY_MS - startWall;
  return gap > period ? Math.floor(gap / period) * period : 0;
}

interface Recurrence {
  master: EventInfo;
  start: ReadTime;
  length: Length | null;
  rules: Recur[];
  /** DTSTART and the RDATEs, sorted by instant. */
  rdates: ReadTime[];
  exInstants: Set<number>;
  /** EXDATE;VALUE=DATE: excluded days (UTC day numbers of the wall clock). */
  exDays: Set<number>;
  /** Starts (instants) of occurrences that a RECURRENCE-ID VEVENT replaces. */
  overridden: Set<number>;
}

/** A recurring VEVENT: DTSTART, its RRULEs and RDATEs merged in order, EXDATEs and overridden ones left out. */
function recurringSource(r: Recurrence, window: MergeWindow): OccurrenceSource<OccurrenceItem> {
  const { start, length, master } = r;
  const lengthMs = length ? (length.exact ?? length.wall ?? 0) : 0;
  let streams: RuleStream[] | null = null;
  let rdateIndex = 0;
  let last = -Infinity;
  const item: OccurrenceItem = { info: master, allDay: start.allDay };

  const initialise = (): RuleStream[] => {
    const created: RuleStream[] = [];
    for (const rule of r.rules) {
      const skip = skippablePeriods(rule, start.wall, lengthMs, window);
      try {
        created.push(new RuleStream(rule, start.wall + skip, start.allDay, start.zone));
      } catch {
        // A rule ical.js cannot iterate adds no occurrences; DTSTART and RDATEs still stand.
      }
    }
    // DTSTART and RDATEs that end before the window need no look.
    while (rdateIndex < r.rdates.length && r.rdates[rdateIndex].instant < window.from - lengthMs - DAY_MS) {
      rdateIndex++;
    }
    return created;
  };

  const candidate = (): { wall: WallMs; zone: TimeZone; instant: number } | null => {
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
    const next = { wall: best.current!, zone: start.zone, instant: best.currentInstant };
    best.advance();
    return next;
  };

  return {
    lowerBound: r.rdates[0].instant,
    next(): Occurrence<OccurrenceItem> | null {
      streams ??= initialise();
      for (;;) {
        const next = candidate();
        if (!next) return null;
        if (next.instant <= last) continue;
        last = next.instant;
        if (r.exInstants.has(next.instant) || r.exDays.has(Math.floor(next.wall / DAY_MS))) continue;
        if (r.overridden.has(next.instant)) continue;
        const end =
          next.zone === start.zone || start.allDay
            ? endOf(next.instant, next.wall, start.zone, length)
            : next.instant + lengthMs;
        return { start: next.instant, end, item };
      }
    },
  };
}

function readDates(component: Component, name: string, zones: ZoneResolver): ReadTime[] {
  const times: ReadTime[] = [];
  for (const property of propertiesNamed(component, name)) {
    for (let i = 3; i < property.length; i++) {
      const time = readTime(property, property[i], zones);
      if (time) times.push(time);
    }
  }
  return times.sort((a, b) => a.instant - b.instant);
}

/** Line number (1-based) of the first physical line containing `fragment`, for parse errors. */
function lineOf(textValue: string, fragment: string | undefined): number | undefined {
  if (!fragment) return undefined;
  const index = textValue.indexOf(fragment);
  if (index < 0) return undefined;
  let line = 1;
  for (let i = 0; i < index; i++) if (textValue.charCodeAt(i) === 10) line++;
  return line;
}

function parseCalendar(textValue: string): Component[] {
  let jcal: unknown;
  try {
    jcal = ICAL.parse(textValue);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const fragment = /"([^"]+)"\s*$/.exec(message)?.[1];
    throw new DataError('parse', `Not a valid iCalendar file: ${message}`, {
      line: lineOf(textValue, fragment),
      cause,
    });
  }
  const roots = (Array.isArray(jcal) && typeof jcal[0] === 'string' ? [jcal] : (jcal as unknown[])) ?? [];
  const components = roots.map((root) => new ICAL.Component(root as unknown[]));
  if (!components.some((c) => c.name === 'vcalendar' || c.name === 'vevent')) {
    throw new DataError('parse', 'Not an iCalendar file: no VCALENDAR found', { line: 1 });
  }
  return components;
}

/**
 * Parses iCalendar text into one record per occurrence inside the window, ordered by start (`order`), at most
 * `limit`. Pure: no fetching, no clock but `options.now`.
 */
export function parseIcsText(textValue: string, options: IcsParseOptions = {}): IcsParseResult {
  const roots = parseCalendar(textValue);
  const window = resolveWindow(options.window, options.now);
  const sources: OccurrenceSource<OccurrenceItem>[] = [];
  let title: string | undefined;
  let skipped = 0;

  for (const root of roots) {
    title ??= text(root, 'x-wr-calname') ?? text(root, 'name') ?? undefined;
    const calendarZone = text(root, 'x-wr-timezone');
    const floating =
      (calendarZone ? timeZoneFromTzid(calendarZone) : undefined) ?? ianaTimeZone(DEFAULT_TIME_ZONE) ?? utcTimeZone;
    const zones = new ZoneResolver(root, floating);
    const vevents = root.name === 'vevent' ? [root] : root.getAllSubcomponents('vevent');

    // Group by UID once, so each master finds its RECURRENCE-ID overrides without scanning the calendar again.
    const overridesByUid = new Map<string, Component[]>();
    const masters: { component: Component; uid: string }[] = [];
    vevents.forEach((component, index) => {
      const uid = text(component, 'uid') ?? `event-${index + 1}`;
      if (component.hasProperty('recurrence-id')) {
        const list = overridesByUid.get(uid);
        if (list) list.push(component);
        else overridesByUid.set(uid, [component]);
      } else {
        masters.push({ component, uid });
      }
    });

    const addSingle = (component: Component, uid: string, fallback?: Length | null): void => {
      let start: ReadTime | undefined;
      try {
        start = readFirstTime(component, 'dtstart', zones);
      } catch {
        start = undefined;
      }
      if (!start) {
        skipped++;
        return;
      }
      const own = lengthOf(component, start, zones);
      const length =
        own ?? (component.hasProperty('dtend') || component.hasProperty('duration') ? null : (fallback ?? null));
      sources.push(singleSource(new EventInfo(component, uid), start, length));
    };

    for (const { component, uid } of masters) {
      let start: ReadTime | undefined;
      let length: Length | null = null;
      let recurrence: Recurrence | undefined;
      try {
        start = readFirstTime(component, 'dtstart', zones);
        if (start) {
          length = lengthOf(component, start, zones);
          const rules = component.getAllProperties('rrule').map((property) => property.getFirstValue() as Recur);
          const rdates = readDates(component, 'rdate', zones);
          if (rules.length > 0 || rdates.length > 0) {
            const exdates = readDates(component, 'exdate', zones);
            recurrence = {
              master: new EventInfo(component, uid),
              start,
              length,
              rules,
              // RFC 5545: DTSTART is always the first occurrence, whether or not the rule matches it.
              rdates: [start, ...rdates].sort((a, b) => a.instant - b.instant),
              exInstants: new Set(exdates.filter((t) => !t.allDay).map((t) => t.instant)),
              exDays: new Set(exdates.filter((t) => t.allDay).map((t) => t.wall / DAY_MS)),
              overridden: new Set(),
            };
          }
        }
      } catch {
        start = undefined;
      }
      if (!start) {
        skipped++;
        continue;
      }
      const overrides = overridesByUid.get(uid);
      overridesByUid.delete(uid);
      if (recurrence) {
        // Each override replaces the one occurrence its RECURRENCE-ID names (RANGE=THISANDFUTURE is read the same way;
        // published feeds hardly use it). It is a source of its own, since it may move anywhere in time.
        for (const override of overrides ?? []) {
          const id = readFirstTime(override, 'recurrence-id', zones);
          if (id) recurrence.overridden.add(id.instant);
          addSingle(override, uid, length);
        }
        sources.push(recurringSource(recurrence, window));
      } else {
        // An override of an event that does not repeat is the newer version of it.
        const replaced = (overrides ?? []).some(
          (override) => readFirstTime(override, 'recurrence-id', zones)?.instant === start!.instant,
        );
        if (!replaced) sources.push(singleSource(new EventInfo(component, uid), start, length));
        for (const override of overrides ?? []) addSingle(override, uid, length);
      }
    }
    // Overrides whose master is not in this file (a shared single instance) are events of their own.
    for (const [uid, overrides] of overridesByUid) for (const override of overrides) addSingle(override, uid);
  }

  // The same occurrence twice (a duplicated VEVENT, or an override of a non-repeating event) counts once.
  // A rule like FREQ=MINUTELY would fill a three-year window with 1.5 million occurrences: stop at a sane number.
  const seen = new Set<string>();
  let capped = false;
  const occurrences = (function* (): Generator<Occurrence<OccurrenceItem>> {
    for (const occurrence of mergeOccurrences(sources, window)) {
      const key = `${occurrence.start}@${occurrence.item.info.uid}`;
      if (seen.has(key)) continue;
      if (seen.size >= MAX_OCCURRENCES) {
        capped = true;
        return;
      }
      seen.add(key);
      yield occurrence;
    }
  })();
  const taken = takeOrdered(occurrences, options.order, options.limit);
  return { records: taken.items.map(toRecord), title, truncated: taken.truncated || capped, skipped };
}

/** Records are built only for the occurrences returned, with values in the order of EVENT_FIELDS. */
function toRecord({ start, end, item: { info, allDay } }: Occurrence<OccurrenceItem>): DataRecord {
  const texts = info.texts();
  const record: DataRecord = {
    id: occurrenceId(info.uid, start),
    values: {
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
    },
  };
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
      ...(result.skipped > 0 ? { skippedRows: result.skipped } : {}),
    },
  };
};
