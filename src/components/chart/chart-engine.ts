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
  labels: string[];
  series: { name: string; values: (number | null)[] }[];
  /** Formats an axis tick (`1.000.000 €`). */
  formatTick(value: number): string;
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

export interface ChartHandle {
  readonly type: ChartType;
  update(input: EngineInput): void;
  /** Shows one value as if hovered (highlight and tooltip), or none: the keyboard's pointer. */
  highlight(point: { label: number; series: number } | null): void;
  /** The chart as a PNG data URL, on the theme's background. */
  toPng(): string;
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
