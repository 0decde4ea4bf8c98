// Builds the minimal React 19 and Vue 3 apps in test/frameworks/ with Vite, the way a developer's app imports the
// package (`offen-widgets/chart` → dist/chart.js), opens each in Chromium and checks what a visitor would see: the
// widget drew the data, a property set by the framework reached it, its offen-load event reached the framework's
// state, and a Dataset object passed through a property was shown. Run after `vite build`. Prints one line per check.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { launchChromium } from './chromium.mjs';
import { serveStatic } from './static-server.mjs';

const root = path.resolve('.');
const out = mkdtempSync(path.join(tmpdir(), 'offen-frameworks-'));
const apps = ['react', 'vue'];

const results = [];
function check(name, ok, detail = '') {
  results.push(ok);
  console.log(`${ok ? '✓' : '✗'} ${name}${ok || !detail ? '' : `\n    ${detail}`}`);
}

for (const app of apps) {
  await build({
    root: path.join(root, 'test/frameworks', app),
    configFile: false,
    logLevel: 'warn',
    base: `/${app}/`,
    // The package's own entry points, as `exports` in package.json maps them.
    resolve: {
      alias: [
        { find: /^offen-widgets\/(.*)$/, replacement: path.join(root, 'dist/$1.js') },
        // Vue's full build compiles the app's template in the browser (no build plugin needed for a string template).
        ...(app === 'vue' ? [{ find: /^vue$/, replacement: 'vue/dist/vue.esm-bundler.js' }] : []),
      ],
    },
    define: {
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    build: { outDir: path.join(out, app), emptyOutDir: true, rolldownOptions: { checks: { pluginTimings: false } } },
  });
}

/** A body above the worker threshold (about 2 MB), in the columns the apps' charts show. */
const bigCsv =
  'Produktbereich;Ansatz 2025 (€)\n' +
  Array.from({ length: 60_000 }, (_, i) => `Produktbereich ${i % 12};${i % 1000},25`).join('\n');

const { origin, close } = await serveStatic({
  mounts: { '/react/': path.join(out, 'react'), '/vue/': path.join(out, 'vue'), '/data/': path.resolve('demo/data') },
  before: (req, res, url) => {
    if (url.pathname !== '/big/rows.csv') return false;
    res.writeHead(200, { 'Content-Type': 'text/csv' });
    res.end(bigCsv);
    return true;
  },
});
const browser = await launchChromium();
try {
  for (const app of apps) {
    const name = app === 'react' ? 'React 19' : 'Vue 3';
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${origin}/${app}/`, { waitUntil: 'networkidle0' });
    const seen = await page
      .waitForFunction(
        () => {
          const chart = document.querySelector('offen-chart');
          const map = document.querySelector('offen-map');
          const count = document.getElementById('count')?.textContent ?? '';
          const csv = chart?.toCsv?.() ?? '';
          const mapCount = map?.shadowRoot?.textContent?.match(/(\d+) Angebote/)?.[1];
          if (!csv || !/\d/.test(count) || !mapCount) return false;
          return {
            heading: chart.shadowRoot.querySelector('[part~="heading"]')?.textContent?.trim(),
            header: csv.split('\n')[0],
            count,
            records: chart.toCsv().split('\n').length - 1,
            mapCount: Number(mapCount),
            mapRecords: map.data?.records.length,
          };
        },
        { timeout: 15_000 },
      )
      .then((handle) => handle.jsonValue())
      .catch((error) => ({ error: String(error) }));
    check(
      `${name}: the chart draws the chosen column and takes a property set by the framework`,
      seen.heading?.endsWith(app === 'react' ? 'Haushalt aus React' : 'Haushalt aus Vue') &&
        seen.header?.includes('Ansatz 2025 (€)') &&
        !seen.header?.includes('Ansatz 2026'),
      JSON.stringify(seen),
    );
    check(
      `${name}: the widget's offen-load event reaches the framework's state`,
      /^\d+ Zeilen geladen$/.test(seen.count ?? '') && Number(seen.count.split(' ')[0]) > 0,
      JSON.stringify(seen),
    );
    check(
      `${name}: a Dataset passed through the map's data property is shown`,
      seen.mapRecords > 0 && seen.mapCount === seen.mapRecords,
      JSON.stringify(seen),
    );
    // The app's bundler built the package's parse worker again (from `new Worker(new URL(…, import.meta.url))`).
    const parsedIn = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const chart = document.querySelector('offen-chart');
          chart.addEventListener('offen-load', (event) => resolve(event.detail.meta.parsedIn), { once: true });
          setTimeout(() => resolve('no offen-load within 20 s'), 20_000);
          chart.setAttribute('src', '/big/rows.csv');
        }),
    );
    check(`${name}: a large CSV is parsed in the worker the app's bundler built`, parsedIn === 'worker', parsedIn);
    check(`${name}: no errors on the page`, errors.length === 0, errors.join('; '));
    await page.close();
  }
} finally {
  await browser.close();
  await close();
  rmSync(out, { recursive: true, force: true });
}

const passed = results.filter(Boolean).length;
console.log(`framework checks: ${passed} passed, ${results.length - passed} failed`);
process.exit(results.length - passed ? 1 : 0);
