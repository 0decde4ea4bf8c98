import { expect } from '@open-wc/testing';
import { DataError } from '../../src/data/errors.js';
import { loadDataset } from '../../src/data/load.js';
import type { Dataset, SourceDescription } from '../../src/data/types.js';
import { corpusUrl, fixtureUrl } from '../helpers/server.js';

// test/servers/oparl.mjs serves the real Hürtgenwald pages with their links pointing back to the test server;
// the corpus has only pages 1 and 15 of the meeting list, so page 1's `next` leads to page 15.
const HUERTGENWALD = new URL('/oparl-test/huertgenwald/body/1', location.href).href;
const MEETINGS = `${HUERTGENWALD}/meeting?page=1`;
const SORTED = new URL('/oparl-test/sorted/meeting?page=1', location.href).href;
const SORTED_DESC = new URL('/oparl-test/sorted-desc/meeting?page=1', location.href).href;

function load(url: string, options: Partial<SourceDescription> & { from: string; to: string }): Promise<Dataset> {
  const { from, to, ...rest } = options;
  return loadDataset({ url, window: { from: new Date(from), to: new Date(to) }, ...rest });
}

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

describe('OParl: Hürtgenwald meeting list (OParl 1.0, real server responses)', () => {
  let dataset: Dataset;
  before(async () => {
    dataset = await load(MEETINGS, { from: '2021-07-01T00:00:00Z', to: '2021-10-01T00:00:00Z' });
  });

  it('is detected as OParl, follows links.next and keeps only meetings in the window, by start', () => {
    expect(dataset.meta.format).to.equal('oparl');
    expect(dataset.meta.pages).to.equal(2);
    expect(dataset.meta.truncated).to.equal(false);
    expect(dataset.records.map((r) => [iso(r.values.start), r.values.title])).to.deep.equal([
      ['2021-07-01T16:00:00.000Z', 'Gemeinderat (5. Sitzung)'],
      ['2021-07-08T17:00:00.000Z', 'Ausschuss für Gemeindeentwicklung und Nachhaltigkeit (5. Sitzung)'],
      ['2021-07-29T16:00:00.000Z', 'Gemeinderat (6. Sitzung)'],
      ['2021-08-19T16:01:00.000Z', 'Gemeinderat (7. Sitzung)'],
      ['2021-08-26T16:00:00.000Z', 'Rechnungsprüfungsausschuss (1. Sitzung)'],
      ['2021-09-02T16:00:00.000Z', 'Ausschuss für Gemeindeentwicklung und Nachhaltigkeit (6. Sitzung)'],
      ['2021-09-16T16:00:00.000Z', 'Gemeinderat (8. Sitzung)'],
    ]);
  });

  it('maps a meeting to the event fields', () => {
    const first = dataset.records[0];
    const uid = `${HUERTGENWALD}/meeting/2524`;
    expect(first.id).to.equal(`${uid}@2021-07-01T16:00:00.000Z`);
    expect(first.values.uid).to.equal(uid);
    expect(iso(first.values.end)).to.equal('2021-07-01T18:00:00.000Z');
    expect(first.values.allDay).to.equal(false);
    expect(first.values.cancelled).to.equal(false);
    expect(first.values.location).to.equal(
      'Sekundarschule Kleinhau, August-Scholl-Straße 4, 52393 Hürtgenwald, Aula der Sekundarschule Kleinhau',
    );
    expect(first.values.url).to.match(/^https:\/\/sdnetrim\.kdvz-frechen\.de\/rim4220\/tops\/\?__=/);
    expect(dataset.fields.map((f) => f.name)).to.include('organization');
  });

  it('names the committees from the body’s organization list, also as category', () => {
    expect(dataset.records.map((r) => r.values.organization)).to.deep.equal([
      'Gemeinderat',
      'Ausschuss für Gemeindeentwicklung und Nachhaltigkeit',
      'Gemeinderat',
      'Gemeinderat',
      'Rechnungsprüfungsausschuss',
      'Ausschuss für Gemeindeentwicklung und Nachhaltigkeit',
      'Gemeinderat',
    ]);
    expect(dataset.records.every((r) => r.values.category === r.values.organization)).to.equal(true);
    expect(dataset.meta.title).to.equal('Gemeinde Hürtgenwald');
  });

  it('keeps reading when the pages are not ordered by start', async () => {
    // Page 1 goes 2007-01-23, 2007-01-30, 2007-10-23, 2007-02-01, …: no order to rely on, so page 15 is read too.
    const early = await load(MEETINGS, { from: '2007-01-01T00:00:00Z', to: '2007-02-15T00:00:00Z' });
    expect(early.meta.pages).to.equal(2);
    expect(early.records.map((r) => iso(r.values.start))).to.deep.equal([
      '2007-01-23T17:00:00.000Z',
      '2007-01-30T17:00:00.000Z',
      '2007-02-01T17:00:00.000Z',
    ]);
  });

  it('stops at maxPages and says the result is truncated', async () => {
    const one = await load(MEETINGS, { from: '2021-01-01T00:00:00Z', to: '2022-01-01T00:00:00Z', maxPages: 1 });
    expect(one.meta.pages).to.equal(1);
    expect(one.meta.truncated).to.equal(true);
    expect(one.records).to.deep.equal([]);
  });

  it('follows the meeting list of a Body and takes its name as title', async () => {
    const viaBody = await load(HUERTGENWALD, { from: '2021-11-01T00:00:00Z', to: '2021-12-01T00:00:00Z' });
    expect(viaBody.meta.title).to.equal('Gemeinde Hürtgenwald');
    expect(viaBody.meta.pages).to.equal(2);
    expect(viaBody.records.map((r) => [iso(r.values.start), r.values.organization])).to.deep.equal([
      ['2021-11-11T17:00:00.000Z', 'Haupt- und Finanzausschuss'],
      ['2021-11-16T17:30:00.000Z', 'Ausschuss für Tourismus, Kultur und Ehrenamt'],
      ['2021-11-18T16:00:00.000Z', 'Ausschuss für Gemeindeentwicklung und Nachhaltigkeit'],
      ['2021-11-18T17:30:00.000Z', 'Generationenausschuss'],
      ['2021-11-25T17:00:00.000Z', 'Gemeinderat'],
    ]);
  });
});

describe('OParl: entry points', () => {
  it('goes from a System through its only body to the meetings', async () => {
    const system = new URL('/oparl-test/huertgenwald/system', location.href).href;
    const dataset = await load(system, { from: '2021-12-01T00:00:00Z', to: '2022-01-01T00:00:00Z' });
    expect(dataset.meta.title).to.equal('Gemeinde Hürtgenwald');
    expect(dataset.records.map((r) => [iso(r.values.start), r.values.title, r.values.organization])).to.deep.equal([
      ['2021-12-16T17:00:00.000Z', 'Gemeinderat (10. Sitzung)', 'Gemeinderat'],
    ]);
  });

  it('asks for one body when a System has several', async () => {
    let error: DataError | undefined;
    try {
      await load(new URL('/oparl-test/kreis/system', location.href).href, {
        from: '2026-01-01T00:00:00Z',
        to: '2027-01-01T00:00:00Z',
      });
    } catch (caught) {
      error = caught as DataError;
    }
    expect(error).to.be.instanceOf(DataError);
    expect(error!.kind).to.equal('unsupported');
    expect(error!.found).to.equal('oparl:System');
  });
});

describe('OParl: pages ordered by start', () => {
  it('stops following links once an ascending list is past the window', async () => {
    const dataset = await load(SORTED, { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' });
    // Page 1: 7, 14, 21 Jan; page 2: 28 Jan, 4 Feb (past the window) → page 3 is not needed.
    expect(dataset.meta.pages).to.equal(2);
    expect(dataset.meta.truncated).to.equal(false);
    expect(dataset.records.map((r) => iso(r.values.start))).to.deep.equal([
      '2026-01-07T17:00:00.000Z',
      '2026-01-14T17:00:00.000Z',
      '2026-01-21T17:00:00.000Z',
      '2026-01-28T17:00:00.000Z',
    ]);
  });

  it('stops once the first `limit` meetings are certain', async () => {
    const dataset = await load(SORTED, { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z', limit: 2 });
    expect(dataset.meta.pages).to.equal(1);
    expect(dataset.meta.truncated).to.equal(true);
    expect(dataset.records.map((r) => r.values.title)).to.deep.equal(['Sitzung 1', 'Sitzung 2']);
  });

  it('stops on a newest-first list once it is before the window, and orders desc on request', async () => {
    const dataset = await load(SORTED_DESC, {
      from: '2026-04-01T00:00:00Z',
      to: '2026-05-31T00:00:00Z',
      order: 'desc',
    });
    // 6 May … 1 April in pages 1–2; page 3 starts with 25 March, before the window; pages 4–6 are not read.
    expect(dataset.meta.pages).to.equal(3);
    expect(dataset.records.map((r) => iso(r.values.start))).to.deep.equal([
      '2026-05-06T16:00:00.000Z',
      '2026-04-29T16:00:00.000Z',
      '2026-04-22T16:00:00.000Z',
      '2026-04-15T16:00:00.000Z',
      '2026-04-08T16:00:00.000Z',
      '2026-04-01T16:00:00.000Z',
    ]);
  });
});

describe('OParl: servers that page on for ever', () => {
  const YEAR = { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };

  it('stops when a next link leads back to a page already read (1 → 2 → 1)', async () => {
    const dataset = await load(new URL('/oparl-test/looping/meeting?page=1', location.href).href, YEAR);
    expect(dataset.meta.pages).to.equal(2);
    expect(dataset.meta.truncated).to.equal(false);
    expect(dataset.records.map((r) => r.values.title)).to.deep.equal([1, 2, 3, 4, 5, 6].map((n) => `Sitzung ${n}`));
  });

  it('stops, as truncated, when every page repeats the meetings already read', async () => {
    const dataset = await load(new URL('/oparl-test/stuck/meeting?page=1', location.href).href, YEAR);
    expect(dataset.meta.pages).to.equal(2);
    expect(dataset.meta.truncated).to.equal(true);
    expect(dataset.records.map((r) => r.values.title)).to.deep.equal(['Sitzung 1', 'Sitzung 4', 'Sitzung 6']);
  });
});

describe('OParl: single objects and special cases', () => {
  it('reads the spec example Meeting-01.json (a single OParl 1.1 Meeting)', async () => {
    const dataset = await load(corpusUrl('oparl-spec-Meeting-01.json'), {
      from: '2013-01-01T00:00:00Z',
      to: '2013-02-01T00:00:00Z',
    });
    expect(dataset.meta.format).to.equal('oparl');
    expect(dataset.records.length).to.equal(1);
    const meeting = dataset.records[0];
    expect(meeting.id).to.equal('https://oparl.example.org/meeting/281@2013-01-04T07:00:00.000Z');
    expect(meeting.values).to.include({
      title: '4. Sitzung des Finanzausschusses',
      location: 'Rathaus der Beispielstadt, Ratshausplatz 1, 12345 Beispielstadt',
      cancelled: false,
      allDay: false,
      url: null,
      // The organization is only a URL on oparl.example.org and no body is linked: no name, and no request there.
      organization: null,
    });
    expect(iso(meeting.values.start)).to.equal('2013-01-04T07:00:00.000Z');
    expect(iso(meeting.values.end)).to.equal('2013-01-04T11:00:00.000Z');
  });

  it('leaves the single meeting out when it is outside the window', async () => {
    const dataset = await load(corpusUrl('oparl-spec-Meeting-01.json'), {
      from: '2014-01-01T00:00:00Z',
      to: '2015-01-01T00:00:00Z',
    });
    expect(dataset.records).to.deep.equal([]);
  });

  it('marks cancelled meetings, uses embedded organization names and street/room, skips and counts meetings without a usable start', async () => {
    const dataset = await load(fixtureUrl('oparl-meetings-edge.json'), {
      from: '2026-01-01T00:00:00Z',
      to: '2027-01-01T00:00:00Z',
    });
    expect(dataset.meta.skippedRows).to.equal(2);
    expect(dataset.records.map((r) => r.values.title)).to.deep.equal([
      'Ortsbeirat Lübnitz (3. Sitzung)',
      'Stadtverordnetenversammlung',
    ]);
    const [cancelled, assembly] = dataset.records.map((r) => r.values);
    expect(cancelled).to.include({
      cancelled: true,
      organization: 'Ortsbeirat Lübnitz',
      category: 'Ortsbeirat Lübnitz',
      location: 'Gemeindehaus, Dorfstraße 1, 14806 Bad Belzig',
      url: 'https://www.bad-belzig.de/ratsinfo/sitzung/1',
    });
    // Its meetingState "abgesagt" is not repeated as a state or text: `cancelled` carries it.
    expect(cancelled.description).to.equal(null);
    expect(cancelled.state).to.equal(null);
    // No offset in the data: read as Berlin summer time.
    expect(iso(assembly.start)).to.equal('2026-07-01T16:00:00.000Z');
    expect(assembly.end).to.equal(null);
    expect(assembly.location).to.equal('Burg Eisenhardt, Wittenberger Straße 14, 14806 Bad Belzig');
  });

  it('refuses an OParl object that is not a meeting list, body or meeting', async () => {
    let error: DataError | undefined;
    try {
      await load(corpusUrl('oparl-spec-Organization-01.json'), {
        from: '2013-01-01T00:00:00Z',
        to: '2014-01-01T00:00:00Z',
      });
    } catch (caught) {
      error = caught as DataError;
    }
    expect(error).to.be.instanceOf(DataError);
    expect(error!.kind).to.equal('unsupported');
    expect(error!.found).to.equal('oparl:Organization');
  });
});
