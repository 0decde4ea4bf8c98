/**
 * A calendar's own VTIMEZONE (RFC 5545 §3.6.5) as a TimeZone, for TZIDs the browser does not know (Outlook's
 * "W. Europe Standard Time"). Each STANDARD/DAYLIGHT part starts at DTSTART (a wall clock in its TZOFFSETFROM) and
 * again at each RRULE/RDATE onset; the offset at a wall clock is the TZOFFSETTO of the latest onset before it.
 * The onsets are stepped by our recurrence engine, so no second calendar library is loaded for this.
 */
import { allProperties, firstProperty, textOf, type IcsComponent } from './ics-text.js';
import { RuleIterator, StepCounter } from './recurrence.js';
import { parseRecurrenceRule, readDateText, type RecurrenceRule } from './rrule.js';
import { wallByOffset, type TimeZone, type WallMs } from './time-zone.js';
import { DAY_MS } from '../util.js';

const YEAR_MS = 366 * DAY_MS;
/** Steps one offset look-up may take (a yearly rule needs a handful). */
const LOOKUP_STEPS = 5_000;

interface Observance {
  start: WallMs;
  offsetFrom: number;
  offsetTo: number;
  rule?: RecurrenceRule;
  rdates: WallMs[];
}

/** `+0100`, `-0500`, `+053000` → ms. */
function readOffset(text: string | null): number | undefined {
  const match = /^([+-])(\d{2})(\d{2})(\d{2})?$/.exec(text?.trim() ?? '');
  if (!match) return undefined;
  const ms = (Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4] ?? 0)) * 1000;
  return match[1] === '-' ? -ms : ms;
}

function readObservance(component: IcsComponent): Observance | undefined {
  const start = readDateText(textOf(component, 'dtstart') ?? '');
  const offsetFrom = readOffset(textOf(component, 'tzoffsetfrom'));
  const offsetTo = readOffset(textOf(component, 'tzoffsetto'));
  if (!start || offsetFrom === undefined || offsetTo === undefined) return undefined;
  let rule: RecurrenceRule | undefined;
  const rrule = firstProperty(component, 'rrule');
  try {
    rule = rrule ? parseRecurrenceRule(rrule.value) : undefined;
  } catch {
    rule = undefined; // the onsets of DTSTART and RDATE still stand
  }
  const rdates = allProperties(component, 'rdate')
    .flatMap((property) => property.value.split(','))
    .map((value) => readDateText(value)?.wall)
    .filter((wall): wall is number => wall !== undefined);
  return { start: start.wall, offsetFrom, offsetTo, rule, rdates };
}

/** The latest onset of an observance at or before `wall`, or undefined. */
function lastOnset(observance: Observance, wall: WallMs): WallMs | undefined {
  let best = observance.start <= wall ? observance.start : undefined;
  for (const rdate of observance.rdates) if (rdate <= wall && (best === undefined || rdate > best)) best = rdate;
  const rule = observance.rule;
  if (rule && observance.start <= wall) {
    const until = rule.until ? rule.until.wall + (rule.until.utc ? observance.offsetFrom : 0) : Infinity;
    const counter = new StepCounter();
    counter.limit = LOOKUP_STEPS;
    try {
      const iterator = new RuleIterator(rule, observance.start, {
        from: Math.min(wall, until) - YEAR_MS,
        until: Math.min(wall, until),
        counter,
      });
      for (let onset = iterator.next(); onset !== null; onset = iterator.next()) {
        if (best === undefined || onset > best) best = onset;
      }
    } catch {
      // A rule that cannot be followed adds no onsets.
    }
  }
  return best;
}

export function vtimezoneZone(component: IcsComponent): TimeZone | undefined {
  const tzid = textOf(component, 'tzid');
  const observances = component.children
    .filter((child) => child.name === 'standard' || child.name === 'daylight')
    .map(readObservance)
    .filter((observance): observance is Observance => observance !== undefined)
    .sort((a, b) => a.start - b.start);
  if (!tzid || observances.length === 0) return undefined;

  const offsets = new Map<WallMs, number>();
  const offsetAt = (wall: WallMs): number => {
    let offset = offsets.get(wall);
    if (offset === undefined) {
      let latest: { onset: WallMs; observance: Observance } | undefined;
      for (const observance of observances) {
        const onset = lastOnset(observance, wall);
        if (onset !== undefined && (!latest || onset > latest.onset)) latest = { onset, observance };
      }
      if (!latest) offset = observances[0].offsetFrom;
      else {
        const { onset, observance } = latest;
        // In the spring gap (the hour skipped forward) the offset from before the gap applies (RFC 5545 §3.3.5).
        const gap = observance.offsetTo - observance.offsetFrom;
        offset = gap > 0 && wall < onset + gap ? observance.offsetFrom : observance.offsetTo;
      }
      offsets.set(wall, offset);
    }
    return offset;
  };
  const zone: TimeZone = {
    id: tzid,
    toInstant: (wall) => wall - offsetAt(wall),
    toWall: (instant) => wallByOffset(zone, instant),
  };
  return zone;
}
