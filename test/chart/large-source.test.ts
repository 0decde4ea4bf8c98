import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/chart/offen-chart.js';
import type { OffenChart } from '../../src/components/chart/offen-chart.js';
import { WORKER_THRESHOLD, workerParsing } from '../../src/data/worker/settings.js';
import { expectAccessible } from '../helpers/axe.js';
import { demoDataUrl, faultUrl, fixtureUrl } from '../helpers/server.js';
import { chartHarness } from './harness.js';

/** 200,000 rows in 12 districts, about 5.6 MB (test/servers/faults.mjs, `table`). */
const ROWS = 200_000;
const big = faultUrl(`table?rows=${ROWS}&labels=12`);

/** The sum the file gives district `k`, in cents: row i is worth (i mod 1000) + 1 euros and (i mod 100) cents. */
function districtCents(k: number): number {
  let cents = 0;
  for (let i = k; i < ROWS; i += 12) cents += ((i % 1000) + 1) * 100 + (i % 100);
  return cents;
}
const euros = (cents: number) =>
  new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100);

interface Page {
  large: OffenChart;
  small: OffenChart;
  parsedIn: Promise<string | undefined>;
}

async function page(): Promise<Page> {
  const wrapper = await fixture<HTMLElement>(
    html`<div>
      <offen-chart id="large" src=${big} x="Bezirk" y="Betrag" no-animation></offen-chart>
      <offen-chart
        id="small"
        src=${demoDataUrl('haushalt.csv')}
        x="Produktbereich"
        y="Ansatz 2026 (€)"
        no-animation
      ></offen-chart>
    </div>`,
  );
  const large = wrapper.querySelector<OffenChart>('#large')!;
  const parsedIn = new Promise<string | undefined>((resolve) =>
    large.addEventListener('offen-load', (event) => resolve(event.detail.meta.parsedIn), { once: true }),
  );
  return { large, small: wrapper.querySelector<OffenChart>('#small')!, parsedIn };
}

describe('<offen-chart> on a large source (parsed in a worker)', () => {
  afterEach(() => {
    workerParsing.threshold = WORKER_THRESHOLD;
  });

  it('draws a 5.6 MB CSV parsed in the worker, while another chart on the page answers its buttons', async () => {
    const { large, small, parsedIn } = await page();
    // The other chart works while the large one loads: its table opens.
    await small.renderComplete;
    const smallRows = await chartHarness(small).tableRows();
    expect(smallRows.length).to.be.greaterThan(10);
    expect(chartHarness(small).tableButton()!.getAttribute('aria-expanded')).to.equal('true');

    await large.renderComplete;
    expect(await parsedIn).to.equal('worker');
    const chart = chartHarness(large);
    expect(chart.state()).to.equal(undefined);
    const rows = await chart.tableRows();
    expect(rows.map((row) => row[0])).to.deep.equal(Array.from({ length: 12 }, (_, k) => `Bezirk ${k}`));
    expect(rows[0][1]).to.equal(euros(districtCents(0)));
    expect(rows[11][1]).to.equal(euros(districtCents(11)));
    await expectAccessible(large);
  });

  it('shows the same table as when the file is parsed on the main thread', async () => {
    const inWorker = await page();
    await inWorker.large.renderComplete;
    const workerRows = await chartHarness(inWorker.large).tableRows();
    workerParsing.threshold = Infinity;
    const onMain = await page();
    await onMain.large.renderComplete;
    expect(await onMain.parsedIn).to.equal('main');
    expect(await chartHarness(onMain.large).tableRows()).to.deep.equal(workerRows);
    expect(chartHarness(onMain.large).summaryText()).to.equal(chartHarness(inWorker.large).summaryText());
  });

  it('shows the same translated error for a broken file parsed in the worker as on the main thread', async () => {
    const broken = fixtureUrl('csv-binary-garbage.csv');
    const errorOf = async () => {
      const el = await fixture<OffenChart>(html`<offen-chart src=${broken} x="a" y="b"></offen-chart>`);
      await el.renderComplete;
      await el.updateComplete;
      const chart = chartHarness(el);
      return { state: chart.state(), text: chart.errorText(), el };
    };
    workerParsing.threshold = 0;
    const worker = await errorOf();
    workerParsing.threshold = Infinity;
    const main = await errorOf();
    expect(worker.state).to.equal('error');
    expect(worker.text).to.equal(main.text);
    expect(worker.text).to.contain('Zeile');
    await expectAccessible(worker.el);
  });
});
