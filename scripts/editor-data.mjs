// Writes editor support from custom-elements.json, so HTML editors complete offen's tags, attributes and values:
//   vscode.html-custom-data.json  VS Code's HTML custom data (version 1.1), listed in a project's html.customData
//   web-types.json                JetBrains Web Types, found through package.json's "web-types"
//   src/builder/widget-attributes.ts  every attribute of every element, typed, for the embed builder's form
// Attribute values come from the attribute's type: a union of string literals, written in the manifest or behind a
// type alias declared in src/ (the manifest keeps alias names such as `ChartType` unresolved).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const docsUrl = 'https://www.npmjs.com/package/offen-widgets';

/** Every `type Name = 'a' | 'b'` in src/, as Name → ['a', 'b'] (aliases of aliases are followed). */
function stringUnionAliases() {
  const raw = new Map();
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
    );
  for (const file of walk('src').filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    source.forEachChild((node) => {
      if (ts.isTypeAliasDeclaration(node)) raw.set(node.name.text, node.type.getText(source));
    });
  }
  const resolved = new Map();
  const resolve = (text, seen = new Set()) => {
    const values = [];
    for (const part of text.split('|').map((p) => p.trim())) {
      const literal = /^'([^']*)'$/.exec(part) ?? /^"([^"]*)"$/.exec(part);
      if (literal) values.push(literal[1]);
      else if (part === 'undefined') continue;
      else if (raw.has(part) && !seen.has(part)) {
        const inner = resolve(raw.get(part), new Set([...seen, part]));
        if (!inner) return undefined;
        values.push(...inner);
      } else return undefined;
    }
    return values;
  };
  for (const [name, text] of raw) {
    const values = resolve(text);
    if (values?.length) resolved.set(name, values);
  }
  return { resolve: (text) => resolve(text) ?? [], aliases: resolved };
}

const { resolve } = stringUnionAliases();
const valuesOf = (attribute) => (attribute.type?.text ? [...new Set(resolve(attribute.type.text))] : []);
const isBoolean = (attribute) => attribute.type?.text?.replace(/\s*\|\s*undefined/g, '') === 'boolean';

const elements = manifest.modules
  .flatMap((mod) => mod.declarations ?? [])
  .filter((d) => d.customElement && d.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

const description = (el) => [el.summary, el.description].filter(Boolean).join('\n\n');
const attributesOf = (el) => (el.attributes ?? []).filter((a) => a.name);
const reference = (el) => [{ name: 'offen-widgets', url: `${docsUrl}#${el.tagName}` }];

const vscode = {
  $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  tags: elements.map((el) => ({
    name: el.tagName,
    description: description(el),
    attributes: attributesOf(el).map((a) => {
      const values = valuesOf(a);
      return {
        name: a.name,
        description: [a.description, a.default ? `Default: ${a.default}` : ''].filter(Boolean).join('\n\n'),
        ...(isBoolean(a) ? { valueSet: 'v' } : {}),
        ...(values.length ? { values: values.map((name) => ({ name })) } : {}),
      };
    }),
    references: reference(el),
  })),
};

const webTypes = {
  $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  'js-types-syntax': 'typescript',
  contributions: {
    html: {
      elements: elements.map((el) => ({
        name: el.tagName,
        description: description(el),
        'doc-url': `${docsUrl}#${el.tagName}`,
        attributes: attributesOf(el).map((a) => {
          const values = valuesOf(a);
          return {
            name: a.name,
            description: a.description ?? '',
            ...(a.default ? { default: a.default } : {}),
            value: isBoolean(a)
              ? { type: 'boolean', required: false }
              : { type: values.length ? values.map((v) => `'${v}'`).join(' | ') : 'string', required: false },
          };
        }),
        slots: (el.slots ?? []).map((s) => ({ name: s.name, description: s.description ?? '' })),
        events: (el.events ?? [])
          .filter((e) => e.name)
          .map((e) => ({ name: e.name, description: e.description ?? '' })),
        css: {
          properties: (el.cssProperties ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
          parts: (el.cssParts ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
        },
      })),
    },
  },
};

/** A manifest default (`'bar'`, `10`, `false`) as a value; a constant's name (`DEFAULT_TIME_ZONE`) stays unknown. */
function defaultValue(text) {
  if (text === undefined) return undefined;
  const quoted = /^'([^']*)'$/.exec(text) ?? /^"([^"]*)"$/.exec(text);
  if (quoted) return quoted[1];
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return undefined;
}
const kindOf = (attribute) => {
  if (isBoolean(attribute)) return 'boolean';
  if (valuesOf(attribute).length) return 'enum';
  return attribute.type?.text?.replace(/\s*\|\s*undefined/g, '') === 'number' ? 'number' : 'string';
};
const builderAttributes = Object.fromEntries(
  elements.map((el) => [
    el.tagName,
    attributesOf(el).map((a) => ({
      name: a.name,
      kind: kindOf(a),
      ...(valuesOf(a).length ? { values: valuesOf(a) } : {}),
      ...(defaultValue(a.default) !== undefined ? { default: defaultValue(a.default) } : {}),
      description: (a.description ?? '').replace(/\s*\n\s*/g, ' '),
      source: a.inheritedFrom?.name === 'OffenSourceElement',
    })),
  ]),
);
const builderModule = `// Generated by scripts/editor-data.mjs from custom-elements.json (\`npm run analyze\`): do not edit.
import type { WidgetAttribute } from './builder-types.js';

export const WIDGET_ATTRIBUTES: Record<string, readonly WidgetAttribute[]> = ${JSON.stringify(builderAttributes, null, 2)};
`;

const outputs = {
  'vscode.html-custom-data.json': `${JSON.stringify(vscode, null, 2)}\n`,
  'web-types.json': `${JSON.stringify(webTypes, null, 2)}\n`,
  'src/builder/widget-attributes.ts': builderModule,
};
for (const [file, text] of Object.entries(outputs)) writeFileSync(file, text);
