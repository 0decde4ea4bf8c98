import type { ChartType } from './chart-engine.js';

/**
 * Where the category labels go, so that every one of them is drawn (Chart.js would skip some): each label wrapped
 * onto at most two lines and cut with "…" beyond them (the tooltip and the table keep the full text); columns turn
 * into bars when their labels would not fit under them; bars make the chart as tall as their labels need. Decided
 * from the box's width and the labels' widths in the chart's font, again on every resize.
 */

/** Chart.js's default font size, which the axis labels use. */
export const LABEL_FONT_SIZE = 12;
/** Height of one label line on the axis. */
export const LABEL_LINE_HEIGHT = 15;
/** Room the value axis of a column chart takes beside the columns (`1,5 Mio. €`). */
const VALUE_AXIS_WIDTH = 72;
/** Space around the plot of a bar chart (value axis, padding) and, with several series, the legend. */
const BAR_CHROME = 56;
const LEGEND_ROW = 32;
/** Height of one bar in a group of bars. */
const BAR_THICKNESS = 12;

export interface ChartLayout {
  /** Drawn as horizontal bars (asked for, or columns whose labels would collide). */
  horizontal: boolean;
  /** Each label as its drawn lines (one or two, the last one cut with "…" when needed). */
  lines: string[][];
  /** Bars: the height in CSS pixels their labels need; the box is at least this tall. */
  minHeight?: number;
}

export type Measure = (text: string) => number;

/** `text` cut with "…" to at most `width`. */
function cut(text: string, width: number, measure: Measure): string {
  if (measure(text) <= width) return text;
  let end = text.length;
  while (end > 1 && measure(`${text.slice(0, end).trimEnd()}…`) > width) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** A label on at most two lines of `width` pixels; `cut` tells whether text had to be left out. */
export function wrapLabel(text: string, width: number, measure: Measure): { lines: string[]; cut: boolean } {
  if (measure(text) <= width) return { lines: [text], cut: false };
  const words = text.split(/\s+/).filter(Boolean);
  let first = words[0] ?? '';
  let i = 1;
  while (i < words.length && measure(`${first} ${words[i]}`) <= width) first += ` ${words[i++]}`;
  const rest = words.slice(i).join(' ');
  const lines = [cut(first, width, measure)];
  if (rest) lines.push(cut(rest, width, measure));
  return { lines, cut: lines[0] !== first || (rest !== '' && lines[1] !== rest) };
}

/** The width of the label column of bars: about two fifths of the box, at least 64 and at most 220 pixels. */
export const barLabelWidth = (width: number) => Math.round(Math.min(220, Math.max(64, width * 0.38)));

export function layoutChart(
  type: ChartType,
  labels: readonly string[],
  seriesCount: number,
  width: number,
  measure: Measure,
  { valueWidth = 0, dense = false }: { valueWidth?: number; dense?: boolean } = {},
): ChartLayout {
  const barLike = type === 'bar' || type === 'stacked-bar' || type === 'horizontal-bar';
  // Columns thinned to the plot's pixels (chart-thin.ts) stay columns, with an even spacing of labels as lines have.
  if (dense && type !== 'horizontal-bar') return { horizontal: false, lines: labels.map((l) => [l]) };
  // Lines and areas over time keep Chart.js's even spacing of labels (thousands of days cannot all be named);
  // circles name their slices in the legend.
  if (!barLike || width <= 0) return { horizontal: type === 'horizontal-bar', lines: labels.map((l) => [l]) };
  if (type !== 'horizontal-bar') {
    const room = (width - VALUE_AXIS_WIDTH) / Math.max(1, labels.length) - 6;
    const wrapped = labels.map((l) => wrapLabel(l, room, measure));
    const bars = type === 'stacked-bar' ? 1 : Math.max(1, seriesCount);
    const valuesFit = valueWidth === 0 || room / bars >= valueWidth + 2;
    if (room >= LABEL_FONT_SIZE * 2 && valuesFit && !wrapped.some((w) => w.cut)) {
      return { horizontal: false, lines: wrapped.map((w) => w.lines) };
    }
  }
  const wrapped = labels.map((l) => wrapLabel(l, barLabelWidth(width), measure).lines);
  const lineCount = Math.max(1, ...wrapped.map((l) => l.length));
  const bars = type === 'stacked-bar' ? 1 : Math.max(1, seriesCount);
  const row = Math.max(lineCount * LABEL_LINE_HEIGHT + 8, bars * BAR_THICKNESS + 10);
  const minHeight = labels.length * row + BAR_CHROME + (seriesCount > 1 ? LEGEND_ROW : 0);
  return { horizontal: true, lines: wrapped, minHeight };
}

let context: CanvasRenderingContext2D | null | undefined;

/** Measures text as the chart's axis labels draw it (Chart.js's default size, the chart's font). */
export function textMeasure(font: string): Measure {
  context ??= document.createElement('canvas').getContext('2d');
  const ctx = context;
  const cache = new Map<string, number>();
  return (text) => {
    if (!ctx) return text.length * LABEL_FONT_SIZE * 0.55;
    let width = cache.get(text);
    if (width === undefined) {
      ctx.font = `${LABEL_FONT_SIZE}px ${font}`;
      cache.set(text, (width = ctx.measureText(text).width));
    }
    return width;
  };
}
