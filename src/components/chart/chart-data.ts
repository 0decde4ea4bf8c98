import type { DataRecord, FieldType, Value } from '../../data/types.js';
import { getValue } from '../../data/mapping.js';
import { runAtOnce } from '../../shared/slices.js';

/**
 * Turns typed records into what a chart plots: one label per x value and one value list per series. Pure (no DOM,
 * no Chart.js), so pivoting, aggregation, sorting, "Other" and filtering are tested on their own and the table twin,
 * the CSV download and the canvas all show the very same numbers.
 */

export type Aggregate = 'sum' | 'mean' | 'count' | 'min' | 'max';
export type SortOrder = 'value' | '-value' | 'label';

export const AGGREGATES: readonly Aggregate[] = ['sum', 'mean', 'count', 'min', 'max'];
export const SORT_ORDERS: readonly SortOrder[] = ['value', '-value', 'label'];

/** `Ortsteil=Wiesenburg` keeps rows whose cell equals the value; `Nummer!=` keeps rows where the cell is not empty. */
export interface FilterCondition {
  column: string;
  value: string;
  negate: boolean;
}

/** Parses the `filter` attribute; undefined when it has no `=`. */
export function parseFilter(text: string | undefined | null): FilterCondition | undefined {
  const match = /^\s*([^=!]+?)\s*(!?=)\s*(.*?)\s*$/.exec(text ?? '');
  if (!match) return undefined;
  return { column: match[1], value: match[3], negate: match[2] === '!=' };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Whether a typed cell matches the text a webmaster wrote: numbers in either notation, dates as ISO or German. */
export function cellMatches(value: Value | undefined, wanted: string): boolean {
  if (value === null || value === undefined || value === '') return wanted === '';
  if (typeof value === 'number') {
    const normalized = /,\d*$/.test(wanted) ? wanted.replace(/\./g, '').replace(',', '.') : wanted;
    return wanted !== '' && Number(normalized) === value;
  }
  if (value instanceof Date) {
    const iso = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const de = `${pad(value.getUTCDate())}.${pad(value.getUTCMonth() + 1)}.${value.getUTCFullYear()}`;
    return wanted === iso || wanted === de || wanted === value.toISOString();
  }
  return String(value).trim().toLowerCase() === wanted.trim().toLowerCase();
}

export interface ShapeOptions {
  /** The label column. */
  x: string;
  /** Value columns (wide format), or the one value column of long format. Empty only with `aggregate: 'count'`. */
  y: readonly string[];
  /** Long format: the column naming each row's series. */
  series?: string;
  /** How several rows with the same label (and series) combine. Default `sum`. */
  aggregate?: Aggregate;
  sort?: SortOrder;
  /** Keep this many labels; the rest is combined into one `otherLabel` entry. */
  limit?: number;
  /**
   * Without `limit`: when there are more labels than this, `drawn` holds the largest this many (by the absolute
   * value of the ranked series' sum) in their usual order and the rest as `otherLabel`, while `labels` and `series`
   * keep every label (for the table and the download). Not for ordered labels (dates, numbers such as years).
   */
  autoLimit?: number;
  /** How many series (from the first) rank the labels for `autoLimit`; default all (a pie draws only the first). */
  rankSeries?: number;
  filter?: FilterCondition;
  /** "Sonstige" / "Other". */
  otherLabel: string;
  /** The type of the x field: dates are ordered in time, numbers (years) ascending. */
  xType?: FieldType;
  /** Locale for sorting labels alphabetically. */
  locale?: string;
  /** Name of the series when `aggregate="count"` has no value column. */
  countLabel?: string;
}

export interface PlotLabel {
  /** Grouping key: the x value as text (ISO for dates). */
  key: string;
  /** The x value itself (null: rows without a label). */
  value: string | number | Date | null;
  /** True for the combined rest after `limit`. */
  other?: boolean;
}

export interface PlotSeries {
  name: string;
  /** One value per label; null is a gap (no number in the data), never zero. */
  values: (number | null)[];
  /** Per label, the one row behind the value; undefined when several rows (or none) were combined. */
  records: (DataRecord | undefined)[];
}

export interface PlotData {
  labels: PlotLabel[];
  series: PlotSeries[];
  /** The most decimals any source value has (at most 4), to format all values alike. */
  decimals: number;
  /** Rows left after the filter. */
  rowCount: number;
  /** The labels are an ordered axis (dates, numbers such as years): thinned for drawing, never cut. */
  ordered?: boolean;
  /**
   * What the chart draws when it differs from the whole (`autoLimit`): the largest labels and "Sonstige". The table
   * and the download show `labels` and `series`.
   */
  drawn?: PlotData;
}

function labelOf(value: Value | undefined): { key: string; value: PlotLabel['value'] } {
  if (value === null || value === undefined || value === '') return { key: '\u0000', value: null };
  if (value instanceof Date) return { key: value.toISOString(), value };
  if (typeof value === 'number') return { key: String(value), value };
  if (typeof value === 'string') return { key: value.trim(), value: value.trim() };
  return { key: String(value), value: String(value) };
}

function decimalsOf(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
  const text = String(value);
  if (text.includes('e')) return 4;
  return Math.min(4, text.length - text.indexOf('.') - 1);
}

/**
 * One cell of the pivot: what its numbers add up to, their count, lowest and highest, and the number of rows that
 * fell into it. Running figures, not the numbers themselves: a million cells need no million arrays, and
 * `Math.max(...numbers)` of a cell of 500,000 rows overflowed the stack.
 */
interface Cell {
  sum: number;
  n: number;
  min: number;
  max: number;
  rows: number;
  /** The first row that fell into it. */
  first?: DataRecord;
}

const emptyCell = (first?: DataRecord): Cell => ({ sum: 0, n: 0, min: Infinity, max: -Infinity, rows: 0, first });

function addValue(cell: Cell, value: number): void {
  cell.sum += value;
  cell.n++;
  if (value < cell.min) cell.min = value;
  if (value > cell.max) cell.max = value;
}

/** `into` takes in `cell` ("Sonstige" of a mean is the mean of all the rest's numbers). */
function mergeCell(into: Cell, cell: Cell): void {
  into.sum += cell.sum;
  into.n += cell.n;
  into.min = Math.min(into.min, cell.min);
  into.max = Math.max(into.max, cell.max);
  into.rows += cell.rows;
}

/** Combines the numbers of one cell. An empty cell is null (a gap), except for `count`, which is 0. */
function aggregateCell(cell: Cell, aggregate: Aggregate): number | null {
  if (aggregate === 'count') return cell.rows;
  if (cell.n === 0) return null;
  switch (aggregate) {
    case 'sum':
      return cell.sum;
    case 'mean':
      return cell.sum / cell.n;
    case 'min':
      return cell.min;
    case 'max':
      return cell.max;
  }
}

/** Floating-point sums of decimal amounts (0,1 + 0,2) are rounded back to the data's own precision. */
function tidy(value: number | null, decimals: number): number | null {
  if (value === null) return null;
  const factor = 10 ** Math.min(decimals + 6, 12);
  return Math.round(value * factor) / factor;
}

/** Rows (or labels) between two points where shaping in slices may hand the main thread back (see steps()). */
export const SLICE_ROWS = 2000;

/** Filter, pivot, aggregation, sort and limit at once (see shapeSteps). */
export function shapeData(records: readonly DataRecord[], options: ShapeOptions): PlotData {
  return runAtOnce(shapeSteps(records, options));
}

/**
 * shapeData as steps: it yields every SLICE_ROWS rows or labels, so a caller can hand the main thread back between
 * slices (src/shared/slices.ts) and stop when its inputs change. Run to its end at once (`runAtOnce`), it is shapeData:
 * the same code gives the same numbers either way.
 */
export function* shapeSteps(records: readonly DataRecord[], options: ShapeOptions): Generator<void, PlotData, void> {
  const aggregate = options.aggregate ?? 'sum';
  const filter = options.filter;
  let rows: readonly DataRecord[] = records;
  if (filter) {
    const kept: DataRecord[] = [];
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      if (cellMatches(getValue(r, filter.column), filter.value) !== filter.negate) kept.push(r);
      if (i % SLICE_ROWS === SLICE_ROWS - 1) yield;
    }
    rows = kept;
  }

  const labels = new Map<string, PlotLabel>();
  const seriesNames: string[] = [];
  const seriesSeen = new Set<string>();
  const cells = new Map<string, Map<string, Cell>>(); // series → label key → cell
  let decimals = 0;

  const addSeries = (name: string) => {
    if (seriesSeen.has(name)) return;
    seriesSeen.add(name);
    seriesNames.push(name);
    cells.set(name, new Map());
  };
  const valueColumns = options.y.length ? options.y : [];
  if (!options.series) {
    if (valueColumns.length) valueColumns.forEach(addSeries);
    else addSeries(options.countLabel ?? 'count');
  }

  for (let index = 0; index < rows.length; index++) {
    if (index % SLICE_ROWS === SLICE_ROWS - 1) yield;
    const record = rows[index];
    const label = labelOf(getValue(record, options.x));
    if (!labels.has(label.key)) labels.set(label.key, label);
    const columns = valueColumns.length ? valueColumns : [undefined];
    for (const column of columns) {
      let name: string;
      if (options.series) {
        const raw = getValue(record, options.series);
        name = raw === null || raw === undefined ? '' : raw instanceof Date ? raw.toISOString() : String(raw).trim();
        if (valueColumns.length > 1) name = `${name} – ${column}`;
        addSeries(name);
      } else {
        name = column ?? options.countLabel ?? 'count';
      }
      const bySeries = cells.get(name)!;
      let cell = bySeries.get(label.key);
      if (!cell) bySeries.set(label.key, (cell = emptyCell(record)));
      cell.rows++;
      const value = column === undefined ? undefined : getValue(record, column);
      if (typeof value === 'number' && Number.isFinite(value)) {
        addValue(cell, value);
        decimals = Math.max(decimals, decimalsOf(value));
      }
    }
  }

  // Counts are whole numbers, whatever decimals the counted column has.
  if (aggregate === 'count') decimals = 0;
  let ordered = [...labels.values()];
  ordered = orderByLabel(ordered, options);

  const valueOf = (series: string, key: string): number | null => {
    const cell = cells.get(series)?.get(key);
    return tidy(cell ? aggregateCell(cell, aggregate) : aggregate === 'count' ? 0 : null, decimals);
  };

  if (options.sort === 'value' || options.sort === '-value') {
    const totals = new Map<string, number | null>();
    for (let i = 0; i < ordered.length; i++) {
      if (i % SLICE_ROWS === SLICE_ROWS - 1) yield;
      const l = ordered[i];
      const values = seriesNames.map((s) => valueOf(s, l.key)).filter((v): v is number => v !== null);
      totals.set(l.key, values.length ? values.reduce((a, b) => a + b, 0) : null);
    }
    const direction = options.sort === 'value' ? 1 : -1;
    // Stable sort; labels without any value go last either way.
    ordered = [...ordered].sort((a, b) => {
      const va = totals.get(a.key) ?? null;
      const vb = totals.get(b.key) ?? null;
      if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
      return (va - vb) * direction;
    });
  }

  const axisOrdered = isOrdered(ordered, options);
  /** The series over `kept`, with `rest` (if any) combined the same way as every other label into `otherLabel`. */
  const build = function* (kept: readonly PlotLabel[], rest: readonly PlotLabel[]): Generator<void, PlotData, void> {
    const series: PlotSeries[] = [];
    for (const name of seriesNames) {
      const bySeries = cells.get(name);
      const values: (number | null)[] = [];
      const records: (DataRecord | undefined)[] = [];
      for (let i = 0; i < kept.length; i++) {
        if (i % SLICE_ROWS === SLICE_ROWS - 1) yield;
        const cell = bySeries?.get(kept[i].key);
        values.push(valueOf(name, kept[i].key));
        records.push(cell?.rows === 1 ? cell.first : undefined);
      }
      if (rest.length) {
        // "Sonstige" of a mean is the rest's mean, of a sum their sum.
        const merged = emptyCell();
        for (let i = 0; i < rest.length; i++) {
          if (i % SLICE_ROWS === SLICE_ROWS - 1) yield;
          const cell = bySeries?.get(rest[i].key);
          if (cell) mergeCell(merged, cell);
        }
        values.push(tidy(aggregateCell(merged, aggregate), decimals));
        records.push(undefined);
      }
      series.push({ name, values, records });
    }
    const plotted: PlotLabel[] = rest.length
      ? [...kept, { key: '\u0001other', value: options.otherLabel, other: true }]
      : [...kept];
    return { labels: plotted, series, decimals, rowCount: rows.length, ordered: axisOrdered };
  };

  const limit = options.limit && options.limit > 0 ? Math.floor(options.limit) : undefined;
  if (limit !== undefined && ordered.length > limit) return yield* build(ordered.slice(0, limit), ordered.slice(limit));
  const whole = yield* build(ordered, []);
  const most = options.autoLimit && options.autoLimit > 0 ? Math.floor(options.autoLimit) : undefined;
  if (limit === undefined && most !== undefined && ordered.length > most + 1 && !axisOrdered) {
    const ranked = seriesNames.slice(0, options.rankSeries ?? seriesNames.length);
    const size: number[] = [];
    for (let i = 0; i < ordered.length; i++) {
      if (i % SLICE_ROWS === SLICE_ROWS - 1) yield;
      let total = 0;
      let any = false;
      for (const name of ranked) {
        const value = valueOf(name, ordered[i].key);
        if (value !== null) {
          total += value;
          any = true;
        }
      }
      size.push(any ? Math.abs(total) : -1);
    }
    // The largest `most` (ties: the earlier label), chosen in one pass without sorting every label; the kept ones stay
    // in their order, "Sonstige" last.
    const top: number[] = []; // indices, largest first
    for (let i = 0; i < size.length; i++) {
      if (i % SLICE_ROWS === SLICE_ROWS - 1) yield;
      const value = size[i];
      if (top.length === most && value <= size[top[most - 1]]) continue;
      let at = top.length;
      while (at > 0 && size[top[at - 1]] < value) at--;
      top.splice(at, 0, i);
      if (top.length > most) top.pop();
    }
    const chosen = new Set(top);
    const kept: PlotLabel[] = [];
    const rest: PlotLabel[] = [];
    for (let i = 0; i < ordered.length; i++) {
      if (i % SLICE_ROWS === SLICE_ROWS - 1) yield;
      (chosen.has(i) ? kept : rest).push(ordered[i]);
    }
    whole.drawn = yield* build(kept, rest);
  }
  return whole;
}

/** Dates and numbers (years) are an ordered axis: it is thinned for drawing, never cut into "Sonstige". */
function isOrdered(labels: readonly PlotLabel[], options: ShapeOptions): boolean {
  if (options.xType === 'date' || options.xType === 'number') return true;
  const values = labels.filter((l) => l.value !== null);
  return (
    values.length > 0 &&
    (values.every((l) => l.value instanceof Date) || values.every((l) => typeof l.value === 'number'))
  );
}

/** Dates in time order, numbers (years) ascending, `sort="label"` alphabetically; otherwise the file's order. */
function orderByLabel(labels: PlotLabel[], options: ShapeOptions): PlotLabel[] {
  const collator = new Intl.Collator(options.locale ?? 'de', { numeric: true, sensitivity: 'base' });
  const missingLast = (a: PlotLabel, b: PlotLabel) => (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0);
  const allDates = labels.every((l) => l.value === null || l.value instanceof Date);
  const allNumbers = labels.every((l) => l.value === null || typeof l.value === 'number');
  if (options.xType === 'date' || (allDates && labels.some((l) => l.value instanceof Date))) {
    return [...labels].sort((a, b) => missingLast(a, b) || timeOf(a) - timeOf(b));
  }
  if (options.sort === 'label') {
    return [...labels].sort((a, b) => missingLast(a, b) || collator.compare(String(a.value), String(b.value)));
  }
  if (allNumbers && labels.some((l) => typeof l.value === 'number')) {
    return [...labels].sort((a, b) => missingLast(a, b) || (a.value as number) - (b.value as number));
  }
  return labels;
}

function timeOf(label: PlotLabel): number {
  return label.value instanceof Date ? label.value.getTime() : Number.POSITIVE_INFINITY;
}

/** Highest and lowest plotted value with their labels, for the text summary. */
export function extremes(data: PlotData):
  | {
      min: { value: number; label: PlotLabel; series: string };
      max: { value: number; label: PlotLabel; series: string };
    }
  | undefined {
  let min: { value: number; label: PlotLabel; series: string } | undefined;
  let max: typeof min;
  for (const series of data.series) {
    series.values.forEach((value, i) => {
      if (value === null) return;
      if (!min || value < min.value) min = { value, label: data.labels[i], series: series.name };
      if (!max || value > max.value) max = { value, label: data.labels[i], series: series.name };
    });
  }
  return min && max ? { min, max } : undefined;
}

/** Text of one CSV cell; text that a spreadsheet would run as a formula gets a leading apostrophe. */
function csvCell(text: string, delimiter: string): string {
  let safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  if (safe.includes(delimiter) || /["\r\n]/.test(safe)) safe = `"${safe.replace(/"/g, '""')}"`;
  return safe;
}

/**
 * The plotted values as CSV: German (`;`, decimal comma) or English (`,`, decimal point), without thousands
 * separators so spreadsheets read the numbers back. `labelText` turns a label into its shown text.
 */
export function toCsv(
  data: PlotData,
  header: string,
  labelText: (label: PlotLabel) => string,
  lang: 'de' | 'en',
): string {
  const delimiter = lang === 'de' ? ';' : ',';
  const number = (value: number | null) => {
    if (value === null) return '';
    const text = String(Number(value.toFixed(Math.max(data.decimals, 0) + 6)));
    return lang === 'de' ? text.replace('.', ',') : text;
  };
  const lines = [[header, ...data.series.map((s) => s.name)].map((c) => csvCell(c, delimiter)).join(delimiter)];
  data.labels.forEach((label, i) => {
    const cells = [csvCell(labelText(label), delimiter), ...data.series.map((s) => number(s.values[i]))];
    lines.push(cells.join(delimiter));
  });
  return lines.join('\r\n') + '\r\n';
}
