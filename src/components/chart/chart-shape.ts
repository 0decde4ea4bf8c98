import { DataError } from '../../data/errors.js';
import { fieldLabel, mapRoles, type RoleSpec } from '../../data/mapping.js';
import type { DataRecord, Dataset, Field } from '../../data/types.js';
import { splitList } from '../../shared/filter-controller.js';
import { runAtOnce } from '../../shared/slices.js';
import {
  AGGREGATES,
  SORT_ORDERS,
  parseFilter,
  shapeSteps,
  SLICE_ROWS,
  type Aggregate,
  type PlotData,
  type SortOrder,
} from './chart-data.js';
import { isCircular, type ChartType } from './chart-engine.js';
import type { chartStrings } from './offen-chart.strings.js';

/**
 * From the chart's attributes and its dataset to the values it plots: which columns (named or auto-detected), then
 * filter, pivot, aggregation, sort and limit. No DOM here; the element derives this once per change.
 */

type ChartStrings = (typeof chartStrings)['de'];

/** The chart's columns after attributes and auto-detection. */
export interface Columns {
  x: string;
  y: string[];
  series?: string;
  /** How the table, summary and download head the x column: its alias (ArcGIS), else its name. */
  xLabel?: string;
}

/** What the chart derives from its dataset: the plotted values and the columns they came from. */
export interface Shaped {
  plot: PlotData;
  columns: Columns;
}

/** The attributes that decide what is plotted (the element's own, as written on the page). */
export interface ShapeAttributes {
  x?: string;
  y?: string;
  series?: string;
  aggregate?: Aggregate;
  sort?: SortOrder;
  limit?: number;
  filter?: string;
  category?: string;
}

/**
 * How many categories a chart draws by itself before the rest becomes "Sonstige" (README, "Big and hostile data"):
 * a pie or doughnut 8 (the palette has eight colours; beyond them slices repeat colours and turn into slivers), bars
 * and columns 30 (labels stay readable and comparable; 30 bars with two-line labels are about 900 px tall).
 */
export const AUTO_LIMIT = { circle: 8, bars: 30 } as const;
/** From this many rows on, the chart shapes its data in slices that hand the main thread back (slices.ts). */
export const SLICE_THRESHOLD = 50_000;
/** The threshold in use (tests set it to 0 or Infinity to compare both paths). */
export const shapeSlicing = { threshold: SLICE_THRESHOLD };

/** `limit="0"` switches the automatic limit off, but a chart still draws at most this many bars or slices. */
export const MARK_CAP = 1000;

/**
 * The automatic limit for a chart type when `limit` is not set (`limit="0"`: only MARK_CAP); none for lines and areas,
 * whose labels follow one another (they are thinned for drawing instead).
 */
export function autoLimitOf(type: ChartType, limit: number | undefined): number | undefined {
  if (type === 'line' || type === 'area') return undefined;
  if (limit === 0) return MARK_CAP;
  return isCircular(type) ? AUTO_LIMIT.circle : AUTO_LIMIT.bars;
}

function resolveColumns(dataset: Dataset, attributes: ShapeAttributes): Columns {
  const fields = dataset.fields;
  const url = dataset.meta.url;
  const { aggregate } = attributes;
  const yNames = splitList(attributes.y);
  const specs: Record<string, RoleSpec> = { x: { candidates: [] }, series: { candidates: [] } };
  const overrides: Record<string, string | undefined> = { x: attributes.x, series: attributes.series };
  yNames.forEach((name, i) => {
    specs[`y${i}`] = { candidates: [] };
    overrides[`y${i}`] = name;
  });
  const filter = parseFilter(attributes.filter);
  if (attributes.filter?.trim() && !filter) {
    throw new DataError('mapping', `filter "${attributes.filter}" is not of the form column=value`, {
      url,
      role: 'filter-syntax',
      fields: fields.map((f) => f.name),
    });
  }
  if (filter) {
    specs.filter = { candidates: [] };
    overrides.filter = filter.column;
  }
  // mapRoles checks that every named column exists and lists the real ones in its error.
  const roles = mapRoles(fields, specs, overrides, url);
  const firstOf = (types: Field['type'][], except: string[]) =>
    fields.find((f) => types.includes(f.type) && !except.includes(f.name))?.name;
  const x = roles.x ?? firstOf(['string', 'date'], [roles.series ?? '']) ?? fields[0]?.name;
  let y = yNames;
  if (!y.length && aggregate !== 'count') {
    const found = firstOf(['number'], [x, roles.series ?? '']);
    if (!found) {
      throw new DataError('mapping', `No number column; fields: ${fields.map((f) => f.name).join(', ')}`, {
        url,
        role: 'y',
        fields: fields.map((f) => f.name),
      });
    }
    y = [found];
  }
  return { x, y, series: roles.series };
}

/** Filter, pivot, aggregation, sort and limit: the values the chart, table and downloads show. */
export function shapeChart(
  dataset: Dataset,
  attributes: ShapeAttributes,
  t: ChartStrings,
  locale: string,
  type: ChartType = 'bar',
): Shaped {
  return runAtOnce(shapeChartSteps(dataset, attributes, t, locale, type));
}

/** shapeChart as steps that yield between slices of rows (see shapeSteps in chart-data.ts). */
export function* shapeChartSteps(
  dataset: Dataset,
  attributes: ShapeAttributes,
  t: ChartStrings,
  locale: string,
  type: ChartType = 'bar',
): Generator<void, Shaped, void> {
  const columns = resolveColumns(dataset, attributes);
  const categories = splitList(attributes.category);
  let records = dataset.records;
  if (categories.length) {
    const wanted = new Set(categories);
    const inCategories: DataRecord[] = [];
    for (let i = 0; i < records.length; i++) {
      if (i % SLICE_ROWS === SLICE_ROWS - 1) yield;
      if (wanted.has(String(records[i].values[columns.x] ?? '').trim())) inCategories.push(records[i]);
    }
    // A shared filter whose categories are none of this chart's labels was meant for another column: ignore it.
    if (inCategories.length) records = inCategories;
  }
  const plot = yield* shapeSteps(records, {
    x: columns.x,
    y: columns.y,
    series: columns.series,
    aggregate: AGGREGATES.includes(attributes.aggregate!) ? attributes.aggregate : undefined,
    sort: SORT_ORDERS.includes(attributes.sort!) ? attributes.sort : undefined,
    limit: attributes.limit,
    autoLimit: autoLimitOf(type, Number.isFinite(attributes.limit) ? attributes.limit : undefined),
    rankSeries: isCircular(type) ? 1 : undefined,
    filter: parseFilter(attributes.filter),
    otherLabel: t.other,
    countLabel: t.count,
    xType: dataset.fields.find((f) => f.name === columns.x)?.type,
    locale,
  });
  // Value columns as series are shown by their alias; series named by a column's values keep those values.
  if (!columns.series) {
    const named = (data: PlotData) => {
      data.series = data.series.map((s) => ({ ...s, name: fieldLabel(dataset.fields, s.name) }));
    };
    named(plot);
    if (plot.drawn) named(plot.drawn);
  }
  return { plot, columns: { ...columns, xLabel: fieldLabel(dataset.fields, columns.x) } };
}

/** What to change when a column attribute names no column of the data (or `filter` cannot be read). */
export function mappingMessage(error: DataError, attributes: ShapeAttributes, t: ChartStrings): string {
  const fields = (error.fields ?? []).join(', ');
  const role = error.role ?? '';
  if (role === 'filter-syntax') return t.badFilter(attributes.filter ?? '');
  const attribute = role.startsWith('y') ? 'y' : role;
  const wanted = { x: attributes.x, series: attributes.series, filter: parseFilter(attributes.filter)?.column }[role];
  const column = attribute === 'y' ? splitList(attributes.y)[Number(role.slice(1))] : wanted;
  return column ? t.missingColumn(column, attribute, fields) : t.noNumberColumn(fields);
}
