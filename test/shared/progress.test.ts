import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/chart/offen-chart.js';
import '../../src/components/events/offen-events.js';
import type { OffenChart } from '../../src/components/chart/offen-chart.js';
import { expectAccessible } from '../helpers/axe.js';
import { faultUrl } from '../helpers/server.js';
import { eventually } from '../helpers/wait.js';

const progressOf = (el: Element) => el.shadowRoot!.querySelector<HTMLProgressElement>('[part~="progress"] progress');
const progressText = (el: Element) =>
  el.shadowRoot!.querySelector('[part~="progress"] span')?.textContent?.trim() ?? '';
const announced = (el: Element) =>
  el.shadowRoot!.querySelector('[data-state="loading"] .visually-hidden')?.textContent?.trim() ?? '';

describe('progress while a large source loads', () => {
  it('shows bytes read of the declared size, growing, and announces quarter steps; then the data', async () => {
    // 150,000 rows (about 3 MB) in 12 parts, 250 ms apart, with Content-Length.
    const src = faultUrl(`slow?rows=150000&parts=12&every=250&length=1&k=${Math.random()}`);
    const el = await fixture<OffenChart>(html`<offen-chart src=${src} x="name" y="wert" limit="10"></offen-chart>`);
    const loaded = oneEvent(el, 'offen-load');
    await eventually(() => (progressOf(el)?.value ?? 0) > 0, 'no progress shown');
    const bar = progressOf(el)!;
    const total = bar.max;
    expect(total).to.be.greaterThan(2_000_000);
    expect(progressText(el)).to.match(/^[\d,]+ (MB|kB) von [\d,]+ MB geladen$/);
    await expectAccessible(el);
    const first = bar.value;
    await eventually(() => (progressOf(el)?.value ?? 0) > first, 'progress does not grow');
    await eventually(() => /Daten werden geladen … (25|50|75) %/.test(announced(el)), 'no quarter step announced');
    expect(((await loaded) as CustomEvent<{ count: number }>).detail.count).to.equal(150_000);
    expect(progressOf(el)).to.equal(null);
  });

  it('shows bytes read without a total when the server does not say the size, in English too', async () => {
    const src = faultUrl(`slow?rows=60000&parts=8&every=250&k=${Math.random()}`);
    const el = await fixture<HTMLElement>(html`<offen-events lang="en" src=${src}></offen-events>`);
    await eventually(() => progressText(el) !== '', 'no progress shown');
    expect(progressOf(el)!.hasAttribute('max')).to.equal(false);
    expect(progressOf(el)!.hasAttribute('value')).to.equal(false);
    expect(progressText(el)).to.match(/^[\d.]+ (MB|kB) loaded$/);
    expect(announced(el)).to.equal('Loading data …');
  });
});
