import type { ChartConfiguration, ChartDataset, Plugin, Scale } from 'chart.js';
import * as parts from './chart-modules.js';
import { isCircular, type ChartHandle, type ChartType, type EngineInput } from './chart-engine.js';
import { LABEL_FONT_SIZE, LABEL_LINE_HEIGHT, textMeasure } from './chart-layout.js';
import { framedPicture } from './chart-picture.js';
import { niceDomain, valueRange } from './chart-scale.js';

/**
 * The one place that talks to Chart.js, loaded lazily with it (chart-engine.ts imports it when a chart is drawn):
 * registers only the controllers, elements, scales and plugins the chosen chart type needs, and turns what is
 * drawn into Chart.js's configuration.
 */

/** Registers what `type` needs with Chart.js (registering twice is harmless). */
function register(type: ChartType): void {
  const m = parts;
  const common = [m.Tooltip, m.Legend];
  switch (type) {
    case 'bar':
    case 'horizontal-bar':
    case 'stacked-bar':
      m.Chart.register(m.BarController, m.BarElement, m.CategoryScale, m.LinearScale, ...common);
      break;
    case 'line':
      m.Chart.register(m.LineController, m.LineElement, m.PointElement, m.CategoryScale, m.LinearScale, ...common);
      break;
    case 'area':
      m.Chart.register(
        m.LineController,
        m.LineElement,
        m.PointElement,
        m.CategoryScale,
        m.LinearScale,
        m.Filler,
        ...common,
      );
      break;
    case 'pie':
      m.Chart.register(m.PieController, m.ArcElement, ...common);
      break;
    case 'doughnut':
      m.Chart.register(m.DoughnutController, m.ArcElement, ...common);
      break;
  }
}

let colorProbe: CanvasRenderingContext2D | null | undefined;

/** Any CSS colour with an alpha channel, via the canvas's own colour parser (`red` → `#ff000040`). */
function withAlpha(color: string, alpha: number): string {
  colorProbe ??= document.createElement('canvas').getContext('2d');
  if (!colorProbe) return color;
  colorProbe.fillStyle = '#000000';
  colorProbe.fillStyle = color;
  const normalized = String(colorProbe.fillStyle);
  if (!normalized.startsWith('#')) return color;
  return (
    normalized +
    Math.round(alpha * 255)
      .toString(16)
      .padStart(2, '0')
  );
}

function datasets(input: EngineInput): ChartDataset[] {
  const { type, theme } = input;
  const color = (i: number) => theme.palette[i % theme.palette.length];
  return input.series.map((series, i): ChartDataset => {
    if (isCircular(type)) {
      return {
        label: series.name,
        data: series.values,
        backgroundColor: input.labels.map((_, j) => (j === input.otherIndex ? theme.muted : color(j))),
        borderColor: theme.background,
        borderWidth: 2,
      } as ChartDataset;
    }
    if (type === 'line' || type === 'area') {
      return {
        label: series.name,
        data: series.values,
        borderColor: color(i),
        backgroundColor: type === 'area' ? withAlpha(color(i), 0.35) : color(i),
        pointBackgroundColor: color(i),
        fill: type === 'area' ? 'origin' : false,
        spanGaps: false,
        tension: 0,
        // Thousands of dots hide the line and cost time; the tooltip still shows each value.
        pointRadius: input.labels.length > 200 ? 0 : 3,
      } as ChartDataset;
    }
    return { label: series.name, data: series.values, backgroundColor: color(i), borderWidth: 0 } as ChartDataset;
  });
}

/** The value axis's ticks: a nice domain from chart-scale.ts, about one tick per 70 (across) or 40 (up) pixels. */
function valueTicks(scale: Scale, low: number, high: number): void {
  const across = scale.isHorizontal();
  const length = across ? scale.width : scale.height;
  const spacing = across ? 70 : 40;
  const most = Math.max(1, Math.min(10, Math.floor(length / spacing)));
  // Of the tick counts that fit, the one whose domain ends closest above the largest value.
  let best = niceDomain(low, high, 2);
  for (let intervals = 2; intervals <= most; intervals++) {
    const domain = niceDomain(low, high, intervals + 1);
    if (domain.max - domain.min <= best.max - best.min) best = domain;
  }
  scale.min = best.min;
  scale.max = best.max;
  // A lower end just below zero (−100 Tsd. on a 7 Mio. axis) is not labelled: its label would overlap zero's.
  const first = best.ticks[0];
  const crowded = first < 0 && (-first / (best.max - best.min)) * length < (across ? 64 : 18);
  const ticks = crowded ? best.ticks.slice(1) : best.ticks;
  scale.ticks = ticks.map((value) => ({ value }));
}

function config(input: EngineInput, plugins: Plugin[]): ChartConfiguration {
  const { type, theme } = input;
  const circular = isCircular(type);
  const horizontal = input.horizontal;
  const stacked = type === 'stacked-bar';
  const lineLike = type === 'line' || type === 'area';
  const valueAxis = horizontal ? 'x' : 'y';
  const labelAxis = horizontal ? 'y' : 'x';
  const tickFont = { family: theme.font, size: LABEL_FONT_SIZE };
  const [low, high] = valueRange(input.series, stacked);
  const scales = circular
    ? {}
    : {
        [labelAxis]: {
          type: 'category' as const,
          stacked,
          grid: { display: false },
          border: { color: theme.grid },
          ticks: {
            color: theme.text,
            font: tickFont,
            // Bars name every category (chart-layout.ts made room); a time axis of lines keeps an even spacing.
            autoSkip: lineLike || !!input.skipLabels,
            maxRotation: 0,
            minRotation: 0,
            callback: (value: number | string) => input.labelLines[Number(value)] ?? input.labels[Number(value)],
          },
        },
        [valueAxis]: {
          type: 'linear' as const,
          stacked,
          grid: { color: theme.grid },
          border: { display: false },
          afterBuildTicks: (scale: Scale) => valueTicks(scale, low, high),
          ticks: {
            color: theme.text,
            font: tickFont,
            autoSkip: false,
            maxRotation: 0,
            minRotation: 0,
            callback: (value: number | string) => input.formatTick(Number(value)),
          },
        },
      };
  const chartJsType = circular ? type : lineLike ? 'line' : 'bar';
  const labelled = input.valueLabels && !circular && !lineLike && !stacked;
  const measure = textMeasure(theme.font);
  const labelRoom = labelled
    ? Math.max(
        0,
        ...input.series.flatMap((s) => s.values.map((v) => (v === null ? 0 : measure(input.formatLabel(v))))),
      ) + 8
    : 0;
  return {
    type: chartJsType,
    data: { labels: input.labels, datasets: datasets(input) },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: input.animate ? undefined : false,
      indexAxis: horizontal ? 'y' : 'x',
      color: theme.text,
      font: { family: theme.font },
      scales,
      layout: { padding: horizontal ? { right: labelRoom } : { top: labelled ? LABEL_LINE_HEIGHT + 4 : 0 } },
      interaction: circular ? { mode: 'nearest', intersect: true } : { mode: 'index', intersect: false },
      plugins: {
        legend: {
          display: circular || input.series.length > 1,
          position: 'bottom',
          labels: { color: theme.text, font: tickFont },
        },
        tooltip: {
          callbacks: {
            label: (item) => {
              const raw = item.raw as number | null;
              const text = raw === null || raw === undefined ? input.missingText : input.formatValue(raw);
              const name = circular ? item.label : item.dataset.label;
              return `${name}: ${text}`;
            },
          },
        },
      },
      onClick: (_event, elements) => {
        const hit = elements[0];
        if (hit) input.onSelect(hit.index, hit.datasetIndex);
      },
    },
    plugins,
  } as ChartConfiguration;
}

/**
 * `labels="value"`: each bar's value at its end, in the axis's font and text colour; a negative bar's value sits on
 * the empty side of the zero line, so it never runs into the category labels. Not for stacked columns or lines.
 */
function valueLabelPlugin(current: () => EngineInput): Plugin {
  return {
    id: 'offenValueLabels',
    afterDatasetsDraw: (chart) => {
      const input = current();
      if (!input.valueLabels || isCircular(input.type) || input.type === 'stacked-bar') return;
      if (input.type === 'line' || input.type === 'area') return;
      const { ctx } = chart;
      ctx.save();
      ctx.font = `${LABEL_FONT_SIZE}px ${input.theme.font}`;
      ctx.fillStyle = input.theme.text;
      chart.data.datasets.forEach((dataset, d) => {
        const meta = chart.getDatasetMeta(d);
        if (!chart.isDatasetVisible(d)) return;
        meta.data.forEach((element, i) => {
          const value = dataset.data[i] as number | null;
          if (value === null || value === undefined) return;
          const { x, y, base } = element.getProps(['x', 'y', 'base'], true) as { x: number; y: number; base: number };
          const text = input.formatLabel(value);
          if (input.horizontal) {
            ctx.textAlign = 'left';
            ctx.textBaseline = 'middle';
            ctx.fillText(text, (value < 0 ? base : x) + 4, y);
          } else {
            ctx.textAlign = 'center';
            ctx.textBaseline = 'bottom';
            ctx.fillText(text, x, (value < 0 ? base : y) - 3);
          }
        });
      });
      ctx.restore();
    },
  };
}

/** Creates a chart in `canvas`. The caller destroys it (element removed, chart type changed). */
export function drawChart(canvas: HTMLCanvasElement, first: EngineInput): ChartHandle {
  register(first.type);
  let input = first;
  const drawn: Plugin = { id: 'offenDrawn', afterRender: () => input.onDrawn() };
  const background: Plugin = {
    id: 'offenBackground',
    beforeDraw: (chart) => {
      const { ctx } = chart;
      ctx.save();
      ctx.globalCompositeOperation = 'destination-over';
      ctx.fillStyle = input.theme.background;
      ctx.fillRect(0, 0, chart.width, chart.height);
      ctx.restore();
    },
  };
  const plugins = [background, valueLabelPlugin(() => input), drawn];
  const chart = new parts.Chart(canvas, config(input, plugins));
  return {
    type: first.type,
    horizontal: first.horizontal,
    chart,
    update(next) {
      input = next;
      const fresh = config(next, plugins);
      chart.data = fresh.data;
      chart.options = fresh.options!;
      // New values: a value pointed at by the keyboard may no longer be where it was.
      chart.setActiveElements([]);
      chart.tooltip?.setActiveElements([], { x: 0, y: 0 });
      chart.update(next.animate ? undefined : 'none');
    },
    highlight(point) {
      const active = point ? [{ datasetIndex: point.series, index: point.label }] : [];
      const element = point ? chart.getDatasetMeta(point.series).data[point.label] : undefined;
      chart.setActiveElements(active);
      chart.tooltip?.setActiveElements(active, element ? { x: element.x, y: element.y } : { x: 0, y: 0 });
      chart.update('none');
    },
    toPng: (frame) => framedPicture(chart, frame, input.theme),
    destroy: () => chart.destroy(),
  };
}
