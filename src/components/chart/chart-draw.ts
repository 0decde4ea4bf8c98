import type { ChartConfiguration, ChartDataset, Plugin } from 'chart.js';
import * as parts from './chart-modules.js';
import { isCircular, type ChartHandle, type ChartType, type EngineInput } from './chart-engine.js';

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

function config(input: EngineInput, drawn: Plugin, background: Plugin): ChartConfiguration {
  const { type, theme } = input;
  const circular = isCircular(type);
  const horizontal = type === 'horizontal-bar';
  const stacked = type === 'stacked-bar';
  const valueAxis = horizontal ? 'x' : 'y';
  const labelAxis = horizontal ? 'y' : 'x';
  const tickFont = { family: theme.font };
  const scales = circular
    ? {}
    : {
        [labelAxis]: {
          type: 'category' as const,
          stacked,
          grid: { display: false },
          border: { color: theme.grid },
          ticks: { color: theme.text, font: tickFont },
        },
        [valueAxis]: {
          type: 'linear' as const,
          stacked,
          beginAtZero: true,
          grid: { color: theme.grid },
          border: { display: false },
          ticks: {
            color: theme.text,
            font: tickFont,
            callback: (value: number | string) => input.formatTick(Number(value)),
          },
        },
      };
  const chartJsType = circular ? type : type === 'line' || type === 'area' ? 'line' : 'bar';
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
    plugins: [background, drawn],
  } as ChartConfiguration;
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
  const chart = new parts.Chart(canvas, config(input, drawn, background));
  return {
    type: first.type,
    chart,
    update(next) {
      input = next;
      const fresh = config(next, drawn, background);
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
    toPng: () => chart.toBase64Image('image/png'),
    destroy: () => chart.destroy(),
  };
}
