// Checks the script-tag build in Chromium the way a webmaster uses it: dist/ copied under a sub-path of a host,
// one <script type="module" src=".../offen.js">, widgets in the page. Prints one line per check and a summary;
// exits 1 when any check fails. Run after `vite build`.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from './chromium.mjs';
import { serveStatic } from './static-server.mjs';

const dist = path.resolve('dist');

/** Which heavy libraries each built file contains, read from its source map. */
function heavyFiles() {
  const result = { leaflet: new Set(), 'chart.js': new Set(), 'ical.js': new Set() };
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js') && existsSync(full + '.map')) {
        const { sources = [] } = JSON.parse(readFileSync(full + '.map', 'utf8'));
        for (const lib of Object.keys(result)) {
          if (sources.some((s) => s.includes(`node_modules/${lib}/`))) result[lib].add(path.relative(dist, full));
        }
      }
    }
  };
  walk(dist);
  return result;
}

const pages = {
  'empty.html': '<p>Keine Widgets.</p>',
  'events-only.html': '<offen-events src="data/none.ics"></offen-events>',
  'data.html': '<offen-data id="d" src="data/none.csv"><p>x</p></offen-data>',
  'later.html': '',
  'shadow.html': '<div id="host"></div>',
  'twice.html': '<offen-data src="data/none.csv"></offen-data>',
  // A body above the worker threshold (about 2.4 MB): parsed in the worker under the strict CSP below.
  'worker.html': '<offen-chart src="big/rows.csv" x="Bezirk" y="Betrag"></offen-chart>',
  'csp.html': [
    '<offen-map src="data/angebote.geojson" consent="none" tile-url="tiles/{z}/{x}/{y}.png"></offen-map>',
    '<offen-chart src="data/haushalt.csv" x="Produktbereich" y="Ansatz 2026 (€)"></offen-chart>',
    '<offen-ideas src="data/ideen.json"></offen-ideas>',
    '<offen-events src="data/termine.ics" range="all"></offen-events>',
  ].join(''),
};

/** The strict policy careful municipal sites send: no inline scripts or styles, no eval, nothing from elsewhere. */
const strictCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'";

function pageHtml(name, body) {
  const script = '<script type="module" src="./offen/offen.js"></script>';
  const twice = name === 'twice.html' ? '<script type="module" src="./offen/offen.js?again"></script>' : '';
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${name}</title>${script}${twice}</head><body>${body}</body></html>`;
}

/** 80,000 rows in 12 districts; each row of district n is worth n,5 (district 1: 6,667 rows, 10.000,5 in all). */
const bigCsv =
  'Bezirk;Betrag\n' + Array.from({ length: 80_000 }, (_, i) => `Stadtbezirk Nummer ${i % 12};${i % 12},5`).join('\n');

const results = [];
function check(name, ok, detail = '') {
  results.push(ok);
  console.log(`${ok ? '✓' : '✗'} ${name}${ok || !detail ? '' : `\n    ${detail}`}`);
}

const heavy = heavyFiles();
const requested = [];
const { origin, close } = await serveStatic({
  mounts: { '/town/sub/offen/': dist, '/town/sub/data/': path.resolve('demo/data') },
  onRequest: (pathname) => requested.push(pathname),
  headers: { 'Content-Security-Policy': strictCsp },
  before: (req, res, url) => {
    if (url.pathname === '/town/sub/big/rows.csv') {
      res.writeHead(200, { 'Content-Type': 'text/csv', 'Content-Security-Policy': strictCsp });
      res.end(bigCsv);
      return true;
    }
    const name = url.pathname.replace('/town/sub/', '');
    if (pages[name] === undefined) return false;
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': strictCsp });
    res.end(pageHtml(name, pages[name]));
    return true;
  },
});
const browser = await launchChromium();
const errors = [];

async function open(name, after, prepare) {
  requested.length = 0;
  const page = await browser.newPage();
  await prepare?.(page);
  page.on('pageerror', (error) => errors.push(`${name}: ${error.message}`));
  page.on('console', (message) => {
    // A 404 for the pages' made-up data URLs is expected; anything else logged as an error is not.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      errors.push(`${name}: ${message.text()}`);
  });
  await page.goto(`${origin}/town/sub/${name}`, { waitUntil: 'networkidle0' });
  const value = after ? await after(page) : undefined;
  await page.close();
  return { files: requested.filter((p) => p.startsWith('/town/sub/offen/')), value };
}

try {
  const empty = await open('empty.html');
  check(
    'a page without offen-* tags fetches offen.js and nothing else',
    empty.files.length === 1 && empty.files[0].endsWith('/offen.js'),
    `fetched: ${empty.files.join(', ')}`,
  );

  const events = await open('events-only.html', (page) => page.evaluate(() => !!customElements.get('offen-events')));
  const eventsFiles = events.files.map((f) => f.replace('/town/sub/offen/', ''));
  const leaked = eventsFiles.filter((f) => heavy.leaflet.has(f) || heavy['chart.js'].has(f));
  check(
    'a page with only <offen-events> downloads neither Leaflet nor Chart.js',
    leaked.length === 0,
    `fetched: ${leaked.join(', ')}`,
  );
  check(
    'chunk URLs resolve relative to offen.js (a sub-path install works)',
    events.files.every((f) => f.startsWith('/town/sub/offen/')) && events.files.length > 1,
  );

  const data = await open('data.html', (page) => page.evaluate(() => !!customElements.get('offen-data')));
  check('<offen-data> in the page is defined by the autoloader', data.value === true);

  const later = await open('later.html', async (page) => {
    await page.evaluate(() => document.body.append(document.createElement('offen-data')));
    await page.waitForFunction(() => !!customElements.get('offen-data'), { timeout: 5000 }).catch(() => undefined);
    return page.evaluate(() => !!customElements.get('offen-data'));
  });
  check('an element added after load is defined', later.value === true);

  const shadow = await open('shadow.html', async (page) => {
    await page.evaluate(() => {
      const root = document.getElementById('host').attachShadow({ mode: 'open' });
      window.offen.observe(root);
      root.append(document.createElement('offen-data'));
    });
    await page.waitForFunction(() => !!customElements.get('offen-data'), { timeout: 5000 }).catch(() => undefined);
    return page.evaluate(() => !!customElements.get('offen-data'));
  });
  check('an element inside a shadow root given to offen.observe() is defined', shadow.value === true);

  const violations = await open(
    'csp.html',
    async (page) => {
      await page.waitForFunction(
        () => ['offen-map', 'offen-chart', 'offen-ideas', 'offen-events'].every((tag) => customElements.get(tag)),
        { timeout: 10_000 },
      );
      await new Promise((resolve) => setTimeout(resolve, 2500));
      return page.evaluate(() => window.__violations ?? []);
    },
    (page) =>
      page.evaluateOnNewDocument(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          window.__violations.push(`${e.violatedDirective} ${e.blockedURI || e.sample || ''}`),
        );
      }),
  );
  check(
    'every widget works under a strict Content-Security-Policy (no violations)',
    violations.value.length === 0,
    violations.value.slice(0, 5).join('; '),
  );

  const worker = await open(
    'worker.html',
    async (page) => {
      await page.waitForFunction(() => document.querySelector('offen-chart')?.toCsv?.(), { timeout: 20_000 });
      return page.evaluate(() => ({
        csv: document.querySelector('offen-chart').toCsv(),
        violations: window.__violations,
        parsedIn: window.__parsedIn,
      }));
    },
    (page) =>
      page.evaluateOnNewDocument(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          window.__violations.push(`${e.violatedDirective} ${e.blockedURI || e.sample || ''}`),
        );
        document.addEventListener('offen-load', (e) => (window.__parsedIn = e.detail.meta.parsedIn));
      }),
  );
  const parsedBy = worker.files.filter((f) => /\/chunks\/parse-worker-[\w-]+\.js$/.test(f));
  check(
    "a 2.4 MB CSV is parsed in the worker (its own file next to the chunks) under script-src 'self' alone",
    parsedBy.length === 1 &&
      worker.value.parsedIn === 'worker' &&
      worker.value.violations.length === 0 &&
      /\nStadtbezirk Nummer 1;10000,5\r?\n/.test(worker.value.csv),
    `worker files: ${parsedBy.join(', ') || 'none'}; parsed in: ${worker.value.parsedIn}; ` +
      `${worker.value.violations.join('; ')}; ${worker.value.csv.slice(0, 120)}`,
  );

  const before = errors.length;
  const twice = await open('twice.html', (page) => page.evaluate(() => !!customElements.get('offen-data')));
  check(
    'including the script twice throws nothing',
    twice.value === true && errors.length === before,
    errors.slice(before).join('; '),
  );

  // The embed builder, as a webmaster uses it: pick a sample, change a mapping, copy the snippet, paste it into a
  // blank page in another folder; the widget there shows the same data as the builder's preview.
  const builderRun = await open(
    'offen/builder/index.html',
    async (page) => {
      const root = () => document.querySelector('offen-builder')?.shadowRoot;
      await page.evaluate(`window.__root = ${root.toString()}`);
      const act = (fn, ...args) => page.evaluate(fn, ...args);
      const choose = (selector, value) =>
        act(
          (selector, value) => {
            const control = window.__root().querySelector(selector);
            control.value = value;
            control.dispatchEvent(new Event('change'));
          },
          selector,
          value,
        );
      await page.waitForFunction(() => window.__root()?.querySelector('#sample'));
      await act(() => window.__root().querySelector('input[value="chart"]').click());
      await page.waitForFunction(() => window.__root().querySelector('#sample option[value="haushalt.csv"]'));
      await choose('#sample', 'haushalt.csv');
      await page.waitForFunction(() => window.__root().querySelector('#attr-x option[value="Produktbereich"]'), {
        timeout: 10_000,
      });
      await choose('#attr-y', 'Ansatz 2025 (€)');
      await page.waitForFunction(() => window.__root().querySelector('.preview-host offen-chart')?.toCsv?.(), {
        timeout: 10_000,
      });
      return act(() => ({
        code: window.__root().querySelector('#code').value,
        csv: window.__root().querySelector('.preview-host offen-chart').toCsv(),
        hash: location.hash,
        violations: window.__violations,
      }));
    },
    (page) =>
      page.evaluateOnNewDocument(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          window.__violations.push(`${e.violatedDirective} ${e.blockedURI || e.sample || ''}`),
        );
      }),
  );
  const built = builderRun.value;
  check(
    'the builder page (under a strict CSP) reads a bundled sample and writes a snippet with the changed mapping',
    built.code.includes('<script type="module" src="' + origin + '/town/sub/offen/offen.js"></script>') &&
      built.code.includes('y="Ansatz 2025 (€)"') &&
      built.hash.includes('widget=chart') &&
      built.violations.length === 0,
    `${built.code} ${built.violations.join('; ')}`,
  );
  pages['elsewhere/snippet.html'] = built.code;
  const pasted = await open('elsewhere/snippet.html', async (page) => {
    await page.waitForFunction(() => document.querySelector('offen-chart')?.toCsv?.(), { timeout: 10_000 });
    return page.evaluate(() => document.querySelector('offen-chart').toCsv());
  });
  check(
    'the snippet pasted into a blank page in another folder shows the same data as the preview',
    pasted.value === built.csv && built.csv.includes('Ansatz 2025 (€)'),
    `preview: ${built.csv.slice(0, 80)} / page: ${String(pasted.value).slice(0, 80)}`,
  );
} finally {
  await browser.close();
  await close();
}

const passed = results.filter(Boolean).length;
const failed = results.length - passed;
console.log(`build checks: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
