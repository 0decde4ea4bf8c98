import { expect } from '@open-wc/testing';
import { cellMatches, extremes, parseFilter, shapeData, toCsv } from '../../src/components/chart/chart-data.js';
import type { DataRecord, Value } from '../../src/data/types.js';

const records = (rows: Record<string, Value>[]): DataRecord[] => rows.map((values, i) => ({ id: String(i), values }));
const base = { otherLabel: 'Sonstige' };

describe('chart data shaping', () => {
  const long = records([
    { Jahr: 2020, Ort: 'Bad Belzig', Wert: 10 },
    { Jahr: 2020, Ort: 'Wiesenburg', Wert: 4 },
    { Jahr: 2019, Ort: 'Bad Belzig', Wert: 8 },
    { Jahr: 2021, Ort: 'Wiesenburg', Wert: null },
    { Jahr: 2021, Ort: 'Bad Belzig', Wert: 12 },
  ]);

  it('pivots long format into one series per value of the series column, numeric x ascending, gaps as null', () => {
    const data = shapeData(long, { ...base, x: 'Jahr', y: ['Wert'], series: 'Ort' });
    expect(data.labels.map((l) => l.value)).to.deep.equal([2019, 2020, 2021]);
    expect(data.series.map(({ name, values }) => ({ name, values }))).to.deep.equal([
      { name: 'Bad Belzig', values: [8, 10, 12] },
      { name: 'Wiesenburg', values: [null, 4, null] },
    ]);
    // Each value knows the one row behind it (offen-select's record); a gap has none.
    expect(data.series[0].records.map((r) => r?.values.Jahr)).to.deep.equal([2019, 2020, 2021]);
    expect(data.series[1].records.map((r) => r?.values.Jahr)).to.deep.equal([undefined, 2020, 2021]);
  });

  it('aggregates rows sharing a label with sum, mean, min, max and count', () => {
    const rows = records([
      { k: 'A', v: 1 },
      { k: 'B', v: 5 },
      { k: 'A', v: 3 },
      { k: 'A', v: null },
    ]);
    const shape = (aggregate: 'sum' | 'mean' | 'min' | 'max' | 'count') =>
      shapeData(rows, { ...base, x: 'k', y: aggregate === 'count' ? [] : ['v'], aggregate }).series[0].values;
    expect(shape('sum')).to.deep.equal([4, 5]);
    expect(shape('mean')).to.deep.equal([2, 5]);
    expect(shape('min')).to.deep.equal([1, 5]);
    expect(shape('max')).to.deep.equal([3, 5]);
    expect(shape('count')).to.deep.equal([3, 1]);
  });

  it('takes the lowest and highest of a label of 300,000 rows, and "Sonstige" of a mean is the mean of all its rows', () => {
    const many = records(Array.from({ length: 300_000 }, (_, i) => ({ k: i % 3 ? 'A' : 'B', v: i % 1000 })));
    const shape = (aggregate: 'min' | 'max' | 'mean', limit?: number) =>
      shapeData(many, { ...base, x: 'k', y: ['v'], aggregate, limit }).series[0].values;
    expect(shape('min')).to.deep.equal([0, 0]);
    expect(shape('max')).to.deep.equal([999, 999]);
    const rows = records([
      { k: 'A', v: 10 },
      { k: 'B', v: 1 },
      { k: 'B', v: 2 },
      { k: 'C', v: 6 },
    ]);
    // B and C as "Sonstige": the mean of 1, 2 and 6, not the mean of the means (1.5 and 6).
    expect(shapeData(rows, { ...base, x: 'k', y: ['v'], aggregate: 'mean', limit: 1 }).series[0].values).to.deep.equal([
      10, 3,
    ]);
  });

  it('sorts by value both ways and by label, keeping labels without values last', () => {
    const rows = records([
      { k: 'Zeh', v: 2 },
      { k: 'Ahr', v: null },
      { k: 'Mit', v: -7 },
      { k: 'Bor', v: 9 },
    ]);
    const order = (sort: 'value' | '-value' | 'label') =>
      shapeData(rows, { ...base, x: 'k', y: ['v'], sort }).labels.map((l) => l.value);
    expect(order('value')).to.deep.equal(['Mit', 'Zeh', 'Bor', 'Ahr']);
    expect(order('-value')).to.deep.equal(['Bor', 'Zeh', 'Mit', 'Ahr']);
    expect(order('label')).to.deep.equal(['Ahr', 'Bor', 'Mit', 'Zeh']);
  });

  it('keeps `limit` labels and sums the rest into "Sonstige"', () => {
    const rows = records([
      { k: 'a', v: 1.1 },
      { k: 'b', v: 50 },
      { k: 'c', v: 2.2 },
      { k: 'd', v: 30 },
    ]);
    const data = shapeData(rows, { ...base, x: 'k', y: ['v'], sort: '-value', limit: 2 });
    expect(data.labels.map((l) => l.value)).to.deep.equal(['b', 'd', 'Sonstige']);
    expect(data.labels[2].other).to.equal(true);
    // 1,1 + 2,2 is exactly 3,3 (not 3.3000000000000003).
    expect(data.series[0].values).to.deep.equal([50, 30, 3.3]);
    expect(data.decimals).to.equal(1);
  });

  it('draws the largest labels by absolute value and "Sonstige" with `autoLimit`, keeping all for the table', () => {
    const rows = records([
      { k: 'a', v: 1, w: 1 },
      { k: 'b', v: -50, w: 0 },
      { k: 'c', v: 2, w: 1 },
      { k: 'a', v: 3, w: 1 },
      { k: 'd', v: 4, w: 30 },
      { k: 'e', v: 5, w: 0 },
    ]);
    const data = shapeData(rows, { ...base, x: 'k', y: ['v', 'w'], aggregate: 'mean', autoLimit: 2 });
    expect(data.labels.map((l) => l.value)).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
    // Sums over both series: a 4, b 50 (absolute), c 3, d 34, e 5; kept in the file's order, the rest last.
    expect(data.drawn!.labels.map((l) => l.value)).to.deep.equal(['b', 'd', 'Sonstige']);
    // "Sonstige" of a mean is the mean of the rest's rows (a, c, a, e): (1 + 2 + 3 + 5) / 4.
    expect(data.drawn!.series[0].values).to.deep.equal([-50, 4, 2.75]);
    // Ranked by the first series only (a pie), summed: b 50, e 5, then a and d with 4 each (the earlier one wins).
    const first = shapeData(rows, { ...base, x: 'k', y: ['v', 'w'], autoLimit: 3, rankSeries: 1 });
    expect(first.drawn!.labels.map((l) => l.value)).to.deep.equal(['a', 'b', 'e', 'Sonstige']);
    // Nothing is cut when one more label would do, with `limit`, or on an ordered axis (years, dates).
    expect(shapeData(rows, { ...base, x: 'k', y: ['v'], autoLimit: 4 }).drawn).to.equal(undefined);
    expect(shapeData(rows, { ...base, x: 'k', y: ['v'], autoLimit: 2, limit: 3 }).drawn).to.equal(undefined);
    expect(shapeData(long, { ...base, x: 'Jahr', y: ['Wert'], autoLimit: 1 }).drawn).to.equal(undefined);
  });

  it('filters with column=value (numbers in German notation, case-insensitive text) and column!=', () => {
    const rows = records([
      { Ort: 'Wiesenburg', Nr: 1, v: 1 },
      { Ort: 'wiesenburg', Nr: null, v: 2 },
      { Ort: 'Bad Belzig', Nr: 1234.5, v: 4 },
    ]);
    const sum = (filter: string) =>
      shapeData(rows, { ...base, x: 'Ort', y: ['v'], filter: parseFilter(filter) }).series[0].values;
    expect(sum('Ort=Wiesenburg')).to.deep.equal([1, 2]);
    expect(sum('Nr=1.234,5')).to.deep.equal([4]);
    expect(sum('Nr!=')).to.deep.equal([1, 4]);
    expect(parseFilter('ohne Gleichheitszeichen')).to.equal(undefined);
    expect(cellMatches(new Date(Date.UTC(2012, 11, 31)), '31.12.2012')).to.equal(true);
  });

  it('orders dates in time', () => {
    const rows = records([
      { d: new Date(Date.UTC(2012, 11, 31)), v: 3 },
      { d: new Date(Date.UTC(1994, 11, 31)), v: 1 },
      { d: new Date(Date.UTC(2000, 11, 31)), v: 2 },
    ]);
    const data = shapeData(rows, { ...base, x: 'd', y: ['v'], xType: 'date' });
    expect(data.series[0].values).to.deep.equal([1, 2, 3]);
  });

  it('finds the extremes and writes German and English CSV with formula-safe text', () => {
    const rows = records([
      { k: '=HYPERLINK("x")', v: -1.5 },
      { k: 'B; C', v: 2000 },
    ]);
    const data = shapeData(rows, { ...base, x: 'k', y: ['v'] });
    const ends = extremes(data)!;
    expect([ends.min.value, ends.max.value]).to.deep.equal([-1.5, 2000]);
    const text = (l: { value: unknown }) => String(l.value);
    expect(toCsv(data, 'k', text, 'de')).to.equal('k;v\r\n"\'=HYPERLINK(""x"")";-1,5\r\n"B; C";2000\r\n');
    expect(toCsv(data, 'k', text, 'en')).to.equal('k,v\r\n"\'=HYPERLINK(""x"")",-1.5\r\nB; C,2000\r\n');
  });
});
