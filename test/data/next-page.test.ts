import { expect } from '@open-wc/testing';
import { loadDataset, loadNextPage } from '../../src/data/load.js';
import { linkHeaderNext } from '../../src/data/next-page.js';
import { faultUrl } from '../helpers/server.js';
import { failure } from '../helpers/errors.js';

/** A body served as is by test/servers/faults.mjs, optionally with a Link header. */
function served(body: unknown, type = 'application/json', link?: string): string {
  const query = new URLSearchParams({ type, body: typeof body === 'string' ? body : JSON.stringify(body) });
  if (link) query.set('link', link);
  return faultUrl(`text?${query}`);
}

const ideasApi = (rest: string) =>
  new URL(`/ideas-api/${`pages-${Math.random().toString(36).slice(2, 10)}`}${rest}`, location.href).href;

describe('next pages of paged sources', () => {
  it('follows the reference idea server page by page until the last page, which has no next', async () => {
    const source = { url: ideasApi('/ideas?limit=4'), path: 'ideas' };
    const first = await loadDataset(source);
    expect(first.records.map((r) => r.values.title)).to.deep.equal([
      'Obstbäume an Feldwegen',
      'Spielplatz Lübnitz erneuern',
      'Bücherschrank am Markt',
      'Radweg nach Wiesenburg',
    ]);
    // The server writes the next link relative to its root; the data layer resolves it against the response URL.
    const next = new URL(first.meta.next!);
    expect(next.origin).to.equal(location.origin);
    expect(next.pathname).to.equal(new URL(source.url).pathname);
    expect(next.searchParams.get('limit')).to.equal('4');
    expect(next.searchParams.get('cursor')).to.be.a('string');
    const second = await loadNextPage(source, first);
    expect(second.meta.url).to.equal(first.meta.next);
    expect(second.records.map((r) => r.values.title)).to.deep.equal([
      'Mehr Mülleimer im Kurpark',
      'Busverbindung am Abend',
    ]);
    expect(second.meta.next).to.equal(undefined);
  });

  it('reads a top-level next, resolved against the response URL', async () => {
    const url = served({ results: [{ id: 1, name: 'A' }], next: '/api/items?page=2' });
    const dataset = await loadDataset({ url });
    expect(dataset.meta.next).to.equal(new URL('/api/items?page=2', location.href).href);
  });

  it('reads the rel=next link of an OGC API Features collection, preferring a JSON type', async () => {
    const collection = {
      type: 'FeatureCollection',
      numberReturned: 1,
      features: [
        {
          type: 'Feature',
          id: 'b1',
          geometry: { type: 'Point', coordinates: [12.59, 52.14] },
          properties: { name: 'Bank' },
        },
      ],
      links: [
        { href: 'https://geo.example.de/items?f=json', rel: 'self', type: 'application/geo+json' },
        { href: 'https://geo.example.de/items?offset=10&f=html', rel: 'next', type: 'text/html' },
        { href: 'https://geo.example.de/items?offset=10&f=json', rel: 'next', type: 'application/geo+json' },
      ],
    };
    // GeoJSON follows its pages itself; with maxPages 1 the next page stays unread and is named in meta.next.
    const dataset = await loadDataset({ url: served(collection, 'application/geo+json'), maxPages: 1 });
    expect(dataset.meta.format).to.equal('geojson');
    expect(dataset.meta.next).to.equal('https://geo.example.de/items?offset=10&f=json');
    expect(dataset.meta.truncated).to.equal(true);
  });

  it('reads the Link header when the body names no next page (also for CSV)', async () => {
    const url = served(
      'name;wert\nA;1\n',
      'text/csv',
      '<https://data.example.de/p1>; rel="prev", <p3.csv>; rel="next last"',
    );
    const dataset = await loadDataset({ url });
    expect(dataset.meta.next).to.equal(new URL('/faults/p3.csv', location.href).href);
  });

  it('follows only http(s) links', async () => {
    for (const next of ['javascript:alert(1)', 'data:application/json,[]', 'ftp://example.de/p2', '']) {
      const dataset = await loadDataset({ url: served({ items: [{ a: 1 }], next }) });
      expect(dataset.meta.next, next).to.equal(undefined);
    }
  });

  it('parses Link headers with several links, unquoted and mixed-case rel', () => {
    expect(linkHeaderNext('<https://a.de/2>; rel=next')).to.equal('https://a.de/2');
    expect(linkHeaderNext('<https://a.de/1>; rel="first", <https://a.de/3>; title="weiter"; REL="Next"')).to.equal(
      'https://a.de/3',
    );
    expect(linkHeaderNext('<https://a.de/9>; rel="last"')).to.equal(undefined);
    expect(linkHeaderNext(undefined)).to.equal(undefined);
  });

  it('reports a failing next page as a DataError with its URL', async () => {
    const first = await loadDataset({ url: served({ items: [{ a: 1 }], next: faultUrl('status/404') }) });
    const error = await failure(loadNextPage({ url: first.meta.url }, first));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(404);
    expect(error.url).to.equal(faultUrl('status/404'));
  });

  it('returns an empty last page as a dataset without records', async () => {
    const first = await loadDataset({ url: served({ items: [{ a: 1 }], next: served({ items: [] }) }) });
    const last = await loadNextPage({ url: first.meta.url }, first);
    expect(last.records).to.deep.equal([]);
    expect(last.meta.next).to.equal(undefined);
  });
});
