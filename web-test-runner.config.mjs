// Tests run in Debian's Chromium against real files served by this dev server (never the internet).
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs } from './scripts/chromium.mjs';
import { countReporter } from './scripts/count-reporter.mjs';
import { inlineCssPlugin } from './scripts/inline-css-plugin.mjs';
import { defaultReporter } from '@web/test-runner';

const root = path.dirname(fileURLToPath(import.meta.url));
const serversDir = path.join(root, 'test/servers');

// Every test/servers/*.mjs exports `middleware` (Koa): fixture files, the corpus, fault injection, tiles, APIs.
const middleware = [];
for (const file of readdirSync(serversDir)
  .filter((f) => f.endsWith('.mjs'))
  .sort()) {
  const mod = await import(pathToFileURL(path.join(serversDir, file)).href);
  if (mod.middleware) middleware.push(mod.middleware);
}

/** Debian's Chromium, optionally with a time zone of its own (TZ in its environment). */
function chromium(env = {}) {
  return chromeLauncher({
    // One browser context (a window of its own) per page: with concurrency, a page in a background tab of a
    // shared window gets no animation frames, so rAF, ResizeObserver and fixture() of plain elements hang.
    createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    launchOptions: {
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      headless: true,
      args: ['--headless=new', ...chromiumArgs],
      env: { ...process.env, ...env },
    },
  });
}

export default {
  files: ['test/**/*.test.ts', 'src/**/*.test.ts', '!test/time-zone/**'],
  nodeResolve: { exportConditions: ['production', 'browser'] },
  concurrency: 2,
  concurrentBrowsers: 1,
  testsFinishTimeout: 240_000,
  testFramework: { config: { timeout: 20_000 } },
  browsers: [chromium()],
  // The calendar tests run a second time in a browser whose own time zone is far from Berlin: dates must come out
  // the same whatever the machine's zone.
  groups: [
    {
      name: 'browser-in-new-york',
      files: [
        'test/time-zone/*.test.ts',
        'test/events/*.test.ts',
        'test/data/ics*.test.ts',
        'test/data/oparl.test.ts',
        'test/data/overrides.test.ts',
      ],
      browsers: [chromium({ TZ: 'America/New_York' })],
    },
  ],
  middleware,
  reporters: [
    defaultReporter(),
    ...(process.env.OFFEN_TEST_COUNTS ? [countReporter(process.env.OFFEN_TEST_COUNTS)] : []),
  ],
  plugins: [inlineCssPlugin(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
};
