import { charsetOf, decodeText, type DecodedText } from '../decode.js';
import { DataError } from '../errors.js';
import type { FetchedBody } from '../fetch.js';
import { inferColumn } from '../infer.js';
import { normalizeName } from '../mapping.js';
import type { DataRecord, Dataset, DatasetMeta, Field, FieldType, Format, Lang, Value } from '../types.js';
import type { ParseContext, Parser } from './parser.js';

/** Keys that would reach an object's prototype if copied with `target[key] = …`; they are dropped everywhere. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type JsonObject = { [key: string]: unknown };

function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing once

type Parsed = { ok: true; value: unknown; encoding: string } | { ok: false; error: DataError };

/** One parse per fetched body: load.ts peeks to refine the format, the parser then reuses the value. */
const parsedBodies = new WeakMap<object, Parsed>();

/**
 * The 0-based offset where `text` stops being valid JSON. Only runs after JSON.parse failed, because V8's messages
 * do not always carry a position ("Unexpected token 'x', … is not valid JSON").
 */
export function jsonErrorPosition(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i++;
    }
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail();
      const ch = text[i];
      if (ch === '"') return void i++;
      if (ch < ' ') fail();
      if (ch === '\\') {
        i++;
        if (text[i] === 'u') {
          for (let k = 1; k <= 4; k++) {
            if (!/[0-9a-f]/i.test(text[i + k] ?? '')) {
              i += k;
              fail();
            }
          }
          i += 5;
        } else if (i < text.length && '"\\/bfnrt'.includes(text[i])) i++;
        else fail();
      } else i++;
    }
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) fail();
    i += match![0].length;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    if (ch === '-' || (ch >= '0' && ch <= '9')) return number();
    fail();
  };
  try {
    value();
    ws();
    return i < text.length ? i : text.length;
  } catch (position) {
    return typeof position === 'number' ? Math.min(position, text.length) : 0;
  }
}

/** JSON Lines (one object per line, as OpenDataSoft's `exports/jsonl`), or undefined when the text is not that. */
function jsonLines(text: string): unknown[] | undefined {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length < 2 || !lines.every((line) => /^\s*[[{]/.test(line))) return undefined;
  try {
    return lines.map((line) => JSON.parse(line) as unknown);
  } catch {
    return undefined;
  }
}

function parseText(text: string, url: string): unknown {
  const start = text.search(/\S/);
  if (start >= 0 && text[start] === '<') {
    // A portal's HTML error or login page answered instead of the data.
    throw new DataError('unsupported', `${url} is an HTML page, not JSON`, { url, found: 'text/html' });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    const lines = jsonLines(text);
    if (lines) return lines;
    let position: number;
    try {
      position = jsonErrorPosition(text);
    } catch {
      position = Number(/position (\d+)/.exec(String(cause))?.[1] ?? 0);
    }
    throw new DataError('parse', `Invalid JSON in ${url} at position ${position}`, { url, position, cause });
  }
}

/**
 * The body parsed as JSON, parsed once per body and kept for the parser. Throws a DataError `parse` with the
 * character position, or `unsupported` (found `text/html`) when an HTML page came instead.
 */
export function peekJson(
  body: Pick<FetchedBody, 'bytes'> & Partial<Pick<FetchedBody, 'url' | 'contentType'>>,
): unknown {
  let parsed = parsedBodies.get(body);
  if (!parsed) {
    const url = body.url ?? '';
    try {
      let decoded: DecodedText;
      try {
        decoded = decodeText(body.bytes, charsetOf(body.contentType ?? ''));
      } catch {
        decoded = decodeText(body.bytes); // an unknown charset label
      }
      parsed = { ok: true, value: parseText(decoded.text, url), encoding: decoded.encoding };
    } catch (error) {
      parsed = { ok: false, error: error as DataError };
    }
    parsedBodies.set(body, parsed);
  }
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}

function encodingOf(body: object): string | undefined {
  const parsed = parsedBodies.get(body);
  return parsed?.ok ? parsed.encoding : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Multilingual values and safe copies

const LANGUAGE_KEY = /^([a-z]{2})(?:[-_][A-Za-z]{2})?$/;
/** European languages (ISO 639-1); `id`, `nr` and other short keys are not among them. */
const KNOWN_LANGUAGES = new Set(
  'de en fr it rm lb da nl pl es pt cs sk sl hu sv fi no nb nn et lv lt el bg ro hr ga mt ru uk tr sr sq'.split(' '),
);

/** `{"de": "…", "fr": "…", "en": ""}` as opendata.swiss writes titles and descriptions. */
export function isMultilingual(value: unknown): value is Record<string, string | null> {
  if (!isPlainObject(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length > 0 &&
    entries.every(
      ([key, text]) =>
        KNOWN_LANGUAGES.has(LANGUAGE_KEY.exec(key)?.[1] ?? '') && (typeof text === 'string' || text === null),
    )
  );
}

/**
 * The text for `lang` from a multilingual value, falling back to German, then English, then the first non-empty
 * text. Plain strings pass through; anything else gives undefined.
 */
export function pickLanguage(value: unknown, lang: Lang = 'de'): string | undefined {
  if (typeof value === 'string') return value;
  if (!isMultilingual(value)) return undefined;
  const text = (key: string) => {
    const entry = Object.hasOwn(value, key) ? value[key] : undefined;
    return typeof entry === 'string' && entry.trim() !== '' ? entry : undefined;
  };
  return (
    text(lang) ??
    text('de') ??
    text('en') ??
    Object.values(value).find((v): v is string => typeof v === 'string' && v.trim() !== '') ??
    ''
  );
}

/**
 * A copy of parsed JSON as a Value: prototype keys dropped, multilingual objects resolved to `lang`.
 * JSON.parse makes `__proto__` an own key; copying it by assignment would replace the copy's prototype.
 */
export function toValue(value: unknown, lang: Lang | undefined): Value {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((item) => toValue(item, lang));
  if (isPlainObject(value)) {
    if (isMultilingual(value)) return pickLanguage(value, lang) ?? null;
    const copy: { [key: string]: Value } = {};
    for (const [key, item] of Object.entries(value)) {
      if (!UNSAFE_KEYS.has(key)) copy[key] = toValue(item, lang);
    }
    return copy;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Finding the records

/** Property names that usually hold the records of an API envelope, most likely first. */
const RECORD_ARRAY_NAMES = ['records', 'items', 'data', 'results', 'features', 'entries', 'rows', 'elements', 'list'];

export interface RecordSource {
  items: unknown[];
  /** Record ids taken from the keys of an object keyed by id. */
  keys?: string[];
}

function walkPath(data: unknown, path: string, url: string): unknown {
  let current = data;
  const walked: string[] = [];
  // `data[0].items` is written `data.0.items` here.
  for (const part of path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)) {
    if (Array.isArray(current) && /^\d+$/.test(part)) current = current[Number(part)];
    else if (isPlainObject(current) && !UNSAFE_KEYS.has(part) && Object.hasOwn(current, part)) current = current[part];
    else {
      const fields = isPlainObject(current) ? Object.keys(current).filter((k) => !UNSAFE_KEYS.has(k)) : [];
      const where = walked.length ? ` in ${walked.join('.')}` : '';
      throw new DataError('mapping', `No "${part}"${where} for path "${path}" in ${url}`, {
        url,
        role: 'path',
        fields,
      });
    }
    walked.push(part);
  }
  return current;
}

/** `{"a1": {...}, "a2": {...}}`: every value an object of a similar shape. */
function isKeyedById(object: JsonObject): boolean {
  const entries = Object.entries(object).filter(([key]) => !UNSAFE_KEYS.has(key));
  if (entries.length < 2 || !entries.every(([, v]) => isPlainObject(v))) return false;
  const [a, b] = entries.map(([, v]) => new Set(Object.keys(v as JsonObject)));
  const shared = [...a].filter((key) => b.has(key)).length;
  return shared > 0 && shared >= Math.min(a.size, b.size) / 2;
}

interface Candidate {
  items: unknown[];
  name: string;
  depth: number;
}

/** GraphQL answers (Decidim: `data.component.proposals.nodes`) nest the list four levels deep. */
const MAX_ENVELOPE_DEPTH = 4;

function collectArrays(object: JsonObject, depth: number, out: Candidate[]): void {
  for (const [key, value] of Object.entries(object)) {
    if (UNSAFE_KEYS.has(key)) continue;
    if (Array.isArray(value)) out.push({ items: value, name: key, depth });
    else if (isPlainObject(value) && depth < MAX_ENVELOPE_DEPTH) collectArrays(value, depth + 1, out);
  }
}

function rank(candidate: Candidate): number[] {
  const objects = candidate.items.length > 0 && candidate.items.every(isPlainObject) ? 1 : 0;
  const preferred = RECORD_ARRAY_NAMES.includes(candidate.name.toLowerCase()) ? 1 : 0;
  return [objects, preferred, -candidate.depth, candidate.items.length];
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i] - a[i];
  return 0;
}

function fromObject(object: JsonObject): RecordSource {
  const keys = Object.keys(object).filter((key) => !UNSAFE_KEYS.has(key));
  return { items: keys.map((key) => object[key]), keys };
}

/**
 * The record array of a JSON document: the one at `path`, a top-level array, an object keyed by id, the most
 * plausible array in an envelope (`records`, `items`, `data`, …; arrays of objects first), or the object itself.
 */
export function findRecords(data: unknown, path: string | undefined, url: string): RecordSource {
  if (path?.trim()) {
    const found = walkPath(data, path.trim(), url);
    if (Array.isArray(found)) return { items: found };
    if (isPlainObject(found)) return isKeyedById(found) ? fromObject(found) : { items: [found] };
    throw new DataError('mapping', `Path "${path}" in ${url} holds no records`, { url, role: 'path', fields: [] });
  }
  if (Array.isArray(data)) return { items: data };
  if (!isPlainObject(data)) {
    throw new DataError('unsupported', `${url} holds a single JSON value, not records`, { url, found: typeof data });
  }
  // Before searching arrays: the records of a keyed object may hold arrays of their own.
  if (isKeyedById(data)) return fromObject(data);
  const candidates: Candidate[] = [];
  collectArrays(data, 0, candidates);
  candidates.sort((a, b) => compareRanks(rank(a), rank(b)));
  const best = candidates[0];
  if (best && rank(best)[0] === 1) return { items: best.items };
  // `{"records": []}` is an empty result, not one record.
  const named = candidates.find((c) => rank(c)[1] === 1);
  if (named) return { items: named.items };
  if (best && best.items.length > 0) return { items: best.items };
  return { items: [data] };
}

// ---------------------------------------------------------------------------------------------------------------
// Records, fields and types

const ID_NAMES = ['id', 'uid', 'uuid', 'identifier', 'recordid', 'objectid', 'fid', 'key', 'slug'];

/** The first id-like field whose values are present and unique, if any. */
export function findIdField(fields: readonly Field[], records: readonly { values: Record<string, Value> }[]) {
  for (const wanted of ID_NAMES) {
    const field = fields.find((f) => !f.name.includes('.') && normalizeName(f.name) === wanted);
    if (!field) continue;
    const seen = new Set<string>();
    const unique = records.every(({ values }) => {
      const value = values[field.name];
      if (typeof value !== 'string' && typeof value !== 'number') return false;
      const key = String(value);
      if (key === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (unique) return field.name;
  }
  return undefined;
}

function getPath(values: Record<string, Value>, path: readonly string[]): Value | undefined {
  let current: Value | undefined = values;
  for (const part of path) {
    if (!isPlainObject(current) || !Object.hasOwn(current, part)) return undefined;
    current = (current as Record<string, Value>)[part];
  }
  return current;
}

function setPath(values: Record<string, Value>, path: readonly string[], value: Value): void {
  let current = values as Record<string, Value>;
  for (const part of path.slice(0, -1)) current = current[part] as Record<string, Value>;
  current[path[path.length - 1]] = value;
}

/** Depth of the deepest dot name listed: top-level 1, `address.city` 2, `address.geo.lat` 3. */
const NESTED_DEPTH = 3;
/** Objects with many keys are maps (keyed by date, id…), not structure worth listing. */
const MAX_NESTED_FIELDS = 40;

export interface TableOptions {
  nullValues?: readonly string[];
  /** Types known from the source (CKAN `fields`); other fields are inferred from their values. */
  declared?: ReadonlyMap<string, FieldType>;
}

/** Infers one column's type from its values and converts them in place; nested objects add dot-name fields. */
function typeColumn(
  values: Record<string, Value>[],
  path: string[],
  depth: number,
  options: TableOptions,
  fields: Field[],
): void {
  const name = path.join('.');
  const cells = values.map((v) => getPath(v, path));
  const present = cells.filter((c): c is Value => c !== null && c !== undefined);
  const declared = options.declared?.get(name);
  if (declared) {
    fields.push({ name, type: declared });
    return;
  }
  if (present.some((c) => typeof c === 'object' && !(c instanceof Date))) {
    fields.push({ name, type: 'object' });
    if (depth >= NESTED_DEPTH) return;
    const keys = new Set<string>();
    for (const cell of present) if (isPlainObject(cell)) for (const key of Object.keys(cell)) keys.add(key);
    if (keys.size > MAX_NESTED_FIELDS) return;
    for (const key of keys) typeColumn(values, [...path, key], depth + 1, options, fields);
    return;
  }
  if (present.length > 0 && present.every((c) => typeof c === 'number')) {
    fields.push({ name, type: 'number' });
    return;
  }
  if (present.length > 0 && present.every((c) => typeof c === 'boolean')) {
    fields.push({ name, type: 'boolean' });
    return;
  }
  if (present.some((c) => c instanceof Date)) {
    fields.push({ name, type: 'date' });
    return;
  }
  // Strings (perhaps mixed with numbers): "1,5", "24.12.2026", "ja" get the same rules as CSV cells.
  const texts = cells.map((c) => (c === null || c === undefined ? null : String(c)));
  const column = inferColumn(texts, { nullValues: options.nullValues });
  const field: Field = { name, type: column.type };
  if (column.numberFormat) field.numberFormat = column.numberFormat;
  if (column.unit) field.unit = column.unit;
  fields.push(field);
  values.forEach((v, i) => {
    if (cells[i] !== undefined) setPath(v, path, column.convert(texts[i]));
  });
}

/**
 * Records and typed fields from a list of parsed JSON items. Objects become records (prototype keys dropped,
 * multilingual values resolved to `lang`); other items become `{ value }`. Ids come from `keys`, an id-like field
 * with unique values, or the index.
 */
export function buildTable(
  items: readonly unknown[],
  lang: Lang | undefined,
  options: TableOptions & { keys?: readonly string[] } = {},
): { fields: Field[]; records: DataRecord[] } {
  const values = items.map((item) => {
    const value = toValue(item, lang);
    return isPlainObject(value) ? (value as Record<string, Value>) : { value };
  });
  const names: string[] = [];
  const seen = new Set<string>();
  for (const record of values) {
    for (const key of Object.keys(record)) {
      if (!seen.has(key)) {
        seen.add(key);
        names.push(key);
      }
    }
  }
  const fields: Field[] = [];
  for (const name of names) typeColumn(values, [name], 1, options, fields);
  const idField = options.keys
    ? undefined
    : findIdField(
        fields,
        values.map((v) => ({ values: v })),
      );
  const records = values.map((v, index) => ({
    id: options.keys ? options.keys[index] : idField ? String(v[idField]) : String(index),
    values: v,
  }));
  return { fields, records };
}

/** Meta every JSON-based parser starts from. */
export function jsonMeta(context: ParseContext, format: Format): DatasetMeta {
  const { body, source } = context;
  return {
    url: source.url,
    format,
    encoding: encodingOf(body),
    bytes: body.bytes.byteLength,
    fetchedAt: body.fetchedAt,
    truncated: false,
  };
}

export const parseJson: Parser = async (context): Promise<Dataset> => {
  const { source } = context;
  const data = peekJson(context.body);
  const { items, keys } = findRecords(data, source.path, source.url);
  // GeoJSON features inside another envelope (or picked with path="features") keep their geometry.
  if (items.length > 0 && items.every((item) => isPlainObject(item) && item.type === 'Feature')) {
    const { datasetFromFeatures } = await import('./geojson.js');
    return datasetFromFeatures(context, items as JsonObject[]);
  }
  const { fields, records } = buildTable(items, source.lang, { keys, nullValues: source.nullValues });
  return { fields, records, meta: jsonMeta(context, 'json') };
};
