// The demo page as a visitor sees it (#18): at 320 and 1280 px, light and dark, in German and after switching the
// widgets to English, the page passes axe-core (WCAG 2.1 AA) and never scrolls sideways. Runs on the built dist/
// with the demo server (its own SQLite file in a temporary folder, port chosen by the system). Prints one line per
// check and `N passed, N failed`; exits 1 when any check fails.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDemo } from '../demo/server.mjs';
import { launchChromium } from './chromium.mjs';

const axeSource = readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');
const folder = mkdtempSync(path.join(tmpdir(), 'offen-demo-check-'));
const demo = await startDemo({ port: 0, dbFile: path.join(folder, 'ideas.sqlite') });
const browser = await launchChromium();
let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? '✓' : '✗'} ${name}${ok || !detail ? '' : `\n    ${detail}`}`);
}

/** Waits until every widget shows data (no loading state left) — the map with its list, the chart drawn. */
async function settled(page) {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('offen-map, offen-chart, offen-events, offen-ideas')].every(
        (el) =>
          el.shadowRoot &&
          el.shadowRoot.childElementCount > 0 &&
          !el.shadowRoot.querySelector('[data-state="loading"]'),
      ),
    { timeout: 20_000 },
  );
  await new Promise((resolve) => setTimeout(resolve, 400));
}

try {
  for (const width of [320, 1280]) {
    for (const dark of [false, true]) {
      for (const english of [false, true]) {
        const name = `demo at ${width} px, ${dark ? 'dark' : 'light'}, ${english ? 'English' : 'German'}`;
        const page = await browser.newPage();
        const errors = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.setViewport({ width, height: 900 });
        // axe is injected as a script; the demo's strict CSP (checked in check-dist.mjs) would refuse it.
        await page.setBypassCSP(true);
        await page.goto(`${demo.origin}/`, { waitUntil: 'networkidle0' });
        if (english) await page.click('#lang-toggle');
        if (dark) await page.click('#theme-toggle');
        await settled(page);
        await page.addScriptTag({ content: axeSource });
        const result = await page.evaluate(async () => {
          const { violations } = await window.axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
          });
          const widgets = [...document.querySelectorAll('offen-map, offen-chart, offen-events, offen-ideas')];
          return {
            violations: violations.map(
              (v) =>
                `${v.id}: ${v.nodes
                  .slice(0, 3)
                  .map((n) => n.target.join(' '))
                  .join('; ')}`,
            ),
            sideways: document.scrollingElement.scrollWidth - window.innerWidth,
            schemes: [...new Set(widgets.map((el) => el.getAttribute('data-offen-scheme')))],
            langs: [...new Set(widgets.map((el) => el.closest('[lang]')?.getAttribute('lang')))],
          };
        });
        check(`${name}: axe finds nothing`, result.violations.length === 0, result.violations.join('\n    '));
        check(`${name}: no sideways scroll`, result.sideways <= 0, `${result.sideways} px too wide`);
        check(
          `${name}: every widget ${dark ? 'dark' : 'light'} and ${english ? 'English' : 'German'}`,
          result.schemes.join() === (dark ? 'dark' : 'light') && result.langs.join() === (english ? 'en' : 'de'),
          `schemes ${result.schemes.join()}, languages ${result.langs.join()}`,
        );
        check(`${name}: no script errors`, errors.length === 0, errors.join('\n    '));
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await demo.close();
  rmSync(folder, { recursive: true, force: true });
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
