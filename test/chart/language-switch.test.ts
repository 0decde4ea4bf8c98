import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/chart/offen-chart.js';
import type { OffenChart } from '../../src/components/chart/offen-chart.js';
import { demoDataUrl } from '../helpers/server.js';

type Tick = { label?: string | string[] | number };
const valueTicks = (el: OffenChart) => {
  const scale = el.chart!.scales[el.chart!.options.indexAxis === 'y' ? 'x' : 'y'];
  return (scale.ticks as Tick[]).map((t) => String(t.label));
};

describe('<offen-chart> language switch at runtime', () => {
  it('redraws its value ticks in the new language, and back', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 600px" lang="de">
        <offen-chart src=${demoDataUrl('haushalt.csv')} type="bar" y="Ansatz 2026 (€)" no-animation></offen-chart>
      </div>`,
    );
    const el = wrapper.querySelector('offen-chart')!;
    await waitUntil(() => el.chart, 'never drawn', { timeout: 10_000 });
    expect(valueTicks(el)).to.include('2\u00a0Mio.\u00a0€');

    wrapper.lang = 'en';
    await waitUntil(() => valueTicks(el).includes('2M\u00a0€'), `ticks stayed: ${valueTicks(el).join(' | ')}`, {
      timeout: 5000,
    });
    expect(valueTicks(el).some((t) => t.includes('Mio.'))).to.equal(false);

    wrapper.lang = 'de';
    await waitUntil(() => valueTicks(el).includes('2\u00a0Mio.\u00a0€'), 'did not switch back', { timeout: 5000 });
  });
});
