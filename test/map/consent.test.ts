import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/map/offen-map.js';
import type { OffenMap } from '../../src/components/map/offen-map.js';
import { expectAccessible } from '../helpers/axe.js';
import { demoDataUrl } from '../helpers/server.js';
import { forgetConsent } from '../../src/components/map/tiles.js';
import { drawnIds, listIds, ready, tileKey, tileRequests, tileTemplate, until } from './helpers.js';
import { mapHarness } from './harness.js';

const consentOf = (el: OffenMap) => mapHarness(el).consent();

const ANGEBOTE = demoDataUrl('angebote.geojson');
/** The same test server under another origin: a "third-party" tile host without leaving the machine. */
const otherOrigin = () => location.origin.replace('localhost', '127.0.0.1');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('<offen-map> tiles and consent', () => {
  // A consent holds for the whole page view (and, remembered, in localStorage): each test starts without one.
  afterEach(() => forgetConsent());
  const storedConsents = () => Object.keys(localStorage).filter((key) => key.startsWith('offen-map-consent:'));

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

  it('takes one consent for every map of the page with the same tile host, at once, and remembers none', async () => {
    const [first, second, other] = [tileKey('page-a'), tileKey('page-b'), tileKey('page-c')];
    const wrapper = await fixture(
      html`<div>
        <offen-map src=${ANGEBOTE} tile-url=${tileTemplate(first, otherOrigin())}></offen-map>
        <offen-map src=${ANGEBOTE} consent="required" tile-url=${tileTemplate(second, otherOrigin())}></offen-map>
        <offen-map src=${ANGEBOTE} consent="required" tile-url=${tileTemplate(other)}></offen-map>
      </div>`,
    );
    const [a, b, c] = [...wrapper.querySelectorAll('offen-map')];
    await Promise.all([a, b, c].map((el) => ready(el)));
    expect([a, b, c].map((el) => !!consentOf(el))).to.deep.equal([true, true, true]);

    consentOf(a)!.querySelector('button')!.click();
    await until(() => !consentOf(b), 'the second map still asks');
    await until(async () => (await tileRequests(second)) > 0, 'the second map loads no tiles');
    await until(async () => (await tileRequests(first)) > 0, 'the first map loads no tiles');
    // Another host is another question.
    expect(!!consentOf(c), 'a map with tiles from another host stopped asking').to.equal(true);
    expect(await tileRequests(other)).to.equal(0);
    // Without consent-remember nothing outlives the page view.
    expect(storedConsents()).to.deep.equal([]);

    // A map added later on the same page asks no more either.
    const later = await fixture<OffenMap>(
      html`<offen-map src=${ANGEBOTE} tile-url=${tileTemplate(tileKey('page-d'), otherOrigin())}></offen-map>`,
    );
    await ready(later);
    expect(!!consentOf(later)).to.equal(false);
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
    // Kept for the tile host only.
    const [stored] = storedConsents();
    expect(stored).to.equal(`offen-map-consent:${new URL(otherOrigin()).host}`);

    // A reload: the page's consents are gone, localStorage stays.
    const value = localStorage.getItem(stored)!;
    forgetConsent();
    localStorage.setItem(stored, value);
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
