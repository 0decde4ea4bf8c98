import { html, nothing } from 'lit';
import type { Lang } from '../../data/types.js';
import { extremes, toCsv, type PlotData } from './chart-data.js';
import type { ChartType } from './chart-engine.js';
import type { ChartFormat } from './chart-format.js';
import type { Columns } from './chart-shape.js';
import type { chartStrings } from './offen-chart.strings.js';

/**
 * The chart's accessible twin: the same values as a sentence (the canvas's accessible name), as a table and as
 * files to download (CSV of the values, PNG of the picture). Everything here reads what is plotted, nothing else.
 */

/** What is on display: the plotted values (a circular chart keeps only its first series) and how to write them. */
export interface ChartView {
  /** What the canvas draws: every label, or the largest ones and "Sonstige" (PlotData.drawn). */
  plot: PlotData;
  /** Every label and value: the table, the download and the summary read these. */
  all: PlotData;
  columns: Columns;
  type: ChartType;
  format: ChartFormat;
  t: (typeof chartStrings)['de'];
  lang: Lang;
  heading?: string;
}

/** A column's name as a heading: its own spelling, with a capital first letter (`kategorie` → `Kategorie`). */
export const columnName = (name: string) => name.charAt(0).toLocaleUpperCase() + name.slice(1);

/** The canvas's accessible name: type, series, range, highest and lowest. */
export function chartSummary({ all: plot, columns, type, format, t }: ChartView): string {
  const series = plot.series;
  const names = series.map((s) => s.name);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} ${t.and} ${names.at(-1)}` : (names[0] ?? '');
  const text = t.summary(
    t.typeName(type),
    list,
    columnName(columns.xLabel ?? columns.x),
    plot.labels.length,
    series.length,
  );
  const ends = extremes(plot);
  if (!ends) return `${text} ${t.noValues}`;
  const name = (e: typeof ends.max) => format.label(e.label) + (series.length > 1 ? ` – ${e.series}` : '');
  return (
    text +
    t.range(format.value(ends.min.value), format.value(ends.max.value)) +
    t.highest(name(ends.max), format.value(ends.max.value)) +
    t.lowest(name(ends.min), format.value(ends.min.value))
  );
}

/** Rows of the table shown at once; "Weitere … Zeilen" adds as many (a chart of 100,000 labels stays usable). */
export const TABLE_PAGE = 200;

/** The table's rows on display and how to show more (src/shared/paging-controller.ts). */
export interface TableRows {
  shown: number;
  more: () => void;
  moreLabel: (n: number) => string;
}

/**
 * The values as a table with caption and header cells, in a focusable region (it may scroll sideways). Its rows
 * come a page at a time: every value is there, behind "Weitere … Zeilen", and in the CSV download.
 */
export function renderChartTable({ all: plot, columns, format, t, heading }: ChartView, rows?: TableRows) {
  const shown = rows ? Math.min(rows.shown, plot.labels.length) : plot.labels.length;
  const rest = plot.labels.length - shown;
  const title = heading || plot.series.map((s) => s.name).join(', ');
  return html`<div class="table-wrap" id="table" part="table" role="region" aria-label=${t.tableOf} tabindex="0">
    <table>
      <caption>
        ${t.tableCaption(title)}
      </caption>
      <thead>
        <tr>
          <th scope="col">${columnName(columns.xLabel ?? columns.x)}</th>
          ${plot.series.map((s) => html`<th scope="col" class="number">${s.name}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${plot.labels.slice(0, shown).map(
          (label, i) =>
            html`<tr>
              <th scope="row" tabindex="-1">${format.label(label)}</th>
              ${plot.series.map((s) => html`<td>${format.value(s.values[i])}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
    ${
      rows && rest > 0
        ? html`<button type="button" class="offen-button secondary" part="more-rows" @click=${rows.more}>
            ${rows.moreLabel(Math.min(rest, TABLE_PAGE))}
          </button>`
        : nothing
    }
  </div>`;
}

/** The plotted values as CSV text (German notation when the page is German). */
export function chartCsv({ all: plot, columns, format, lang }: ChartView): string {
  return toCsv(plot, columns.xLabel ?? columns.x, (l) => format.label(l), lang);
}

/** A file name from the heading (or the value columns): `haushalt-2026.csv`. */
function fileName({ heading, columns }: ChartView, extension: string): string {
  const base = (heading || columns.y.join('-') || 'diagramm')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return `${base || 'diagramm'}.${extension}`;
}

function download(href: string, name: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.rel = 'noopener';
  link.click();
}

export function downloadCsv(view: ChartView): void {
  // A BOM lets Excel open UTF-8 with umlauts correctly.
  const blob = new Blob(['\ufeff' + chartCsv(view)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  download(url, fileName(view, 'csv'));
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadPng(view: ChartView, png: string | undefined): void {
  if (png) download(png, fileName(view, 'png'));
}
