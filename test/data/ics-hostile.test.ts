import { expect } from '@open-wc/testing';
import { parseIcsText } from '../../src/data/formats/ics.js';
import { loadDataset } from '../../src/data/load.js';
import type { DataRecord } from '../../src/data/types.js';
import { fetchText, fixtureUrl } from '../helpers/server.js';

// Feeds that used to freeze the page or lose all their events: rules from 1970 at every frequency, rules that never
// match, unreadable rules. The window is fixed (Thursday 3 December 2026, 11:00 in Berlin), never today's date.

const FROM = new Date('2026-12-03T10:00:00Z');
const TO = new Date('2027-12-03T00:00:00Z');
const HOSTILE = fixtureUrl('ics-hostile-rules.ics');
const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value);
const startsOf = (records: DataRecord[]) => records.map((r) => iso(r.values.start));

function calendar(...events: string[][]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', ...events.flat(), 'END:VCALENDAR'].join('\r\n');
}

function event(uid: string, rule: string, start = '19700101T090000', duration = 'PT10M'): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTART;TZID=Europe/Berlin:${start}`,
    `DURATION:${duration}`,
    `RRULE:${rule}`,
    `SUMMARY:${uid}`,
    'END:VEVENT',
  ];
}

describe('iCalendar: every frequency jumps to the window', () => {
  // What overlaps 11:00 Berlin on 3 December 2026 first, for a rule that started on 1 January 1970 at 09:00.
  const firstUpcoming: [string, string][] = [
    ['SECONDLY', '2026-12-03T09:50:01.000Z'], // 10:50:01 Berlin, ten minutes long: still running at 11:00
    ['MINUTELY', '2026-12-03T09:51:00.000Z'],
    ['HOURLY', '2026-12-03T10:00:00.000Z'],
    ['DAILY', '2026-12-04T08:00:00.000Z'],
    ['WEEKLY', '2026-12-10T08:00:00.000Z'], // 1 January 1970 was a Thursday; today's is over
    ['MONTHLY', '2027-01-01T08:00:00.000Z'],
    ['YEARLY', '2027-01-01T08:00:00.000Z'],
  ];
  for (const [freq, expected] of firstUpcoming) {
    it(`FREQ=${freq} from 1970 finds its first upcoming occurrence within a budget that walking from 1970 would exceed`, () => {
      // 10 000 steps: far too few to walk 57 years of any frequency below MONTHLY from DTSTART.
      const result = parseIcsText(calendar(event(freq, `FREQ=${freq}`)), {
        window: { from: FROM, to: TO },
        limit: 2,
        seriesSteps: 10_000,
      });
      expect(result.unreadable).to.equal(0);
      expect(startsOf(result.records)[0]).to.equal(expected);
    });
  }

  it('counts a COUNT rule to the window instead of walking it (100 million minutes from 1970)', () => {
    const result = parseIcsText(calendar(event('count', 'FREQ=MINUTELY;COUNT=100000000')), {
      window: { from: FROM, to: TO },
      limit: 1,
      seriesSteps: 10_000,
    });
    expect(startsOf(result.records)).to.deep.equal(['2026-12-03T09:51:00.000Z']);
  });
});

describe('iCalendar: newest first', () => {
  it('gives the last seconds before the window end for a FREQ=SECONDLY rule from 1970, not the oldest', () => {
    const result = parseIcsText(calendar(event('sekunde', 'FREQ=SECONDLY')), {
      window: { from: new Date(0), to: FROM },
      order: 'desc',
      limit: 3,
    });
    expect(startsOf(result.records)).to.deep.equal([
      '2026-12-03T09:59:59.000Z',
      '2026-12-03T09:59:58.000Z',
      '2026-12-03T09:59:57.000Z',
    ]);
    expect(result.truncated).to.equal(true);
  });

  it('still finds the newest of rare events far back in the window', () => {
    const result = parseIcsText(calendar(event('jaehrlich', 'FREQ=YEARLY;COUNT=3', '19800301T090000', 'PT1H')), {
      window: { from: new Date(0), to: FROM },
      order: 'desc',
      limit: 2,
    });
    expect(startsOf(result.records)).to.deep.equal(['1982-03-01T08:00:00.000Z', '1981-03-01T08:00:00.000Z']);
  });
});

describe('iCalendar: ics-hostile-rules.ics (rules that never match or cannot be read)', () => {
  it('shows what can be read and names the four events that could not be', async () => {
    const dataset = await loadDataset({ url: HOSTILE, window: { from: FROM, to: TO }, limit: 20 });
    expect(dataset.meta.unreadableEvents).to.equal(4);
    expect([...dataset.meta.unreadableUids!].sort()).to.deep.equal([
      'dreissigster-februar@offen.test', // BYMONTH=2;BYMONTHDAY=30: no such day
      'nie-um-neun@offen.test', // every 24 hours from 10:00, only at 09:00: never
      'ohne-beginn@offen.test', // no DTSTART
      'stunde-25@offen.test', // BYHOUR=25
    ]);
    expect(dataset.records).to.have.length(20);
    expect(dataset.meta.truncated).to.equal(true);
    expect(startsOf(dataset.records).slice(0, 2)).to.deep.equal([
      '2026-12-03T09:50:01.000Z',
      '2026-12-03T09:50:02.000Z',
    ]);
  });

  it('keeps the other series and the single events of the feed', async () => {
    const text = await fetchText(HOSTILE);
    // Eleven hours: 39 600 seconds, fewer than the 50 000 occurrences a calendar may yield.
    const window = { from: new Date('2026-12-04T07:30:00Z'), to: new Date('2026-12-04T18:30:00Z') };
    const result = parseIcsText(text, { window });
    expect(result.truncated).to.equal(false);
    const count = (uid: string) => result.records.filter((r) => r.values.uid === uid).length;
    expect(count('lesung@offen.test')).to.equal(1);
    expect(count('daily-1970@offen.test')).to.equal(1);
    expect(count('hourly-1970@offen.test')).to.equal(11);
    expect(count('minutely-1970@offen.test')).to.equal(11 * 60 + 9); // the nine begun before 07:30 still run
    expect(result.unreadable).to.equal(4);
    // A whole year of seconds is more than a calendar may yield: the occurrences stop at 50 000, and it says so.
    expect(parseIcsText(text, { window: { from: FROM, to: TO } }).truncated).to.equal(true);
  });

  it('shows FREQ=WEEKLY;BYWEEKNO=20 (forbidden by RFC 5545, found in feeds) on every day of week 20, as dateutil does', async () => {
    const text = calendar(event('woche-20', 'FREQ=WEEKLY;BYWEEKNO=20', '20260511T180000'));
    const result = parseIcsText(text, { window: { from: new Date('2027-01-01T00:00:00Z'), to: TO } });
    expect(startsOf(result.records)).to.deep.equal([
      '2027-05-17T16:00:00.000Z',
      '2027-05-18T16:00:00.000Z',
      '2027-05-19T16:00:00.000Z',
      '2027-05-20T16:00:00.000Z',
      '2027-05-21T16:00:00.000Z',
      '2027-05-22T16:00:00.000Z',
      '2027-05-23T16:00:00.000Z',
    ]);
  });

  it('bounds the work of the whole feed: fifty rules that never match cost one feed budget, then are skipped', () => {
    // Day 1 of the year is never the 2nd of a month, but only looking at the days shows it.
    const never = Array.from({ length: 50 }, (_, i) =>
      event(`nie-${i}@offen.test`, 'FREQ=DAILY;BYYEARDAY=1;BYMONTHDAY=2', '20260101T100000'),
    );
    const fine = event('taeglich@offen.test', 'FREQ=DAILY', '20261201T180000', 'PT1H');
    const result = parseIcsText(calendar(...never, fine), {
      window: { from: FROM, to: TO },
      limit: 3,
      seriesSteps: 20_000,
      feedSteps: 100_000,
    });
    expect(result.unreadable).to.equal(50);
    expect(startsOf(result.records)).to.deep.equal([
      '2026-12-03T17:00:00.000Z',
      '2026-12-04T17:00:00.000Z',
      '2026-12-05T17:00:00.000Z',
    ]);
  });

  it('gives up at once on a rule whose steps never reach the hour, minute, second or weekday it asks for', () => {
    // dateutil refuses these too ("Invalid rrule byxxx generates an empty set"; DAILY;INTERVAL=7 from a Thursday
    // yields nothing). A step budget of 10 is far too small to find that out by stepping.
    const never = [
      'FREQ=HOURLY;INTERVAL=24;BYHOUR=9',
      'FREQ=MINUTELY;INTERVAL=45;BYMINUTE=5',
      'FREQ=SECONDLY;INTERVAL=60;BYSECOND=5',
      'FREQ=DAILY;INTERVAL=7;BYDAY=MO',
    ].map((rule, i) => event(`nie-${i}@offen.test`, rule, '20260101T100000'));
    const text = calendar(
      ...never,
      event('alle-5-stunden@offen.test', 'FREQ=HOURLY;INTERVAL=5;BYHOUR=9', '20260101T100000'),
    );
    const result = parseIcsText(text, {
      window: { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-01-16T00:00:00Z') },
      seriesSteps: 200,
      feedSteps: 10,
    });
    expect(result.unreadable).to.equal(4);
    // Every 5 hours from 10:00, only at 09:00: DTSTART (the first occurrence, RFC 5545), then what dateutil gives,
    // 5, 10 and 15 January at 09:00 (08:00 UTC).
    expect(startsOf(result.records)).to.deep.equal([
      '2026-01-01T09:00:00.000Z',
      '2026-01-05T08:00:00.000Z',
      '2026-01-10T08:00:00.000Z',
      '2026-01-15T08:00:00.000Z',
    ]);
  });
});
