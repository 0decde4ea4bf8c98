import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { csvParse, dsvFormat } from 'd3-dsv';
import '../../src/components/data/offen-data.js';
import '../../src/components/map/offen-map.js';
import type { OffenData } from '../../src/components/data/offen-data.js';
import type { OffenMap } from '../../src/components/map/offen-map.js';
import type { DataError } from '../../src/data/errors.js';
import type { Dataset } from '../../src/data/types.js';
import { corpusUrl, demoDataUrl, faultUrl, fixtureUrl } from '../helpers/server.js';
import { drawnIds, listIds, readGeoJson, ready, tileKey, tileTemplate, until } from './helpers.js';
import { mapHarness, type Details } from './harness.js';
import { expectAccessible } from '../helpers/axe.js';

const tiles = () => tileTemplate(tileKey('sources'));

async function open(el: OffenMap, id: string): Promise<Details> {
  const map = mapHarness(el);
  map.open(id);
  await until(() => map.details()?.title === map.entry(id)!.title, 'no details');
  return map.details()!;
}

describe('<offen-map> sources and states', () => {
  it('shows a loading skeleton, then an error with the reason and a retry button', async () => {
    const loading = await fixture<OffenMap>(html`<offen-map src=${faultUrl('hang')}></offen-map>`);
    expect(mapHarness(loading).state()).to.equal('loading');

    const el = document.createElement('offen-map');
    el.src = faultUrl('status/404');
    const failed = oneEvent(el, 'offen-error');
    await fixture(el);
    expect(((await failed) as CustomEvent<DataError>).detail.status).to.equal(404);
    const map = mapHarness(el);
    await until(() => map.state() === 'error');
    expect(map.errorText()).to.contain('Status 404');
    const retry = map.retryButton()!;
    expect(retry.textContent).to.contain('Erneut versuchen');
    const again = oneEvent(el, 'offen-error');
    retry.click();
    await again;
  });

  it('says "Keine Angebote gefunden" for a collection without features', async () => {
    const body = encodeURIComponent('{"type":"FeatureCollection","features":[]}');
    const el = await fixture<OffenMap>(
      html`<offen-map src=${faultUrl(`text?type=application/geo%2Bjson&body=${body}`)}></offen-map>`,
    );
    await ready(el);
    expect(mapHarness(el).emptyText()).to.contain('Keine Angebote gefunden');
  });

  it('explains a mapping attribute that names no field', async () => {
    const el = document.createElement('offen-map');
    el.src = demoDataUrl('angebote.geojson');
    el.titleField = 'Bezeichnung';
    const failed = oneEvent(el, 'offen-error');
    await fixture(el);
    expect(((await failed) as CustomEvent<DataError>).detail.kind).to.equal('mapping');
    await until(() => mapHarness(el).state() === 'error');
    const message = mapHarness(el).errorText();
    expect(message).to.contain('title-field');
    expect(message).to.contain('kategorie');
  });

  it('shows every place of a paged ArcGIS layer and of a paged OGC API Features collection', async () => {
    const key = Math.random().toString(36).slice(2, 10);
    const layer = new URL(
      `/paging/arcgis/spielplaetze~map-${key}/FeatureServer/0/query?where=1%3D1&outFields=*&f=json`,
      location.href,
    ).href;
    const collection = new URL(`/paging/ogc/collections/spielplaetze~map-${key}/items?f=json`, location.href).href;
    const file = await readGeoJson(corpusUrl('muenster-spielplaetze.geojson'));
    for (const src of [layer, collection]) {
      const el = await fixture<OffenMap>(
        html`<offen-map src=${src} title-field="Spielplatz-Name" tile-url=${tiles()}></offen-map>`,
      );
      await ready(el);
      const map = mapHarness(el);
      // 332 playgrounds over four pages of at most 100.
      expect(map.countText(), src).to.contain(`${file.features.length} Angebote`);
      // The first and the last playground of the file (pages one and four) are found by their names.
      for (const feature of [file.features[0], file.features.at(-1)!]) {
        const name = String(feature.properties['Spielplatz-Name']);
        el.q = name;
        await until(() => map.listTitles().includes(name), `${name} not found in ${src}`);
      }
    }
  });

  it('maps Münster sports facilities: Objekt as title, Produkt as category, address from three fields', async () => {
    const file = await readGeoJson(corpusUrl('muenster-sportstaetten.geojson'));
    const el = await fixture<OffenMap>(
      html`<offen-map src=${corpusUrl('muenster-sportstaetten.geojson')} tile-url=${tiles()}></offen-map>`,
    );
    await ready(el);
    const map = mapHarness(el);
    expect(map.countText()).to.contain(`${file.features.length} Angebote`);
    const first = file.features[0].properties;
    const categories = new Set(file.features.map((f) => f.properties.Produkt));
    expect(map.chips()).to.have.length(categories.size);
    // The list pages by 100; the search finds the first facility by its address.
    el.q = 'berg fidel 51';
    await until(() => listIds(el).length < 100);
    const entry = map.entries().find((item) => item.title === String(first.Objekt))!;
    expect(entry.meta[0]).to.contain(`${String(first.Produkt)} · Am Berg Fidel 51, 48153`);
  });

  it('falls back to opening_hours_unclassified when opening_hours is null (München)', async () => {
    const file = await readGeoJson(corpusUrl('muenchen-wochenmaerkte.geojson'));
    const withoutHours = file.features.findIndex((f) => f.properties.opening_hours === null);
    const withHours = file.features.findIndex((f) => typeof f.properties.opening_hours === 'string');
    const el = await fixture<OffenMap>(
      html`<offen-map
        src=${corpusUrl('muenchen-wochenmaerkte.geojson')}
        tile-url=${tiles()}
        style="width: 400px"
      ></offen-map>`,
    );
    await ready(el);
    const titleOf = (i: number) => String(file.features[i].properties.title);
    const find = (i: number) =>
      mapHarness(el)
        .entries()
        .find((entry) => entry.title === titleOf(i))!;
    let details = await open(el, find(withoutHours).id);
    expect(details.fields['Öffnungszeiten']).to.contain(
      String(file.features[withoutHours].properties.opening_hours_unclassified),
    );
    details = await open(el, find(withHours).id);
    expect(details.title).to.equal(titleOf(withHours));
    expect(details.fields['Öffnungszeiten']).to.be.a('string').and.not.equal('');
  });

  it('places the Münster table-tennis tables from the Lat/Lon columns of a CSV', async () => {
    const text = await (await fetch(corpusUrl('muenster-tischtennisplatten-latlon.csv'))).text();
    const rows = dsvFormat(';').parse(text);
    const located = rows.filter((r) => Number(r.Lat) && Number(r.Lon)).length;
    const el = await fixture<OffenMap>(
      html`<offen-map src=${corpusUrl('muenster-tischtennisplatten-latlon.csv')} tile-url=${tiles()}></offen-map>`,
    );
    await ready(el);
    await until(() => drawnIds(el).size === located, `expected ${located} markers, got ${drawnIds(el).size}`);
    expect(mapHarness(el).countText()).to.contain(`${rows.length} Angebote`);
  });

  it('builds points from lat-field and lon-field (decimal comma too)', async () => {
    const text = await (await fetch(fixtureUrl('map-latlon-override.csv'))).text();
    const rows = csvParse(text.replace(/;/g, ','));
    const el = await fixture<OffenMap>(
      html`<offen-map
        src=${fixtureUrl('map-latlon-override.csv')}
        lat-field="y_wert"
        lon-field="x_wert"
        tile-url=${tiles()}
        style="width: 900px"
      ></offen-map>`,
    );
    await ready(el);
    await until(() => drawnIds(el).size === 2);
    expect(rows).to.have.length(3);
    // With "only in view" the unplaced row leaves the list; without, it is listed as having no position.
    await until(() => listIds(el).length === 2, 'list not narrowed to the map view');
    const map = mapHarness(el);
    expect(map.entries().some((e) => e.title.includes('Ohne Ort'))).to.equal(false);
    // The list says so, and one button shows all again.
    const unplaced = map.unplacedNotice()!;
    expect(unplaced.textContent).to.contain('1 Angebot ohne Kartenposition ist ausgeblendet.');
    await expectAccessible(el);
    unplaced.querySelector('button')!.click();
    await until(() => listIds(el).length === 3);
    expect(map.inViewBox()!.checked).to.equal(false);
    expect(map.unplacedNotice()).to.equal(null);
    expect(map.entries().find((e) => e.title.includes('Ohne Ort'))!.meta).to.include('ohne Kartenposition');
    map.inViewBox()!.click();
    await until(() => listIds(el).length === 2);
    expect(map.unplacedNotice()).to.exist;
  });

  it('shows OpenDataSoft records with geo_point_2d through the data layer', async () => {
    const file = (await (await fetch(fixtureUrl('ods-v21-records-wochenmaerkte.json'))).json()) as {
      results: { markt: string; geo_point_2d: { lat: number; lon: number } | null }[];
    };
    const el = await fixture<OffenMap>(
      html`<offen-map
        src=${fixtureUrl('ods-v21-records-wochenmaerkte.json')}
        title-field="markt"
        tile-url=${tiles()}
      ></offen-map>`,
    );
    await ready(el);
    const located = file.results.filter((r) => r.geo_point_2d);
    await until(() => drawnIds(el).size === located.length, `expected ${located.length} markers`);
    mapHarness(el).inViewBox()!.click();
    await until(() => listIds(el).length === file.results.length);
    const titles = mapHarness(el).listTitles();
    expect([...titles].sort()).to.deep.equal(file.results.map((r) => r.markt).sort());
  });

  // 25,000 points: the offers and the cluster index are built in slices (from 20,000 on) before markers are drawn.
  for (const count of [5000, 25_000]) {
    it(`clusters ${count} points: every point is in a cluster or drawn, and a chosen one leaves its cluster`, async () => {
      const records = Array.from({ length: count }, (_, i) => ({
        id: `p${i}`,
        values: { name: `Punkt ${String(i).padStart(4, '0')}`, kategorie: i % 2 ? 'Sport' : 'Kultur' },
        geometry: {
          type: 'Point' as const,
          coordinates: [12.4 + ((i * 7919) % count) / (3 * count), 52.05 + ((i * 104729) % count) / (5 * count)] as [
            number,
            number,
          ],
        },
      }));
      const dataset: Dataset = {
        fields: [
          { name: 'name', type: 'string' },
          { name: 'kategorie', type: 'string' },
        ],
        records,
        meta: { url: 'test:generated', format: 'geojson', bytes: 0, fetchedAt: new Date(0), truncated: false },
      };
      const el = await fixture<OffenMap>(
        html`<offen-map .data=${dataset} tile-url=${tiles()} style="width: 900px"></offen-map>`,
      );
      await ready(el);
      // Layers are added in slices of a few milliseconds; once done, every point is in a cluster or drawn.
      const map = mapHarness(el);
      const represented = () => map.clusterCounts().reduce((sum, n) => sum + n, 0) + drawnIds(el).size;
      await until(() => represented() === count, `${represented()} of ${count} points on the map`);
      expect(map.clusterCounts().length + drawnIds(el).size).to.be.below(400);
      // The list pages through the offers instead of rendering thousands of buttons.
      expect(listIds(el)).to.have.length(100);
      expect(map.countText()).to.contain(`${count} Angebote`);

      const id = listIds(el)[3];
      map.open(id);
      await until(() => map.marker(id), 'chosen point still clustered');
      await until(() => map.details()?.title === records[Number(id.slice(1))].values.name);
    });
  }

  it('reads a parent <offen-data> and shares its category filter', async () => {
    const data = await fixture<OffenData>(
      html`<offen-data src=${demoDataUrl('angebote.geojson')}>
        <offen-map tile-url=${tiles()}></offen-map>
      </offen-data>`,
    );
    const el = data.querySelector('offen-map')!;
    await data.loadComplete;
    await ready(el);
    expect(listIds(el).length).to.be.greaterThan(20);
    mapHarness(el).chip('Kultur').button.click();
    await until(() => data.filterState.category?.join() === 'Kultur', 'filter not shared');
    data.setFilter({ category: ['Sport'] });
    await until(() => el.category === 'Sport');
    await until(() =>
      mapHarness(el)
        .entries()
        .every((e) => e.meta[0]?.startsWith('Sport')),
    );
  });
});
