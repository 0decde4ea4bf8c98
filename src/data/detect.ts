/**
 * Format detection, all of it: the `format` attribute, Content-Type, file extension and first bytes; JSON that is
 * really GeoJSON, OParl, CKAN or OpenDataSoft by its content; GeoJSON features inside a JSON envelope; and the
 * format a CKAN catalogue names for a resource.
 */
import { DataError } from './errors.js';
import type { FetchedBody } from './fetch.js';
import type { FeatureLike } from './formats/geojson.js';
import { GEOMETRY_TYPES, type Format } from './types.js';
import { isObject } from './util.js';

const FORMATS: readonly Format[] = ['csv', 'json', 'geojson', 'esri', 'ics', 'oparl', 'ckan', 'ods'];

export function isFormat(value: unknown): value is Format {
  return typeof value === 'string' && (FORMATS as readonly string[]).includes(value);
}

function fromContentType(contentType: string): Format | undefined {
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type === 'text/csv' || type === 'application/csv' || type === 'text/tab-separated-values') return 'csv';
  if (type === 'application/geo+json' || type === 'application/vnd.geo+json') return 'geojson';
  if (type === 'text/calendar') return 'ics';
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  return undefined;
}

function fromExtension(url: string): Format | undefined {
  let pathname = url;
  try {
    pathname = new URL(url, 'http://x/').pathname;
  } catch {
    /* keep the raw string */
  }
  const ext = /\.([a-z0-9]+)$/i.exec(pathname)?.[1]?.toLowerCase();
  switch (ext) {
    case 'csv':
    case 'tsv':
    case 'txt':
      return 'csv';
    case 'geojson':
      return 'geojson';
    case 'ics':
    case 'ical':
    case 'ifb':
      return 'ics';
    case 'json':
      return 'json';
    default:
      return undefined;
  }
}

/** The first bytes decide when nothing else does. HTML (an error page) is `unsupported`, not guessed. */
function sniff(head: string): Format | undefined {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('BEGIN:VCALENDAR')) return 'ics';
  if (/^<(!doctype|html|\?xml|head|body)/i.test(text)) return undefined;
  if (text.startsWith('{') || text.startsWith('[')) return 'json';
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (/[;,\t|]/.test(firstLine) && !/[\u0000-\u0008\u000E-\u001F]/.test(text.slice(0, 512))) return 'csv';
  return undefined;
}

/** Whether parsed JSON is an Esri feature set: `features[].attributes` beside `geometryType`, `spatialReference` or `fields`. */
function isEsriFeatureSet(data: unknown): boolean {
  if (!isObject(data) || !Array.isArray(data.features)) return false;
  if (!('geometryType' in data || 'spatialReference' in data || Array.isArray(data.fields))) return false;
  const first: unknown = data.features[0];
  return first === undefined ? 'geometryType' in data : isObject(first) && isObject(first.attributes);
}

/**
 * JSON that is really a more specific format: GeoJSON by its `type`, Esri JSON by its feature set, OParl by its schema URLs, CKAN by the action
 * API envelope, OpenDataSoft by its record lists. Called after JSON parsing so the body is parsed once.
 */
function refineJsonFormat(data: unknown): Format {
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const object = data as Record<string, unknown>;
    if (object.type === 'FeatureCollection' || object.type === 'Feature') return 'geojson';
    // A bare GeoJSON geometry.
    if (GEOMETRY_TYPES.has(String(object.type)) && ('coordinates' in object || 'geometries' in object))
      return 'geojson';
    if (isEsriFeatureSet(object)) return 'esri';
    if ('help' in object && 'success' in object && 'result' in object) return 'ckan';
    const first = Array.isArray(object.data) ? (object.data[0] as Record<string, unknown> | undefined) : object;
    if (typeof first?.type === 'string' && first.type.includes('schema.oparl.org')) return 'oparl';
    // An empty OParl list page still has OParl's list envelope.
    if (Array.isArray(object.data) && object.data.length === 0 && isObject(object.pagination) && isObject(object.links))
      return 'oparl';
    if (Array.isArray(object.results) && typeof object.total_count === 'number') return 'ods';
    // OpenDataSoft v2.0 (`records[].record.fields`) and v1 (`records[].fields` with `recordid`).
    const record = Array.isArray(object.records)
      ? (object.records[0] as Record<string, unknown> | undefined)
      : undefined;
    const inner = record && typeof record.record === 'object' ? (record.record as Record<string, unknown>) : record;
    if (inner && typeof inner.fields === 'object' && inner.fields !== null && ('id' in inner || 'recordid' in inner))
      return 'ods';
  }
  return 'json';
}

/** `format` attribute, else Content-Type, else file extension, else the first bytes. */
export function detectFormat(
  explicit: Format | undefined,
  contentType: string,
  url: string,
  bytes: Uint8Array,
): Format {
  if (explicit) return explicit;
  const byType = fromContentType(contentType);
  if (byType) return byType;
  const byExtension = fromExtension(url);
  if (byExtension) return byExtension;
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 2048));
  const sniffed = sniff(head);
  if (sniffed) return sniffed;
  throw new DataError('unsupported', `Cannot tell the format of ${url} (${contentType || 'no content type'})`, {
    url,
    found: contentType.split(';')[0] || undefined,
  });
}

/**
 * The format of a fetched body: detectFormat, then for a JSON body without an explicit format a look inside
 * (refineJsonFormat). The JSON is parsed once (the parser reuses the value) by a module loaded only then, so a
 * page with only CSV never fetches the JSON code.
 */
export async function resolveFormat(explicit: Format | undefined, body: FetchedBody): Promise<Format> {
  const format = detectFormat(explicit, body.contentType, body.url, body.bytes);
  if (format !== 'json' || explicit !== undefined) return format;
  const { peekJson } = await import('./formats/json-body.js');
  return refineJsonFormat(peekJson(body));
}

/** The records of a JSON document are GeoJSON features (an envelope around them, or `path="features"`). */
export function isFeatureList(items: readonly unknown[]): items is FeatureLike[] {
  return items.length > 0 && items.every((item) => isObject(item) && item.type === 'Feature');
}

/** The formats a catalogue entry can name for a resource the pipeline loads. */
export type CatalogFormat = 'csv' | 'json' | 'geojson';

const CATALOG_MEDIA_TYPES: Record<string, CatalogFormat> = {
  'text/csv': 'csv',
  'application/csv': 'csv',
  'application/json': 'json',
  'application/geo+json': 'geojson',
  'application/vnd.geo+json': 'geojson',
};

/**
 * The format of a catalogue resource (CKAN `format`, then `mimetype`/`media_type`, then the URL's extension), or
 * undefined when it is none the pipeline loads.
 */
export function catalogFormat(name: unknown, mediaTypes: readonly unknown[], url: unknown): CatalogFormat | undefined {
  const named = String(name ?? '')
    .trim()
    .toLowerCase()
    .replace(/^\./, '');
  if (named === 'csv' || named === 'json' || named === 'geojson') return named;
  for (const mediaType of mediaTypes) {
    const type = String(mediaType ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (Object.hasOwn(CATALOG_MEDIA_TYPES, type)) return CATALOG_MEDIA_TYPES[type];
  }
  const extension = /\.(csv|json|geojson)(?:$|[?#])/i.exec(String(url ?? ''))?.[1];
  return extension?.toLowerCase() as CatalogFormat | undefined;
}
