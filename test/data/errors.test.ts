import { expect } from '@open-wc/testing';
import { DataError } from '../../src/data/errors.js';
import { loadDataset } from '../../src/data/load.js';
import type { SourceDescription } from '../../src/data/types.js';
import { describeDataError } from '../../src/shared/i18n.js';
import { faultUrl, fetchText, fixtureUrl } from '../helpers/server.js';

// Every bad input ends as a DataError from loadDataset, with a translated message that names the source.
// (test/data/fetch.test.ts covers fetchBytes itself: retry, timeout, size limit and dedupe at the fetch level.)

async function failure(source: SourceDescription): Promise<DataError> {
  try {
    await loadDataset(source);
  } catch (error) {
    expect(error).to.be.instanceOf(DataError);
    return error as DataError;
  }
  throw new Error(`expected ${source.url} to fail`);
}

describe('data errors', () => {
  const uncaught: unknown[] = [];
  const onRejection = (event: PromiseRejectionEvent) => uncaught.push(event.reason);
  const onError = (event: ErrorEvent) => uncaught.push(event.error ?? event.message);
  before(() => {
    window.addEventListener('unhandledrejection', onRejection);
    window.addEventListener('error', onError);
  });
  after(() => {
    window.removeEventListener('unhandledrejection', onRejection);
    window.removeEventListener('error', onError);
    expect(uncaught, 'uncaught errors or rejections').to.deep.equal([]);
  });

  it('reports truncated JSON as a parse error at the position where it breaks', async () => {
    const url = fixtureUrl('json-truncated.json');
    const text = await fetchText(url);
    const error = await failure({ url });
    expect(error.kind).to.equal('parse');
    expect(error.position).to.equal(text.length);
    expect(describeDataError(error, 'de')).to.equal(`Die Daten aus ${url} sind fehlerhaft an Position ${text.length}.`);
    expect(describeDataError(error, 'en')).to.equal(`The data from ${url} is malformed at position ${text.length}.`);
  });

  it('reports binary garbage behind a .json name as a parse error at its first byte', async () => {
    const error = await failure({ url: fixtureUrl('json-binary-garbage.json') });
    expect(error.kind).to.equal('parse');
    expect(error.position).to.equal(0);
  });

  it('reports an HTML error page served as JSON as unsupported text/html', async () => {
    const url = fixtureUrl('json-html-error-page.json');
    const error = await failure({ url });
    expect(error.kind).to.equal('unsupported');
    expect(error.found).to.equal('text/html');
    expect(describeDataError(error, 'de')).to.equal(`Das Format von ${url} wird nicht unterstützt (text/html).`);
    expect(describeDataError(error, 'en')).to.equal(`The format of ${url} is not supported (text/html).`);
  });

  it('reports an HTML page without a telling name or type the same way', async () => {
    const body = encodeURIComponent('<!doctype html><title>Fehler</title><p>Seite nicht gefunden</p>');
    const error = await failure({ url: faultUrl(`text?type=text/html;charset=utf-8&body=${body}`) });
    expect(error.kind).to.equal('unsupported');
    expect(error.found).to.equal('text/html');
  });

  it('reports plain text of no known format as unsupported', async () => {
    const error = await failure({ url: faultUrl('text?type=text/plain&body=Hallo%20Welt') });
    expect(error.kind).to.equal('unsupported');
    expect(error.found).to.equal('text/plain');
  });

  it('reports a 404 as http 404 naming the URL, and asks only once', async () => {
    const id = `fehlt-${Math.random().toString(36).slice(2)}`;
    const url = new URL(`/ckan/api/3/action/package_show?id=${id}`, location.href).href;
    const error = await failure({ url });
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(404);
    expect(error.retryable).to.equal(false);
    expect(describeDataError(error, 'de')).to.equal(`Der Server antwortete mit Status 404 für ${url}.`);
    expect(describeDataError(error, 'en')).to.equal(`The server answered with status 404 for ${url}.`);
    const count = await (await fetch(`/ckan/count?id=${id}`)).json();
    expect(count.count).to.equal(1);
  });

  it('loads the data when a 500 is followed by a 200', async () => {
    const dataset = await loadDataset({ url: faultUrl(`flaky/e${Math.random().toString(36).slice(2)}`) });
    expect(dataset.records.map((r) => r.values.name)).to.deep.equal(['Alpha', 'Beta']);
    expect(dataset.records.map((r) => r.values.wert)).to.deep.equal([1.5, 2.5]);
  });

  it('gives up on a server that never answers with a timeout naming the host', async () => {
    const error = await failure({ url: faultUrl(`hang?e${Math.random()}`), timeout: 300 });
    expect(error.kind).to.equal('timeout');
    expect(error.limit).to.equal(300);
    expect(describeDataError(error, 'de')).to.equal(`${location.host} hat nicht rechtzeitig geantwortet.`);
    expect(describeDataError(error, 'en')).to.equal(`${location.host} did not answer in time.`);
  });

  it('stops a body over the limit with too-large naming the URL and the limit', async () => {
    const url = faultUrl(`big?bytes=3000000&e${Math.random()}`);
    const error = await failure({ url, maxBytes: 200_000 });
    expect(error.kind).to.equal('too-large');
    expect(error.limit).to.equal(200_000);
    expect(describeDataError(error, 'de')).to.equal(`Die Datei ${url} ist größer als erlaubt (0,2 MB).`);
    expect(describeDataError(error, 'en')).to.equal(`The file ${url} is larger than allowed (0.2 MB).`);
  });

  it('reports a load cancelled by its signal as aborted', async () => {
    const controller = new AbortController();
    const pending = failure({ url: faultUrl(`hang?e${Math.random()}`), signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await pending;
    expect(error.kind).to.equal('aborted');
    expect(describeDataError(error, 'de')).to.equal('Das Laden wurde abgebrochen.');
  });

  it('loads __proto__, constructor and prototype keys without polluting any prototype', async () => {
    const dataset = await loadDataset({ url: fixtureUrl('json-proto-pollution.json') });
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect((Object.prototype as Record<string, unknown>).polluted).to.equal(undefined);
    expect(dataset.records.map((r) => r.values.name)).to.deep.equal(['harmlos', 'verschachtelt']);
    for (const record of dataset.records) {
      expect(Object.getPrototypeOf(record.values)).to.equal(Object.prototype);
      for (const key of ['__proto__', 'constructor', 'prototype']) {
        expect(Object.hasOwn(record.values, key), key).to.equal(false);
      }
    }
    const info = dataset.records[1].values.info as Record<string, unknown>;
    expect(info).to.deep.equal({ farbe: 'blau' });
    expect(Object.getPrototypeOf(info)).to.equal(Object.prototype);
    expect(dataset.fields.map((f) => f.name)).to.deep.equal(['name', 'info', 'info.farbe']);
  });
});
