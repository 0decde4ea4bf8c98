// Parsing off the main thread (#16): a generated 50 MB CSV (about 1.1 million rows, 12 districts) loaded into
// <offen-chart> from the built package (dist/, where the parse worker is a file of its own), once with the worker and
// once on the main thread as before (no `Worker`, the fallback). Rows: the longest main-thread task while loading
// (PerformanceObserver `longtask`; below 50 ms Chromium reports none, then the longest gap a 0 ms timer saw), time
// to the first drawn chart, and the longest task of loadDataset alone (parsing without the chart's own work).
import { longest, watchMainThread, type BenchRow } from './bench-utils.js';

/** Just under the data layer's default limit of 50 MB. */
const TARGET_BYTES = 49_000_000;
/** The built package, imported at run time so the bench bundle does not take it in (the worker must stay a file). */
const DIST = '/dist/';
const importDist = (file: string) => import(/* @vite-ignore */ `${DIST}${file}`);

/** `Bezirk;Datum;Betrag;Kennung`: German dates and decimal commas, 12 districts, as UTF-8 bytes. */
function generate(): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [encoder.encode('Bezirk;Datum;Betrag;Kennung\n')];
  let size = parts[0].byteLength;
  for (let i = 0; size < TARGET_BYTES;) {
    const lines: string[] = [];
    for (let k = 0; k < 10_000; k++, i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const month = String(1 + (i % 12)).padStart(2, '0');
      lines.push(
        `Stadtbezirk ${i % 12};${day}.${month}.2024;${(i * 37) % 100_000},${String(i % 100).padStart(2, '0')};K-${i}`,
      );
    }
    const chunk = encoder.encode(lines.join('\n') + '\n');
    parts.push(chunk);
    size += chunk.byteLength;
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

/** Runs `work` with or without `Worker` (without: the data layer falls back to the main thread, as before). */
async function withWorker<T>(useWorker: boolean, work: () => Promise<T>): Promise<T> {
  const saved = globalThis.Worker;
  if (!useWorker) (globalThis as { Worker?: unknown }).Worker = undefined;
  try {
    return await work();
  } finally {
    globalThis.Worker = saved;
  }
}

async function chartRun(bytes: Uint8Array, useWorker: boolean) {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'text/csv' }));
  const container = document.createElement('div');
  container.style.width = '800px';
  document.body.append(container);
  try {
    return await withWorker(useWorker, async () => {
      const stop = watchMainThread();
      const started = performance.now();
      const element = document.createElement('offen-chart');
      element.setAttribute('x', 'Bezirk');
      element.setAttribute('y', 'Betrag');
      element.setAttribute('no-animation', '');
      element.setAttribute('src', url);
      let parsedIn = '';
      element.addEventListener('offen-load', (e) => {
        parsedIn = (e as CustomEvent<{ meta: { parsedIn?: string } }>).detail.meta.parsedIn ?? '';
      });
      const drawn = new Promise((resolve, reject) => {
        element.addEventListener('offen-render', resolve, { once: true });
        element.addEventListener('offen-error', (e) => reject(new Error(JSON.stringify((e as CustomEvent).detail))), {
          once: true,
        });
      });
      container.append(element);
      await drawn;
      const firstRender = performance.now() - started;
      // A moment after the first frame, for the tasks that follow it.
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { firstRender, longest: longest(stop()), parsedIn };
    });
  } finally {
    container.remove();
    URL.revokeObjectURL(url);
  }
}

async function loadRun(bytes: Uint8Array, useWorker: boolean) {
  const { loadDataset } = (await importDist('data.js')) as typeof import('../../src/data/index.js');
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'text/csv' }));
  try {
    return await withWorker(useWorker, async () => {
      const stop = watchMainThread();
      const started = performance.now();
      const dataset = await loadDataset({ url, format: 'csv', maxBytes: 100_000_000 });
      const elapsed = performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { elapsed, longest: longest(stop()), parsedIn: dataset.meta.parsedIn, records: dataset.records.length };
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}

export default async function (): Promise<BenchRow[]> {
  await importDist('chart.js');
  const bytes = generate();
  const mb = (bytes.byteLength / 1e6).toFixed(0);
  const loadWorker = await loadRun(bytes, true);
  const loadMain = await loadRun(bytes, false);
  const chartWorker = await chartRun(bytes, true);
  const chartMain = await chartRun(bytes, false);
  console.error(JSON.stringify({ loadWorker, loadMain, chartWorker, chartMain }));
  const reference = 'main thread, as before';
  return [
    {
      name: `longest main-thread task, ${mb} MB CSV into <offen-chart> (${chartWorker.parsedIn})`,
      ours: chartWorker.longest,
      reference: chartMain.longest,
      unit: 'ms',
      goal: '< 50 ms',
      refName: reference,
    },
    {
      name: `time to first render, ${mb} MB CSV into <offen-chart> (${chartWorker.parsedIn})`,
      ours: chartWorker.firstRender,
      reference: chartMain.firstRender,
      unit: 'ms',
      refName: reference,
    },
    {
      name: `longest main-thread task, loadDataset of ${mb} MB CSV alone (${loadWorker.parsedIn}, ${loadWorker.records} rows)`,
      ours: loadWorker.longest,
      reference: loadMain.longest,
      unit: 'ms',
      goal: '< 50 ms',
      refName: reference,
    },
  ];
}
