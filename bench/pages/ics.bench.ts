// iCalendar expansion speed: our parseIcsText (lazy heap merge, exceptions grouped by UID, zone offsets cached per
// day) against the straightforward ical.js way: `new ICAL.Event(vevent)` for every VEVENT (which scans the whole
// calendar for RECURRENCE-IDs), iterate every event to the window end, sort, slice. The calendar is generated in
// memory: 500 events in Europe/Berlin (with its VTIMEZONE), a third of them weekly with EXDATEs and a few moved
// occurrences, the rest single timed or all-day events.
import ICAL from 'ical.js';
import { parseIcsText } from '../../src/data/formats/ics.js';
import type { DataRecord } from '../../src/data/types.js';
import { median, type BenchRow } from './bench-utils.js';
import { BERLIN_VTIMEZONE } from '../../src/components/events/ics-export.js';

const EVENTS = 500;
const RUNS = 7;
/** The fixed "today" of the benchmark: nothing depends on the real clock. */
const FROM = new Date('2026-03-01T00:00:00Z');
const TO = new Date('2027-03-01T00:00:00Z');
const DAY_MS = 86_400_000;

const PLACES = ['Burg Eisenhardt\\, Bad Belzig', 'Rathaus Wiesenburg/Mark', 'Gemeindehaus Lübnitz', 'Kirche Görzke'];
const TITLES = ['Chorprobe', 'Ortsbeirat', 'Seniorentreff', 'Lesung', 'Sprechstunde', 'Wanderung', 'Repair Café'];
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

const pad = (n: number) => String(n).padStart(2, '0');
/** A UTC-labelled Date read as a Berlin wall clock. */
const local = (d: Date) =>
  `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;
const dateOnly = (d: Date) => local(d).slice(0, 8);

export function generateCalendar(events = EVENTS): string {
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//offen//Benchmark//DE',
    'X-WR-CALNAME:Benchmark',
    ...BERLIN_VTIMEZONE,
  ];
  for (let i = 0; i < events; i++) {
    const uid = `bench-${i}@offen.test`;
    const title = `${TITLES[i % TITLES.length]} ${i}`;
    const place = PLACES[i % PLACES.length];
    if (i % 3 === 0) {
      // Weekly, started up to a year before FROM, at 16:00–19:30 Berlin time.
      // Events with a moved occurrence get a minute of their own: the straightforward ical.js way relates every
      // RECURRENCE-ID of the calendar to every event (by local time, not UID), which would move others' occurrences.
      const minute = i % 30 === 0 ? 1 + i / 30 : (i % 2) * 30;
      const start = new Date(Date.UTC(2025, 2, 1, 16 + (i % 4), minute) + Math.floor(random() * 365) * DAY_MS);
      const end = new Date(start.getTime() + 90 * 60_000);
      const exdates = [5, 9, 30, 52].map((w) => local(new Date(start.getTime() + w * 7 * DAY_MS)));
      lines.push(
        'BEGIN:VEVENT',
        `UID:${uid}`,
        'DTSTAMP:20260101T000000Z',
        `DTSTART;TZID=Europe/Berlin:${local(start)}`,
        `DTEND;TZID=Europe/Berlin:${local(end)}`,
        `RRULE:FREQ=WEEKLY;BYDAY=${WEEKDAYS[start.getUTCDay()]}`,
        `EXDATE;TZID=Europe/Berlin:${exdates.join(',')}`,
        `SUMMARY:${title}`,
        `LOCATION:${place}`,
        'END:VEVENT',
      );
      if (i % 30 === 0) {
        // One occurrence moved by a day.
        const original = new Date(start.getTime() + 60 * 7 * DAY_MS);
        const moved = new Date(original.getTime() + DAY_MS);
        lines.push(
          'BEGIN:VEVENT',
          `UID:${uid}`,
          'DTSTAMP:20260101T000000Z',
          `RECURRENCE-ID;TZID=Europe/Berlin:${local(original)}`,
          `DTSTART;TZID=Europe/Berlin:${local(moved)}`,
          `DTEND;TZID=Europe/Berlin:${local(new Date(moved.getTime() + 90 * 60_000))}`,
          `SUMMARY:${title} (verlegt)`,
          'END:VEVENT',
        );
      }
    } else {
      // Single events from nine months before to fifteen months after FROM.
      const day = Date.UTC(2025, 5, 1) + Math.floor(random() * 730) * DAY_MS;
      const allDay = i % 10 === 1;
      const start = new Date(day + (9 + (i % 10)) * 3_600_000);
      lines.push(
        'BEGIN:VEVENT',
        `UID:${uid}`,
        'DTSTAMP:20260101T000000Z',
        allDay ? `DTSTART;VALUE=DATE:${dateOnly(start)}` : `DTSTART;TZID=Europe/Berlin:${local(start)}`,
        allDay
          ? `DTEND;VALUE=DATE:${dateOnly(new Date(day + DAY_MS))}`
          : `DTEND;TZID=Europe/Berlin:${local(new Date(start.getTime() + 2 * 3_600_000))}`,
        `SUMMARY:${title}`,
        `LOCATION:${place}`,
        `DESCRIPTION:Veranstaltung ${i} im Fläming\\, mit Anmeldung.`,
        'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n') + '\r\n';
}

interface Plain {
  start: number;
  end: number;
  title: string;
}

/** The straightforward ical.js way: every VEVENT through ICAL.Event, every occurrence up to TO, then sort. */
function straightforward(text: string, from: Date, to: Date, limit?: number): Plain[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const fromS = from.getTime() / 1000;
  const toS = to.getTime() / 1000;
  const found: Plain[] = [];
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    if (event.isRecurrenceException()) continue;
    const add = (start: InstanceType<typeof ICAL.Time>, end: InstanceType<typeof ICAL.Time>, title: string) => {
      const s = start.toUnixTime();
      const e = end.toUnixTime();
      if (s < toS && e > fromS) found.push({ start: s * 1000, end: e * 1000, title });
    };
    if (!event.isRecurring()) {
      add(event.startDate, event.endDate, event.summary);
      continue;
    }
    const iterator = event.iterator();
    for (let next = iterator.next(); next && next.toUnixTime() < toS; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      add(details.startDate, details.endDate, details.item.summary);
    }
  }
  found.sort((a, b) => a.start - b.start);
  return limit === undefined ? found : found.slice(0, limit);
}

/**
 * A feed whose rules all began on 1 January 1970, every frequency with and without INTERVAL, BY parts and COUNT:
 * finding its first upcoming occurrences must not depend on how long ago that was.
 */
export function generateOldRules(): string {
  const variants = [
    '',
    ';INTERVAL=7',
    ';BYDAY=MO,WE,FR',
    ';BYMONTH=3,9',
    ';COUNT=2000000000',
    ';BYSETPOS=-1;BYHOUR=9,21',
  ];
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//offen//Benchmark 1970//DE', ...BERLIN_VTIMEZONE];
  for (const freq of ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']) {
    variants.forEach((variant, index) => {
      lines.push(
        'BEGIN:VEVENT',
        `UID:${freq.toLowerCase()}-${index}@offen.test`,
        'DTSTAMP:20260101T000000Z',
        'DTSTART;TZID=Europe/Berlin:19700101T090000',
        'DURATION:PT20M',
        `RRULE:FREQ=${freq}${variant}`,
        `SUMMARY:${freq}${variant}`,
        'END:VEVENT',
      );
    });
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n') + '\r\n';
}

/**
 * The worst feed we know: every rule of test/data/ics-hostile.test.ts that can never match (fifty copies of
 * FREQ=HOURLY;INTERVAL=24;BYHOUR=9 from 10:00, 30 February, BYHOUR=25), rules the engine gives up at once (week 1 in
 * June, day 366 in January, every 60 minutes at :05 from :00, Mondays every seven days from a Thursday) and the
 * ones that cost it most per step before its budget gives up on them (day 100 in week 1, day 1 on the 2nd of a
 * month), beside one daily event that is fine.
 */
export function generateHostileFeed(): { text: string; hostile: number } {
  const never = [
    ...Array.from({ length: 50 }, () => 'FREQ=HOURLY;INTERVAL=24;BYHOUR=9'),
    'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
    'FREQ=DAILY;BYHOUR=25',
    'FREQ=DAILY;BYWEEKNO=1;BYMONTH=6',
    'FREQ=YEARLY;BYWEEKNO=1;BYMONTH=6',
    'FREQ=SECONDLY;BYYEARDAY=366;BYMONTH=1',
    'FREQ=DAILY;BYWEEKNO=1;BYYEARDAY=100',
    'FREQ=SECONDLY;BYWEEKNO=1;BYYEARDAY=100',
    'FREQ=DAILY;BYYEARDAY=1;BYMONTHDAY=2',
    'FREQ=MINUTELY;INTERVAL=60;BYMINUTE=5',
    'FREQ=SECONDLY;INTERVAL=60;BYSECOND=5',
    'FREQ=DAILY;INTERVAL=7;BYDAY=MO',
  ];
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//offen//Benchmark hostile//DE'];
  const add = (uid: string, start: string, rule: string) =>
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}`,
      'DTSTAMP:20260101T000000Z',
      `DTSTART;TZID=Europe/Berlin:${start}`,
      'DURATION:PT30M',
      `RRULE:${rule}`,
      `SUMMARY:${rule}`,
      'END:VEVENT',
    );
  // 1 January 2026 was a Thursday, 10:00:00.
  never.forEach((rule, index) => add(`never-${index}@offen.test`, '20260101T100000', rule));
  add('daily@offen.test', '20260101T180000', 'FREQ=DAILY');
  lines.push('END:VCALENDAR');
  return { text: lines.join('\r\n') + '\r\n', hostile: never.length };
}

function time(run: () => unknown): number {
  run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

export default async function (): Promise<BenchRow[]> {
  const text = generateCalendar();
  const window = { from: FROM, to: TO };

  // Both ways must agree before their times mean anything.
  const ours20 = parseIcsText(text, { window, limit: 20 }).records;
  const reference20 = straightforward(text, FROM, TO, 20);
  const oursYear = parseIcsText(text, { window }).records;
  const referenceYear = straightforward(text, FROM, TO);
  // Same occurrences (start and title); the order of equal starts may differ.
  const key = (start: number, title: unknown) => `${new Date(start).toISOString()} ${String(title)}`;
  const same = (reference: Plain[], ours: DataRecord[]) =>
    JSON.stringify(reference.map((p) => key(p.start, p.title)).sort()) ===
    JSON.stringify(ours.map((r) => key((r.values.start as Date).getTime(), r.values.title)).sort());
  if (!same(reference20, ours20) || !same(referenceYear, oursYear)) {
    throw new Error(
      `ours and ical.js disagree: ${ours20.length}/${reference20.length} first, ${oursYear.length}/${referenceYear.length} in the year`,
    );
  }

  const firstOurs = time(() => parseIcsText(text, { window, limit: 20 }));
  const firstReference = time(() => straightforward(text, FROM, TO, 20));
  const yearOurs = time(() => parseIcsText(text, { window }));
  const yearReference = time(() => straightforward(text, FROM, TO));
  const size = `${EVENTS} events, ${(text.length / 1024).toFixed(0)} KB`;

  // Rules from 1970: ical.js's own iterator would walk from 1970 (minutes, seconds) and is not run; the goal is
  // the budget of one main-thread task. The result must still be the right one: 20 starts in order, from FROM on.
  const old = generateOldRules();
  const oldWindow = { from: FROM, to: TO };
  const oldFirst = parseIcsText(old, { window: oldWindow, limit: 20 });
  const oldStarts = oldFirst.records.map((r) => (r.values.start as Date).getTime());
  const overlapsFrom = oldFirst.records.every((r) => (r.values.end as Date).getTime() > FROM.getTime());
  if (
    oldStarts.length !== 20 ||
    oldFirst.unreadable > 0 ||
    !overlapsFrom ||
    oldStarts.some((s, i) => i > 0 && s < oldStarts[i - 1])
  ) {
    throw new Error(`rules from 1970: ${oldStarts.length} occurrences, ${oldFirst.unreadable} unreadable`);
  }
  const oldTime = time(() => parseIcsText(old, { window: oldWindow, limit: 20 }));

  // The hostile feed: every rule that never matches is given up on and counted, the daily event is still shown.
  const hostile = generateHostileFeed();
  const hostileResult = parseIcsText(hostile.text, { window: oldWindow, limit: 20 });
  if (hostileResult.records.length !== 20 || hostileResult.unreadable !== hostile.hostile) {
    throw new Error(
      `hostile feed: ${hostileResult.records.length} occurrences, ${hostileResult.unreadable} unreadable`,
    );
  }
  const hostileTime = time(() => parseIcsText(hostile.text, { window: oldWindow, limit: 20 }));
  return [
    {
      name: `first 20 upcoming occurrences (${size}, parse included)`,
      ours: firstOurs,
      reference: firstReference,
      unit: 'ms',
      goal: '< 100 ms',
      refName: 'ical.js Event per VEVENT, iterate all, sort, take 20',
    },
    {
      name: `expand one year (${oursYear.length} occurrences, parse included)`,
      ours: yearOurs,
      reference: yearReference,
      unit: 'ms',
      goal: '≤ 0.5×',
      refName: 'ical.js Event per VEVENT, iterate all, sort',
    },
    {
      name: 'first 20 upcoming of a feed whose rules started in 1970, every frequency (42 rules, parse included)',
      ours: oldTime,
      reference: 50,
      unit: 'ms',
      goal: '< 50 ms',
      refName: 'budget of one main-thread task',
    },
    {
      name: `first 20 of the worst feed we know (${hostile.hostile} rules that never match, one that does; parse included)`,
      ours: hostileTime,
      reference: 50,
      unit: 'ms',
      goal: '< 50 ms',
      refName: 'budget of one main-thread task',
    },
  ];
}
