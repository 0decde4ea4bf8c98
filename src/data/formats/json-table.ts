/**
 * The table code every JSON-family format shares: parsed JSON items to records and typed fields, with prototype keys
 * dropped and multilingual values (`{"de": …, "fr": …}`) resolved to the page's language.
 */
import { inferColumn } from '../infer/column.js';
import { normalizeName } from '../mapping.js';
import type { DataRecord, Field, FieldType, Lang, Value } from '../types.js';
import { isObject, UNSAFE_KEYS } from '../util.js';

// ---------------------------------------------------------------------------------------------------------------
// Multilingual values and safe copies

const LANGUAGE_KEY = /^([a-z]{2})(?:[-_][A-Za-z]{2})?$/;
/** European languages (ISO 639-1); `id`, `nr` and other short keys are not among them. */
const KNOWN_LANGUAGES = new Set(
  'de en fr it rm lb da nl pl es pt cs sk sl hu sv fi no nb nn et lv lt el bg ro hr ga mt ru uk tr sr sq'.split(' '),
);

/** `{"de": "…", "fr": "…", "en": ""}` as opendata.swiss writes titles and descriptions. */
export function isMultilingual(value: unknown): value is Record<string, string | null> {
  if (!isObject(value)) return false;
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

/** Nesting kept in a value; JSON from open-data portals rarely goes past five. */
const MAX_VALUE_DEPTH = 32;

/**
 * A copy of parsed JSON as a Value: prototype keys dropped, multilingual objects resolved to `lang`.
 * JSON.parse makes `__proto__` an own key; copying it by assignment would replace the copy's prototype.
 * Below MAX_VALUE_DEPTH levels a value is null: one field nested 10,000 deep would otherwise overflow the stack and
 * cost the whole dataset, where it should cost only that field.
 */
function toValue(value: unknown, lang: Lang | undefined, depth = 0): Value {
  if (value === null || value === undefined || depth > MAX_VALUE_DEPTH) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((item) => toValue(item, lang, depth + 1));
  if (isObject(value)) {
    if (isMultilingual(value)) return pickLanguage(value, lang) ?? null;
    const copy: { [key: string]: Value } = {};
    for (const [key, item] of Object.entries(value)) {
      if (!UNSAFE_KEYS.has(key)) copy[key] = toValue(item, lang, depth + 1);
    }
    return copy;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Records, fields and types

const ID_NAMES = ['id', 'uid', 'uuid', 'identifier', 'recordid', 'objectid', 'fid', 'key', 'slug'];

/** The first id-like field whose values are present and unique, if any. */
function findIdField(fields: readonly Field[], records: readonly { values: Record<string, Value> }[]) {
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
    if (!isObject(current) || !Object.hasOwn(current, part)) return undefined;
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
    for (const cell of present) if (isObject(cell)) for (const key of Object.keys(cell)) keys.add(key);
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
    return isObject(value) ? (value as Record<string, Value>) : { value };
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
