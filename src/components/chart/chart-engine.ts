import type { Chart } from 'chart.js';

/**
 * What the element and Chart.js agree on: the chart types, what is drawn, and the handle of a drawn chart. The code
 * that talks to Chart.js (chart-draw.ts) is imported only when a chart is drawn, with Chart.js itself, so a page
 * that shows no chart never downloads either.
 */

export type ChartType = 'bar' | 'horizontal-bar' | 'stacked-bar' | 'line' | 'area' | 'pie' | 'doughnut';
export const CHART_TYPES: readonly ChartType[] = [
  'bar',
  'horizontal-bar',
  'stacked-bar',
  'line',
  'area',
  'pie',
  'doughnut',
];

export const isCircular = (type: ChartType) => type === 'pie' || type === 'doughnut';

export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  background: string;
  font: string;
  palette: string[];
}

export interface EngineInput {
  type: ChartType;
  /** Bars along the y axis: `horizontal-bar`, or columns whose labels would not fit under them (chart-layout.ts). */
  horizontal: boolean;
  labels: string[];
  /** Each label as drawn on the axis: one or two lines, cut with "…" (the tooltip shows the full label). */
  labelLines: string[][];
  /** More labels than room (lines, thinned columns): the axis names an evenly spaced selection of them. */
  skipLabels?: boolean;
  /** `labels="value"`: each bar's value at its end, in the compact notation (`6,2 Mio. €`). */
  valueLabels: boolean;
  /** A value at a bar's end (`6,2 Mio. €`). */
  formatLabel(value: number): string;
  series: { name: string; values: (number | null)[] }[];
  /** Formats an axis tick (`1 Mio. €`). */
  formatTick(value: number): string;
  /** The locale the format functions write in: a language switch changes it, and the chart is drawn again. */
  locale: string;
  /** Formats a value in a tooltip exactly as the table does (`1.234,56 €`). */
  formatValue(value: number): string;
  /** Index of the combined "Sonstige" label, drawn in a neutral colour in pie and doughnut charts. */
  otherIndex?: number;
  /** Shown in a tooltip for a gap. */
  missingText: string;
  theme: ChartTheme;
  animate: boolean;
  /** A click on a bar, point or slice. */
  onSelect(labelIndex: number, seriesIndex: number): void;
  /** Called after each completed draw. */
  onDrawn(): void;
}

/** What a downloaded picture says around the chart, as the figure does on the page. */
export interface PictureFrame {
  title?: string;
  subtitle?: string;
  notes: string[];
  source?: string;
}

export interface ChartHandle {
  readonly type: ChartType;
  readonly horizontal: boolean;
  update(input: EngineInput): void;
  /** Shows one value as if hovered (highlight and tooltip), or none: the keyboard's pointer. */
  highlight(point: { label: number; series: number } | null): void;
  /**
   * The chart as a PNG data URL at twice the device pixels, on the theme's background, with the frame's title,
   * subtitle, notes and source line in the theme's font and colours.
   */
  toPng(frame: PictureFrame): string;
  destroy(): void;
  /** The Chart.js instance, for tests and advanced users. */
  readonly chart: Chart;
}

let draw: Promise<typeof import('./chart-draw.js')> | undefined;

/** Creates a chart in `canvas` (loading Chart.js once per page). The caller destroys it. */
export async function createChart(canvas: HTMLCanvasElement, first: EngineInput): Promise<ChartHandle> {
  draw ??= import('./chart-draw.js');
  return (await draw).drawChart(canvas, first);
}
