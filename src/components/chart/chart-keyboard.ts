import type { ReactiveControllerHost } from 'lit';
import type { ChartView } from './chart-twin.js';

/** One plotted value: the index of its label and of its series. */
export interface ChartPoint {
  label: number;
  series: number;
}

export interface ChartKeyboardOptions {
  /** What is on display, or undefined before there is a chart. */
  view(): ChartView | undefined;
  /** Shows a value as if hovered, or none. */
  highlight(point: ChartPoint | null): void;
  /** The value chosen with Enter, as a click chooses it. */
  select(point: ChartPoint): void;
}

/**
 * The chart by keyboard: arrow keys, Home and End go through the values like the mouse does (highlight and
 * tooltip), Enter selects one, Escape lets go; a polite live region says which value is pointed at.
 */
export class ChartKeyboard {
  /** The value the keyboard points at, as an index into points(); -1 for none. */
  private pointed = -1;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ChartKeyboardOptions,
  ) {}

  /** New values: nothing is pointed at any more (call before rendering them). */
  reset(): void {
    this.pointed = -1;
  }

  /** The plotted values in reading order, label by label and series by series; gaps are left out. */
  private points(): ChartPoint[] {
    const plot = this.options.view()?.plot;
    if (!plot) return [];
    const points: ChartPoint[] = [];
    plot.labels.forEach((_, label) =>
      plot.series.forEach((s, series) => {
        if (s.values[label] !== null) points.push({ label, series });
      }),
    );
    return points;
  }

  /** Points the keyboard at a value (highlight and tooltip, announced politely), or at none. */
  point(index: number): void {
    if (index === this.pointed) return;
    this.pointed = index;
    this.options.highlight(index >= 0 ? (this.points()[index] ?? null) : null);
    this.host.requestUpdate();
  }

  readonly onKeyDown = (event: KeyboardEvent): void => {
    const points = this.points();
    const count = points.length;
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
    else if ((event.key === 'Enter' || event.key === ' ') && at >= 0) this.options.select(points[at]);
    else if (event.key === 'Escape' && at >= 0) this.point(-1);
    else return;
    event.preventDefault();
  };

  readonly onBlur = (): void => this.point(-1);

  /** What the live region says about the pointed value: `Bad Belzig – 2026: 1.234 €`. */
  pointedText(): string {
    const view = this.options.view();
    const point = this.points()[this.pointed];
    if (!view || !point) return '';
    const series = view.plot.series;
    const value = series[point.series].values[point.label];
    const label = view.format.label(view.plot.labels[point.label]);
    const name = series.length > 1 ? ` – ${series[point.series].name}` : '';
    return `${label}${name}: ${value === null ? '' : view.format.value(value)}`;
  }
}
