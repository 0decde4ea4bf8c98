import { expect } from '@open-wc/testing';
import { DataError } from '../../src/data/errors.js';
import { parseIcsText } from '../../src/data/formats/ics.js';
import { loadDataset } from '../../src/data/load.js';
import type { DataRecord, Dataset, SourceDescription } from '../../src/data/types.js';
import { corpusUrl, faultUrl, fetchText, fixtureUrl } from '../helpers/server.js';
import { failure } from '../helpers/errors.js';

// Every expected instant below was worked out by hand from the files: a TZID=Europe/Berlin time is UTC+1 in winter
// and UTC+2 in summer time (last Sunday of March to last Sunday of October).

const FABLAB = corpusUrl('fablab-cottbus-events.ics');
const MACHBAR = corpusUrl('machbar-potsdam-google-calendar.ics');

function load(url: string, options: Partial<SourceDescription> & { from: string; to: string }): Promise<Dataset> {
  const { from, to, ...rest } = options;
  return loadDataset({ url, window: { from: new Date(from), to: new Date(to) }, ...rest });
}

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value);
const startsOf = (records: DataRecord[]) => records.map((r) => iso(r.values.start));
const byUid = (records: DataRecord[], uid: string) => records.filter((r) => r.values.uid === uid);

describe('iCalendar: fablab-cottbus-events.ics (iCalcreator, VTIMEZONE with RDATE)', () => {
  let dataset: Dataset;
  before(async () => {
    dataset = await load(FABLAB, { from: '2016-01-01T00:00:00Z', to: '2019-03-05T00:00:00Z' });
  });

  it('describes the feed and the event fields', () => {
    expect(dataset.meta.format).to.equal('ics');
    expect(dataset.meta.calendarUrl).to.equal(FABLAB);
    expect(dataset.meta.bytes).to.equal(56184);
    expect(dataset.meta.truncated).to.equal(false);
    expect(dataset.fields.map((f) => `${f.name}:${f.type}`)).to.deep.equal([
      'title:string',
      'start:date',
      'end:date',
      'allDay:boolean',
      'location:string',
      'category:string',
      'url:string',
      'description:string',
      'cancelled:boolean',
      'uid:string',
    ]);
  });

  it('returns all 28 events, in start order, with ids unique per occurrence', () => {
    const uids = new Set(dataset.records.map((r) => r.values.uid));
    expect(uids.size).to.equal(28);
    const starts = dataset.records.map((r) => (r.values.start as Date).getTime());
    expect(starts).to.deep.equal([...starts].sort((a, b) => a - b));
    const ids = dataset.records.map((r) => r.id);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(ids).to.include('ai1ec-1441@blog.fablab-cottbus.de@2016-12-03T13:00:00.000Z');
  });

  it('reads Europe/Berlin times correctly in years the VTIMEZONE does not list (winter and summer)', () => {
    // The file's VTIMEZONE only has the changes of 2018-10 … 2020-03; the events go back to 2016.
    const christmas = byUid(dataset.records, 'ai1ec-1441@blog.fablab-cottbus.de')[0];
    expect(iso(christmas.values.start)).to.equal('2016-12-03T13:00:00.000Z'); // 14:00 CET
    expect(iso(christmas.values.end)).to.equal('2016-12-03T18:00:00.000Z'); // 19:00 CET
    const recycling = byUid(dataset.records, 'ai1ec-1648@blog.fablab-cottbus.de')[0];
    expect(iso(recycling.values.start)).to.equal('2017-06-10T08:00:00.000Z'); // 10:00 CEST
    const makerFaire = byUid(dataset.records, 'ai1ec-1853@blog.fablab-cottbus.de')[0];
    expect(iso(makerFaire.values.start)).to.equal('2018-05-25T07:00:00.000Z');
    expect(iso(makerFaire.values.end)).to.equal('2018-05-27T16:00:00.000Z');
    expect(makerFaire.values.allDay).to.equal(false);
  });

  it('expands the monthly Repair Café (BYDAY=1SA) to first Saturdays at 14:00 Berlin time', () => {
    const repair = byUid(dataset.records, 'ai1ec-1887@blog.fablab-cottbus.de');
    expect(startsOf(repair)).to.deep.equal([
      '2018-01-06T13:00:00.000Z',
      '2018-02-03T13:00:00.000Z',
      '2018-03-03T13:00:00.000Z',
      '2018-04-07T12:00:00.000Z', // summer time from 25 March
      '2018-05-05T12:00:00.000Z',
      '2018-06-02T12:00:00.000Z',
      '2018-07-07T12:00:00.000Z',
      '2018-08-04T12:00:00.000Z',
      '2018-09-01T12:00:00.000Z',
      '2018-10-06T12:00:00.000Z',
      '2018-11-03T13:00:00.000Z', // winter time from 28 October
      '2018-12-01T13:00:00.000Z',
      '2019-01-05T13:00:00.000Z',
      '2019-02-02T13:00:00.000Z',
      '2019-03-02T13:00:00.000Z',
    ]);
    expect(
      repair.every(
        (r) => iso(r.values.end) === new Date((r.values.start as Date).getTime() + 3 * 3600_000).toISOString(),
      ),
    ).to.equal(true);
    expect(repair[0].id).to.equal('ai1ec-1887@blog.fablab-cottbus.de@2018-01-06T13:00:00.000Z');
  });

  it('gives the all-day event of 9 June 2018 UTC midnights with an exclusive end', () => {
    const closed = byUid(dataset.records, 'ai1ec-1862@blog.fablab-cottbus.de')[0];
    expect(closed.values.allDay).to.equal(true);
    expect(iso(closed.values.start)).to.equal('2018-06-09T00:00:00.000Z');
    expect(iso(closed.values.end)).to.equal('2018-06-10T00:00:00.000Z');
    expect(closed.values.title).to.equal('Lab geschlossen: Wir sind auf dem Karlstraßenfest');
  });

  it('unescapes text values and keeps URLs as given', () => {
    const christmas = byUid(dataset.records, 'ai1ec-1441@blog.fablab-cottbus.de')[0].values;
    expect(christmas.location).to.equal('FabLab Cottbus @ Walther-Pauer-Straße 5, 03044 Cottbus');
    expect(christmas.url).to.equal('http://blog.fablab-cottbus.de/Veranstaltung/weihnachts-repair-cafe/');
    expect(christmas.description).to.match(/^Es ist schon wieder Dezember!/);
    expect(christmas.description).to.contain('Wissen, Werkzeug und Kaffee');
    expect(christmas.description).to.contain('Wir freun uns auf Euch!\n„Ein Repair Café');
    expect(christmas.category).to.equal(null); // "CATEGORIES:" is empty
    expect(christmas.cancelled).to.equal(false);
    const repair = byUid(dataset.records, 'ai1ec-1887@blog.fablab-cottbus.de')[0];
    expect(repair.values.location).to.equal('FabLab Cottbus @ Walther-Pauer-Straße 5, 03044 Cottbus, Deutschland');
    // GEO:+51.76882;+14.32321 (latitude;longitude) becomes a GeoJSON point [lon, lat]; events without GEO have none.
    expect(repair.geometry).to.deep.equal({ type: 'Point', coordinates: [14.32321, 51.76882] });
    expect(byUid(dataset.records, 'ai1ec-1441@blog.fablab-cottbus.de')[0].geometry).to.equal(undefined);
  });
});

describe('iCalendar: machbar-potsdam-google-calendar.ics (Google, VTIMEZONE with RRULE)', () => {
  let dataset: Dataset;
  before(async () => {
    dataset = await load(MACHBAR, { from: '2017-06-01T00:00:00Z', to: '2019-08-01T00:00:00Z' });
  });

  it('takes the title from X-WR-CALNAME', () => {
    expect(dataset.meta.title).to.equal('machBar - Öffentlich');
  });

  it('reads UTC times as they are', () => {
    const bio = byUid(dataset.records, '4pudsugalsbuqetcfdns8demti@google.com');
    expect(startsOf(bio)).to.deep.equal(['2019-02-28T19:00:00.000Z']);
    expect(iso(bio[0].values.end)).to.equal('2019-02-28T20:00:00.000Z');
    expect(bio[0].values.title).to.equal('"Bioökonomie-Tag"');
  });

  it('stops a WEEKLY BYDAY=MO,WE rule after COUNT=8', () => {
    const seminar = byUid(dataset.records, '34c0eggrc3qi4te2g3km1jl05g@google.com');
    expect(startsOf(seminar)).to.deep.equal([
      '2017-08-23T16:00:00.000Z',
      '2017-08-28T16:00:00.000Z',
      '2017-08-30T16:00:00.000Z',
      '2017-09-04T16:00:00.000Z',
      '2017-09-06T16:00:00.000Z',
      '2017-09-11T16:00:00.000Z',
      '2017-09-13T16:00:00.000Z',
      '2017-09-18T16:00:00.000Z',
    ]);
  });

  it('steps a biweekly rule (INTERVAL=2) until UNTIL, across the change to winter time', () => {
    const chaos = byUid(dataset.records, '4m856r43sj4i6g0vat9dn4gtui@google.com');
    // 25 April 2018 … UNTIL 15 January 2019 22:59:59Z: 19 Wednesdays, 19:00 Berlin time.
    expect(chaos.length).to.equal(19);
    expect(iso(chaos[0].values.start)).to.equal('2018-04-25T17:00:00.000Z');
    expect(iso(chaos[13].values.start)).to.equal('2018-10-24T17:00:00.000Z');
    expect(iso(chaos[14].values.start)).to.equal('2018-11-07T18:00:00.000Z');
    expect(iso(chaos[18].values.start)).to.equal('2019-01-02T18:00:00.000Z');
  });

  it('skips EXDATEs of a weekly rule', () => {
    const montessori = byUid(dataset.records, '7g6502aejkun96i5fenfu6hvc1@google.com').filter(
      (r) => (r.values.start as Date) < new Date('2019-03-25T00:00:00Z'),
    );
    expect(startsOf(montessori)).to.deep.equal([
      '2019-02-28T07:30:00.000Z',
      // 7 March is an EXDATE
      '2019-03-14T07:30:00.000Z',
      '2019-03-21T07:30:00.000Z',
    ]);
  });

  it('expands MONTHLY BYDAY=-1SA with EXDATEs and RECURRENCE-ID overrides that move occurrences', () => {
    const repair = byUid(dataset.records, '52uuaoruefesorque1gpjabr6t@google.com');
    // 30 June; 28 July and 25 August are EXDATEs; 29 Sept → 22 Sept and 27 Oct → 20 Oct; UNTIL ends before 24 Nov.
    expect(startsOf(repair)).to.deep.equal([
      '2018-06-30T09:00:00.000Z',
      '2018-09-22T09:00:00.000Z',
      '2018-10-20T09:00:00.000Z',
    ]);
  });

  it('replaces the overridden occurrences of the BYDAY=3SA rule, with the override’s own values', () => {
    const repair = byUid(dataset.records, 'ome5r9735mpdoo3n6lpf8oi0c4@google.com');
    expect(startsOf(repair)).to.deep.equal([
      '2018-11-17T10:00:00.000Z',
      '2018-12-08T10:00:00.000Z', // instead of 15 December
      '2019-01-27T10:00:00.000Z', // instead of 19 January
      '2019-02-24T10:00:00.000Z', // instead of 16 February; 16 March is after UNTIL
    ]);
    expect(repair[0].values.location).to.match(/^Stadt- u. Landesbibliothek Potsdam im Bildungsforum, Am Kanal 47/);
    expect(repair[2].values.location).to.equal('Treffpunkt Freizeit, Am Neuen Garten 64, 14469 Potsdam, Deutschland');
    const okLab = byUid(dataset.records, '2o60r26f5pq7muep7htdi4r01n@google.com').filter(
      (r) =>
        (r.values.start as Date) < new Date('2018-05-20T00:00:00Z') &&
        (r.values.start as Date) > new Date('2018-04-10T00:00:00Z'),
    );
    // Biweekly Tuesdays at 19:00; 1 May 2018 moved to Wednesday 2 May.
    expect(startsOf(okLab)).to.deep.equal([
      '2018-04-17T17:00:00.000Z',
      '2018-05-02T17:00:00.000Z',
      '2018-05-15T17:00:00.000Z',
    ]);
  });

  it('gives the multi-day all-day CODEWEEK 7–22 October 2017 an exclusive end on the 23rd', () => {
    const codeweek = byUid(dataset.records, '71vvvsbcjb3b4gsfmsjel6aqtb@google.com');
    expect(codeweek.length).to.equal(1);
    expect(codeweek[0].values.allDay).to.equal(true);
    expect(iso(codeweek[0].values.start)).to.equal('2017-10-07T00:00:00.000Z');
    expect(iso(codeweek[0].values.end)).to.equal('2017-10-23T00:00:00.000Z');
  });

  it('keeps only occurrences that overlap the window, including one already running at its start', async () => {
    const during = await load(MACHBAR, { from: '2017-10-15T00:00:00Z', to: '2017-10-16T00:00:00Z' });
    expect(during.records.map((r) => r.values.title)).to.deep.equal(['CODEWEEK']);
  });
});

describe('iCalendar: order and limit', () => {
  const window = { from: '2019-03-01T00:00:00Z', to: '2019-04-01T00:00:00Z' };

  it('returns the first N occurrences from window.from on, ascending, and says it truncated', async () => {
    const dataset = await load(MACHBAR, { ...window, limit: 6 });
    expect(dataset.meta.truncated).to.equal(true);
    expect(dataset.records.map((r) => [iso(r.values.start), r.values.title])).to.deep.equal([
      ['2019-03-01T07:30:00.000Z', 'Montessori Schulklasse'],
      ['2019-03-01T16:30:00.000Z', 'Open Health HACKademy'],
      ['2019-03-04T13:00:00.000Z', 'Open Health HACKademy - freie Termine'],
      ['2019-03-05T13:00:00.000Z', 'Open Health HACKademy - freie Termine'],
      ['2019-03-05T16:00:00.000Z', 'machBar Plenum'],
      ['2019-03-05T18:00:00.000Z', 'OK Lab'],
    ]);
  });

  it('gives the same first N as the full expansion', async () => {
    const all = await load(MACHBAR, window);
    const first = await load(MACHBAR, { ...window, limit: 25 });
    expect(all.meta.truncated).to.equal(false);
    expect(all.records.length).to.be.greaterThan(25);
    expect(first.records.map((r) => r.id)).to.deep.equal(all.records.slice(0, 25).map((r) => r.id));
  });

  it('with order desc returns the last N before window.to, newest first', async () => {
    const dataset = await load(MACHBAR, { ...window, order: 'desc', limit: 3 });
    expect(dataset.meta.truncated).to.equal(true);
    expect(dataset.records.map((r) => [iso(r.values.start), r.values.title])).to.deep.equal([
      ['2019-03-29T07:30:00.000Z', 'Montessori Schulklasse'],
      ['2019-03-28T17:00:00.000Z', 'OpenLab'],
      ['2019-03-28T14:00:00.000Z', '#TEC - für Jugendliche'],
    ]);
  });

  it('is available as a pure function of the text', async () => {
    const text = await fetchText(MACHBAR);
    const result = parseIcsText(text, {
      window: { from: new Date(window.from), to: new Date(window.to) },
      limit: 1,
    });
    expect(result.title).to.equal('machBar - Öffentlich');
    expect(result.records.map((r) => r.id)).to.deep.equal([
      '1djkkpk5edlt8ocfscsd8a52et@google.com@2019-03-01T07:30:00.000Z',
    ]);
  });
});

describe('iCalendar: our fixture ics-features.ics', () => {
  let records: DataRecord[];
  let dataset: Dataset;
  before(async () => {
    dataset = await load(fixtureUrl('ics-features.ics'), { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' });
    records = dataset.records;
  });

  it('marks STATUS:CANCELLED and joins several CATEGORIES', () => {
    const meeting = byUid(records, 'abgesagt@offen.test')[0].values;
    expect(meeting.cancelled).to.equal(true);
    expect(meeting.category).to.equal('Politik, Ortsbeirat, Bad Belzig');
    expect(meeting.location).to.equal('Rathaus, Saal 2; Eingang Wiesenburger Straße');
    expect(meeting.description).to.equal('Erste Zeile\nZweite Zeile <b>kein HTML</b>');
    expect(meeting.url).to.equal('https://www.bad-belzig.de/termine/ortsbeirat?id=3');
    expect(iso(meeting.start)).to.equal('2026-03-14T18:00:00.000Z');
  });

  it('reads floating times as Berlin time and applies DURATION', () => {
    const market = byUid(records, 'schwebend@offen.test')[0].values;
    expect(iso(market.start)).to.equal('2026-07-04T08:00:00.000Z');
    expect(iso(market.end)).to.equal('2026-07-04T09:30:00.000Z');
  });

  it('adds RDATEs, each at its own Berlin offset', () => {
    expect(startsOf(byUid(records, 'rdate@offen.test'))).to.deep.equal([
      '2026-01-05T17:00:00.000Z',
      '2026-04-01T16:00:00.000Z',
      '2026-11-04T17:00:00.000Z',
    ]);
  });

  it('moves a time in the spring-forward gap to after the gap (02:30 → 03:30 CEST)', () => {
    const walk = byUid(records, 'zeitumstellung@offen.test')[0].values;
    expect(iso(walk.start)).to.equal('2026-03-29T01:30:00.000Z');
    expect(iso(walk.end)).to.equal('2026-03-29T02:00:00.000Z');
  });

  it('reads a time that occurs twice in autumn as the first one (summer time)', () => {
    const night = byUid(records, 'doppelte-stunde@offen.test')[0].values;
    expect(iso(night.start)).to.equal('2026-10-25T00:30:00.000Z'); // 02:30 CEST
    expect(iso(night.end)).to.equal('2026-10-25T02:30:00.000Z'); // 03:30 CET
  });

  it('cancels a single occurrence through a RECURRENCE-ID override', () => {
    const office = byUid(records, 'sprechstunde@offen.test');
    expect(office.map((r) => [iso(r.values.start), r.values.cancelled])).to.deep.equal([
      ['2026-09-02T15:00:00.000Z', false],
      ['2026-09-09T15:00:00.000Z', true],
      ['2026-09-16T15:00:00.000Z', false],
    ]);
  });

  it('skips an event without DTSTART and counts it', () => {
    expect(byUid(records, 'ohne-beginn@offen.test')).to.deep.equal([]);
    expect(dataset.meta.unreadableEvents).to.equal(1);
    expect(dataset.meta.unreadableUids).to.deep.equal(['ohne-beginn@offen.test']);
    expect(dataset.meta.title).to.equal('Testkalender Bad Belzig');
  });
});

describe('iCalendar: our fixture ics-zones.ics (time zone ids)', () => {
  let records: DataRecord[];
  before(async () => {
    records = (await load(fixtureUrl('ics-zones.ics'), { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' }))
      .records;
  });

  it('uses the calendar’s VTIMEZONE for a TZID the browser does not know (Outlook’s “W. Europe Standard Time”)', () => {
    expect(startsOf(byUid(records, 'outlook-winter@offen.test'))).to.deep.equal(['2026-01-15T09:00:00.000Z']);
    expect(startsOf(byUid(records, 'outlook-sommer@offen.test'))).to.deep.equal(['2026-07-15T08:00:00.000Z']);
    expect(iso(byUid(records, 'outlook-sommer@offen.test')[0].values.end)).to.equal('2026-07-15T09:00:00.000Z');
  });

  it('reads a Mozilla-style TZID by its IANA ending', () => {
    expect(startsOf(byUid(records, 'mozilla@offen.test'))).to.deep.equal(['2026-07-16T08:00:00.000Z']);
  });

  it('reads floating times in the X-WR-TIMEZONE when the calendar names one', () => {
    // Europe/London in July is UTC+1.
    expect(startsOf(byUid(records, 'london@offen.test'))).to.deep.equal(['2026-07-17T09:00:00.000Z']);
  });
});

describe('iCalendar: errors', () => {
  it('reports a malformed file as a parse error with the line', async () => {
    const error = await failure(
      load(fixtureUrl('ics-malformed.ics'), { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' }),
    );
    expect(error).to.be.instanceOf(DataError);
    expect(error.kind).to.equal('parse');
    expect(error.line).to.equal(6);
    expect(error.url).to.equal(fixtureUrl('ics-malformed.ics'));
  });

  it('stops an endless minute-by-minute rule at 50 000 occurrences and says it truncated', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:minuetlich@offen.test',
      'DTSTART:20260101T000000Z',
      'RRULE:FREQ=MINUTELY',
      'SUMMARY:Jede Minute',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const result = parseIcsText(text, {
      window: { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-03-01T00:00:00Z') },
    });
    expect(result.records.length).to.equal(50_000);
    expect(result.truncated).to.equal(true);
    expect(iso(result.records[49_999].values.start)).to.equal(
      new Date(Date.UTC(2026, 0, 1) + 49_999 * 60_000).toISOString(),
    );
  });

  it('reports an HTML page served as text/calendar as a parse error', async () => {
    const url = faultUrl(`text?type=text/calendar&body=${encodeURIComponent('<html><body>Wartung</body></html>')}`);
    const error = await failure(load(url, { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' }));
    expect(error.kind).to.equal('parse');
  });
});
