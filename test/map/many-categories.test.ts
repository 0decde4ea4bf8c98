import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/map/offen-map.js';
import type { OffenMap } from '../../src/components/map/offen-map.js';
import { expectAccessible } from '../helpers/axe.js';
import { mapHarness } from './harness.js';
import { ready, until } from './helpers.js';

/** 2,000 offers in 2,000 categories, plus 30 more in "Sport" (the largest one). */
function collection() {
  const feature = (i: number, category: string) => ({
    type: 'Feature',
    properties: { name: `Angebot ${i}`, kategorie: category },
    geometry: { type: 'Point', coordinates: [12.5 + (i % 50) / 500, 52.1 + Math.floor(i / 50) / 500] },
  });
  const features = [
    ...Array.from({ length: 2000 }, (_, i) => feature(i, `Kategorie ${i}`)),
    ...Array.from({ length: 30 }, (_, i) => feature(2000 + i, 'Sport')),
  ];
  return URL.createObjectURL(
    new Blob([JSON.stringify({ type: 'FeatureCollection', features })], { type: 'application/geo+json' }),
  );
}

const chipNames = (el: OffenMap) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="legend"] button[data-category]')].map(
    (b) => b.dataset.category!,
  );

describe('<offen-map> with thousands of categories', () => {
  it('shows the largest categories as chips and finds the others by search; the label says how many', async () => {
    const el = await fixture<OffenMap>(html`<offen-map src=${collection()} consent="required"></offen-map>`);
    await ready(el);
    const names = chipNames(el);
    expect(names).to.have.length(12);
    expect(names).to.include('Sport');
    const more = el.shadowRoot!.querySelector<HTMLInputElement>('#more-categories')!;
    const label = el.shadowRoot!.querySelector('label[for="more-categories"]')!.textContent!.trim();
    expect(label).to.equal('Weitere 1.989 von 2.001 Kategorien durchsuchen');
    await expectAccessible(el);

    more.value = 'Kategorie 1500';
    more.dispatchEvent(new Event('input'));
    await until(() => chipNames(el).includes('Kategorie 1500'), 'no match offered');
    expect(chipNames(el)).to.have.length(13);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-category="Kategorie 1500"]')!.click();
    await until(() => mapHarness(el).listTitles().join() === 'Angebot 1500', 'not narrowed to the chosen category');
    // The chosen one stays a chip (pressed) when the search is cleared.
    more.value = '';
    more.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const chosen = el.shadowRoot!.querySelector('button[data-category="Kategorie 1500"]');
    expect(chosen?.getAttribute('aria-pressed')).to.equal('true');
  });

  it('keeps a few categories as plain chips without a search', async () => {
    const few = {
      type: 'FeatureCollection',
      features: ['A', 'B', 'C'].map((category, i) => ({
        type: 'Feature',
        properties: { name: `Ort ${i}`, kategorie: category },
        geometry: { type: 'Point', coordinates: [12.5 + i / 100, 52.1] },
      })),
    };
    const url = URL.createObjectURL(new Blob([JSON.stringify(few)], { type: 'application/geo+json' }));
    const el = await fixture<OffenMap>(html`<offen-map src=${url} consent="required"></offen-map>`);
    await ready(el);
    expect(chipNames(el)).to.deep.equal(['A', 'B', 'C']);
    expect(el.shadowRoot!.querySelector('#more-categories')).to.equal(null);
  });
});
