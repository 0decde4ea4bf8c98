/** JSON: the record list of a document or API envelope as a table (GeoJSON features inside keep their geometry). */
import { isFeatureList } from '../detect.js';
import { DataError } from '../errors.js';
import type { Dataset } from '../types.js';
import { isObject, UNSAFE_KEYS } from '../util.js';
import { datasetFromFeatures } from './geojson.js';
import { jsonMeta, peekJson } from './json-body.js';
import { buildTable } from './json-table.js';
import type { Parser } from './parser.js';

type JsonObject = { [key: string]: unknown };

const RECORD_ARRAY_NAMES = ['records', 'items', 'data', 'results', 'features', 'entries', 'rows', 'elements', 'list'];

interface RecordSource {
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
    else if (isObject(current) && !UNSAFE_KEYS.has(part) && Object.hasOwn(current, part)) current = current[part];
    else {
      const fields = isObject(current) ? Object.keys(current).filter((k) => !UNSAFE_KEYS.has(k)) : [];
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
  if (entries.length < 2 || !entries.every(([, v]) => isObject(v))) return false;
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
    else if (isObject(value) && depth < MAX_ENVELOPE_DEPTH) collectArrays(value, depth + 1, out);
  }
}

function rank(candidate: Candidate): number[] {
  const objects = candidate.items.length > 0 && candidate.items.every(isObject) ? 1 : 0;
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
function findRecords(data: unknown, path: string | undefined, url: string): RecordSource {
  if (path?.trim()) {
    const found = walkPath(data, path.trim(), url);
    if (Array.isArray(found)) return { items: found };
    if (isObject(found)) return isKeyedById(found) ? fromObject(found) : { items: [found] };
    throw new DataError('mapping', `Path "${path}" in ${url} holds no records`, { url, role: 'path', fields: [] });
  }
  if (Array.isArray(data)) return { items: data };
  if (!isObject(data)) {
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

export const parseJson: Parser = (context): Dataset => {
  const { source } = context;
  const data = peekJson(context.body);
  const { items, keys } = findRecords(data, source.path, source.url);
  // GeoJSON features inside another envelope (or picked with path="features") keep their geometry.
  if (isFeatureList(items)) return datasetFromFeatures(context, items);
  const { fields, records } = buildTable(items, source.lang, { keys, nullValues: source.nullValues });
  return { fields, records, meta: jsonMeta(context, 'json') };
};
