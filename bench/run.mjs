// `npm run bench`: sizes of the built files and speed ratios against reference libraries, in one run, in headless
// Chromium. Each bench/pages/*.bench.ts default-exports `async () => BenchRow[]`; this runner bundles it with
// esbuild, serves it with the corpus and sample data, runs it and prints every row with its ratio.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../scripts/chromium.mjs';
import { serveStatic } from '../scripts/static-server.mjs';
import { hostileRoute } from './hostile-routes.mjs';

const root = process.cwd();
const out = path.join(root, 'bench/.out');
mkdirSync(out, { recursive: true });
const corpus = path.join(root, 'test/corpus');
const only = process.argv.slice(2);

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

/** Built files that contain a library, read from their source maps. */
function builtFilesWith(lib) {
  const files = [];
  (function walk(dir) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'types') walk(full);
      else if (entry.name.endsWith('.js') && existsSync(full + '.map')) {
        const { sources = [] } = JSON.parse(readFileSync(full + '.map', 'utf8'));
        if (sources.some((s) => s.includes(`node_modules/${lib}/`))) files.push(full);
      }
    }
  })(path.join(root, 'dist'));
  return files;
}

function sizeRows() {
  if (!existsSync('dist/offen.js')) return [];
  const rows = [
    {
      name: 'size: dist/offen.js (script-tag loader)',
      ours: gz('dist/offen.js'),
      reference: 4,
      unit: 'KB',
      goal: '≤ 4 KB gzip',
      refName: 'budget',
    },
  ];
  const libs = [
    ['leaflet', 'node_modules/leaflet/dist/leaflet.js', 'map'],
    ['chart.js', 'node_modules/chart.js/dist/chart.umd.min.js', 'chart'],
    ['ical.js', 'node_modules/ical.js/dist/ical.min.js', 'events'],
  ];
  for (const [lib, reference, widget] of libs) {
    const files = builtFilesWith(lib);
    const widgetFile = path.join('dist', `${widget}.js`);
    if (!files.length || !existsSync(reference)) continue;
    const ours = files.reduce((sum, f) => sum + gz(f), 0);
    rows.push({
      name: `size: chunk(s) with ${lib} (${files.map((f) => path.basename(f)).join(', ')})`,
      ours,
      reference: gz(reference),
      unit: 'KB',
      refName: `${lib} alone (${path.basename(reference)})`,
    });
    if (existsSync(widgetFile)) void widgetFile;
  }
  return rows;
}

const inlineCss = {
  name: 'inline-css',
  setup(b) {
    b.onResolve({ filter: /\.css\?inline$/ }, async (args) => {
      const resolved = await b.resolve(args.path.replace(/\?inline$/, ''), {
        resolveDir: args.resolveDir,
        kind: args.kind,
      });
      return { path: resolved.path, namespace: 'inline-css' };
    });
    b.onLoad({ filter: /.*/, namespace: 'inline-css' }, (args) => ({
      contents: readFileSync(args.path, 'utf8'),
      loader: 'text',
    }));
  },
};

const pagesDir = path.join(root, 'bench/pages');
const pages = readdirSync(pagesDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only.length || only.some((o) => f.includes(o)));

const results = [...sizeRows()];
const { origin, close } = await serveStatic({
  mounts: {
    '/out/': out,
    '/corpus/': corpus,
    '/demo-data/': path.join(root, 'demo/data'),
    '/bench-data/': path.join(root, 'bench/data'),
    // The built package, for pages that load it as a webmaster's page does (worker.bench.ts: the parse worker).
    '/dist/': path.join(root, 'dist'),
  },
  before: (req, res, url) => {
    // A source that never finishes, and its request counts (hostile.bench.ts: widgets removed while loading).
    if (hostileRoute(req, res, url)) return true;
    if (url.pathname !== '/') return false;
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(
      '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>',
    );
    return true;
  },
});
const browser = await launchChromium();

/** Runs a built bench page in a fresh tab: its rows, and how many tabs it asks for. */
async function runInTab(name) {
  const tab = await browser.newPage();
  let presses;
  try {
    tab.setDefaultTimeout(600_000);
    tab.on('console', (m) => m.type() === 'error' && console.error(`[${name}] ${m.text()}`));
    await tab.setViewport({ width: 1200, height: 800 });
    // Real mouse clicks at a point, every 200 ms until called with null (hostile.bench.ts: does another widget
    // answer a reader while one is busy?). Sent without waiting, so they queue in the browser as a reader's do.
    const cdp = await tab.createCDPSession();
    await tab.exposeFunction('benchPressAt', (point) => {
      clearInterval(presses);
      if (!point) return;
      const send = (type) =>
        cdp.send('Input.dispatchMouseEvent', { type, ...point, button: 'left', clickCount: 1 }).catch(() => {});
      presses = setInterval(() => {
        void send('mousePressed');
        void send('mouseReleased');
      }, 200);
    });
    await tab.goto(`${origin}/`);
    return await tab.evaluate(async (url) => {
      const page = await import(url);
      return { rows: await page.default(), tabs: page.tabs ?? 1 };
    }, `${origin}/out/${name}.js`);
  } finally {
    clearInterval(presses);
    await tab.close();
  }
}

try {
  for (const page of pages) {
    const name = page.replace(/\.bench\.ts$/, '');
    await build({
      entryPoints: [path.join(pagesDir, page)],
      bundle: true,
      format: 'esm',
      target: 'es2022',
      outfile: path.join(out, `${name}.js`),
      conditions: ['production', 'browser'],
      plugins: [inlineCss],
      tsconfig: 'tsconfig.json',
      logLevel: 'warning',
    });
    console.error(`running ${name} …`);
    try {
      // A page that exports `tabs = N` runs in N fresh tabs (each with its own heap); every row then reports the
      // tab whose ratio is the median, so one tab's unlucky garbage collection does not decide the result.
      const runs = [];
      let tabs = 1;
      for (let t = 0; t < tabs; t++) {
        const run = await runInTab(name);
        tabs = run.tabs;
        runs.push(run.rows);
      }
      results.push(
        ...runs[0].map((row, i) => {
          const byRatio = runs.map((rows) => rows[i]).sort((a, b) => a.ours / a.reference - b.ours / b.reference);
          const median = byRatio[Math.floor(byRatio.length / 2)];
          const note = runs.length > 1 ? ` (median of ${runs.length} tabs)` : '';
          return { ...median, name: `${name}: ${row.name}${note}` };
        }),
      );
    } catch (error) {
      results.push({
        name: `${name}: FAILED — ${String(error.message ?? error).split('\n')[0]}`,
        ours: NaN,
        reference: NaN,
        unit: '',
      });
    }
  }
} finally {
  await browser.close();
  await close();
}

const fmt = (v, unit) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ${unit}` : '—');
console.log('\n' + ['benchmark', 'ours', 'reference', 'ratio', 'goal'].join(' | '));
console.log('--- | --- | --- | --- | ---');
for (const r of results) {
  const ratio = Number.isFinite(r.ours / r.reference) ? `${(r.ours / r.reference).toFixed(2)}×` : '—';
  console.log(
    [
      r.name,
      fmt(r.ours, r.unit),
      `${fmt(r.reference, r.unit)}${r.refName ? ` (${r.refName})` : ''}`,
      ratio,
      r.goal ?? '',
    ].join(' | '),
  );
}
