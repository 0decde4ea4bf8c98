import { expect } from '@open-wc/testing';
import { DatasetDate } from '../../src/data/dataset-date.js';
import { parseCkanDate } from '../../src/data/formats/ckan.js';
import { inferColumn } from '../../src/data/infer/column.js';
import { loadDataset } from '../../src/data/load.js';
import type { Dataset, Value } from '../../src/data/types.js';
import { corpusUrl, fixtureUrl } from '../helpers/server.js';

/** What a careless consumer would do: change a dataset date in place. Returns the error it gets, if any. */
function mutate(value: Value | undefined): unknown {
  try {
    (value as Date).setUTCFullYear(1999);
    return undefined;
  } catch (error) {
    return error;
  }
}

function expectReadOnly(value: Value | undefined): void {
  expect(value).to.be.instanceOf(Date);
  const before = (value as Date).toISOString();
  const error = mutate(value);
  expect(error).to.be.instanceOf(TypeError);
  expect((error as Error).message).to.contain('new Date(date)');
  expect((value as Date).toISOString()).to.equal(before);
}

describe('Dates in datasets are read-only and shared', () => {
  it('shares one Date between cells with the same text; a copy can be changed', () => {
    const column = inferColumn(['24.12.2026', '24.12.2026', '2026-12-24', '01.01.2027']);
    const [first, second, iso, other] = ['24.12.2026', '24.12.2026', '2026-12-24', '01.01.2027'].map((cell) =>
      column.convert(cell),
    );
    expect(first).to.equal(second);
    expect((first as Date).getTime()).to.equal((iso as Date).getTime());
    expect((other as Date).toISOString()).to.equal('2027-01-01T00:00:00.000Z');
    expectReadOnly(first);
    expect(() => (first as Date).setTime(0)).to.throw(TypeError);
    expect(() => (first as Date).setHours(5)).to.throw(TypeError);
    // Everything a widget reads still works, and a copy is an ordinary Date.
    expect(first).to.be.instanceOf(DatasetDate);
    expect(new Intl.DateTimeFormat('de-DE', { timeZone: 'UTC' }).format(first as Date)).to.equal('24.12.2026');
    const copy = new Date(first as Date);
    copy.setUTCFullYear(2030);
    expect(copy.toISOString()).to.equal('2030-12-24T00:00:00.000Z');
    expect((first as Date).toISOString()).to.equal('2026-12-24T00:00:00.000Z');
  });

  it('gives the 850 rows of the Kiel budget one shared Date per distinct day', async () => {
    const data = await loadDataset({ url: corpusUrl('kiel-haushalt-2017-cp1252-TRUNCATED.csv') });
    const dates = data.records.map((r) => r.values.Datum as Date);
    const distinctDays = new Set(dates.map((d) => d.getTime()));
    expect(new Set(dates).size).to.equal(distinctDays.size);
    expect(distinctDays.size).to.be.lessThan(dates.length);
    expectReadOnly(dates[0]);
  });

  it('makes date strings in JSON read-only too', async () => {
    const data = await loadDataset({ url: fixtureUrl('json-envelope-veranstaltungen.json') });
    expectReadOnly(data.records[0].values.datum);
  });

  it('makes ICS, OParl and CKAN dates read-only', async () => {
    const window = { from: new Date('2016-01-01T00:00:00Z'), to: new Date('2019-03-05T00:00:00Z') };
    const ics: Dataset = await loadDataset({ url: corpusUrl('fablab-cottbus-events.ics'), window });
    expectReadOnly(ics.records[0].values.start);
    const meetings = new URL('/oparl-test/huertgenwald/body/1/meeting?page=1', location.href).href;
    const oparl = await loadDataset({
      url: meetings,
      window: { from: new Date('2021-07-01T00:00:00Z'), to: new Date('2021-10-01T00:00:00Z') },
    });
    expectReadOnly(oparl.records[0].values.start);
    expectReadOnly(parseCkanDate('2017-05-22T00:00:00'));
  });
});
