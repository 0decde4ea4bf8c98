import { expect } from '@open-wc/testing';
import { loadDataset } from '../../src/data/load.js';
import type { DataRecord, Dataset } from '../../src/data/types.js';
import { corpusUrl } from '../helpers/server.js';

// Real exports from Outlook/Exchange, Google, Nextcloud, a holiday-calendar service and a booking system, copied
// unchanged into test/corpus (sources and licences in test/corpus/SOURCES.md). Each test asserts what a visitor sees
// in a fixed window. Where a rule is involved, the expected starts were computed with python-dateutil 2.9
// (`rrulestr`, `rruleset` with the file's EXDATEs) and Python's zoneinfo, not with our code:
// test/data/ics-real-exports-reference.py prints them. Overrides (RECURRENCE-ID) are then applied as the RFC says:
// the named occurrence is replaced by the override's own start.

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

async function load(name: string, from: string, to: string): Promise<Dataset> {
  return loadDataset({ url: corpusUrl(name), window: { from: new Date(from), to: new Date(to) } });
}

const shown = (records: DataRecord[]) => records.map((r) => `${iso(r.values.start)} ${String(r.values.title)}`);
const titled = (records: DataRecord[], title: string) => records.filter((r) => r.values.title === title);
const starts = (records: DataRecord[]) => records.map((r) => iso(r.values.start));

describe('iCalendar from real exports: a holiday feed (Calendar Labs, dates without VALUE=DATE)', () => {
  const FILE = 'calendarlabs-germany-holidays-2019-2020.ics';

  it('shows all 17 German holidays of 2019 as all-day dates, although every event has an empty RRULE', async () => {
    const dataset = await load(FILE, '2019-01-01T00:00:00Z', '2020-01-01T00:00:00Z');
    expect(dataset.meta.unreadableEvents).to.equal(undefined);
    // The dates as the file writes them (DTSTART:20190101 …); no rule is involved.
    expect(shown(dataset.records)).to.deep.equal([
      "2019-01-01T00:00:00.000Z New Year's Day",
      '2019-01-06T00:00:00.000Z Epiphany',
      '2019-03-05T00:00:00.000Z Carnival',
      '2019-04-19T00:00:00.000Z Good Friday',
      '2019-04-21T00:00:00.000Z Easter Sunday',
      '2019-04-22T00:00:00.000Z Easter Monday',
      '2019-05-01T00:00:00.000Z Labor Day',
      '2019-05-30T00:00:00.000Z Ascension Day',
      '2019-06-10T00:00:00.000Z Whit Monday',
      '2019-06-20T00:00:00.000Z Corpus Christi',
      '2019-08-15T00:00:00.000Z Assumption Day',
      '2019-10-03T00:00:00.000Z Unity Day (National)',
      '2019-10-31T00:00:00.000Z Reformation Day',
      '2019-11-01T00:00:00.000Z All Saints Day',
      '2019-11-17T00:00:00.000Z National Day of Mourning',
      '2019-12-25T00:00:00.000Z Christmas Day',
      '2019-12-26T00:00:00.000Z Boxing Day',
    ]);
  });

  it('gives each holiday its whole day, though DTEND repeats DTSTART', async () => {
    const dataset = await load(FILE, '2020-01-01T00:00:00Z', '2020-01-10T00:00:00Z');
    expect(
      dataset.records.map((r) => [iso(r.values.start), iso(r.values.end), r.values.allDay, r.values.title]),
    ).to.deep.equal([
      ['2020-01-01T00:00:00.000Z', '2020-01-02T00:00:00.000Z', true, "New Year's Day"],
      ['2020-01-06T00:00:00.000Z', '2020-01-07T00:00:00.000Z', true, 'Epiphany (BW, BY & ST)'],
    ]);
  });
});

describe('iCalendar from real exports: Outlook / Exchange 2010', () => {
  it('replaces a moved day of an all-day series (RECURRENCE-ID at midnight in W. Europe Standard Time)', async () => {
    const dataset = await load(
      'exchange-2010-all-day-series-moved-occurrence.ics',
      '2026-02-19T00:00:00Z',
      '2026-03-13T00:00:00Z',
    );
    // dateutil: 19, 24, 26 February, 3, 5, 10, 12 March; the override moves the 26th to the 27th.
    expect(starts(dataset.records)).to.deep.equal([
      '2026-02-19T00:00:00.000Z',
      '2026-02-24T00:00:00.000Z',
      '2026-02-27T00:00:00.000Z',
      '2026-03-03T00:00:00.000Z',
      '2026-03-05T00:00:00.000Z',
      '2026-03-10T00:00:00.000Z',
      '2026-03-12T00:00:00.000Z',
    ]);
    expect(dataset.records.every((r) => r.values.allDay === true)).to.equal(true);
  });

  it('ends the all-day series on the day its UTC UNTIL names in the local zone (18 August, not the 13th)', async () => {
    // UNTIL=20260817T220000Z is midnight of 18 August in Berlin; dateutil, reading DTSTART as Berlin midnight, ends
    // the series with Tuesday 18 August.
    const dataset = await load(
      'exchange-2010-all-day-series-moved-occurrence.ics',
      '2026-08-01T00:00:00Z',
      '2027-01-01T00:00:00Z',
    );
    expect(starts(dataset.records)).to.deep.equal([
      '2026-08-04T00:00:00.000Z',
      '2026-08-06T00:00:00.000Z',
      '2026-08-11T00:00:00.000Z',
      '2026-08-13T00:00:00.000Z',
      '2026-08-18T00:00:00.000Z',
    ]);
  });

  describe('Windows zone names (W. Europe and Pacific Standard Time, read from the VTIMEZONEs)', () => {
    const FILE = 'exchange-2010-windows-zone-names.ics';
    let autumn: DataRecord[];
    before(async () => {
      autumn = (await load(FILE, '2020-10-20T00:00:00Z', '2020-11-10T00:00:00Z')).records;
    });

    it('keeps a 09:00 Berlin series at 09:00 across the change to winter time (DTSTART quoted with its value)', () => {
      // The file writes DTSTART;TZID="W. Europe Standard Time:20200609T090000"; the value is inside the quotes.
      expect(starts(titled(autumn, "Log Yesterday's Jira time"))).to.deep.equal([
        '2020-10-20T07:00:00.000Z',
        '2020-10-21T07:00:00.000Z',
        '2020-10-22T07:00:00.000Z',
        '2020-10-23T07:00:00.000Z',
        '2020-10-24T07:00:00.000Z',
        '2020-10-26T08:00:00.000Z',
        '2020-10-27T08:00:00.000Z',
        '2020-10-28T08:00:00.000Z',
        '2020-10-29T08:00:00.000Z',
        '2020-10-30T08:00:00.000Z',
        '2020-10-31T08:00:00.000Z',
        '2020-11-02T08:00:00.000Z',
        '2020-11-03T08:00:00.000Z',
        '2020-11-04T08:00:00.000Z',
        '2020-11-05T08:00:00.000Z',
        '2020-11-06T08:00:00.000Z',
        '2020-11-07T08:00:00.000Z',
        '2020-11-09T08:00:00.000Z',
      ]);
    });

    it('keeps a 12:00 Pacific series at 12:00 across the US change a week later (WKST=SU, folded RRULE)', () => {
      expect(starts(titled(autumn, 'Not the actual summary either'))).to.deep.equal([
        '2020-10-20T19:00:00.000Z',
        '2020-10-22T19:00:00.000Z',
        '2020-10-23T19:00:00.000Z',
        '2020-10-25T19:00:00.000Z',
        '2020-10-27T19:00:00.000Z',
        '2020-10-29T19:00:00.000Z',
        '2020-10-30T19:00:00.000Z',
        '2020-11-01T20:00:00.000Z',
        '2020-11-03T20:00:00.000Z',
        '2020-11-05T20:00:00.000Z',
        '2020-11-06T20:00:00.000Z',
        '2020-11-08T20:00:00.000Z',
      ]);
    });

    it('leaves out the EXDATEs of a folded EXDATE list in a Windows zone', async () => {
      const july = (await load(FILE, '2020-07-07T00:00:00Z', '2020-08-01T00:00:00Z')).records;
      expect(starts(titled(july, 'Not the actual summary either'))).to.deep.equal([
        '2020-07-07T19:00:00.000Z',
        '2020-07-09T19:00:00.000Z',
        '2020-07-10T19:00:00.000Z',
        '2020-07-12T19:00:00.000Z',
        '2020-07-14T19:00:00.000Z',
        '2020-07-16T19:00:00.000Z',
        '2020-07-17T19:00:00.000Z',
        '2020-07-19T19:00:00.000Z',
        '2020-07-24T19:00:00.000Z',
        '2020-07-26T19:00:00.000Z',
        '2020-07-30T19:00:00.000Z',
        '2020-07-31T19:00:00.000Z',
      ]);
    });

    it('reads every event of the file', async () => {
      const september = await load(FILE, '2020-09-10T00:00:00Z', '2020-09-16T00:00:00Z');
      expect(september.meta.unreadableEvents).to.equal(undefined);
      expect(shown(titled(september.records, 'test'))).to.deep.equal(['2020-09-10T07:00:00.000Z test']);
      // 08:30 in Pacific daylight time (UTC−7).
      expect(starts(titled(september.records, 'Not the actual summary 1'))).to.deep.equal(['2020-09-15T15:30:00.000Z']);
    });
  });
});

describe('iCalendar from real exports: Google Calendar', () => {
  it('moves the last-Friday karaoke of 31 December to the 17th (override with a higher SEQUENCE than its series)', async () => {
    const dataset = await load(
      'google-calendar-partyborn-moved-occurrence.ics',
      '2021-11-01T00:00:00Z',
      '2022-06-01T00:00:00Z',
    );
    // dateutil (FREQ=MONTHLY;BYDAY=-1FR, 21:30 Berlin): 26 Nov, 31 Dec, 28 Jan, 25 Feb, 25 Mar, 29 Apr, 27 May;
    // the override (SEQUENCE:3, the series SEQUENCE:2) moves 31 December to 17 December.
    expect(starts(dataset.records)).to.deep.equal([
      '2021-11-26T20:30:00.000Z',
      '2021-12-17T20:30:00.000Z',
      '2022-01-28T20:30:00.000Z',
      '2022-02-25T20:30:00.000Z',
      '2022-03-25T20:30:00.000Z',
      '2022-04-29T19:30:00.000Z',
      '2022-05-27T19:30:00.000Z',
    ]);
    expect(new Set(dataset.records.map((r) => r.values.uid)).size).to.equal(1);
  });

  it('applies an override that comes before its series in the file (America/Denver)', async () => {
    const dataset = await load(
      'google-calendar-override-before-series.ics',
      '2026-02-01T00:00:00Z',
      '2026-03-01T00:00:00Z',
    );
    // dateutil (FREQ=DAILY;COUNT=3, 10:00 Denver): 10, 11, 12 February at 17:00 UTC; the 11th moved to 10:30.
    expect(dataset.records.map((r) => [iso(r.values.start), iso(r.values.end), r.values.title])).to.deep.equal([
      ['2026-02-10T17:00:00.000Z', '2026-02-10T17:30:00.000Z', 'TEST RECURR 3'],
      ['2026-02-11T17:30:00.000Z', '2026-02-11T18:00:00.000Z', 'TEST RECURR 3 - MODIFIED'],
      ['2026-02-12T17:00:00.000Z', '2026-02-12T17:30:00.000Z', 'TEST RECURR 3'],
    ]);
  });
});

describe('iCalendar from real exports: Nextcloud', () => {
  it('repeats a weekly all-day event on every Wednesday', async () => {
    const dataset = await load('nextcloud-calendar-weekly-all-day.ics', '2020-04-01T00:00:00Z', '2020-07-01T00:00:00Z');
    // dateutil: FREQ=WEEKLY;BYDAY=WE from 2020-04-01.
    expect(starts(dataset.records)).to.deep.equal([
      '2020-04-01T00:00:00.000Z',
      '2020-04-08T00:00:00.000Z',
      '2020-04-15T00:00:00.000Z',
      '2020-04-22T00:00:00.000Z',
      '2020-04-29T00:00:00.000Z',
      '2020-05-06T00:00:00.000Z',
      '2020-05-13T00:00:00.000Z',
      '2020-05-20T00:00:00.000Z',
      '2020-05-27T00:00:00.000Z',
      '2020-06-03T00:00:00.000Z',
      '2020-06-10T00:00:00.000Z',
      '2020-06-17T00:00:00.000Z',
      '2020-06-24T00:00:00.000Z',
    ]);
    expect(dataset.records.every((r) => r.values.allDay === true && r.values.title === 'Weekly test')).to.equal(true);
  });
});

describe('iCalendar from real exports: RANGE=THISANDFUTURE (a booking system)', () => {
  it('gives every later occurrence the values and length of the override in force', async () => {
    const dataset = await load('reservas-range-thisandfuture.ics', '2024-09-01T00:00:00Z', '2024-10-01T00:00:00Z');
    // Starts: dateutil (FREQ=DAILY;INTERVAL=2 from 12:00 UTC, plus the RDATE of 24 September 09:00). Summaries: the
    // table of python-recurring-ical-events' own test of this file (test_issue_75_range_parameter.py). Each override's
    // DTSTART equals its RECURRENCE-ID, so nothing moves; its length (7 hours) applies from it on (RFC 5545 §3.8.4.4).
    const hours = (r: DataRecord) =>
      ((r.values.end as Date).getTime() - (r.values.start as Date).getTime()) / 3_600_000;
    expect(dataset.records.map((r) => `${iso(r.values.start)} ${String(r.values.title)} ${hours(r)}h`)).to.deep.equal([
      '2024-09-01T12:00:00.000Z ORIGINAL EVENT 2h',
      '2024-09-03T12:00:00.000Z ORIGINAL EVENT 2h',
      '2024-09-05T12:00:00.000Z ORIGINAL EVENT 2h',
      '2024-09-07T12:00:00.000Z ORIGINAL EVENT 2h',
      '2024-09-09T12:00:00.000Z ORIGINAL EVENT 2h',
      '2024-09-11T12:00:00.000Z ORIGINAL EVENT 2h',
      '2024-09-13T12:00:00.000Z MODIFIED EVENT 7h',
      '2024-09-15T12:00:00.000Z MODIFIED EVENT 7h',
      '2024-09-17T12:00:00.000Z MODIFIED EVENT 7h',
      '2024-09-19T12:00:00.000Z MODIFIED EVENT 7h',
      '2024-09-21T12:00:00.000Z MODIFIED EVENT 7h',
      '2024-09-23T12:00:00.000Z EDITED EVENT 7h',
      '2024-09-24T09:00:00.000Z EDITED EVENT 7h',
      '2024-09-25T12:00:00.000Z EDITED EVENT 7h',
      '2024-09-27T12:00:00.000Z EDITED EVENT 7h',
      '2024-09-29T12:00:00.000Z EDITED EVENT 7h',
    ]);
  });
});
