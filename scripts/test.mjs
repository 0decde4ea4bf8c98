// `npm test`: the whole suite. The browser tests (web-test-runner in Chromium), then the script-tag build checks
// (vite build + scripts/check-dist.mjs). Ends with one plain line `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(chrome)) {
  // On a fresh Debian machine (as root) install Debian's Chromium; elsewhere say how to get one.
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && !process.env.CHROME_PATH;
  if (canApt) {
    console.log("Chromium is missing: installing Debian's chromium package (apt-get) …");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env });
  }
  if (!existsSync(chrome)) {
    console.error(
      `Chromium was not found at ${chrome}.\nOn Debian/Ubuntu: apt-get update && apt-get install -y chromium\n` +
        'or set CHROME_PATH to another Chromium or Chrome binary.',
    );
    process.exit(1);
  }
}

const run = (command, args, env = {}) =>
  spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const countsFile = path.join(mkdtempSync(path.join(tmpdir(), 'offen-test-')), 'counts.json');
const extra = process.argv.slice(2);
const browserStatus = run('npx', ['web-test-runner', ...extra], { OFFEN_TEST_COUNTS: countsFile });
const counts = existsSync(countsFile)
  ? JSON.parse(readFileSync(countsFile, 'utf8'))
  : { passed: 0, failed: 1, skipped: 0, erroredFiles: 0 };
// A test file that failed to load counts as a failure even though none of its tests ran.
counts.failed += counts.erroredFiles;
if (browserStatus !== 0 && counts.failed === 0) counts.failed = 1;

let buildPassed = 0;
let buildFailed = 0;
if (extra.length === 0) {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' }).status;
  if (build !== 0) buildFailed++;
  else {
    const result = spawnSync('node', ['scripts/check-dist.mjs'], { encoding: 'utf8' });
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    const match = /(\d+) passed, (\d+) failed/.exec(result.stdout);
    buildPassed = match ? Number(match[1]) : 0;
    buildFailed = match ? Number(match[2]) : 1;
    if (result.status !== 0 && buildFailed === 0) buildFailed = 1;
  }
}

const passed = counts.passed + buildPassed;
const failed = counts.failed + buildFailed;
console.log(`\n${passed} passed, ${failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
