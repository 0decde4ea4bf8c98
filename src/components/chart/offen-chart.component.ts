import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Dataset } from '../../data/types.js';
import { DataController } from '../../shared/data-controller.js';
import { headingLevel } from '../../shared/heading.js';
import type { SelectDetail } from '../../shared/events.js';
import { derive } from '../../shared/derive.js';
import { FilterController } from '../../shared/filter-controller.js';
import { OffenSourceElement } from '../../shared/source-element.js';
import { renderEmpty, renderError, renderLoading } from '../../shared/states.js';
import { hostStyles } from '../../shared/theme.js';
import type { Aggregate, PlotData, PlotLabel, SortOrder } from './chart-data.js';
import { CHART_TYPES, isCircular, type ChartHandle, type ChartType } from './chart-engine.js';
import { layoutChart, textMeasure, type ChartLayout } from './chart-layout.js';
import { Memo } from '../../shared/memo.js';
import { ChartFormat } from './chart-format.js';
import { ChartKeyboard, type ChartPoint } from './chart-keyboard.js';
import { ChartLifecycle } from './chart-lifecycle.js';
import { chartSource, renderChartSource, type ChartSource } from './chart-source.js';
import { MARK_CAP, mappingMessage, shapeChart, shapeChartSteps, shapeSlicing, type Shaped } from './chart-shape.js';
import { runInSlices } from '../../shared/slices.js';
import { thinPlot } from './chart-thin.js';
import {
  chartCsv,
  chartSummary,
  downloadCsv,
  downloadPng,
  renderChartTable,
  TABLE_PAGE,
  type ChartView,
} from './chart-twin.js';
import { PagingController } from '../../shared/paging-controller.js';
import { chartStyles } from './offen-chart.styles.js';
import { chartStrings } from './offen-chart.strings.js';

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

const isChartType = (value: unknown): value is ChartType => CHART_TYPES.includes(value as ChartType);

/**
 * A chart of open data that a citizen understands and a screen-reader user can read: bar, line, area, pie and
 * doughnut charts drawn with Chart.js (loaded only when a chart appears), inside a `<figure>` with heading,
 * description and source line, and a quiet row of links under it: the same values as an accessible table, the
 * plotted data (CSV) and the picture (PNG at twice the pixels, with heading, description, notes and source line).
 * Every category label is drawn: long ones wrap onto two lines (cut with "…", the tooltip and table have all of
 * it), bars grow as tall as their labels need, and columns turn into bars when their labels would collide. The
 * value axis has compact ticks (`1 Mio. €`, `500 Tsd. €`) on a domain that includes zero. The chart takes the
 * keyboard focus: arrow keys, Home and End go through the values with their tooltip (announced to screen readers),
 * Enter selects one as a click does, Escape lets go.
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
 * @csspart limit-note - Under the chart when it draws only the largest categories and "Sonstige" (also `note`).
 * @csspart canvas - The box holding the chart canvas.
 * @csspart source - The source line.
 * @csspart notes - The notes under the chart (`notes`).
 * @csspart actions - The row of text links under the chart (Tabelle, CSV, Bild).
 * @csspart table - The data table.
 * @csspart more-rows - "Weitere … Zeilen anzeigen" under the table twin when it has more than 200 rows.
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

  /**
   * Show at most this many labels; the rest is combined into "Sonstige" ("Other"), in the chart, the table and the
   * download. Without it, a bar chart with more than 30 categories (a pie or doughnut: 8) draws the 30 largest and
   * "Sonstige" by itself, says so under the chart and keeps every value in the table and the download; `0` turns that
   * off (at most 1,000 bars or slices are still drawn). Dates and years are never cut, lines and areas neither.
   */
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

  /**
   * Name of the data's publisher for the source line, e.g. `Stadt Bad Belzig`. Default: the title the data carries,
   * else the file's name for data from this site, else the data URL's host.
   */
  @property({ attribute: 'source-label' }) sourceLabel?: string;

  /** Link of the source line (e.g. the open data portal's page). Default: the data URL. */
  @property({ attribute: 'source-url' }) sourceUrl?: string;

  /** Series colours, comma-separated CSS colours. Default: a colour-blind-safe palette. */
  @property() colors?: string;

  /**
   * Linked filter: only labels (x values) in this comma-separated list; shared with a parent `<offen-data>`, so a
   * category chosen in a map narrows the chart. Ignored when none of the categories is a label of this chart.
   */
  @property({ reflect: true }) category?: string;

  /**
   * `value` writes each bar's value at its end, in the short notation of the axis (`6,2 Mio. €`, `161,3 Tsd. €`).
   * Not for stacked columns, lines and circles (their tooltip and table have the values).
   */
  @property() labels?: 'value';

  /** Notes below the chart and in the downloaded picture, e.g. `Ohne Umlagen. Stand: Haushaltsplan 2026.` */
  @property() notes?: string;

  /** Draw without animation (always so under `prefers-reduced-motion: reduce`). */
  @property({ type: Boolean, attribute: 'no-animation' }) noAnimation = false;

  @state() private tableOpen = false;

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
        this.requestedType,
      ] as const,
    build: (dataset) =>
      shapeChart(dataset, this, this.localize.t(chartStrings), this.localize.locale, this.requestedType),
    // Many rows: in slices of about 10 ms, so the page stays responsive; stopped when an input changes.
    buildLater: (dataset, _args, signal) =>
      dataset.records.length > shapeSlicing.threshold
        ? runInSlices(
            shapeChartSteps(dataset, this, this.localize.t(chartStrings), this.localize.locale, this.requestedType),
            signal,
          )
        : undefined,
  });

  protected readonly filterController = new FilterController(this, ['category']);

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

  /** Chart.js: created, updated and destroyed with the canvas; the theme's colours (chart-lifecycle.ts). */
  private readonly engine = new ChartLifecycle(this, () => {
    const view = this.view;
    const layout = this.layout;
    if (!view || !layout) return undefined;
    return {
      type: view.type,
      horizontal: layout.horizontal,
      labels: this.labelTexts,
      labelLines: layout.lines,
      skipLabels: !!view.plot.ordered && view.plot.labels.length < view.all.labels.length,
      valueLabels: this.labels === 'value',
      formatLabel: (value) => this.notation.compact(value, true),
      otherIndex: view.plot.labels.findIndex((l) => l.other),
      series: view.plot.series,
      formatTick: (value) => this.notation.tick(value),
      locale: this.localize.locale,
      formatValue: (value) => this.formatValue(value),
      missingText: view.t.missingValue,
      onSelect: (label, series) => this.select({ label, series }),
    };
  });

  /** The table twin's rows, a page at a time, the focus on the first new row after "Weitere … Zeilen". */
  private readonly tableRows = new PagingController(this, {
    pageSize: () => TABLE_PAGE,
    focusTarget: '#table tbody th',
  });

  /** Arrow keys, Home, End, Enter and Escape on the canvas (chart-keyboard.ts). */
  private readonly keyboard = new ChartKeyboard(this, {
    view: () => this.view,
    highlight: (point) => this.engine.highlight(point),
    select: (point) => this.select(point),
  });

  /** The shaped values on display as of the last update, to notice when they change. */
  private lastShaped?: Shaped;

  /** The labels as drawn, and their layout for the current width (computed again only when one changes). */
  private readonly labelMemo = new Memo<string[]>();
  private readonly thinMemo = new Memo<PlotData>();
  private readonly layoutMemo = new Memo<ChartLayout>();

  private get labelTexts(): string[] {
    const plot = this.thinnedPlot;
    return plot
      ? this.labelMemo.get(plot, [this.localize.locale], () => plot.labels.map((l) => this.labelText(l)))
      : [];
  }

  /** Where the labels go at the element's current width: wrapped, and columns or bars (chart-layout.ts). */
  private get layout(): ChartLayout | undefined {
    const view = this.view;
    if (!view) return undefined;
    const labels = this.labelTexts;
    const width = Math.round(this.clientWidth);
    const font = this.engine.font;
    const valueLabels = this.labels === 'value';
    return this.layoutMemo.get(labels, [view.type, view.plot.series.length, width, font, valueLabels], () =>
      layoutChart(view.type, labels, view.plot.series.length, width, textMeasure(font), {
        valueWidth: valueLabels ? this.valueLabelWidth() : 0,
        dense: !!view.plot.ordered && view.plot.labels.length < view.all.labels.length,
      }),
    );
  }

  /** The widest value label (`labels="value"`), which a column must have room for. */
  private valueLabelWidth(): number {
    const measure = textMeasure(this.engine.font);
    const values = this.view?.plot.series.flatMap((s) => s.values) ?? [];
    return Math.max(0, ...values.map((v) => (v === null ? 0 : measure(this.notation.compact(v, true)))));
  }

  /** The values currently plotted (labels, series), after filter, pivot, aggregation, sort and limit. */
  get plotData(): PlotData | undefined {
    return this.plot;
  }

  private get plot(): PlotData | undefined {
    return this.shaped.value?.plot;
  }

  /** What the canvas draws: the largest labels and "Sonstige" when there are too many to read, else all. */
  private get drawnPlot(): PlotData | undefined {
    const plot = this.plot;
    return plot?.drawn ?? plot;
  }

  /**
   * No more marks than the plot has pixels: lines, areas and columns over dates or years keep, per stretch of pixels,
   * the lowest and the highest value (chart-thin.ts), again on every resize. Categories are cut into "Sonstige"
   * instead (chart-shape.ts); circles never have that many.
   */
  private get thinnedPlot(): PlotData | undefined {
    const plot = this.drawnPlot;
    const type = this.chartType;
    if (!plot || isCircular(type)) return plot;
    if (type !== 'line' && type !== 'area' && !plot.ordered) return plot;
    const width = Math.round(this.clientWidth);
    // The value axis takes about 72 pixels; an element not laid out yet draws at most MARK_CAP.
    const budget = width > 0 ? Math.max(2, width - 72) : MARK_CAP;
    return this.thinMemo.get(plot, [budget], () => thinPlot(plot, budget));
  }

  private get columns(): Shaped['columns'] | undefined {
    return this.shaped.value?.columns;
  }

  /** The Chart.js instance, once drawn. */
  get chart(): ChartHandle['chart'] | undefined {
    return this.engine.chart;
  }

  /** Resolves when the data has loaded (or failed) and the chart, if any, is drawn. */
  get renderComplete(): Promise<void> {
    return (async () => {
      // Loading, rendering and Chart.js creation follow one another; wait until none is left to do.
      for (let round = 0; round < 20; round++) {
        await this.updateComplete;
        await this.data.taskComplete;
        await this.shaped.built;
        const settled = await this.updateComplete;
        const creating = this.engine.pending;
        if (creating) {
          await creating;
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

  /** What is on display: the plotted values (circular charts show only the first series) and their notation. */
  private get view(): ChartView | undefined {
    const { plot, columns } = this;
    const drawn = this.thinnedPlot;
    if (!plot || !drawn || !columns) return undefined;
    const type = this.chartType;
    const shown = (data: PlotData) => (isCircular(type) ? { ...data, series: data.series.slice(0, 1) } : data);
    return {
      plot: shown(drawn),
      all: shown(plot),
      columns,
      type,
      format: this.notation,
      t: this.localize.t(chartStrings),
      lang: this.localize.lang,
      heading: this.heading,
    };
  }

  /** A value as the table and tooltips show it: `1.234,56 €`. */
  formatValue(value: number | null): string {
    return this.notation.value(value);
  }

  /** A label as shown on the axis and in the table: dates in the page's notation, years without grouping. */
  labelText(label: PlotLabel): string {
    return this.notation.label(label);
  }

  /** The canvas's accessible name: type, series, range, highest and lowest. */
  summary(): string {
    const view = this.view;
    return view ? chartSummary(view) : '';
  }

  /** The plotted values as CSV text (German notation when the page is German). */
  toCsv(): string {
    const view = this.view;
    return view ? chartCsv(view) : '';
  }

  /**
   * The chart as a PNG data URL at twice the device pixels, with heading, description, notes and source line drawn
   * around it (as on the page); undefined before it is drawn.
   */
  toPng(): string | undefined {
    const dataset = this.data.dataset;
    const t = this.localize.t(chartStrings);
    const notes = [
      this.circleRefused ? t.negativeInCircle(t.typeName(this.requestedType)) : '',
      this.limitNote ?? '',
      this.notes ?? '',
    ];
    return this.engine.toPng({
      title: this.heading,
      subtitle: this.description,
      notes: notes.filter((n) => n.trim()),
      source: dataset ? `${t.source} ${this.source(dataset).label}` : undefined,
    });
  }

  /** Says that only the largest categories are drawn, how many of how many, and where the rest is. */
  private get limitNote(): string | undefined {
    const plot = this.plot;
    if (!plot?.drawn) return undefined;
    const t = this.localize.t(chartStrings);
    return t.autoLimited(plot.drawn.labels.length - 1, plot.labels.length);
  }

  /** A bar, point or slice chosen by click or by Enter. */
  private select({ label: index, series: seriesIndex }: ChartPoint): void {
    const view = this.view;
    if (!view) return;
    const chosen = view.plot.series[seriesIndex];
    const label = view.plot.labels[index];
    this.emit('offen-select', {
      id: label.key.replace(/^[\u0000\u0001]/, ''),
      record: chosen?.records[index],
      label: this.labelText(label),
      series: chosen?.name ?? '',
      value: chosen?.values[index] ?? null,
      index,
    });
  }

  // ---- rendering ----------------------------------------------------------------------------------------------

  override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const shaped = this.shaped.value;
    if (shaped !== this.lastShaped) {
      this.lastShaped = shaped;
      this.keyboard.reset();
      this.engine.error = undefined;
    }
  }

  override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Bars as tall as their labels need. Set through the CSSOM: a strict Content-Security-Policy refuses style
    // attributes (and lit's styleMap writes one on the first render).
    const box = this.renderRoot.querySelector<HTMLElement>('.canvas-box');
    const least = this.layout?.minHeight;
    if (!box) return;
    if (least) box.style.setProperty('height', `max(var(--_chart-height), ${Math.ceil(least)}px)`);
    else box.style.removeProperty('height');
  }

  private renderHeading() {
    if (!this.heading) return nothing;
    const level = headingLevel(this.headingLevel);
    return html`<div class="heading" part="heading" role="heading" aria-level=${level}>${this.heading}</div>`;
  }

  /** What the source line names and links (chart-source.ts). */
  private source(dataset: Dataset): ChartSource {
    return chartSource(dataset, { src: this.src, sourceUrl: this.sourceUrl, sourceLabel: this.sourceLabel });
  }

  private renderChart({ plot }: Shaped, dataset: Dataset) {
    const t = this.localize.t(chartStrings);
    const view = this.view!;
    if (this.engine.error) return renderError(this.localize, this.engine.error, () => this.data.reload());
    const hasValues = plot.labels.length > 0 && plot.series.some((s) => s.values.some((v) => v !== null));
    if (!hasValues) {
      const filter = this.filter?.trim();
      return renderEmpty(plot.rowCount === 0 && filter ? t.emptyFiltered(filter) : t.empty);
    }
    const note = this.circleRefused
      ? html`<p class="note" part="note" data-role="note">${t.negativeInCircle(t.typeName(this.requestedType))}</p>`
      : nothing;
    const limitNote = this.limitNote;
    const limited = limitNote
      ? html`<p class="note" part="note limit-note" data-role="limit-note">${limitNote}</p>`
      : nothing;
    const notes = this.notes?.trim() ? html`<p class="notes" part="notes">${this.notes}</p>` : nothing;
    return html`
      ${note}
      <div class="canvas-box" part="canvas">
        <canvas
          role="img"
          tabindex="0"
          aria-label=${chartSummary(view)}
          aria-describedby="keys"
          @keydown=${this.keyboard.onKeyDown}
          @blur=${this.keyboard.onBlur}
        ></canvas>
        <span id="keys" class="visually-hidden">${t.keysHint}</span>
        <p class="visually-hidden" aria-live="polite" data-role="pointed">${this.keyboard.pointedText()}</p>
      </div>
      ${limited} ${notes} ${renderChartSource(this.source(dataset), t.source, this.localize.lang)}
      <div class="actions" part="actions">
        <button
          type="button"
          aria-expanded=${this.tableOpen ? 'true' : 'false'}
          aria-controls="table"
          data-action="table"
          @click=${() => (this.tableOpen = !this.tableOpen)}
        >
          ${this.tableOpen ? t.hideTable : t.showTable}
        </button>
        <button type="button" data-action="csv" aria-label=${t.downloadCsv} @click=${() => downloadCsv(view)}>
          ${t.csvLink}
        </button>
        <button
          type="button"
          data-action="png"
          aria-label=${t.downloadPng}
          @click=${() => downloadPng(view, this.toPng())}
        >
          ${t.pngLink}
        </button>
      </div>
      ${
        this.tableOpen
          ? renderChartTable(view, {
              shown: this.tableRows.shown,
              more: () => this.tableRows.more(),
              moreLabel: t.moreRows,
            })
          : nothing
      }
    `;
  }

  override render() {
    const body = this.shaped.render({
      pending: (progress, message) => renderLoading(this.localize, 4, progress, message),
      empty: () => renderEmpty(this.localize.t(chartStrings).empty),
      // A wrong attribute is not fixed by loading again: no retry button, but what to change.
      error: (error, retry) =>
        renderError(
          this.localize,
          error,
          retry,
          error.kind === 'mapping' ? mappingMessage(error, this, this.localize.t(chartStrings)) : undefined,
        ),
      complete: (shaped, dataset) => this.renderChart(shaped, dataset),
    });
    const description = this.description ? html`<p class="description">${this.description}</p>` : nothing;
    return html`<div class="root ${this.engine.isDark ? 'dark' : ''}">
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
}
