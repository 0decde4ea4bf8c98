// <offen-chart> speed: time from creating the element to the first drawn chart for a 10 000-row German CSV
// (fetch, decode, parse, type inference, shaping, lazy Chart.js, draw; no animation on either side), against Chart.js drawing the same chart
// directly on data that is already parsed (the reference does only the grouping it needs and the drawing).
import { BarController, BarElement, CategoryScale, Chart, LinearScale, LineController, LineElement } from 'chart.js';
import { PointElement, Legend, Tooltip } from 'chart.js';
import '../../src/components/chart/offen-chart.js';
import type { OffenChart } from '../../src/components/chart/offen-chart.js';
import { type BenchRow } from './bench-utils.js';

const ROWS = 10_000;
const RUNS = 7;
const DISTRICTS = ['Bad Belzig', 'Wiesenburg/Mark', 'Lübnitz', 'Görzke', 'Borkheide', 'Schmerwitz', 'Niemegk'];
const FACILITIES = ['Burg Eisenhardt', 'Stadtbibliothek', 'Freibad', 'Touristinformation', 'Kunsthalle'];

interface Row {
  date: Date;
  district: string;
  facility: string;
  visitors: number;
}

/** Visitor counts per day, district and facility: `Datum;Ortsteil;Einrichtung;Besucher` with DD.MM.YYYY dates. */
function generate(): { csv: string; rows: Row[] } {
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const lines = ['Datum;Ortsteil;Einrichtung;Besucher'];
  const rows: Row[] = [];
  const start = Date.UTC(1999, 0, 1);
  for (let i = 0; i < ROWS; i++) {
    const date = new Date(start + i * 86_400_000);
    const row = {
      date,
      district: DISTRICTS[i % DISTRICTS.length],
      facility: FACILITIES[i % FACILITIES.length],
      visitors: Math.round(random() * 1000 * 10) / 10,
    };
    rows.push(row);
    const d = `${String(date.getUTCDate()).padStart(2, '0')}.${String(date.getUTCMonth() + 1).padStart(2, '0')}.${date.getUTCFullYear()}`;
    lines.push(`${d};${row.district};${row.facility};${String(row.visitors).replace('.', ',')}`);
  }
  return { csv: lines.join('\r\n') + '\r\n', rows };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function box(): HTMLElement {
  const div = document.createElement('div');
  div.style.width = '800px';
  document.body.append(div);
  return div;
}

/** Element created → `offen-render` (first frame drawn). A fresh blob URL each run, so nothing is cached. */
async function timeOurs(csv: string, attributes: Record<string, string>): Promise<number> {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  const container = box();
  const started = performance.now();
  const element = document.createElement('offen-chart') as OffenChart;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  // Both sides draw without animation, so the time is loading and drawing, not a 1 s transition.
  element.setAttribute('no-animation', '');
  element.setAttribute('src', url);
  const drawn = new Promise((resolve, reject) => {
    element.addEventListener('offen-render', resolve, { once: true });
    element.addEventListener('offen-error', reject, { once: true });
  });
  container.append(element);
  await drawn;
  const elapsed = performance.now() - started;
  container.remove();
  URL.revokeObjectURL(url);
  return elapsed;
}

/** Chart.js alone on parsed rows: group as the chart needs, draw, until the first frame. */
function timeReference(rows: Row[], kind: 'bar' | 'line'): number {
  const container = box();
  const started = performance.now();
  let labels: string[];
  let values: number[];
  if (kind === 'bar') {
    const sums = new Map<string, number>();
    for (const row of rows) sums.set(row.district, (sums.get(row.district) ?? 0) + row.visitors);
    labels = [...sums.keys()];
    values = [...sums.values()];
  } else {
    const format = new Intl.DateTimeFormat('de-DE', { timeZone: 'UTC' });
    const sorted = [...rows].sort((a, b) => a.date.getTime() - b.date.getTime());
    labels = sorted.map((r) => format.format(r.date));
    values = sorted.map((r) => r.visitors);
  }
  const canvas = document.createElement('canvas');
  const holder = document.createElement('div');
  holder.style.height = '320px';
  holder.append(canvas);
  container.append(holder);
  let drawnAt = 0;
  const chart = new Chart(canvas, {
    type: kind,
    data: { labels, datasets: [{ label: 'Besucher', data: values }] },
    options: { responsive: true, maintainAspectRatio: false, animation: false },
    plugins: [{ id: 'drawn', afterRender: () => void (drawnAt ||= performance.now()) }],
  });
  const elapsed = drawnAt - started;
  chart.destroy();
  container.remove();
  return elapsed;
}

export default async function (): Promise<BenchRow[]> {
  Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale);
  Chart.register(Legend, Tooltip);
  const { csv, rows } = generate();
  const cases = [
    {
      name: 'bar, 10 000 rows summed per Ortsteil',
      kind: 'bar' as const,
      attributes: { x: 'Ortsteil', y: 'Besucher', type: 'bar' },
    },
    {
      name: 'line, 10 000 daily values (dates sorted in time)',
      kind: 'line' as const,
      attributes: { x: 'Datum', y: 'Besucher', type: 'line' },
    },
  ];
  const result: BenchRow[] = [];
  for (const c of cases) {
    await timeOurs(csv, c.attributes); // warm-up: Chart.js chunk, parser chunk, JIT
    timeReference(rows, c.kind);
    const ours: number[] = [];
    const reference: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      ours.push(await timeOurs(csv, c.attributes));
      reference.push(timeReference(rows, c.kind));
    }
    result.push({
      name: `element created → first drawn chart: ${c.name}`,
      ours: median(ours),
      reference: median(reference),
      unit: 'ms',
      refName: 'Chart.js directly on parsed rows',
    });
  }
  return result;
}
