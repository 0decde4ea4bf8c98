import { expect } from '@open-wc/testing';
import { DataError } from '../../src/data/errors.js';
import { loadDataset } from '../../src/data/load.js';
import type { Dataset, SourceDescription } from '../../src/data/types.js';
import { WORKER_THRESHOLD, workerParsing } from '../../src/data/worker/settings.js';
import { describeDataError } from '../../src/shared/i18n.js';
import { corpusUrl, faultUrl, fixtureUrl } from '../helpers/server.js';

/** The parse worker, started the way client.ts starts it (for tests that watch it). */
const parseWorker = () =>
  new Worker(new URL('../../src/data/worker/parse-worker.ts', import.meta.url), { type: 'module' });

async function loadIn(where: 'worker' | 'main', source: SourceDescription): Promise<Dataset> {
  workerParsing.threshold = where === 'worker' ? 0 : Infinity;
  return loadDataset(source);
}

async function failure(promise: Promise<unknown>): Promise<DataError> {
  try {
    await promise;
  } catch (error) {
    return error as DataError;
  }
  throw new Error('expected a failure');
}

/** Everything a widget reads of a dataset; the records as they are (own id or not, geometry), meta without timing. */
function comparable(dataset: Dataset) {
  const { fetchedAt: _fetchedAt, parsedIn: _parsedIn, ...meta } = dataset.meta;
  return {
    fields: dataset.fields,
    meta,
    records: dataset.records.map((record) => ({
      id: record.id,
      ownId: Object.hasOwn(record, 'id'),
      values: record.values,
      geometry: record.geometry,
      json: JSON.stringify(record),
    })),
  };
}

const dates = (dataset: Dataset) =>
  dataset.records.flatMap((record) => Object.values(record.values).filter((v): v is Date => v instanceof Date));

/** 3 rows of 1,200 columns (wider than COLUMNAR_FIELDS: they cross as records), a date and a text among numbers. */
function wideCsv(): string {
  const header = ['Bezirk', 'Stichtag', ...Array.from({ length: 1200 }, (_, c) => `Wert ${c}`)].join(';');
  const rows = [0, 1, 2].map((r) =>
    [`Bezirk ${r}`, `0${r + 1}.03.2024`, ...Array.from({ length: 1200 }, (_, c) => `${(r * c) % 1000},5`)].join(';'),
  );
  return URL.createObjectURL(new Blob([[header, ...rows].join('\n')], { type: 'text/csv' }));
}

describe('parsing in a worker (large bodies)', () => {
  afterEach(() => {
    workerParsing.threshold = WORKER_THRESHOLD;
    workerParsing.create = undefined;
  });

  const sources: [string, SourceDescription][] = [
    ['CSV in Windows-1252, semicolons, decimal commas', { url: corpusUrl('kiel-haushalt-2017-cp1252-TRUNCATED.csv') }],
    ['CSV in UTF-8 with a BOM', { url: corpusUrl('koeln-haushalt-bezirke-utf8-bom.csv') }],
    ['CSV in Latin-1 with footnotes', { url: corpusUrl('moers-haushalt-latin1.csv') }],
    ['CSV with coordinate columns', { url: corpusUrl('muenster-tischtennisplatten-latlon.csv') }],
    ['CSV with dates (DWD daily values)', { url: corpusUrl('dwd-klima-tageswerte-02667-koeln-bonn-TRUNCATED.csv') }],
    ['CSV with a date field named', { url: fixtureUrl('ideas-coordinates-dates.csv'), dateFields: ['Eingang'] }],
    ['CSV with an hourly count over a year', { url: corpusUrl('muenster-fahrradzaehlung-neutor-2015-stuendlich.csv') }],
    ['CSV with ja/nein, percent, an id column, repeated names', { url: fixtureUrl('csv-types-ja-nein.csv') }],
    ['CSV with ids in a pipe-delimited file', { url: fixtureUrl('csv-pipe-delimited.csv') }],
    ['CSV whose late rows change a column type', { url: fixtureUrl('csv-late-surprises.csv') }],
    ['CSV with ragged rows', { url: fixtureUrl('csv-ragged-rows.csv') }],
    ['CSV of 1,200 columns with a date (crosses as records)', { url: wideCsv(), format: 'csv' }],
    ['GeoJSON', { url: corpusUrl('muenster-spielplaetze.geojson') }],
    ['ArcGIS JSON in Web Mercator', { url: corpusUrl('arcgis-rest-js-query-point-3857.json') }],
    ['a JSON table in an envelope', { url: fixtureUrl('json-envelope-veranstaltungen.json') }],
  ];
  for (const [name, source] of sources) {
    it(`gives the same dataset as the main thread: ${name}`, async () => {
      const main = await loadIn('main', source);
      const worker = await loadIn('worker', source);
      expect(main.meta.parsedIn).to.equal('main');
      expect(worker.meta.parsedIn).to.equal('worker');
      expect(worker.records.length).to.be.greaterThan(0);
      expect(comparable(worker)).to.deep.equal(comparable(main));
      // Dates are the data layer's read-only dates on both paths.
      expect(dates(worker).length).to.equal(dates(main).length);
      for (const date of dates(worker).slice(0, 50)) expect(() => date.setFullYear(2000)).to.throw(TypeError);
    });
  }

  it('parses small bodies on the main thread and bodies from the threshold on in a worker, by default', async () => {
    const small = await loadDataset({ url: corpusUrl('koeln-haushalt-bezirke-utf8-bom.csv') });
    expect(small.meta.parsedIn).to.equal('main');
    // 60,000 rows: about 1.9 MB.
    const large = await loadDataset({ url: faultUrl('table?rows=60000&labels=12') });
    expect(large.meta.bytes).to.be.greaterThan(WORKER_THRESHOLD);
    expect(large.meta.parsedIn).to.equal('worker');
    expect(large.records).to.have.length(60_000);
    // Ids are row indexes across the batches the records came in.
    expect(large.records[59_999].id).to.equal('59999');
    expect(Object.hasOwn(large.records[59_999], 'id')).to.equal(false);
    expect(large.records[59_999].values).to.deep.equal({
      Bezirk: 'Bezirk 11',
      Datum: new Date(Date.UTC(2024, 11, 24)),
      Betrag: 1000.99,
    });
    // One Date per day, as on the main thread.
    expect(large.records[0].values.Datum).to.equal(large.records[12 * 28].values.Datum);
  });

  it('hands calendars back to the main thread', async () => {
    workerParsing.threshold = 0;
    const data = await loadDataset({ url: corpusUrl('fablab-cottbus-events.ics'), window: {} });
    expect(data.meta.parsedIn).to.equal('main');
    expect(data.records.length).to.be.greaterThan(0);
  });

  for (const [name, file] of [
    ['binary data', 'csv-binary-garbage.csv'],
    ['an unterminated quote', 'csv-unterminated-quote.csv'],
    ['a header without rows', 'csv-header-only.csv'],
    ['JSON that breaks off', 'json-binary-garbage.json'],
  ]) {
    it(`fails with the same DataError and message as the main thread: ${name}`, async () => {
      const source = { url: fixtureUrl(file) };
      const main = await failure(loadIn('main', source));
      const worker = await failure(loadIn('worker', source));
      expect(worker).to.be.instanceOf(DataError);
      expect(worker.kind).to.equal(main.kind);
      expect({ ...worker }).to.deep.equal({ ...main });
      expect(describeDataError(worker, 'de')).to.equal(describeDataError(main, 'de'));
      expect(describeDataError(worker, 'en')).to.equal(describeDataError(main, 'en'));
    });
  }

  it('terminates the worker when the load is aborted mid-parse: no records come, the error is `aborted`', async () => {
    const controller = new AbortController();
    let worker: Worker | undefined;
    let terminated = false;
    let messagesAfterAbort = 0;
    workerParsing.threshold = 0;
    workerParsing.create = () => {
      worker = parseWorker();
      const terminate = worker.terminate.bind(worker);
      worker.terminate = () => {
        terminated = true;
        terminate();
      };
      worker.addEventListener('message', () => {
        if (controller.signal.aborted) messagesAfterAbort++;
      });
      // The body is on its way to the worker: abort while it parses.
      queueMicrotask(() => controller.abort());
      return worker;
    };
    const error = await failure(
      loadDataset({ url: faultUrl('table?rows=200000&labels=12'), signal: controller.signal }),
    );
    expect(error).to.be.instanceOf(DataError);
    expect(error.kind).to.equal('aborted');
    expect(worker).not.to.equal(undefined);
    expect(terminated).to.equal(true);
    // Long enough for the worker to have sent its first batches had it lived on.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(messagesAfterAbort).to.equal(0);
  });

  describe('falls back to the main thread', () => {
    const source = { url: corpusUrl('kiel-haushalt-2017-cp1252-TRUNCATED.csv') };
    let expected: ReturnType<typeof comparable>;
    before(async () => {
      expected = comparable(await loadIn('main', source));
    });

    it('when no Worker exists', async () => {
      const original = globalThis.Worker;
      (globalThis as { Worker?: unknown }).Worker = undefined;
      try {
        const data = await loadIn('worker', source);
        expect(data.meta.parsedIn).to.equal('main');
        expect(comparable(data)).to.deep.equal(expected);
      } finally {
        globalThis.Worker = original;
      }
    });

    it('when starting the worker throws (a CSP that forbids it, another origin)', async () => {
      workerParsing.create = () => {
        throw new DOMException('Refused to create a worker', 'SecurityError');
      };
      const data = await loadIn('worker', source);
      expect(data.meta.parsedIn).to.equal('main');
      expect(comparable(data)).to.deep.equal(expected);
    });

    it('when the worker script does not load', async () => {
      workerParsing.create = () => new Worker('/no-such-worker.js', { type: 'module' });
      const data = await loadIn('worker', source);
      expect(data.meta.parsedIn).to.equal('main');
      expect(comparable(data)).to.deep.equal(expected);
    });
  });
});
