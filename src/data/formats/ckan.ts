import { datasetDate } from '../dataset-date.js';
import { catalogFormat, type CatalogFormat } from '../detect.js';
import { DataError } from '../errors.js';
import type { Dataset, FieldType, Lang } from '../types.js';
import { isObject } from '../util.js';
import { jsonMeta, peekJson } from './json-body.js';
import { buildTable, isMultilingual, pickLanguage } from './json-table.js';
import type { ParseContext, Parser } from './parser.js';

type JsonObject = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------------------------
// datastore_search

/** PostgreSQL column types as the CKAN DataStore reports them. */
function fieldType(type: unknown): FieldType | undefined {
  const name = String(type ?? '').toLowerCase();
  if (/^(int[248]?|integer|bigint|smallint|float[48]?|numeric|real|double precision|decimal|money)$/.test(name))
    return 'number';
  if (/^(text|varchar|character varying|char|character|name|citext|uuid)$/.test(name)) return 'string';
  if (/^(timestamp|timestamptz|date|timestamp with(out)? time zone)$/.test(name)) return 'date';
  if (/^bool(ean)?$/.test(name)) return 'boolean';
  if (/^(json|jsonb)$/.test(name) || name.startsWith('_')) return 'object';
  return undefined;
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * A DataStore timestamp. Values without a zone (`2017-05-22T00:00:00`, PostgreSQL `timestamp`) are read as UTC so
 * the result never depends on the visitor's time zone.
 */
export function parseCkanDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DATE.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0', zone] = match;
  const time = zone
    ? Date.parse(value.trim().replace(' ', 'T'))
    : Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Math.round(Number(`0.${fraction}`) * 1000));
  return Number.isNaN(time) ? null : datasetDate(time);
}

function convert(value: unknown, type: FieldType | undefined): unknown {
  if (value === null || value === undefined || type === undefined) return value;
  switch (type) {
    case 'number': {
      const number = typeof value === 'number' ? value : Number(String(value).trim());
      return Number.isFinite(number) && String(value).trim() !== '' ? number : null;
    }
    case 'date':
      return parseCkanDate(value);
    case 'boolean':
      return value === true || value === 'true' || value === 't'
        ? true
        : value === false || value === 'false' || value === 'f'
          ? false
          : null;
    case 'string':
      if (typeof value === 'string' || isMultilingual(value)) return value; // multilingual: resolved later
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
    default:
      return value;
  }
}

/** Internal DataStore columns: `_id` becomes the record id, `_full_text` is a search index. */
const INTERNAL = new Set(['_id', '_full_text']);

function datastoreDataset(context: ParseContext, result: JsonObject): Dataset {
  const { source } = context;
  const declared = new Map<string, FieldType>();
  const order: string[] = [];
  for (const field of Array.isArray(result.fields) ? result.fields : []) {
    if (!isObject(field) || typeof field.id !== 'string' || INTERNAL.has(field.id)) continue;
    order.push(field.id);
    const type = fieldType(field.type);
    if (type) declared.set(field.id, type);
  }
  const rows = (result.records as unknown[]).filter(isObject);
  // Columns in the order of `fields` (record objects list them in any order), then anything undeclared.
  const items = rows.map((row) => {
    const item: JsonObject = {};
    for (const name of order) if (Object.hasOwn(row, name)) item[name] = convert(row[name], declared.get(name));
    for (const [name, value] of Object.entries(row)) if (!INTERNAL.has(name) && !(name in item)) item[name] = value;
    return item;
  });
  const { fields, records } = buildTable(items, source.lang, { declared, nullValues: source.nullValues });
  const ids = rows.map((row) => row._id);
  if (ids.every((id) => typeof id === 'number' || typeof id === 'string') && new Set(ids).size === ids.length) {
    records.forEach((record, index) => (record.id = String(ids[index])));
  }
  const total = typeof result.total === 'number' ? result.total : rows.length;
  return { fields, records, meta: { ...jsonMeta(context, 'ckan'), truncated: total > rows.length } };
}

// ---------------------------------------------------------------------------------------------------------------
// package_show

/** `csv`, `json` or `geojson` for a resource the pipeline can load, else undefined. */
function loadableKind(resource: JsonObject): CatalogFormat | undefined {
  return catalogFormat(resource.format, [resource.mimetype, resource.media_type], resource.url);
}

/** Every text a resource could be called by: its id and its (possibly multilingual) name and title. */
function resourceNames(resource: JsonObject): string[] {
  const names: string[] = [];
  for (const key of ['id', 'name', 'title']) {
    const value = resource[key];
    if (typeof value === 'string') names.push(value);
    else if (isMultilingual(value)) names.push(...Object.values(value).filter((v): v is string => !!v));
  }
  return names.map((n) => n.trim()).filter(Boolean);
}

function chooseResource(resources: JsonObject[], wanted: string | undefined, url: string, lang?: Lang): JsonObject {
  if (wanted?.trim()) {
    const name = wanted.trim();
    const found = resources.find((r) => resourceNames(r).includes(name));
    if (!found) {
      throw new DataError('mapping', `The CKAN package ${url} has no resource "${name}"`, {
        url,
        role: 'resource',
        fields: resources.map((r) => pickLanguage(r.name, lang) || pickLanguage(r.title, lang) || String(r.id ?? '')),
      });
    }
    return found;
  }
  const loadable = resources.find((r) => loadableKind(r) !== undefined);
  if (loadable) return loadable;
  const formats = [...new Set(resources.map((r) => String(r.format ?? r.mimetype ?? '?').trim() || '?'))];
  throw new DataError('unsupported', `The CKAN package ${url} has no CSV or JSON resource (${formats.join(', ')})`, {
    url,
    found: formats.length ? formats.join(', ') : 'no resources',
  });
}

/** The package title in the page's language (opendata.swiss titles are `{de, fr, it, en}` objects). */
export function packageTitle(result: JsonObject, lang: Lang = 'de'): string | undefined {
  return pickLanguage(result.title, lang) || pickLanguage(result.display_name, lang) || undefined;
}

async function packageDataset(context: ParseContext, result: JsonObject): Promise<Dataset> {
  const { source, body } = context;
  const resources = (result.resources as unknown[]).filter(isObject);
  const resource = chooseResource(resources, source.resource, source.url, source.lang);
  const kind = loadableKind(resource);
  const href = String(resource.url || resource.download_url || '').trim();
  if (!href) {
    throw new DataError('unsupported', `The chosen resource of ${source.url} has no URL`, {
      url: source.url,
      found: String(resource.format ?? ''),
    });
  }
  const resourceUrl = new URL(href, body.url || source.url).href;
  if (resourceUrl === source.url || resourceUrl === body.url) {
    throw new DataError('unsupported', `The resource of ${source.url} points back at the package`, {
      url: source.url,
      found: 'CKAN',
    });
  }
  const dataset = await context.load({
    url: resourceUrl,
    // CSV resources are often served as application/octet-stream; JSON may turn out to be GeoJSON, so it is sniffed.
    format: kind === 'json' ? undefined : kind,
    path: undefined,
    resource: undefined,
  });
  const title = packageTitle(result, source.lang);
  return { ...dataset, meta: { ...dataset.meta, ...(title ? { title } : {}) } };
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * CKAN action API responses: `datastore_search` (records with typed `fields`) and `package_show` (its first CSV or
 * JSON resource, or the one named by `source.resource`, loaded through the whole pipeline).
 */
export const parseCkan: Parser = (context) => {
  const { source } = context;
  const data = peekJson(context.body);
  if (!isObject(data))
    throw new DataError('unsupported', `${source.url} is not a CKAN response`, { url: source.url, found: 'json' });
  if (data.success === false) {
    const error = isObject(data.error) ? data.error : {};
    const type = String(error.__type ?? '');
    const status = /not found/i.test(type) ? 404 : /authori[sz]ation/i.test(type) ? 403 : undefined;
    const message = `CKAN error from ${source.url}: ${String(error.message ?? type)}`;
    throw status
      ? new DataError('http', message, { url: source.url, status })
      : new DataError('parse', message, { url: source.url });
  }
  const result = isObject(data.result) ? data.result : undefined;
  if (result && Array.isArray(result.records)) return datastoreDataset(context, result);
  if (result && Array.isArray(result.resources)) return packageDataset(context, result);
  throw new DataError('unsupported', `${source.url} is a CKAN response without records or resources`, {
    url: source.url,
    found: 'CKAN',
  });
};
