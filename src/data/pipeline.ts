/**
 * Everything loadDataset does after the body arrived: format resolution, the format's parser, coordinates, field
 * overrides and the next page. The main thread and the parse worker (worker/parse-worker.ts) run this same code, so
 * a dataset is the same whichever thread made it. No DOM here: it runs in a worker.
 */
import { resolveFormat } from './detect.js';
import { DataError } from './errors.js';
import type { FetchedBody } from './fetch.js';
import type { ParseContext, Parser } from './formats/parser.js';
import { attachCoordinates } from './geo.js';
import type { Dataset, FieldOverrides, Format, SourceDescription } from './types.js';

/**
 * Formats whose answers may be one page of many, loaded page by page (`meta.next`, loadNextPage). OParl, CKAN,
 * GeoJSON and ArcGIS follow their own pages (a map wants the whole layer) and set `meta.next` themselves.
 */
const PAGED: ReadonlySet<Format> = new Set(['json', 'csv']);

/** The coordinate system a source names (`crs`), checked; loaded only when named (most sources are WGS84). */
export async function declaredCrsOf(source: SourceDescription, url: string) {
  return source.crs?.trim() ? (await import('./crs.js')).namedCrs(source.crs, url) : undefined;
}

/** What parseBody needs besides the body: the source (its `url` absolute) and how to reach further resources. */
export interface BodyContext {
  source: SourceDescription;
  body: FetchedBody;
  fetch: ParseContext['fetch'];
  load: ParseContext['load'];
  /** An empty answer is a dataset, not an error (a later page). */
  emptyAllowed: boolean;
  /** Where this runs, for `meta.parsedIn`. */
  parsedIn: 'main' | 'worker';
  /**
   * The parsers this thread has, loaded when used. A format without one throws NOT_HERE (the worker has no
   * calendar, OParl or CKAN parser: those bodies are parsed on the main thread).
   */
  parsers: Partial<Record<Format, () => Promise<Parser>>>;
}

/** Thrown by parseBody for a format whose parser this thread does not have. */
export const NOT_HERE = Symbol('not parsed here');

export async function parseBody(context: BodyContext): Promise<Dataset> {
  const { source, body } = context;
  const url = source.url;
  const declaredCrs = await declaredCrsOf(source, url);
  const format = await resolveFormat(source.format, body);
  const load = context.parsers[format];
  if (!load) throw NOT_HERE;
  const parse = await load();
  source.signal?.throwIfAborted();
  const parsed = await parse({ source, body, fetch: context.fetch, load: context.load });
  let dataset: Dataset = { ...parsed, meta: { ...parsed.meta, parsedIn: context.parsedIn } };
  // Tabular formats may carry coordinates in columns; GeoJSON has geometry, calendars need none. Named
  // coordinate fields replace what detection would find.
  const tabular = format === 'csv' || format === 'json' || format === 'ckan' || format === 'ods';
  const namedFields = Boolean(source.latField?.trim() || source.lonField?.trim());
  const projected = declaredCrs !== undefined && !declaredCrs.lonLat;
  let overrides: FieldOverrides = source;
  if (tabular && !namedFields && !projected) dataset = attachCoordinates(dataset);
  // Columns in a projected system (Rechtswert/Hochwert, UTM): the converter loads only for such a table.
  if (tabular && (projected || (!namedFields && !dataset.records.some((r) => r.geometry)))) {
    const { locateProjected } = await import('./projected.js');
    const fields = namedFields ? { east: source.lonField?.trim(), north: source.latField?.trim() } : {};
    dataset = await locateProjected(dataset, { code: projected ? declaredCrs.code : undefined, ...fields });
    overrides = { dateFields: source.dateFields };
  }
  // Loaded only when used: reading dates pulls in the date rules, which a GeoJSON map never needs.
  if (overrides.latField?.trim() || overrides.lonField?.trim() || overrides.dateFields?.length) {
    const { applyFieldOverrides } = await import('./overrides.js');
    dataset = applyFieldOverrides(dataset, overrides);
  }
  if (PAGED.has(format)) {
    // Loaded lazily, like the parsers: it brings the JSON reader, which the loader itself does not need.
    const { nextPageOf } = await import('./next-page.js');
    const next = nextPageOf(body, format);
    if (next) dataset = { ...dataset, meta: { ...dataset.meta, next } };
  }
  if (dataset.records.length === 0 && !context.emptyAllowed && format !== 'ics' && format !== 'oparl') {
    throw new DataError('empty', `${url} has no records`, { url });
  }
  return dataset;
}
