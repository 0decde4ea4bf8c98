import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/map/offen-map.js';
import type { OffenMap } from '../../src/components/map/offen-map.js';
import { offerSlicing } from '../../src/components/map/offers.js';
import { expectAccessible } from '../helpers/axe.js';
import { mapHarness } from './harness.js';
import { ready } from './helpers.js';

/** 30,000 places in 30,000 categories: built in slices (from offerSlicing.threshold, 20,000, on). */
const PLACES = 30_000;
const THRESHOLD = offerSlicing.threshold;
let source: string;

function collection(): string {
  const features = Array.from({ length: PLACES }, (_, i) => ({
    type: 'Feature',
    properties: { name: `Ort ${i}`, kategorie: `Kategorie ${i}`, art: i % 2 ? 'Sport' : 'Kultur' },
    geometry: { type: 'Point', coordinates: [12.5 + (i % 200) / 1000, 52.1 + Math.floor(i / 200) / 1000] },
  }));
  return URL.createObjectURL(
    new Blob([JSON.stringify({ type: 'FeatureCollection', features })], { type: 'application/geo+json' }),
  );
}

/** A map of the collection, and a promise of the moment its data arrived (offen-load, before the offers exist). */
async function bigMap(categoryField = 'kategorie') {
  const el = document.createElement('offen-map') as OffenMap;
  el.setAttribute('src', source);
  el.setAttribute('consent', 'required');
  el.setAttribute('category-field', categoryField);
  const loaded = oneEvent(el, 'offen-load');
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  wrapper.append(el);
  return { el, wrapper, loaded };
}

const statusText = (el: OffenMap) =>
  el.shadowRoot!.querySelector('[part~="state"][part~="loading"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const legendLabel = (el: OffenMap) =>
  el.shadowRoot!.querySelector('label[for="more-categories"]')?.textContent?.trim() ?? '';

describe('<offen-map> building many places in slices', () => {
  before(() => {
    source = collection();
  });
  afterEach(() => {
    offerSlicing.threshold = THRESHOLD;
  });

  it('says "Daten werden aufbereitet …" while it builds, then shows what it shows when built at once', async () => {
    const sliced = await bigMap();
    await sliced.loaded;
    expect(mapHarness(sliced.el).state()).to.equal('loading');
    expect(statusText(sliced.el)).to.contain('Daten werden aufbereitet …');
    await expectAccessible(sliced.el);
    // mapComplete waits for the slices, not only for Leaflet.
    await sliced.el.mapComplete;
    expect(mapHarness(sliced.el).state()).to.equal(undefined);
    expect(mapHarness(sliced.el).listEntries().length).to.be.greaterThan(0);
    await ready(sliced.el);
    const titles = mapHarness(sliced.el).listTitles();
    expect(titles.slice(0, 3)).to.deep.equal(['Ort 0', 'Ort 1', 'Ort 2']);
    expect(legendLabel(sliced.el)).to.equal('Weitere 29.988 von 30.000 Kategorien durchsuchen');

    offerSlicing.threshold = Infinity;
    const atOnce = await bigMap();
    await atOnce.loaded;
    expect(mapHarness(atOnce.el).state()).to.equal(undefined);
    await ready(atOnce.el);
    expect(mapHarness(atOnce.el).listTitles()).to.deep.equal(titles);
    expect(legendLabel(atOnce.el)).to.equal(legendLabel(sliced.el));
  });

  it('shows only the offers of the attributes as they are now when one changes while it builds', async () => {
    const { el, loaded } = await bigMap();
    await loaded;
    expect(mapHarness(el).state()).to.equal('loading');
    el.categoryField = 'art';
    await ready(el);
    // Two categories now: plain chips, no search for 30,000 more.
    expect(legendLabel(el)).to.equal('');
    const chips = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="legend"] button[data-category]')];
    expect(chips.map((b) => b.dataset.category)).to.have.members(['Kultur', 'Sport']);
  });

  it('stops building when removed and builds again when put back', async () => {
    const { el, wrapper, loaded } = await bigMap();
    await loaded;
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(mapHarness(el).listEntries()).to.have.length(0);
    wrapper.append(el);
    await ready(el);
    expect(mapHarness(el).listTitles()[0]).to.equal('Ort 0');
  });
});
