// Writes docs/chart-<n>-<width>.png: each chart of the demo page (built widgets, sample data) at a phone's 375 px
// and a desktop's 1280 px, for the README's chart section. Run with `npm run docs:chart-screenshots`.
import path from 'node:path';
import { launchChromium } from './chromium.mjs';
import { serveStatic } from './static-server.mjs';

const WIDTHS = [375, 1280];

const { origin, close } = await serveStatic({
  mounts: { '/offen/': path.resolve('dist'), '/data/': path.resolve('demo/data'), '/': path.resolve('demo') },
});
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  // The final picture at once, without the drawing animation.
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  for (const width of WIDTHS) {
    await page.setViewport({ width, height: 900 });
    await page.goto(`${origin}/`, { waitUntil: 'networkidle0' });
    await page.waitForFunction(
      () => [...document.querySelectorAll('offen-chart')].every((chart) => chart.chart && chart.summary()),
      { timeout: 20_000 },
    );
    await page.evaluate(() => Promise.all([...document.querySelectorAll('offen-chart')].map((c) => c.renderComplete)));
    const charts = await page.$$('offen-chart');
    for (const [index, chart] of charts.entries()) {
      const file = `docs/chart-${index + 1}-${width}.png`;
      await chart.screenshot({ path: file });
      console.log(`${file} written`);
    }
  }
} finally {
  await browser.close();
  await close();
}
