import { expect, fixture, html } from '@open-wc/testing';
import { dsvFormat } from 'd3-dsv';
import '../../src/components/data/offen-data.js';
import '../../src/components/map/offen-map.js';
import type { OffenMap } from '../../src/components/map/offen-map.js';
import { buildOffers, localizeHours, sortByTitle } from '../../src/components/map/offers.js';
import { loadDataset } from '../../src/data/load.js';
import { corpusUrl, fixtureUrl } from '../helpers/server.js';
import { failure } from '../helpers/errors.js';
import { $, collator, drawnIds, listTitles, readGeoJson, ready, tileKey, tileTemplate, until } from './helpers.js';

/** Latitude and longitude in German decimal comma, in the 4th and 2nd column, under names detection does not know. */
const oddColumns = fixtureUrl('csv-coordinates-odd-columns.csv');
const located = ['Bahnhof Bad Belzig', 'Burg Eisenhardt', 'Rathaus Bad Belzig'];

const byKey = (names: string[]) =>
  sortByTitle(
    names.map((title) => ({ title })),
    collator,
  ).map((e) => e.title);

describe('offen-map offers', () => {
  it('sorts real names exactly as the German collator does', async () => {
    const sports = await readGeoJson(corpusUrl('muenster-sportstaetten.geojson'));
    const playgrounds = await readGeoJson(corpusUrl('muenster-spielplaetze.geojson'));
    const markets = await readGeoJson(corpusUrl('muenchen-wochenmaerkte.geojson'));
    const csv = dsvFormat(';').parse(await (await fetch(corpusUrl('muenster-tischtennisplatten-latlon.csv'))).text());
    const lists = [
      sports.features.map((f) => String(f.properties.Objekt)),
      playgrounds.features.map((f) => String(f.properties['Spielplatz-Name'])),
      markets.features.map((f) => String(f.properties.title)),
      csv.map((row) => row.Objektname ?? ''),
      ['Äpfel 10', 'Apfel 9', 'apfel 2', 'Öko-Markt', 'Oberhof', 'Straße', 'Strasse 1', 'Zoo', 'Ärztehaus'],
    ];
    for (const names of lists) expect(byKey(names)).to.deep.equal([...names].sort(collator.compare));
  });

  it('reads OSM opening hours in German and leaves other text alone', () => {
    expect(localizeHours('Tu, Fr 07:30-14:00; Su off', 'de')).to.equal('Di, Fr 07:30-14:00; So geschlossen');
    expect(localizeHours('Th[1] 15:00-20:00', 'de')).to.equal('Do[1] 15:00-20:00');
    expect(localizeHours('Tu, Fr 07:30-14:00', 'en')).to.equal('Tu, Fr 07:30-14:00');
    expect(localizeHours('Öffnungszeiten unbekannt', 'de')).to.equal('Öffnungszeiten unbekannt');
  });

  it('places a dataset it did not load by lat-field and lon-field through the data layer', async () => {
    const shared = await loadDataset({ url: oddColumns });
    const model = buildOffers(shared, { lat: 'Hochwert (WGS84)', lon: 'Rechtswert (WGS84)' }, 'de-DE');
    const places = model.offers.map((o) => [o.title, o.lat, o.lon]);
    expect(places).to.deep.equal([
      ['Bahnhof Bad Belzig', 52.13472, 12.57889],
      ['Burg Eisenhardt', 52.14389, 12.58417],
      ['Falsch erfasst', undefined, undefined],
      ['Gemeindehaus Lübnitz', undefined, undefined],
      ['Rathaus Bad Belzig', 52.14235, 12.59261],
    ]);
    const half = await failure(Promise.resolve().then(() => buildOffers(shared, { lat: 'Hochwert (WGS84)' }, 'de-DE')));
    expect([half.kind, half.role]).to.deep.equal(['mapping', 'lon']);
  });

  it('draws the markers of lat-field/lon-field columns, for its own source and inside <offen-data>', async () => {
    const own = await fixture<OffenMap>(
      html`<offen-map
        src=${oddColumns}
        lat-field="Hochwert (WGS84)"
        lon-field="Rechtswert (WGS84)"
        tile-url=${tileTemplate(tileKey('offers-own'))}
      ></offen-map>`,
    );
    await ready(own);
    await until(() => drawnIds(own).size === 3, `expected 3 markers, got ${drawnIds(own).size}`);
    // The list follows the map view, which leaves out the two places without a position.
    await until(() => listTitles(own).join() === located.join(), `list: ${listTitles(own).join(', ')}`);

    const wrapper = await fixture<HTMLElement>(
      html`<offen-data src=${oddColumns}>
        <offen-map
          lat-field="Hochwert (WGS84)"
          lon-field="Rechtswert (WGS84)"
          tile-url=${tileTemplate(tileKey('offers-shared'))}
        ></offen-map>
      </offen-data>`,
    );
    const inside = wrapper.querySelector('offen-map')!;
    await ready(inside);
    await until(() => drawnIds(inside).size === 3, `expected 3 markers, got ${drawnIds(inside).size}`);
    await until(() => listTitles(inside).join() === located.join(), `list: ${listTitles(inside).join(', ')}`);
  });

  it('says which attribute is missing when only lat-field is given', async () => {
    const el = await fixture<OffenMap>(
      html`<offen-map
        src=${oddColumns}
        lat-field="Hochwert (WGS84)"
        tile-url=${tileTemplate(tileKey('offers-half'))}
      ></offen-map>`,
    );
    await ready(el);
    const error = $(el, '[data-state="error"]')!;
    expect(error.textContent).to.contain('Bitte das Attribut lon-field setzen.');
    expect(error.textContent).to.contain('Hochwert (WGS84)');
  });
});
