import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/map/offen-map.js';
import type { OffenMap } from '../../src/components/map/offen-map.js';
import type { DataError } from '../../src/data/errors.js';
import { expectAccessible } from '../helpers/axe.js';
import { fixtureUrl } from '../helpers/server.js';
import { mapHarness } from './harness.js';
import { drawnIds, listTitles, ready, tileKey, tileTemplate, until } from './helpers.js';

const crsNote = (el: OffenMap) => el.shadowRoot!.querySelector('[part~="crs"]')?.textContent?.trim() ?? '';
const tiles = () => tileTemplate(tileKey('crs'));

describe('<offen-map> data in projected coordinate systems', () => {
  it('draws a UTM table (Rechtswert with zone prefix) without configuration and says which system it read', async () => {
    const el = await fixture<OffenMap>(
      html`<offen-map src=${fixtureUrl('crs/flaeming-utm33-zone-prefix.csv')} tile-url=${tiles()}></offen-map>`,
    );
    await ready(el);
    expect(listTitles(el)).to.have.members([
      'Bahnhof Medewitz',
      'Burg Eisenhardt',
      'Rathaus Bad Belzig',
      'Schloss Wiesenburg',
    ]);
    expect(drawnIds(el)).to.have.length(4);
    expect(crsNote(el)).to.equal('Koordinaten umgerechnet aus ETRS89 / UTM zone 33N (zE-N) (EPSG:5650).');
    await expectAccessible(el);
  });

  it('draws a WFS answer in EPSG:25833 (GeoJSON crs member), in English after lang="en"', async () => {
    const el = await fixture<OffenMap>(
      html`<offen-map lang="en" src=${fixtureUrl('crs/flaeming-wfs-25833.geojson')} tile-url=${tiles()}></offen-map>`,
    );
    await ready(el);
    expect(drawnIds(el)).to.have.length(4);
    expect(crsNote(el)).to.equal('Coordinates converted from ETRS89 / UTM zone 33N (EPSG:25833).');
  });

  it('explains UTM without a zone instead of guessing, and draws it once crs names the zone', async () => {
    const el = await fixture<OffenMap>(
      html`<offen-map src=${fixtureUrl('crs/flaeming-utm33-no-zone.csv')} tile-url=${tiles()}></offen-map>`,
    );
    await ready(el);
    expect(drawnIds(el)).to.have.length(0);
    // "Only in view" hides what has no position, and says so.
    await until(() => el.shadowRoot!.querySelector('[data-role="unplaced"]'), 'no note on unplaced offers');
    expect(el.shadowRoot!.querySelector('[data-role="unplaced"]')!.textContent).to.contain(
      '4 Angebote ohne Kartenposition',
    );
    expect(crsNote(el)).to.contain('(EPSG:25832, EPSG:25833)');
    expect(crsNote(el)).to.contain('Das Attribut crs legt fest');
    await expectAccessible(el);

    // The attribute changed on the live map: it loads again and draws the places.
    el.crs = 'EPSG:25833';
    await until(() => drawnIds(el).size === 4, 'not drawn after crs was set');
    expect(crsNote(el)).to.equal('Koordinaten umgerechnet aus ETRS89 / UTM zone 33N (EPSG:25833).');
  });

  it('shows no note for ordinary WGS84 data', async () => {
    const el = await fixture<OffenMap>(
      html`<offen-map
        src=${fixtureUrl('crs/flaeming-esri-25833.json')}
        crs="EPSG:25833"
        tile-url=${tiles()}
      ></offen-map>`,
    );
    await ready(el);
    expect(drawnIds(el)).to.have.length(4);
    const plain = await fixture<OffenMap>(
      html`<offen-map src=${fixtureUrl('map-images.geojson')} tile-url=${tiles()}></offen-map>`,
    );
    await ready(plain);
    expect(crsNote(plain)).to.equal('');
  });

  it('says which crs values it knows when the attribute names another one', async () => {
    const el = document.createElement('offen-map');
    el.src = fixtureUrl('crs/flaeming-gk4.csv');
    el.crs = 'EPSG:2056';
    const failed = oneEvent(el, 'offen-error');
    await fixture(el);
    expect(((await failed) as CustomEvent<DataError>).detail.kind).to.equal('mapping');
    const map = mapHarness(el);
    await until(() => map.state() === 'error');
    expect(map.errorText()).to.contain('Koordinatensystem „EPSG:2056“ (Attribut crs) wird nicht unterstützt');
    expect(map.errorText()).to.contain('EPSG:31468');
  });
});
