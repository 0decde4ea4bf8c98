import { DataError } from '../errors.js';
import { toGeometry } from '../geo.js';
import type { Dataset } from '../types.js';
import { isObject } from '../util.js';
import { jsonMeta, peekJson } from './json-body.js';
import { buildTable } from './json-table.js';
import type { Parser } from './parser.js';

type JsonObject = Record<string, unknown>;

interface OdsRecords {
  items: JsonObject[];
  ids?: string[];
  /** v1 records carry a GeoJSON geometry beside their fields. */
  geometries?: unknown[];
  total?: number;
}

/**
 * The record list of an OpenDataSoft Explore API answer:
 * - v2.1 `records`: `{"total_count": n, "results": [{field: value, …}]}`
 * - v2.1/v2.0 `exports/json`: a plain array of such objects
 * - v2.0 `records`: `{"total_count": n, "records": [{"links": […], "record": {"id", "timestamp", "size", "fields"}}]}`
 * - v1 `records/1.0/search`: `{"nhits": n, "records": [{"recordid", "fields", "geometry"}]}`
 */
function odsRecords(data: unknown, url: string): OdsRecords {
  if (Array.isArray(data)) return { items: data.filter(isObject) };
  if (isObject(data)) {
    const total =
      typeof data.total_count === 'number' ? data.total_count : typeof data.nhits === 'number' ? data.nhits : undefined;
    if (Array.isArray(data.results)) return { items: data.results.filter(isObject), total };
    if (Array.isArray(data.records)) {
      const entries = data.records.filter(isObject).map((entry) => (isObject(entry.record) ? entry.record : entry));
      const items = entries.map((entry) => (isObject(entry.fields) ? entry.fields : entry));
      const ids = entries.map((entry) => String(entry.id ?? entry.recordid ?? ''));
      const geometries = entries.some((entry) => 'geometry' in entry) ? entries.map((e) => e.geometry) : undefined;
      const unique = ids.every(Boolean) && new Set(ids).size === ids.length;
      return { items, ids: unique ? ids : undefined, geometries, total };
    }
  }
  throw new DataError('unsupported', `${url} is not an OpenDataSoft records answer`, { url, found: 'JSON' });
}

/** OpenDataSoft Explore API answers; v1 geometries are kept, `geo_point_2d` objects are placed by attachCoordinates. */
export const parseOds: Parser = (context): Dataset => {
  const { source } = context;
  const { items, ids, geometries, total } = odsRecords(peekJson(context.body), source.url);
  const { fields, records } = buildTable(items, source.lang, { keys: ids, nullValues: source.nullValues });
  const meta = { ...jsonMeta(context, 'ods'), truncated: total !== undefined && total > items.length };
  if (geometries) {
    let dropped = 0;
    records.forEach((record, index) => {
      const geometry = toGeometry(geometries[index]);
      if (geometry) record.geometry = geometry;
      else dropped++;
    });
    return { fields, records, meta: { ...meta, droppedCoordinates: dropped } };
  }
  return { fields, records, meta };
};
