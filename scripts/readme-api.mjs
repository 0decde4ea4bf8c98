// Writes the API tables of README.md from custom-elements.json, between <!-- api:TAG --> and <!-- /api:TAG -->,
// so the JSDoc on the element classes is the one place the public API is written. `--check` fails when stale.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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

/**
 * docs/theming.md: every `--offen-*` token in one table. Tokens come from the code (each `var(--offen-…, default)`
 * in src/, where src/shared/theme.ts counts for every widget) and from the @cssprop JSDoc (tokens read by script,
 * such as the marker colours); descriptions and documented defaults come from the JSDoc.
 */
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}
const ALL_WIDGETS = ['offen-map', 'offen-chart', 'offen-ideas', 'offen-events'];
function themingTokens() {
  const tokens = new Map();
  const entry = (name) => {
    if (!tokens.has(name)) tokens.set(name, { widgets: new Set(), defaults: new Set(), description: '' });
    return tokens.get(name);
  };
  for (const file of walk('src').filter((f) => f.endsWith('.ts') && !f.includes(`${path.sep}builder${path.sep}`))) {
    const text = readFileSync(file, 'utf8');
    const folder = /components[\\/](\w+)[\\/]/.exec(file)?.[1];
    const widgets = file.endsWith(path.join('shared', 'theme.ts')) ? ALL_WIDGETS : folder ? [`offen-${folder}`] : [];
    // `var(--offen-x, default); /* what it sets */` — a comment behind the token describes it (src/shared/theme.ts).
    for (const match of text.matchAll(
      /var\((--offen-[a-z0-9-]+)(?:,\s*([^;]*?))?\)(?=[\s;,)])(?:[^;\n]*;\s*\/\*\s*(.*?)\s*\*\/)?/g,
    )) {
      const token = entry(match[1]);
      widgets.forEach((w) => token.widgets.add(w));
      if (match[2] && !match[2].startsWith('var(')) token.defaults.add(match[2].trim());
      if (match[3]) token.description = match[3];
    }
  }
  for (const [tag, el] of elements) {
    for (const p of el.cssProperties ?? []) {
      const token = entry(p.name);
      token.widgets.add(tag);
      if (p.default) token.defaults.add(p.default);
      if (!token.description && p.description) token.description = p.description;
    }
  }
  const widgetList = (set) =>
    ALL_WIDGETS.every((w) => set.has(w))
      ? 'all'
      : [...set]
          .sort()
          .map((w) => `\`<${w}>\``)
          .join(', ');
  return table(
    ['Token', 'Default', 'Widgets', 'What it sets'],
    [...tokens]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([name, t]) => [
        code(name),
        // The fallback in the code is the real default; the JSDoc's only where the code has none (script-read).
        code([...t.defaults][0]),
        widgetList(t.widgets),
        cell(t.description || '(not documented yet)'),
      ]),
  );
}
function themingParts() {
  const parts = new Map();
  for (const [tag, el] of elements) {
    for (const p of el.cssParts ?? []) {
      if (!parts.has(p.name)) parts.set(p.name, { widgets: [], descriptions: new Map() });
      parts.get(p.name).widgets.push(tag);
      parts.get(p.name).descriptions.set(tag, p.description ?? '');
    }
  }
  return table(
    ['Part', 'Widgets', 'What it is'],
    [...parts]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([name, p]) => {
        const texts = new Set(p.descriptions.values());
        const description =
          texts.size === 1
            ? [...texts][0]
            : [...p.descriptions].map(([tag, text]) => `\`<${tag}>\`: ${text}`).join(' ');
        return [code(name), p.widgets.map((w) => `\`<${w}>\``).join(', '), cell(description)];
      }),
  );
}
const generated = { 'theming:tokens': themingTokens, 'theming:parts': themingParts };

const docs = 'docs/theming.md';
const theming = readFileSync(docs, 'utf8');
const updatedTheming = theming.replace(
  /(<!-- (theming:[\w-]+) -->)[\s\S]*?(<!-- \/\2 -->)/g,
  (_m, open, name, close) => `${open}\n\n${generated[name]()}\n\n${close}`,
);

const readme = readFileSync('README.md', 'utf8');
const updated = readme.replace(
  /(<!-- api:([\w-]+) -->)[\s\S]*?(<!-- \/api:\2 -->)/g,
  (_m, open, tag, close) => `${open}\n\n${section(tag)}\n\n${close}`,
);
if (process.argv.includes('--check')) {
  const stale = [updated !== readme && 'README.md', updatedTheming !== theming && docs].filter(Boolean);
  if (stale.length) {
    console.error(`${stale.join(' and ')}: generated tables are stale: run \`npm run readme\` and commit.`);
    process.exit(1);
  }
  console.log(`README.md API tables and ${docs} are up to date.`);
} else {
  writeFileSync('README.md', updated);
  writeFileSync(docs, updatedTheming);
}
