import { expect } from '@open-wc/testing';
import { DataError } from '../../src/data/errors.js';
import { fetchBytes } from '../../src/data/fetch.js';
import { loadDataset } from '../../src/data/load.js';
import { describeDataError } from '../../src/shared/i18n.js';
import { faultUrl } from '../helpers/server.js';
import { failure } from '../helpers/errors.js';

describe('fetching', () => {
  it('reports a 404 as an http DataError with the status and URL, without retrying', async () => {
    const error = await failure(loadDataset({ url: faultUrl('status/404') }));
    expect(error).to.be.instanceOf(DataError);
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(404);
    expect(error.url).to.equal(faultUrl('status/404'));
  });

  it('says that a redirect loop is a redirect that cannot be followed, not an unreachable server', async () => {
    const error = await failure(loadDataset({ url: faultUrl(`loop?k=${Math.random()}`) }));
    expect(error).to.be.instanceOf(DataError);
    expect(error.kind).to.equal('network');
    expect(error.redirect).to.equal(true);
    expect(describeDataError(error, 'de')).to.contain('leitet weiter');
    expect(describeDataError(error, 'de')).not.to.contain('nicht erreichbar');
    expect(describeDataError(error, 'en')).to.contain('redirects');
  });

  it('still calls a server that refuses connections unreachable', async () => {
    // Port 9 on the loopback: nothing listens there (and the browser refuses the port), so the request fails at once.
    const error = await failure(loadDataset({ url: 'http://127.0.0.1:9/daten.csv' }));
    expect(error.kind).to.equal('network');
    expect(error.redirect).to.equal(undefined);
    expect(describeDataError(error, 'de')).to.contain('nicht erreichbar');
  });

  it('retries once after a 500 and then succeeds', async () => {
    const key = `k${Math.random()}`;
    const body = await fetchBytes(faultUrl(`flaky/${key}`));
    expect(new TextDecoder().decode(body.bytes)).to.contain('Alpha;1,5');
  });

  it('gives up on a server that never answers with a timeout error', async () => {
    const error = await failure(fetchBytes(faultUrl('hang'), { timeout: 300 }));
    expect(error.kind).to.equal('timeout');
  });

  it('stops reading past the size limit', async () => {
    const error = await failure(fetchBytes(faultUrl('big?bytes=2000000'), { maxBytes: 100_000 }));
    expect(error.kind).to.equal('too-large');
    expect(error.limit).to.equal(100_000);
  });

  it('makes one request for identical concurrent loads', async () => {
    const key = `c${Math.random()}`;
    const url = faultUrl(`counted/${key}?delay=200`);
    const [a, b] = await Promise.all([fetchBytes(url), fetchBytes(url)]);
    expect(a.bytes).to.equal(b.bytes);
    const count = await (await fetch(faultUrl(`count/${key}`))).json();
    expect(count.count).to.equal(1);
  });

  it('keeps a shared request alive when only one of its callers aborts', async () => {
    const key = `a${Math.random()}`;
    const url = faultUrl(`counted/${key}?delay=200`);
    const controller = new AbortController();
    const first = fetchBytes(url, { signal: controller.signal });
    const second = fetchBytes(url);
    controller.abort();
    const error = await failure(first);
    expect((error as unknown as DOMException).name).to.equal('AbortError');
    const body = await second;
    expect(new TextDecoder().decode(body.bytes)).to.contain('Alpha');
  });
});

describe('links inside responses', () => {
  it('treats an empty OParl list page as OParl (no events), not as an empty JSON file', async () => {
    const body = JSON.stringify({ data: [], pagination: { totalElements: 0 }, links: {} });
    const dataset = await loadDataset({ url: faultUrl(`text?type=application/json&body=${encodeURIComponent(body)}`) });
    expect(dataset.meta.format).to.equal('oparl');
    expect(dataset.records).to.have.length(0);
  });

  it('fetches webcal: links over https', async () => {
    const error = await failure(loadDataset({ url: 'webcal://127.0.0.1:1/kalender.ics', timeout: 2000 }));
    expect(error.url).to.equal('https://127.0.0.1:1/kalender.ics');
  });
});
