// Writes the API tables of README.md from custom-elements.json, between <!-- api:TAG --> and <!-- /api:TAG -->,
// so the JSDoc on the element classes is the one place the public API is written. `--check` fails when stale.
import { readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const elements = new Map();
for (const mod of manifest.modules) {
  for (const declaration of mod.declarations ?? []) {
    if (declaration.customElement && declaration.tagName) elements.set(declaration.tagName, declaration);
  }
}

const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
const code = (text) => (text ? `\`${cell(text)}\`` : '');
/** `string | undefined` reads as `string`: every attribute is optional. */
const typeText = (type) => type?.text?.replace(/\s*\|\s*undefined\b/g, '');

function table(headers, rows) {
  if (!rows.length) return '';
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function section(tag) {
  const el = elements.get(tag);
  if (!el) return `_(${tag} is not built yet.)_`;
  const parts = [];
  if (el.summary) parts.push(el.summary);
  const attributes = (el.attributes ?? []).filter((a) => a.name);
  if (attributes.length) {
    parts.push(
      '**Attributes**\n\n' +
        table(
          ['Attribute', 'Type', 'Default', 'Description'],
          attributes.map((a) => [code(a.name), code(typeText(a.type)), code(a.default), cell(a.description)]),
        ),
    );
  }
  if (el.events?.length)
    parts.push(
      '**Events**\n\n' +
        table(
          ['Event', 'Detail', 'Description'],
          el.events.map((e) => [code(e.name), code(e.type?.text), cell(e.description)]),
        ),
    );
  if (el.slots?.length)
    parts.push(
      '**Slots**\n\n' +
        table(
          ['Slot', 'Description'],
          el.slots.map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)]),
        ),
    );
  if (el.cssParts?.length)
    parts.push(
      '**CSS parts**\n\n' +
        table(
          ['Part', 'Description'],
          el.cssParts.map((p) => [code(p.name), cell(p.description)]),
        ),
    );
  if (el.cssProperties?.length)
    parts.push(
      '**CSS custom properties**\n\n' +
        table(
          ['Property', 'Default', 'Description'],
          el.cssProperties.map((p) => [code(p.name), code(p.default), cell(p.description)]),
        ),
    );
  return parts.join('\n\n');
}

const readme = readFileSync('README.md', 'utf8');
const updated = readme.replace(
  /(<!-- api:([\w-]+) -->)[\s\S]*?(<!-- \/api:\2 -->)/g,
  (_m, open, tag, close) => `${open}\n\n${section(tag)}\n\n${close}`,
);
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md API tables are stale: run `npm run readme` and commit.');
    process.exit(1);
  }
  console.log('README.md API tables are up to date.');
} else {
  writeFileSync('README.md', updated);
}
