import { resolveFormat } from './detect.js';
import { DataError, toDataError } from './errors.js';
import { fetchBytes, type FetchOptions } from './fetch.js';
import type { ParseContext, Parser } from './formats/parser.js';
import { attachCoordinates } from './geo.js';
import type { Dataset, FieldOverrides, Format, SourceDescription } from './types.js';
import { absolute } from './util.js';

/** Parsers load lazily so a page with only a map never downloads the iCalendar library. */
const parsers: Record<Format, () => Promise<Parser>> = {
  csv: () => import('./formats/csv.js').then((m) => m.parseCsv),
  json: () => import('./formats/json.js').then((m) => m.parseJson),
  geojson: () => import('./formats/geojson.js').then((m) => m.parseGeoJson),
  esri: () => import('./formats/esri.js').then((m) => m.parseEsriJson),
  ics: () => import('./formats/ics.js').then((m) => m.parseIcs),
  oparl: () => import('./formats/oparl.js').then((m) => m.parseOParl),
  ckan: () => import('./formats/ckan.js').then((m) => m.parseCkan),
  ods: () => import('./formats/ods.js').then((m) => m.parseOds),
};

/**
 * Formats whose answers may be one page of many, loaded page by page (`meta.next`, loadNextPage). OParl, CKAN,
 * GeoJSON and ArcGIS follow their own pages (a map wants the whole layer) and set `meta.next` themselves.
 */
const PAGED: ReadonlySet<Format> = new Set(['json', 'csv']);

/**
 * The data layer's one way in: a source description in, a typed Dataset out, or a DataError.
 * Fetching, decoding, format detection, parsing and type inference all happen behind this call.
 * A paged source's next page is in `meta.next`; `loadNextPage` loads it.
 */
export function loadDataset(source: SourceDescription): Promise<Dataset> {
  return load(source, false);
}

/**
 * The page after `previous` (its `meta.next`), loaded with the same source settings and format. Its own `meta.next`
 * leads on; an empty last page is a dataset without records, not an error.
 */
export function loadNextPage(source: SourceDescription, previous: Pick<Dataset, 'meta'>): Promise<Dataset> {
  const next = previous.meta.next;
  if (!next)
    return Promise.reject(
      new DataError('unsupported', `${previous.meta.url} has no next page`, { url: previous.meta.url }),
    );
  return load({ ...source, url: next, format: previous.meta.format }, true);
}

async function load(source: SourceDescription, emptyAllowed: boolean): Promise<Dataset> {
  const url = absolute(source.url);
  try {
    if (!source.url) throw new DataError('unsupported', 'No URL given', { url });
    // Loaded only when named, like the converter itself: most sources are in WGS84.
    const declaredCrs = source.crs?.trim() ? (await import('./crs.js')).namedCrs(source.crs, url) : undefined;
    const fetchOptions: FetchOptions = {
      signal: source.signal,
      timeout: source.timeout,
      maxBytes: source.maxBytes,
      revalidate: source.revalidate,
      onProgress: source.onProgress,
    };
    const body = await fetchBytes(url, fetchOptions);
    const format = await resolveFormat(source.format, body);
    const context: ParseContext = {
      source: { ...source, url },
      body,
      fetch: (next, options) => fetchBytes(absolute(next, body.url), { ...fetchOptions, ...options }),
      load: (next) => loadDataset({ ...source, ...next, url: absolute(next.url, body.url) }),
    };
    const parse = await parsers[format]();
    source.signal?.throwIfAborted();
    let dataset = await parse(context);
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
    if (dataset.records.length === 0 && !emptyAllowed && format !== 'ics' && format !== 'oparl') {
      throw new DataError('empty', `${url} has no records`, { url });
    }
    return dataset;
  } catch (error) {
    throw toDataError(error, url);
  }
}
