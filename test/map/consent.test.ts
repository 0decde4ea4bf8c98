import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/map/offen-map.js';
import type { OffenMap } from '../../src/components/map/offen-map.js';
import { expectAccessible } from '../helpers/axe.js';
import { demoDataUrl } from '../helpers/server.js';
import { drawnIds, listIds, ready, tileKey, tileRequests, tileTemplate, until } from './helpers.js';
import { mapHarness } from './harness.js';

const consentOf = (el: OffenMap) => mapHarness(el).consent();

const ANGEBOTE = demoDataUrl('angebote.geojson');
/** The same test server under another origin: a "third-party" tile host without leaving the machine. */
const otherOrigin = () => location.origin.replace('localhost', '127.0.0.1');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('<offen-map> tiles and consent', () => {
  afterEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('offen-map-consent:')) localStorage.removeItem(key);
  });

  it('asks before loading tiles from another origin and requests none before the click', async () => {
    const key = tileKey('consent');
    const el = await fixture<OffenMap>(
      html`<offen-map src=${ANGEBOTE} tile-url=${tileTemplate(key, otherOrigin())}></offen-map>`,
    );
    await ready(el);
    const placeholder = consentOf(el)!;
    expect(placeholder.textContent).to.contain(new URL(otherOrigin()).host);
    expect(placeholder.querySelector('button')!.textContent!.trim()).to.equal('Karte laden');
    // Markers and list work without tiles.
    await until(() => drawnIds(el).size > 0);
    expect(listIds(el).length).to.be.greaterThan(0);
    await pause(300);
    expect(await tileRequests(key)).to.equal(0);
    expect(mapHarness(el).tiles(), 'tiles shown').to.have.length(0);
    await expectAccessible(el);

    placeholder.querySelector('button')!.click();
    await until(async () => (await tileRequests(key)) > 0, 'no tile requested after consent');
    expect(!!consentOf(el), '[part="consent"] present').to.equal(false);
  });

  it('shows the placeholder in English on an English page', async () => {
    const wrapper = await fixture(
      html`<div lang="en">
        <offen-map src=${ANGEBOTE} consent="required" tile-url=${tileTemplate(tileKey('en'))}></offen-map>
      </div>`,
    );
    const el = wrapper.querySelector('offen-map')!;
    await ready(el);
    expect(consentOf(el)!.querySelector('button')!.textContent!.trim()).to.equal('Load map');
    expect(consentOf(el)!.textContent).to.contain('IP address');
  });

  it('needs no consent for tiles from the page’s own origin, and always asks with consent="required"', async () => {
    const own = tileKey('own');
    const el = await fixture<OffenMap>(html`<offen-map src=${ANGEBOTE} tile-url=${tileTemplate(own)}></offen-map>`);
    await ready(el);
    expect(!!consentOf(el), '[part="consent"] present').to.equal(false);
    await until(async () => (await tileRequests(own)) > 0, 'own-origin tiles not loaded');

    const strict = tileKey('required');
    const required = await fixture<OffenMap>(
      html`<offen-map src=${ANGEBOTE} consent="required" tile-url=${tileTemplate(strict)}></offen-map>`,
    );
    await ready(required);
    expect(!!consentOf(required), '[part="consent"] missing').to.equal(true);
    await pause(300);
    expect(await tileRequests(strict)).to.equal(0);
  });

  it('uses OpenStreetMap by default, asks first and always shows the attribution', async () => {
    const el = await fixture<OffenMap>(html`<offen-map src=${ANGEBOTE}></offen-map>`);
    await ready(el);
    expect(consentOf(el)!.textContent).to.contain('tile.openstreetmap.org');
    const link = mapHarness(el).attribution()!.querySelector('a')!;
    expect(link.href).to.equal('https://www.openstreetmap.org/copyright');
    expect(link.textContent).to.equal('OpenStreetMap');
  });

  it('keeps only text and web links of a tile-attribution', async () => {
    const source =
      'Karte: <a href="javascript:alert(1)">Böse</a>, <img src=x onerror="window.__xss=2"><a href="https://example.org/">Amt</a>';
    const el = await fixture<OffenMap>(
      html`<offen-map
        src=${ANGEBOTE}
        tile-url=${tileTemplate(tileKey('attr'))}
        tile-attribution=${source}
      ></offen-map>`,
    );
    await ready(el);
    const attribution = mapHarness(el).attribution()!;
    expect(attribution.textContent).to.contain('Karte: Böse, Amt');
    const links = [...attribution.querySelectorAll('a')];
    expect(links.map((a) => a.href)).to.deep.equal(['https://example.org/']);
    expect(!!attribution.querySelector('img'), 'image present').to.equal(false);
  });

  it('remembers the choice with consent-remember', async () => {
    const key = tileKey('remember');
    const template = tileTemplate(key, otherOrigin());
    const el = await fixture<OffenMap>(
      html`<offen-map src=${ANGEBOTE} consent-remember tile-url=${template}></offen-map>`,
    );
    await ready(el);
    const box = consentOf(el)!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    box.click();
    consentOf(el)!.querySelector('button')!.click();
    await until(async () => (await tileRequests(key)) > 0);

    const again = await fixture<OffenMap>(html`<offen-map src=${ANGEBOTE} tile-url=${template}></offen-map>`);
    await ready(again);
    expect(!!consentOf(again), '[part="consent"] present').to.equal(false);
  });

  it('sizes the map correctly when a hidden container becomes visible', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div hidden style="width: 700px">
        <offen-map src=${ANGEBOTE} tile-url=${tileTemplate(tileKey('hidden'))} height="300px"></offen-map>
      </div>`,
    );
    const el = wrapper.querySelector('offen-map')!;
    await ready(el);
    wrapper.hidden = false;
    const map = mapHarness(el);
    const container = map.mapArea()!;
    await until(() => drawnIds(el).size > 0 && container.offsetHeight === 300, 'map not drawn after showing');
    // Every point marker lies inside the visible map: the data was fitted to the real size.
    const box = container.getBoundingClientRect();
    for (const marker of map.pointMarkers()) {
      const r = marker.getBoundingClientRect();
      expect(r.width).to.be.greaterThan(0);
      expect(r.left).to.be.within(box.left - 1, box.right + 1);
      expect(r.top).to.be.within(box.top - 1, box.bottom + 1);
    }
    // Tiles cover the whole map: more than a 0×0 map would load.
    expect(map.tiles().length).to.be.greaterThan(1);
  });

  it('fills a container that grows with tiles (the map learns its new size)', async () => {
    const el = await fixture<OffenMap>(
      html`<offen-map src=${ANGEBOTE} tile-url=${tileTemplate(tileKey('grow'))} style="width: 500px"></offen-map>`,
    );
    await ready(el);
    const map = mapHarness(el);
    const container = map.mapArea()!;
    const covered = () => {
      const box = container.getBoundingClientRect();
      const tiles = map.tiles(true).map((t) => t.getBoundingClientRect());
      return tiles.some((t) => t.right >= box.right - 1) && tiles.some((t) => t.bottom >= box.bottom - 1);
    };
    await until(covered, 'tiles do not cover the first size');
    el.style.width = '1400px';
    el.height = '600px';
    await until(() => container.offsetWidth > 900 && container.offsetHeight === 600);
    await until(covered, 'tiles do not cover the grown map');
  });

  it('passes axe with map, list and open details', async () => {
    const el = await fixture<OffenMap>(
      html`<offen-map
        src=${ANGEBOTE}
        tile-url=${tileTemplate(tileKey('axe'))}
        locate
        style="width: 900px"
      ></offen-map>`,
    );
    await ready(el);
    await until(() => drawnIds(el).size > 0);
    await expectAccessible(el);
    const map = mapHarness(el);
    map.listEntries()[0].click();
    await until(() => map.details());
    await expectAccessible(el);
  });
});
