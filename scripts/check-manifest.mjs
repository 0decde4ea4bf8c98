// Fails when the committed custom-elements.json, or the editor data made from it (vscode.html-custom-data.json,
// web-types.json), no longer matches the JSDoc in src/ (run `npm run analyze`).
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const files = [
  'custom-elements.json',
  'vscode.html-custom-data.json',
  'web-types.json',
  'src/builder/widget-attributes.ts',
];
const read = (file) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};
const before = files.map(read);
execSync('npm run --silent analyze', { stdio: 'inherit' });
const stale = files.filter((file, i) => read(file) !== before[i]);
if (stale.length) {
  console.error(`${stale.join(', ')} ${stale.length > 1 ? 'were' : 'was'} stale: regenerated. Commit the new files.`);
  process.exit(1);
}

// The editor data must describe every element, with the values of enumerated attributes resolved.
const tags = JSON.parse(read('vscode.html-custom-data.json')).tags;
const elements = JSON.parse(read('web-types.json')).contributions.html.elements;
const manifestTags = JSON.parse(read('custom-elements.json'))
  .modules.flatMap((m) => m.declarations ?? [])
  .filter((d) => d.customElement && d.tagName)
  .map((d) => d.tagName)
  .sort();
const problems = [];
if (JSON.stringify(tags.map((t) => t.name)) !== JSON.stringify(manifestTags))
  problems.push('vscode.html-custom-data.json does not list every element');
if (JSON.stringify(elements.map((e) => e.name)) !== JSON.stringify(manifestTags))
  problems.push('web-types.json does not list every element');
const chartType = tags.find((t) => t.name === 'offen-chart')?.attributes.find((a) => a.name === 'type');
if (!chartType?.values?.some((v) => v.name === 'pie')) problems.push('offen-chart type values were not resolved');
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`${files.join(', ')} are up to date (${manifestTags.length} elements).`);
