import { expect } from '@open-wc/testing';
import { loadDataset } from '../../src/data/load.js';
import type { Dataset } from '../../src/data/types.js';
import { failure } from '../helpers/errors.js';

/** The corpus holds 332 Münster playgrounds; the paging server (test/servers/paging.mjs) serves 100 a page. */
const PLAYGROUNDS = 332;

/** A key of its own per test, so request counts are not shared (see test/servers/paging.mjs). */
const key = () => Math.random().toString(36).slice(2, 10);
const server = (rest: string) => new URL(`/paging/${rest}`, location.href).href;
const arcgis = (layer: string, query = '') =>
  server(`arcgis/${layer}~${key()}/FeatureServer/0/query?where=1%3D1&outFields=*&f=json${query}`);
const items = (name: string, query = '') => server(`ogc/collections/${name}~${key()}/items?f=json${query}`);

/** How often the server was asked for a layer or collection (the `~key` in its URL), and at which offsets. */
async function asked(url: string): Promise<{ count: number; offsets: number[] }> {
  const name = /\/(?:arcgis|collections)\/([\w~-]+)\//.exec(url)![1];
  return (await fetch(server(`count/${name}`))).json();
}

const names = (dataset: Dataset) => dataset.records.map((r) => r.values['Spielplatz-Name']);

describe('paged geodata: ArcGIS query answers', () => {
  it('follows exceededTransferLimit with resultOffset until the last page', async () => {
    const url = arcgis('spielplaetze');
    const dataset = await loadDataset({ url });
    expect(dataset.meta.format).to.equal('esri');
    expect(dataset.records).to.have.length(PLAYGROUNDS);
    expect(dataset.meta.pages).to.equal(4);
    expect(dataset.meta.truncated).to.equal(false);
    expect(dataset.meta.next).to.equal(undefined);
    expect((await asked(url)).offsets).to.deep.equal([0, 100, 200, 300]);
    expect(names(dataset)[0]).to.equal('SP MÜHLENSTRASSE');
    expect(dataset.records.at(-1)!.id).to.equal(String(PLAYGROUNDS));
    expect(dataset.records.filter((r) => r.geometry?.type === 'Point')).to.have.length(PLAYGROUNDS);
  });

  it("keeps the query's resultRecordCount and starts from its resultOffset", async () => {
    const url = arcgis('spielplaetze', '&resultOffset=300&resultRecordCount=20');
    const dataset = await loadDataset({ url });
    expect(dataset.records.map((r) => r.id)).to.deep.equal(
      Array.from({ length: PLAYGROUNDS - 300 }, (_, i) => String(301 + i)),
    );
    expect((await asked(url)).offsets).to.deep.equal([300, 320]);
    expect(dataset.meta.pages).to.equal(2);
  });

  it('pages an f=geojson answer the same way (exceededTransferLimit in its properties)', async () => {
    const url = arcgis('spielplaetze').replace('f=json', 'f=geojson');
    const dataset = await loadDataset({ url });
    expect(dataset.meta.format).to.equal('geojson');
    expect(dataset.records).to.have.length(PLAYGROUNDS);
    expect(dataset.meta.pages).to.equal(4);
    expect(dataset.meta.truncated).to.equal(false);
  });

  it('stops at limit without asking for more, and says the rest is left out', async () => {
    const url = arcgis('spielplaetze');
    const dataset = await loadDataset({ url, limit: 150 });
    expect(dataset.records).to.have.length(150);
    expect(dataset.records.at(-1)!.id).to.equal('150');
    expect(dataset.meta.truncated).to.equal(true);
    expect((await asked(url)).offsets).to.deep.equal([0, 100]);
  });

  it('stops an endless exceededTransferLimit at maxPages (default 20) and names the next page', async () => {
    const url = arcgis('endless');
    const dataset = await loadDataset({ url });
    expect(dataset.meta.pages).to.equal(20);
    expect(dataset.records).to.have.length(40);
    expect(dataset.meta.truncated).to.equal(true);
    expect(new URL(dataset.meta.next!).searchParams.get('resultOffset')).to.equal('40');
    expect((await asked(url)).count).to.equal(20);
    const three = await loadDataset({ url: arcgis('endless'), maxPages: 3 });
    expect(three.records).to.have.length(6);
  });

  it('stops when a server ignores resultOffset and sends the same records again', async () => {
    const url = arcgis('ignores-offset');
    const dataset = await loadDataset({ url });
    expect(names(dataset)).to.deep.equal(['SP MÜHLENSTRASSE', 'SP ÜBERWASSERSCHULE', names(dataset)[2]]);
    expect(dataset.records).to.have.length(3);
    expect(dataset.meta.pages).to.equal(2);
    // The server says there is more but does not give it: the map must not claim to be complete.
    expect(dataset.meta.truncated).to.equal(true);
  });

  it('fails as a whole when a later page fails, naming that page (as OParl does)', async () => {
    const error = await failure(loadDataset({ url: arcgis('fails') }));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(500);
    expect(new URL(error.url!).searchParams.get('resultOffset')).to.equal('3');
  });

  it('fails with a timeout when a later page never answers', async () => {
    const error = await failure(loadDataset({ url: arcgis('hangs'), timeout: 300 }));
    expect(error.kind).to.equal('timeout');
    expect(new URL(error.url!).searchParams.get('resultOffset')).to.equal('3');
  });

  it('ends paging when the widget is removed (abort)', async () => {
    const controller = new AbortController();
    const loading = loadDataset({ url: arcgis('hangs'), signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    const error = await failure(loading);
    expect(error.kind).to.equal('aborted');
  });
});

describe('paged geodata: OGC API Features and WFS 2.0', () => {
  it('follows links[rel=next] of OGC API Features items to the last page, with numberMatched', async () => {
    const url = items('spielplaetze');
    const dataset = await loadDataset({ url });
    expect(dataset.meta.format).to.equal('geojson');
    expect(dataset.records).to.have.length(PLAYGROUNDS);
    expect(new Set(dataset.records.map((r) => r.id)).size).to.equal(PLAYGROUNDS);
    expect(dataset.meta.pages).to.equal(4);
    expect(dataset.meta.numberMatched).to.equal(PLAYGROUNDS);
    expect(dataset.meta.numberReturned).to.equal(PLAYGROUNDS);
    expect(dataset.meta.truncated).to.equal(false);
    expect(dataset.meta.next).to.equal(undefined);
    expect((await asked(url)).offsets).to.deep.equal([0, 100, 200, 300]);
  });

  it('stops early when limit is reached and keeps the next page in meta.next', async () => {
    const url = items('spielplaetze', '&limit=50');
    const dataset = await loadDataset({ url, limit: 120 });
    expect(dataset.records).to.have.length(120);
    expect(dataset.meta.truncated).to.equal(true);
    expect(dataset.meta.numberMatched).to.equal(PLAYGROUNDS);
    expect((await asked(url)).offsets).to.deep.equal([0, 50, 100]);
    expect(new URL(dataset.meta.next!).searchParams.get('offset')).to.equal('150');
  });

  it('reads WFS 2.0 GetFeature JSON pages (GeoServer: next, totalFeatures, numberMatched)', async () => {
    const url = server(
      'wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=ms:spielplaetze&outputFormat=application/json&count=150',
    );
    const dataset = await loadDataset({ url });
    expect(dataset.meta.format).to.equal('geojson');
    expect(dataset.records).to.have.length(PLAYGROUNDS);
    expect(dataset.records[0].id).to.equal('spielplaetze.1');
    expect(dataset.meta.pages).to.equal(3);
    expect(dataset.meta.numberMatched).to.equal(PLAYGROUNDS);
  });

  it('pages a WFS 2.0 answer without a next link by startIndex while numberMatched says there is more', async () => {
    const url = server(
      'wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:spielplaetze&OUTPUTFORMAT=application/json&COUNT=100&links=none',
    );
    const dataset = await loadDataset({ url });
    expect(dataset.records).to.have.length(PLAYGROUNDS);
    expect(dataset.meta.pages).to.equal(4);
    expect(dataset.meta.truncated).to.equal(false);
  });

  it('ends WFS paging at the first empty page when numberMatched claims more than there is', async () => {
    const url = server(
      'wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=ms:spielplaetze&outputFormat=application/json&count=200&links=none&lie=5000',
    );
    const dataset = await loadDataset({ url });
    expect(dataset.records).to.have.length(PLAYGROUNDS);
    // 200, 132, then an empty page.
    expect(dataset.meta.pages).to.equal(3);
    expect(dataset.meta.truncated).to.equal(false);
    expect(dataset.meta.numberMatched).to.equal(5000);
  });

  it('stops at a next link that names the page itself', async () => {
    const dataset = await loadDataset({ url: items('self-loop', '&offset=0&limit=100') });
    expect(dataset.records).to.have.length(2);
    expect(dataset.meta.pages).to.equal(1);
    expect(dataset.meta.truncated).to.equal(false);
  });

  it('stops at a next link to the same features under another URL, without doubling them', async () => {
    // The first URL lacks the server's own offset and limit, so its next link looks new: the repeated ids end it.
    const dataset = await loadDataset({ url: items('self-loop') });
    expect(dataset.records).to.have.length(2);
    expect(dataset.meta.pages).to.equal(2);
    expect(dataset.meta.truncated).to.equal(true);
  });

  it('stops when next links go round in a circle (A → B → A)', async () => {
    const url = items('cycle-a', '&offset=0&limit=100');
    const dataset = await loadDataset({ url });
    expect(dataset.records).to.have.length(4);
    expect(dataset.meta.pages).to.equal(2);
    expect((await asked(url)).count).to.equal(1);
  });

  it('stops an endless chain of next links at maxPages', async () => {
    const dataset = await loadDataset({ url: items('endless', '&limit=5'), maxPages: 4 });
    expect(dataset.records).to.have.length(20);
    expect(dataset.meta.pages).to.equal(4);
    expect(dataset.meta.truncated).to.equal(true);
  });

  it('does not trust a numberMatched that lies: no next link, no more pages', async () => {
    const dataset = await loadDataset({ url: items('lying') });
    expect(dataset.records).to.have.length(3);
    expect(dataset.meta.pages).to.equal(1);
    expect(dataset.meta.truncated).to.equal(false);
    expect(dataset.meta.numberMatched).to.equal(1_000_000);
    expect(dataset.meta.numberReturned).to.equal(3);
  });

  it('follows no next link to an HTML page', async () => {
    const dataset = await loadDataset({ url: items('html-next') });
    expect(dataset.records).to.have.length(2);
    expect(dataset.meta.pages).to.equal(1);
  });

  it('fails with a timeout when a later page never answers', async () => {
    const error = await failure(loadDataset({ url: items('hangs', '&limit=10'), timeout: 300 }));
    expect(error.kind).to.equal('timeout');
    expect(new URL(error.url!).searchParams.get('offset')).to.equal('10');
  });
});
