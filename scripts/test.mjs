// `npm test`: the whole suite. The browser tests (web-test-runner in Chromium), the server tests (node --test,
// test/server/: the idea server against SQLite and PostgreSQL), then the script-tag build checks (vite build +
// scripts/check-dist.mjs) and the React/Vue apps (scripts/check-frameworks.mjs). Ends with one plain line
// `N passed, N failed`.
// `npm test -- test/server/cli.test.mjs` runs only those server tests; other arguments go to web-test-runner.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
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

const tempDir = mkdtempSync(path.join(tmpdir(), 'offen-test-'));
const countsFile = path.join(tempDir, 'counts.json');
const extra = process.argv.slice(2);
const serverOnly = extra.length > 0 && extra.every((arg) => arg.startsWith('test/server/'));
let counts = { passed: 0, failed: 0, skipped: 0, erroredFiles: 0 };
if (!serverOnly) {
  const browserStatus = run('npx', ['web-test-runner', ...extra], { OFFEN_TEST_COUNTS: countsFile });
  counts = existsSync(countsFile)
    ? JSON.parse(readFileSync(countsFile, 'utf8'))
    : { passed: 0, failed: 1, skipped: 0, erroredFiles: 0 };
  // A test file that failed to load counts as a failure even though none of its tests ran.
  counts.failed += counts.erroredFiles;
  if (browserStatus !== 0 && counts.failed === 0) counts.failed = 1;
}

/** The server tests in Node's own runner: the spec report on screen, TAP in a file for the counts. */
function serverTests(files) {
  const tap = path.join(tempDir, 'server.tap');
  const status = run(process.execPath, [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const total = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  const result = { passed: total('pass'), failed: total('fail') + total('cancelled'), skipped: 0 };
  if (status !== 0 && result.failed === 0) result.failed = 1;
  // Skipped suites say why (PostgreSQL not installed): repeated here so the reason is not lost in the log, and
  // counted (each skipped test or whole suite once: node's own total leaves out suites).
  for (const match of text.matchAll(/^\s*ok \d+ - (.*) # SKIP (.+)$/gm)) {
    console.log(`skipped: ${match[1]}: ${match[2]}`);
    result.skipped++;
  }
  return result;
}

if (serverOnly || extra.length === 0) {
  const files = serverOnly
    ? extra
    : readdirSync('test/server')
        .filter((f) => f.endsWith('.test.mjs'))
        .sort()
        .map((f) => path.join('test/server', f));
  const server = serverTests(files);
  counts.passed += server.passed;
  counts.failed += server.failed;
  counts.skipped += server.skipped;
}

let buildPassed = 0;
let buildFailed = 0;
if (extra.length === 0) {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' }).status;
  if (build !== 0) buildFailed++;
  else {
    // The script-tag build, the demo page as a visitor sees it, then the built package inside minimal React and Vue apps.
    for (const script of ['scripts/check-dist.mjs', 'scripts/check-demo.mjs', 'scripts/check-frameworks.mjs']) {
      const result = spawnSync('node', [script], { encoding: 'utf8' });
      process.stdout.write(result.stdout);
      process.stderr.write(result.stderr);
      const match = /(\d+) passed, (\d+) failed/.exec(result.stdout);
      buildPassed += match ? Number(match[1]) : 0;
      const failedHere = match ? Number(match[2]) : 1;
      buildFailed += result.status !== 0 && failedHere === 0 ? 1 : failedHere;
    }
  }
}

const passed = counts.passed + buildPassed;
const failed = counts.failed + buildFailed;
console.log(`\n${passed} passed, ${failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
