import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/chart/offen-chart.js';
import type { OffenChart } from '../../src/components/chart/offen-chart.js';
import { expectAccessible } from '../helpers/axe.js';
import { chartHarness } from './harness.js';

/** 1,000 labels with one value each. */
const csv = () => {
  const rows = Array.from({ length: 1000 }, (_, i) => `Ort ${i + 1};${(i * 7) % 101}`);
  return URL.createObjectURL(new Blob([`Ort;Wert\n${rows.join('\n')}\n`], { type: 'text/csv' }));
};

describe('<offen-chart> table twin of many labels', () => {
  it('shows 200 rows at a time; "200 weitere Zeilen anzeigen" adds the next with the focus on the first new one', async () => {
    const el = await fixture<OffenChart>(html`<offen-chart src=${csv()} type="line" no-animation></offen-chart>`);
    await el.renderComplete;
    const chart = chartHarness(el);
    const rows = await chart.tableRows();
    expect(rows).to.have.length(200);
    expect(rows[0][0]).to.equal('Ort 1');
    const more = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="more-rows"]')!;
    expect(more.textContent!.trim()).to.equal('200 weitere Zeilen anzeigen');
    await expectAccessible(el);
    more.click();
    await el.updateComplete;
    const grown = [...el.shadowRoot!.querySelectorAll('[part~="table"] tbody tr')];
    expect(grown).to.have.length(400);
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Ort 201');
    // Four more pages, and all 1,000 rows are there; no button is left.
    for (let i = 0; i < 3; i++) el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="more-rows"]')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part~="table"] tbody tr')).to.have.length(1000);
    expect(el.shadowRoot!.querySelector('[part~="more-rows"]')).to.equal(null);
  });
});
