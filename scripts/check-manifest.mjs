// Fails when the committed custom-elements.json no longer matches the JSDoc in src/ (run `npm run analyze`).
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const before = readFileSync('custom-elements.json', 'utf8');
execSync('npm run --silent analyze', { stdio: 'inherit' });
const after = readFileSync('custom-elements.json', 'utf8');
if (before !== after) {
  console.error('custom-elements.json was stale: it has been regenerated. Commit the new file.');
  process.exit(1);
}
console.log('custom-elements.json is up to date.');
