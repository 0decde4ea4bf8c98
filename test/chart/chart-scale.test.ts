import { expect } from '@open-wc/testing';
import { ChartFormat } from '../../src/components/chart/chart-format.js';
import { niceDomain, valueRange } from '../../src/components/chart/chart-scale.js';
import { chartStrings } from '../../src/components/chart/offen-chart.strings.js';

const format = (lang: 'de' | 'en', unit = '€') =>
  new ChartFormat(() => ({
    unit,
    fields: [],
    y: [],
    dataDecimals: 2,
    locale: lang === 'de' ? 'de-DE' : 'en-GB',
    lang,
    strings: chartStrings[lang],
  }));

describe('chart axes: compact numbers and nice domains', () => {
  it('knows what Intl compact notation writes in this Chromium (and why offen writes its own steps)', () => {
    const compact = (locale: string) =>
      new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
    // German has no short form below a million; British English writes lower-case "m" and "k".
    expect([1e6, 1.5e6, 5e5].map((v) => compact('de-DE').format(v))).to.deep.equal([
      '1\u00a0Mio.',
      '1,5\u00a0Mio.',
      '500.000',
    ]);
    expect([1e6, 1.5e6, 5e5].map((v) => compact('en-US').format(v))).to.deep.equal(['1M', '1.5M', '500K']);
    expect([1e6, 1.5e6, 5e5].map((v) => compact('en-GB').format(v))).to.deep.equal(['1m', '1.5m', '500k']);
  });

  it('writes ticks as German budgets do, with at most one decimal, and English as Intl does', () => {
    const de = format('de');
    expect([0, 500_000, 1_000_000, 1_500_000, -100_000, 2e9].map((v) => de.tick(v))).to.deep.equal([
      '0\u00a0€',
      '500\u00a0Tsd.\u00a0€',
      '1\u00a0Mio.\u00a0€',
      '1,5\u00a0Mio.\u00a0€',
      '-100\u00a0Tsd.\u00a0€',
      '2\u00a0Mrd.\u00a0€',
    ]);
    // One decimal would misstate 1.050.000: the next smaller step.
    expect(de.tick(1_050_000)).to.equal('1.050\u00a0Tsd.\u00a0€');
    expect(de.tick(0.25)).to.equal('0,25\u00a0€');
    const intl = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
    for (const value of [1e6, 5e5, 1.5e6, 2e4, 3e9])
      expect(format('en').tick(value)).to.equal(`${intl.format(value)}\u00a0€`);
    // Value labels round; a unit that already names a step is not stepped again.
    expect(de.compact(6_210_480, true)).to.equal('6,2\u00a0Mio.\u00a0€');
    expect(format('de', 'T€').tick(5000)).to.equal('5.000\u00a0T€');
  });

  it('chooses nice domains that include zero and do not overshoot small negatives', () => {
    expect(niceDomain(-92_100, 6_210_480, 8)).to.deep.equal({
      min: -100_000,
      max: 7_000_000,
      step: 1_000_000,
      ticks: [-100_000, 0, 1e6, 2e6, 3e6, 4e6, 5e6, 6e6, 7e6],
    });
    expect(niceDomain(-2_500_000, 6_000_000, 6)).to.include({ min: -4_000_000, max: 6_000_000, step: 2_000_000 });
    expect(niceDomain(120, 380, 5).ticks).to.deep.equal([0, 100, 200, 300, 400]);
    expect(niceDomain(0.1, 0.7, 5).ticks).to.deep.equal([0, 0.2, 0.4, 0.6, 0.8]);
    expect(niceDomain(0, 0, 5)).to.include({ min: 0, max: 1 });
    expect(valueRange([{ values: [3, -1, null] }, { values: [4, -2, 1] }], true)).to.deep.equal([-3, 7]);
    expect(valueRange([{ values: [3, -1, null] }, { values: [4, -2, 1] }], false)).to.deep.equal([-2, 4]);
  });
});
