// Writes docs/theming-example.png: the demo page (built widgets, sample data) with the worked example's CSS from
// docs/theming.md applied, so the picture always shows what the guide's code does. Run after `npm run build`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from './chromium.mjs';
import { serveStatic } from './static-server.mjs';

const guide = readFileSync('docs/theming.md', 'utf8');
const css = /```css\n([\s\S]*?)```/.exec(guide)?.[1];
if (!css) throw new Error('docs/theming.md has no css code block');

const { origin, close } = await serveStatic({
  mounts: { '/offen/': path.resolve('dist'), '/data/': path.resolve('demo/data'), '/': path.resolve('demo') },
});
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 900 });
  await page.evaluateOnNewDocument((css) => {
    document.addEventListener('DOMContentLoaded', () => {
      const style = document.createElement('style');
      style.textContent = css;
      document.head.append(style);
    });
  }, css);
  await page.goto(`${origin}/`, { waitUntil: 'networkidle0' });
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const top = await page.evaluate(
    () =>
      Math.min(...[...document.querySelectorAll('offen-events, offen-map')].map((e) => e.getBoundingClientRect().top)) +
      scrollY,
  );
  await page.screenshot({ path: 'docs/theming-example.png', clip: { x: 0, y: top - 10, width: 1100, height: 1250 } });
  console.log('docs/theming-example.png written');
} finally {
  await browser.close();
  await close();
}
