import { expect } from '@open-wc/testing';
import type { PlotData } from '../../src/components/chart/chart-data.js';
import { thinPlot } from '../../src/components/chart/chart-thin.js';

/** One series over `values.length` labels 0, 1, 2 …. */
const plot = (values: (number | null)[]): PlotData => ({
  labels: values.map((_, i) => ({ key: String(i), value: i })),
  series: [{ name: 'Wert', values, records: values.map(() => undefined) }],
  decimals: 0,
  rowCount: values.length,
  ordered: true,
});

describe('thinning a plot to its pixels', () => {
  it('keeps the first, the last, every stretch’s lowest and highest, and a gap; never more than asked', () => {
    const values: (number | null)[] = Array.from({ length: 10_000 }, (_, i) => i % 7);
    values[4_321] = 1_000;
    values[8_765] = -1_000;
    values[6_000] = null;
    const thinned = thinPlot(plot(values), 300);
    expect(thinned.labels.length).to.be.at.most(300);
    expect(thinned.labels.length).to.be.greaterThan(150);
    const kept = thinned.series[0].values;
    expect(kept).to.include(1_000);
    expect(kept).to.include(-1_000);
    expect(kept).to.include(null);
    expect(thinned.labels[0].key).to.equal('0');
    expect(thinned.labels.at(-1)!.key).to.equal('9999');
    // Real labels with their own values, in order.
    const keys = thinned.labels.map((l) => Number(l.key));
    expect(keys).to.deep.equal([...keys].sort((a, b) => a - b));
    keys.forEach((key, i) => expect(kept[i]).to.equal(values[key]));
  });

  it('leaves a plot that fits as it is', () => {
    const small = plot([1, 2, 3]);
    expect(thinPlot(small, 300)).to.equal(small);
  });
});
