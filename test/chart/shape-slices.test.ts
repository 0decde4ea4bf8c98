import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/chart/offen-chart.js';
import type { OffenChart } from '../../src/components/chart/offen-chart.js';
import { SLICE_THRESHOLD, shapeSlicing } from '../../src/components/chart/chart-shape.js';
import { expectAccessible } from '../helpers/axe.js';
import { faultUrl } from '../helpers/server.js';
import { chartHarness } from './harness.js';

/** 200,000 rows in 12 districts (test/servers/faults.mjs, `table`): shaped in slices (from 50,000 rows on). */
const ROWS = 200_000;
const big = faultUrl(`table?rows=${ROWS}&labels=12`);

/** The loading state's text as read out (the status), e.g. "Daten werden aufbereitet …". */
const statusText = (el: OffenChart) =>
  el.shadowRoot!.querySelector('[part~="state"][part~="loading"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** A chart of the big table, and a promise of the moment its data arrived (offen-load, before it is shaped). */
async function bigChart(attributes: { aggregate?: string } = {}) {
  const el = document.createElement('offen-chart') as OffenChart;
  el.setAttribute('src', big);
  el.setAttribute('x', 'Bezirk');
  el.setAttribute('y', 'Betrag');
  el.setAttribute('no-animation', '');
  if (attributes.aggregate) el.setAttribute('aggregate', attributes.aggregate);
  const loaded = oneEvent(el, 'offen-load');
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  wrapper.append(el);
  return { el, wrapper, loaded };
}

describe('<offen-chart> shaping many rows in slices', () => {
  afterEach(() => {
    shapeSlicing.threshold = SLICE_THRESHOLD;
  });

  it('shows "Daten werden aufbereitet …" while it shapes, then the same table and summary as shaped at once', async () => {
    const sliced = await bigChart();
    await sliced.loaded;
    // The data is there, the chart is still shaping it (200,000 rows take many slices of 10 ms).
    expect(chartHarness(sliced.el).state()).to.equal('loading');
    expect(statusText(sliced.el)).to.contain('Daten werden aufbereitet …');
    await expectAccessible(sliced.el);
    await sliced.el.renderComplete;
    const chart = chartHarness(sliced.el);
    expect(chart.state()).to.equal(undefined);
    const rows = await chart.tableRows();
    expect(rows).to.have.length(12);

    shapeSlicing.threshold = Infinity;
    const atOnce = await bigChart();
    await atOnce.loaded;
    // Shaped in the same update that showed the data: no loading state in between.
    expect(chartHarness(atOnce.el).state()).to.equal(undefined);
    await atOnce.el.renderComplete;
    expect(await chartHarness(atOnce.el).tableRows()).to.deep.equal(rows);
    expect(chartHarness(atOnce.el).summaryText()).to.equal(chart.summaryText());
  });

  it('shows only the result of the attributes as they are now when one changes while it shapes', async () => {
    const { el, loaded } = await bigChart();
    let renders = 0;
    el.addEventListener('offen-render', () => renders++);
    await loaded;
    expect(chartHarness(el).state()).to.equal('loading');
    el.aggregate = 'count';
    await el.renderComplete;
    // One picture, of the counts: the sums being shaped when the attribute changed were never drawn.
    expect(renders).to.equal(1);
    // 200,000 rows in 12 districts: 16,667 rows in the first eight, 16,666 in the other four.
    const counts = Array.from({ length: 12 }, (_, k) => (k < 8 ? 16_667 : 16_666));
    expect(chartHarness(el).drawnValues()).to.deep.equal(counts);
    const rows = await chartHarness(el).tableRows();
    // Counts are whole numbers, though the Betrag column has two decimals.
    expect(rows.map((row) => row[1])).to.deep.equal(counts.map((n) => n.toLocaleString('de-DE')));
  });

  it('stops shaping when removed, and shapes again when put back', async () => {
    const { el, wrapper, loaded } = await bigChart({ aggregate: 'count' });
    await loaded;
    expect(chartHarness(el).state()).to.equal('loading');
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(el.chart).to.equal(undefined);
    wrapper.append(el);
    await el.renderComplete;
    expect(chartHarness(el).drawnValues()).to.have.length(12);
    expect(chartHarness(el).drawnValues()[0]).to.equal(16_667);
  });
});
