import { deepArrayEquals } from '@lit/task/deep-equals.js';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DataError } from '../../data/errors.js';
import { mapRoles, type RoleSpec } from '../../data/mapping.js';
import type { DataRecord, Dataset, Field } from '../../data/types.js';
import { DataController } from '../../shared/data-controller.js';
import { headingLevel } from '../../shared/heading.js';
import type { SelectDetail } from '../../shared/events.js';
import { derive } from '../../shared/derive.js';
import { FilterController, splitList } from '../../shared/filter-controller.js';
import { safeWebUrl } from '../../shared/safe-url.js';
import { OffenSourceElement } from '../../shared/source-element.js';
import { renderEmpty, renderError, renderLoading } from '../../shared/states.js';
import { hostStyles } from '../../shared/theme.js';
import {
  AGGREGATES,
  SORT_ORDERS,
  extremes,
  parseFilter,
  shapeData,
  toCsv,
  type Aggregate,
  type PlotData,
  type PlotLabel,
  type SortOrder,
} from './chart-data.js';
import {
  CHART_TYPES,
  createChart,
  isCircular,
  type ChartHandle,
  type ChartTheme,
  type ChartType,
  type EngineInput,
} from './chart-engine.js';
import { ChartFormat } from './chart-format.js';
import { chartStyles } from './offen-chart.styles.js';
import { chartStrings } from './offen-chart.strings.js';

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies; ordered for contrast on white. */
const PALETTE_LIGHT = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#000000', '#f0e442'];
/** The same hues, ordered for contrast on a dark background. */
const PALETTE_DARK = ['#56b4e9', '#e69f00', '#009e73', '#cc79a7', '#f0e442', '#d55e00', '#ffffff', '#0072b2'];

/**
 * What the chart's `offen-select` carries: `id` is the label's key (ISO for dates), `record` the one row behind the
 * value (none when rows were combined), with the label as shown, its series and value.
 */
export interface ChartSelectDetail extends SelectDetail {
  label: string;
  series: string;
  value: number | null;
  index: number;
}

/** The chart's columns after attributes and auto-detection. */
interface Columns {
  x: string;
  y: string[];
  series?: string;
}

/** What the chart derives from its dataset: the plotted values and the columns they came from. */
interface Shaped {
  plot: PlotData;
  columns: Columns;
}

const isChartType = (value: unknown): value is ChartType => CHART_TYPES.includes(value as ChartType);

/**
 * A chart of open data that a citizen understands and a screen-reader user can read: bar, line, area, pie and
 * doughnut charts drawn with Chart.js (loaded only when a chart appears), inside a `<figure>` with heading,
 * description and source line, a button that shows the same values as an accessible table, and downloads of the
 * plotted data (CSV) and the picture (PNG). The chart takes the keyboard focus: arrow keys, Home and End go through
 * the values with their tooltip (announced to screen readers), Enter selects one as a click does, Escape lets go.
 *
 * @tag offen-chart
 * @summary Chart of a CSV/JSON dataset, with a table twin, source line and downloads.
 *
 * @attr src - URL of the data, e.g. `haushalt.csv`. Without it, the data of a parent `<offen-data>` is shown.
 *
 * @fires {CustomEvent<LoadDetail>} offen-load - The data loaded (detail: record count, format, meta).
 * @fires {CustomEvent<DataError>} offen-error - Loading failed or a column does not exist (detail: the DataError).
 * @fires {CustomEvent<ChartSelectDetail>} offen-select - A bar, point or slice was clicked or chosen with Enter (detail: `id`, the `record` when one row makes the value, label, series, value, index).
 * @fires {CustomEvent<RenderDetail>} offen-render - The chart has been drawn completely (after its animation).
 *
 * @csspart figure - The `<figure>` around everything.
 * @csspart heading - The heading.
 * @csspart note - Why the chart is drawn as it is (columns instead of a pie with negative values).
 * @csspart canvas - The box holding the chart canvas.
 * @csspart source - The source line.
 * @csspart actions - The row of buttons (table, downloads).
 * @csspart table - The data table.
 * @csspart state - Loading, empty and error messages.
 *
 * @cssprop [--offen-font=system-ui, sans-serif] - Font of the text and of the chart's labels.
 * @cssprop [--offen-text-color=#1a1a1a] - Text and axis label colour.
 * @cssprop [--offen-muted-color=#595959] - Description and source line.
 * @cssprop [--offen-accent=#005ea8] - Buttons and links.
 * @cssprop [--offen-surface=#ffffff] - Background (also of the PNG download).
 * @cssprop [--offen-chart-grid-color=#d5dade] - Grid lines.
 * @cssprop [--offen-chart-grid-color-dark=#434b55] - Grid lines in dark mode.
 * @cssprop [--offen-chart-palette] - Series colours, comma-separated (`#005ea8, #e69f00`); the `colors` attribute wins.
 * @cssprop [--offen-chart-height=20rem] - Height of the chart area (the width follows the container).
 */
export class OffenChart extends OffenSourceElement {
  static override styles = [hostStyles, chartStyles];

  /** Chart type: `bar`, `horizontal-bar`, `stacked-bar`, `line`, `area`, `pie` or `doughnut`. */
  @property({ reflect: true }) type: ChartType = 'bar';

  /** Label column, e.g. `Produktbereich`. Default: the first text or date column. */
  @property() x?: string;

  /** Value column(s), comma-separated, e.g. `Ansatz 2025, Ansatz 2026`. Default: the first number column. */
  @property() y?: string;

  /** Long format: the column that names each row's series (e.g. `Einrichtung`); its values become series. */
  @property() series?: string;

  /** How rows with the same label combine: `sum` (default), `mean`, `count` (needs no `y`), `min`, `max`. */
  @property() aggregate?: Aggregate;

  /** Order of the labels: `value` (ascending), `-value` (largest first), `label` (alphabetical). */
  @property() sort?: SortOrder;

  /** Show at most this many labels; the rest is combined into "Sonstige" ("Other"). */
  @property({ type: Number }) limit?: number;

  /** One slice of the data: `Spalte=Wert` keeps matching rows, `Spalte!=` rows where the column is not empty. */
  @property() filter?: string;

  /** Unit after each number: `€`, `%`, `t` or any text. Default: the unit found in the value column, if any. */
  @property() unit?: string;

  /** Decimal places of every number. Default: as many as the data has. */
  @property({ type: Number }) decimals?: number;

  /** Heading of the figure, e.g. `Haushalt 2026 nach Produktbereichen`. */
  @property() heading?: string;

  /** Level of the heading (2–6). Default 3. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel?: number;

  /** A sentence below the heading: what the chart shows and what to look for. */
  @property() description?: string;

  /** Name of the data's publisher for the source line, e.g. `Stadt Bad Belzig`. Default: the data URL's host. */
  @property({ attribute: 'source-label' }) sourceLabel?: string;

  /** Link of the source line (e.g. the open data portal's page). Default: the data URL. */
  @property({ attribute: 'source-url' }) sourceUrl?: string;

  /** Series colours, comma-separated CSS colours. Default: a colour-blind-safe palette. */
  @property() colors?: string;

  /**
   * `light`, `dark`, or `auto` to follow the reader's system setting. Without it the chart follows the page's CSS
   * `color-scheme` (dark when the page declares `dark`).
   */
  @property({ reflect: true }) theme?: 'light' | 'dark' | 'auto';

  /**
   * Linked filter: only labels (x values) in this comma-separated list; shared with a parent `<offen-data>`, so a
   * category chosen in a map narrows the chart. Ignored when none of the categories is a label of this chart.
   */
  @property({ reflect: true }) category?: string;

  /** Draw without animation (always so under `prefers-reduced-motion: reduce`). */
  @property({ type: Boolean, attribute: 'no-animation' }) noAnimation = false;

  @state() private tableOpen = false;

  /** The value the keyboard points at, as an index into keyboardPoints(); -1 for none. */
  @state() private pointed = -1;

  private readonly data = new DataController(this, {
    source: () => this.sourceDescription(),
    refresh: () => this.refresh,
    localize: this.localize,
  });

  /** The plotted values, shaped again when the dataset, a shaping attribute or the locale changes. */
  private readonly shaped = derive(this.data, {
    args: () =>
      [
        this.x,
        this.y,
        this.series,
        this.aggregate,
        this.sort,
        this.limit,
        this.filter,
        this.category,
        this.localize.locale,
      ] as const,
    build: (dataset) => this.shape(dataset),
  });

  protected readonly filterController = new FilterController(this, ['category']);

  /** The shaped values on display as of the last update, to notice when they change. */
  private lastShaped?: Shaped;
  /** Chart.js failed to load or draw. */
  @state() private engineError?: DataError;
  private handle?: ChartHandle;
  private creating?: Promise<void>;
  private generation = 0;
  private readonly darkQuery = matchMedia('(prefers-color-scheme: dark)');
  private readonly onSchemeChange = () => this.theme !== 'dark' && this.theme !== 'light' && this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    this.darkQuery.addEventListener('change', this.onSchemeChange);
    // Moved in the page (disconnected, then connected again): the chart was destroyed and is drawn anew.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.darkQuery.removeEventListener('change', this.onSchemeChange);
    this.destroyChart();
  }

  /** The values currently plotted (labels, series), after filter, pivot, aggregation, sort and limit. */
  get plotData(): PlotData | undefined {
    return this.plot;
  }

  private get plot(): PlotData | undefined {
    return this.shaped.value?.plot;
  }

  private get columns(): Columns | undefined {
    return this.shaped.value?.columns;
  }

  /** The Chart.js instance, once drawn. */
  get chart(): ChartHandle['chart'] | undefined {
    return this.handle?.chart;
  }

  /** Resolves when the data has loaded (or failed) and the chart, if any, is drawn. */
  get renderComplete(): Promise<void> {
    return (async () => {
      // Loading, rendering and Chart.js creation follow one another; wait until none is left to do.
      for (let round = 0; round < 20; round++) {
        await this.updateComplete;
        await this.data.taskComplete;
        const settled = await this.updateComplete;
        if (this.creating) {
          await this.creating;
          continue;
        }
        if (settled && this.data.state !== 'pending') return;
      }
    })();
  }

  /** The type asked for; `bar` when the attribute is missing or unknown. */
  private get requestedType(): ChartType {
    return isChartType(this.type) ? this.type : 'bar';
  }

  /**
   * A pie or doughnut draws a negative value as a slice as large as a positive one (budget data has them: revenue
   * as negative expense), so such data is drawn as columns, with a note that says why.
   */
  private get circleRefused(): boolean {
    return isCircular(this.requestedType) && !!this.plot?.series[0]?.values.some((v) => v !== null && v < 0);
  }

  private get chartType(): ChartType {
    return this.circleRefused ? 'bar' : this.requestedType;
  }

  /** `theme` decides; without it, the page's own `color-scheme` (`dark`, or `light dark` with the system setting). */
  private get isDark(): boolean {
    if (this.theme === 'dark') return true;
    if (this.theme === 'auto') return this.darkQuery.matches;
    if (this.theme === 'light') return false;
    const scheme = getComputedStyle(this).colorScheme ?? '';
    if (!scheme.includes('dark')) return false;
    return scheme.includes('light') ? this.darkQuery.matches : true;
  }

  // ---- data shaping -------------------------------------------------------------------------------------------

  private resolveColumns(dataset: Dataset): Columns {
    const fields = dataset.fields;
    const url = dataset.meta.url;
    const aggregate = this.aggregate;
    const yNames = splitList(this.y);
    const specs: Record<string, RoleSpec> = { x: { candidates: [] }, series: { candidates: [] } };
    const overrides: Record<string, string | undefined> = { x: this.x, series: this.series };
    yNames.forEach((name, i) => {
      specs[`y${i}`] = { candidates: [] };
      overrides[`y${i}`] = name;
    });
    const filter = parseFilter(this.filter);
    if (this.filter?.trim() && !filter) {
      throw new DataError('mapping', `filter "${this.filter}" is not of the form column=value`, {
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
  private shape(dataset: Dataset): Shaped {
    const t = this.localize.t(chartStrings);
    const columns = this.resolveColumns(dataset);
    const categories = splitList(this.category);
    const inCategories = (r: DataRecord) => categories.includes(String(r.values[columns.x] ?? '').trim());
    // A shared filter whose categories are none of this chart's labels was meant for another column: ignore it.
    const records =
      categories.length && dataset.records.some(inCategories) ? dataset.records.filter(inCategories) : dataset.records;
    const plot = shapeData(records, {
      x: columns.x,
      y: columns.y,
      series: columns.series,
      aggregate: AGGREGATES.includes(this.aggregate!) ? this.aggregate : undefined,
      sort: SORT_ORDERS.includes(this.sort!) ? this.sort : undefined,
      limit: this.limit,
      filter: parseFilter(this.filter),
      otherLabel: t.other,
      countLabel: t.count,
      xType: dataset.fields.find((f) => f.name === columns.x)?.type,
      locale: this.localize.locale,
    });
    return { plot, columns };
  }

  // ---- formatting ---------------------------------------------------------------------------------------------

  /** Numbers and labels in the page's notation, with the unit and decimals of the data (chart-format.ts). */
  private readonly notation = new ChartFormat(() => ({
    unit: this.unit,
    decimals: this.decimals,
    aggregate: this.aggregate,
    fields: this.data.dataset?.fields ?? [],
    y: this.columns?.y ?? [],
    dataDecimals: this.plot?.decimals ?? 0,
    locale: this.localize.locale,
    lang: this.localize.lang,
    strings: this.localize.t(chartStrings),
  }));

  /** A value as the table and tooltips show it: `1.234,56 €`. */
  formatValue(value: number | null): string {
    return this.notation.value(value);
  }

  /** A label as shown on the axis and in the table: dates in the page's notation, years without grouping. */
  labelText(label: PlotLabel): string {
    return this.notation.label(label);
  }

  /** The plotted series: circular charts show only the first. */
  private plottedSeries(plot: PlotData): PlotData['series'] {
    return isCircular(this.chartType) ? plot.series.slice(0, 1) : plot.series;
  }

  /** The canvas's accessible name: type, series, range, highest and lowest. */
  summary(): string {
    const plot = this.plot;
    const t = this.localize.t(chartStrings);
    if (!plot || !this.columns) return '';
    const series = this.plottedSeries(plot);
    const shown = { ...plot, series };
    const names = series.map((s) => s.name);
    const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} ${t.and} ${names.at(-1)}` : (names[0] ?? '');
    let text = t.summary(t.typeName(this.chartType), list, this.columns.x, plot.labels.length);
    const ends = extremes(shown);
    if (!ends) return `${text} ${t.noValues}`;
    const name = (e: typeof ends.max) => this.labelText(e.label) + (series.length > 1 ? ` – ${e.series}` : '');
    text += t.range(this.formatValue(ends.min.value), this.formatValue(ends.max.value));
    text += t.highest(name(ends.max), this.formatValue(ends.max.value));
    text += t.lowest(name(ends.min), this.formatValue(ends.min.value));
    return text;
  }

  /** The plotted values as CSV text (German notation when the page is German). */
  toCsv(): string {
    if (!this.plot || !this.columns) return '';
    const plot = { ...this.plot, series: this.plottedSeries(this.plot) };
    return toCsv(plot, this.columns.x, (l) => this.labelText(l), this.localize.lang);
  }

  /** The chart as a PNG data URL, or undefined before it is drawn. */
  toPng(): string | undefined {
    return this.handle?.toPng();
  }

  private fileName(extension: string): string {
    const base = (this.heading || this.columns?.y.join('-') || 'diagramm')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\w-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 60);
    return `${base || 'diagramm'}.${extension}`;
  }

  private download(href: string, name: string): void {
    const link = document.createElement('a');
    link.href = href;
    link.download = name;
    link.rel = 'noopener';
    link.click();
  }

  private downloadCsv(): void {
    // A BOM lets Excel open UTF-8 with umlauts correctly.
    const blob = new Blob(['\ufeff' + this.toCsv()], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    this.download(url, this.fileName('csv'));
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private downloadPng(): void {
    const png = this.toPng();
    if (png) this.download(png, this.fileName('png'));
  }

  // ---- rendering ----------------------------------------------------------------------------------------------

  override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const shaped = this.shaped.value;
    if (shaped !== this.lastShaped) {
      this.lastShaped = shaped;
      this.pointed = -1;
      this.engineError = undefined;
    }
  }

  private mappingMessage(error: DataError): string {
    const t = this.localize.t(chartStrings);
    const fields = (error.fields ?? []).join(', ');
    const role = error.role ?? '';
    if (role === 'filter-syntax') return t.badFilter(this.filter ?? '');
    const attribute = role.startsWith('y') ? 'y' : role;
    const wanted = { x: this.x, series: this.series, filter: parseFilter(this.filter)?.column }[role];
    const column = attribute === 'y' ? splitList(this.y)[Number(role.slice(1))] : wanted;
    return column ? t.missingColumn(column, attribute, fields) : t.noNumberColumn(fields);
  }

  private renderHeading() {
    if (!this.heading) return nothing;
    const level = headingLevel(this.headingLevel);
    return html`<div class="heading" part="heading" role="heading" aria-level=${level}>${this.heading}</div>`;
  }

  private renderSource(dataset: Dataset) {
    const t = this.localize.t(chartStrings);
    const dataUrl = safeWebUrl(dataset.meta.url || this.src);
    const href = safeWebUrl(this.sourceUrl) ?? dataUrl;
    let label = this.sourceLabel?.trim();
    if (!label) {
      try {
        label = new URL(href ?? dataset.meta.url).host;
      } catch {
        label = dataset.meta.url;
      }
    }
    const dataLink =
      dataUrl && href !== dataUrl
        ? html` (<a href=${dataUrl}>${this.localize.lang === 'de' ? 'Daten' : 'data'}</a>)`
        : nothing;
    return html`<p class="source" part="source">
      ${t.source} ${href ? html`<a href=${href}>${label}</a>` : label}${dataLink}
    </p>`;
  }

  private renderTable(plot: PlotData) {
    const t = this.localize.t(chartStrings);
    const series = this.plottedSeries(plot);
    const title = this.heading || series.map((s) => s.name).join(', ');
    return html`<div class="table-wrap" id="table" part="table" role="region" aria-label=${t.tableOf} tabindex="0">
      <table>
        <caption>
          ${t.tableCaption(title)}
        </caption>
        <thead>
          <tr>
            <th scope="col">${this.columns?.x}</th>
            ${series.map((s) => html`<th scope="col" class="number">${s.name}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${plot.labels.map(
            (label, i) =>
              html`<tr>
                <th scope="row">${this.labelText(label)}</th>
                ${series.map((s) => html`<td>${this.formatValue(s.values[i])}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderChart({ plot }: Shaped, dataset: Dataset) {
    const t = this.localize.t(chartStrings);
    if (this.engineError) return renderError(this.localize, this.engineError, () => this.data.reload());
    const hasValues = plot.labels.length > 0 && plot.series.some((s) => s.values.some((v) => v !== null));
    if (!hasValues) {
      const filter = this.filter?.trim();
      return renderEmpty(plot.rowCount === 0 && filter ? t.emptyFiltered(filter) : t.empty);
    }
    const note = this.circleRefused
      ? html`<p class="note" part="note" data-role="note">${t.negativeInCircle(t.typeName(this.requestedType))}</p>`
      : nothing;
    return html`
      ${note}
      <div class="canvas-box" part="canvas">
        <canvas
          role="img"
          tabindex="0"
          aria-label=${this.summary()}
          aria-describedby="keys"
          @keydown=${this.onChartKey}
          @blur=${() => this.point(-1)}
        ></canvas>
        <span id="keys" class="visually-hidden">${t.keysHint}</span>
        <p class="visually-hidden" aria-live="polite" data-role="pointed">${this.pointedText()}</p>
      </div>
      ${this.renderSource(dataset)}
      <div class="actions" part="actions">
        <button
          type="button"
          class="offen-button secondary"
          aria-expanded=${this.tableOpen ? 'true' : 'false'}
          aria-controls="table"
          data-action="table"
          @click=${() => (this.tableOpen = !this.tableOpen)}
        >
          ${this.tableOpen ? t.hideTable : t.showTable}
        </button>
        <button type="button" class="offen-button secondary" data-action="csv" @click=${this.downloadCsv}>
          ${t.downloadCsv}
        </button>
        <button type="button" class="offen-button secondary" data-action="png" @click=${this.downloadPng}>
          ${t.downloadPng}
        </button>
      </div>
      ${this.tableOpen ? this.renderTable(plot) : nothing}
    `;
  }

  override render() {
    const body = this.shaped.render({
      pending: () => renderLoading(this.localize, 4),
      empty: () => renderEmpty(this.localize.t(chartStrings).empty),
      // A wrong attribute is not fixed by loading again: no retry button, but what to change.
      error: (error, retry) =>
        renderError(this.localize, error, retry, error.kind === 'mapping' ? this.mappingMessage(error) : undefined),
      complete: (shaped, dataset) => this.renderChart(shaped, dataset),
    });
    const description = this.description ? html`<p class="description">${this.description}</p>` : nothing;
    return html`<div class="root ${this.isDark ? 'dark' : ''}">
      <figure part="figure">
        ${
          this.heading || this.description
            ? html`<figcaption>${this.renderHeading()}${description}</figcaption>`
            : nothing
        }
        ${body}
      </figure>
    </div>`;
  }

  // ---- Chart.js lifecycle -------------------------------------------------------------------------------------

  override updated(changed: PropertyValues): void {
    super.updated(changed);
    void this.syncChart();
  }

  private readTheme(): ChartTheme {
    const root = this.renderRoot.querySelector<HTMLElement>('.root') ?? this;
    const style = getComputedStyle(root);
    const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const own = splitList(this.colors);
    const fromCss = splitList(style.getPropertyValue('--offen-chart-palette'));
    return {
      text: token('--_text', '#1a1a1a'),
      muted: token('--_muted', '#595959'),
      grid: token('--_grid', '#d5dade'),
      background: token('--_surface', '#ffffff'),
      font: token('--_font', 'system-ui, sans-serif'),
      palette: own.length ? own : fromCss.length ? fromCss : this.isDark ? PALETTE_DARK : PALETTE_LIGHT,
    };
  }

  private engineInput(plot: PlotData): EngineInput {
    const series = this.plottedSeries(plot);
    return {
      type: this.chartType,
      labels: plot.labels.map((l) => this.labelText(l)),
      otherIndex: plot.labels.findIndex((l) => l.other),
      series,
      formatTick: (value) => this.notation.tick(value),
      formatValue: (value) => this.formatValue(value),
      missingText: this.localize.t(chartStrings).missingValue,
      theme: this.readTheme(),
      animate: !this.noAnimation && !matchMedia('(prefers-reduced-motion: reduce)').matches,
      onSelect: (index, seriesIndex) => this.select(index, seriesIndex),
      onDrawn: () => this.onDrawn(),
    };
  }

  /** A bar, point or slice chosen by click or by Enter. */
  private select(index: number, seriesIndex: number): void {
    const current = this.plot;
    if (!current) return;
    const chosen = this.plottedSeries(current)[seriesIndex];
    const label = current.labels[index];
    this.emit('offen-select', {
      id: label.key.replace(/^[\u0000\u0001]/, ''),
      record: chosen?.records[index],
      label: this.labelText(label),
      series: chosen?.name ?? '',
      value: chosen?.values[index] ?? null,
      index,
    });
  }

  // ---- keyboard -----------------------------------------------------------------------------------------------

  /** The plotted values in reading order, label by label and series by series; gaps are left out. */
  private keyboardPoints(): { label: number; series: number }[] {
    const plot = this.plot;
    if (!plot) return [];
    const series = this.plottedSeries(plot);
    const points: { label: number; series: number }[] = [];
    plot.labels.forEach((_, label) =>
      series.forEach((s, index) => {
        if (s.values[label] !== null) points.push({ label, series: index });
      }),
    );
    return points;
  }

  /** Points the keyboard at a value (highlight and tooltip, announced politely), or at none. */
  private point(index: number): void {
    if (index === this.pointed) return;
    this.pointed = index;
    this.handle?.highlight(index >= 0 ? (this.keyboardPoints()[index] ?? null) : null);
  }

  /** Arrow keys, Home and End go through the values like the mouse does; Enter selects one; Escape lets go. */
  private readonly onChartKey = (event: KeyboardEvent): void => {
    const count = this.keyboardPoints().length;
    if (count === 0) return;
    const at = this.pointed;
    const next: Record<string, number> = {
      ArrowRight: Math.min(count - 1, at + 1),
      ArrowDown: Math.min(count - 1, at + 1),
      ArrowLeft: at < 0 ? count - 1 : Math.max(0, at - 1),
      ArrowUp: at < 0 ? count - 1 : Math.max(0, at - 1),
      Home: 0,
      End: count - 1,
    };
    if (event.key in next) this.point(next[event.key]);
    else if ((event.key === 'Enter' || event.key === ' ') && at >= 0) {
      const { label, series } = this.keyboardPoints()[at];
      this.select(label, series);
    } else if (event.key === 'Escape' && at >= 0) this.point(-1);
    else return;
    event.preventDefault();
  };

  /** What the live region says about the pointed value: `Bad Belzig – 2026: 1.234 €`. */
  private pointedText(): string {
    const plot = this.plot;
    const point = this.keyboardPoints()[this.pointed];
    if (!plot || !point) return '';
    const series = this.plottedSeries(plot);
    const value = series[point.series].values[point.label];
    const label = this.labelText(plot.labels[point.label]);
    const name = series.length > 1 ? ` – ${series[point.series].name}` : '';
    return `${label}${name}: ${value === null ? '' : this.formatValue(value)}`;
  }

  private onDrawn(): void {
    if (this.drawnInputs === this.renderedInputs) return;
    this.drawnInputs = this.renderedInputs;
    this.emit('offen-render', { type: this.chartType });
  }

  /** What the chart was last drawn from, so a re-render with equal values does not draw again. */
  private renderedInputs: unknown[] = [];
  /** The inputs announced with offen-render, so each drawing is announced once. */
  private drawnInputs?: unknown[];

  private async syncChart(): Promise<void> {
    const canvas = this.renderRoot.querySelector('canvas');
    const plot = this.plot;
    if (!canvas || !plot) {
      this.destroyChart();
      return;
    }
    const input = this.engineInput(plot);
    const drawn = [
      input.type,
      input.labels,
      input.series.map((s) => [s.name, s.values]),
      input.theme,
      this.unit,
      this.decimals,
    ];
    if (this.handle && this.handle.chart.canvas === canvas && this.handle.type === input.type) {
      if (!deepArrayEquals(drawn, this.renderedInputs)) {
        this.renderedInputs = drawn;
        this.handle.update(input);
      }
      return;
    }
    if (this.creating && this.pendingCanvas === canvas && this.pendingType === input.type) return;
    this.destroyChart();
    const generation = ++this.generation;
    this.pendingCanvas = canvas;
    this.pendingType = input.type;
    this.renderedInputs = drawn;
    this.creating = createChart(canvas, input)
      .then((handle) => {
        if (generation !== this.generation || !canvas.isConnected) {
          handle.destroy();
          return;
        }
        this.handle = handle;
      })
      .catch((error: unknown) => {
        if (generation !== this.generation) return;
        const failure = new DataError('unsupported', `Chart.js failed: ${String(error)}`, {
          url: this.src,
          found: 'chart.js',
          cause: error,
        });
        this.engineError = failure;
        void this.updateComplete.then(() => this.emit('offen-error', failure));
      })
      .finally(() => {
        if (generation === this.generation) {
          this.pendingCanvas = undefined;
          this.creating = undefined;
        }
      });
    await this.creating;
    // Attributes may have changed while Chart.js loaded.
    if (this.handle && generation === this.generation) await this.syncChart();
  }

  private pendingCanvas?: HTMLCanvasElement;
  private pendingType?: ChartType;

  private destroyChart(): void {
    this.generation++;
    this.handle?.destroy();
    this.handle = undefined;
    this.creating = undefined;
    this.pendingCanvas = undefined;
    this.drawnInputs = undefined;
  }
}
