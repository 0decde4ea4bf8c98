// Checks the gzip size of every file in dist/ against size-budget.json (like Leaflet's bundle budget).
// Every built .js file must match a budget entry; the first matching pattern counts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const budgets = JSON.parse(readFileSync('size-budget.json', 'utf8')).files;
const toRegex = (pattern) =>
  new RegExp(
    '^' +
      pattern
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*') +
      '$',
  );
const compiled = budgets.map((b) => ({ ...b, regex: toRegex(b.path) }));

const files = [];
(function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'types') walk(full);
    else if (entry.name.endsWith('.js')) files.push(path.relative('.', full).split(path.sep).join('/'));
  }
})('dist');

let failed = 0;
const rows = [];
for (const file of files.sort()) {
  const gzip = gzipSync(readFileSync(file), { level: 9 }).length / 1024;
  const budget = compiled.find((b) => b.regex.test(file));
  const ok = budget ? gzip <= budget.maxGzipKB : false;
  if (!ok) failed++;
  rows.push(
    `${ok ? '✓' : '✗'} ${file.padEnd(52)} ${gzip.toFixed(1).padStart(6)} KB gzip  (budget ${budget ? budget.maxGzipKB + ' KB' : 'none'})`,
  );
}
console.log(rows.join('\n'));
console.log(`size budget: ${files.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
