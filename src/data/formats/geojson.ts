import { firstPair, LON_LAT, projectionFor, type Project } from '../crs.js';
import { DataError } from '../errors.js';
import { toGeometry } from '../geo.js';
import { GEOMETRY_TYPES, type Dataset, type Geometry } from '../types.js';
import { nextPageOf } from '../next-page.js';
import { isObject } from '../util.js';
import { jsonMeta, peekJson } from './json-body.js';
import { buildTable, type TableOptions } from './json-table.js';
import { esriNextPage, readPages, startOffset, wantedRecords, wfsNextPage } from './pages.js';
import type { ParseContext, Parser } from './parser.js';

export interface FeatureLike {
  id?: unknown;
  geometry?: unknown;
  properties?: unknown;
}

/**
 * The features of a FeatureCollection, a single Feature, or a bare geometry (as a feature without properties).
 * A FeatureCollection member whose `type` is not `Feature` is left out and counted (`notFeatures`).
 */
function featuresOf(data: unknown, url: string): { features: FeatureLike[]; notFeatures: number } {
  const object = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (Array.isArray(data)) {
    return { features: data.filter((item) => (item as FeatureLike | null)?.geometry !== undefined), notFeatures: 0 };
  }
  switch (object.type) {
    case 'FeatureCollection': {
      if (!Array.isArray(object.features)) {
        throw new DataError('parse', `The FeatureCollection in ${url} has no "features" array`, { url });
      }
      const features = object.features.filter(
        (f): f is FeatureLike => typeof f === 'object' && f !== null && (f as { type?: unknown }).type === 'Feature',
      );
      return { features, notFeatures: object.features.length - features.length };
    }
    case 'Feature':
      return { features: [object], notFeatures: 0 };
    default:
      if (typeof object.type === 'string' && GEOMETRY_TYPES.has(object.type)) {
        return { features: [{ geometry: object }], notFeatures: 0 };
      }
      throw new DataError('unsupported', `${url} is not GeoJSON`, {
        url,
        found: typeof object.type === 'string' ? `GeoJSON type ${object.type}` : 'JSON without a GeoJSON type',
      });
  }
}

/** Records from GeoJSON features: properties as values, checked geometry, feature ids where all are unique. */
export function datasetFromFeatures(
  context: ParseContext,
  features: readonly FeatureLike[],
  format: 'geojson' | 'esri' = 'geojson',
  options: Pick<TableOptions, 'declared'> & {
    /** Converts the positions to WGS84 (default: they are longitude, latitude); null: a system not converted. */
    project?: Project | null;
  } = {},
): Dataset {
  const { source } = context;
  const { project = LON_LAT, declared } = options;
  const properties = features.map((f) =>
    typeof f.properties === 'object' && f.properties !== null && !Array.isArray(f.properties) ? f.properties : {},
  );
  const { fields, records } = buildTable(properties, source.lang, { declared, nullValues: source.nullValues });
  const featureIds = features.map((f) => (typeof f.id === 'string' || typeof f.id === 'number' ? String(f.id) : ''));
  const idsUnique = featureIds.every((id) => id !== '') && new Set(featureIds).size === featureIds.length;
  let dropped = 0;
  records.forEach((record, index) => {
    // Feature ids first; otherwise buildTable already chose an id-like property or the index.
    if (idsUnique) record.id = featureIds[index];
    const raw = features[index].geometry;
    const geometry: Geometry | undefined = raw == null || !project ? undefined : toGeometry(raw, project);
    if (geometry) record.geometry = geometry;
    else dropped++;
  });
  return { fields, records, meta: { ...jsonMeta(context, format), droppedCoordinates: dropped } };
}

interface GeoJsonPage {
  document: unknown;
  features: FeatureLike[];
  notFeatures: number;
}

/** A count a server writes (`numberMatched`, `totalFeatures`): a whole number, else undefined (WFS: `unknown`). */
function countOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** The features a server says match: OGC API / WFS 2.0 `numberMatched`, or GeoServer's `totalFeatures`. */
function matchedOf(document: Record<string, unknown>): number | undefined {
  return countOf(document.numberMatched) ?? countOf(document.totalFeatures);
}

/** ArcGIS `f=geojson` says `exceededTransferLimit` in the collection's `properties` (or at its top). */
function exceedsTransferLimit(document: unknown): boolean {
  if (!isObject(document)) return false;
  return (
    document.exceededTransferLimit === true ||
    (isObject(document.properties) && document.properties.exceededTransferLimit === true)
  );
}

/**
 * The system a GeoJSON document names in its `crs` member (GeoJSON 2008, still written by WFS servers and ogr2ogr):
 * `{"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25833"}}`, or the `EPSG` link form.
 */
function crsMemberOf(document: unknown): unknown {
  if (!isObject(document) || !isObject(document.crs) || !isObject(document.crs.properties)) return undefined;
  const { properties } = document.crs;
  return properties.name ?? (properties.type === 'EPSG' || document.crs.type === 'EPSG' ? properties.code : undefined);
}

/**
 * GeoJSON (RFC 7946): one record per feature with its properties as values and its geometry checked. A geometry
 * with an invalid or out-of-range position or an invalid ring is dropped (and counted in `meta.droppedCoordinates`),
 * never thrown; a FeatureCollection member that is not a Feature is left out (`meta.droppedFeatures`). Positions in
 * a projected system (the `crs` attribute, or the document's `crs` member) are converted to WGS84; `meta.crs` names
 * the system read.
 *
 * A FeatureCollection that announces a next page is read to its end, bounded by `maxPages` and `limit` (see
 * readPages): OGC API Features `links[rel=next]`, a top-level `next`, the `Link` header, ArcGIS `f=geojson` with
 * `exceededTransferLimit` (next page by `resultOffset`), or a WFS 2.0 `GetFeature` whose `numberMatched` exceeds the
 * features read (next page by `startIndex`). Features repeated on a later page (same `id`) count once.
 * `meta.numberMatched` is the server's count, `meta.numberReturned` the features read.
 */
export const parseGeoJson: Parser = async (context) => {
  const { url } = context.source;
  const first = peekJson(context.body);
  const firstPage: GeoJsonPage = { document: first, ...featuresOf(first, url) };
  const paged = isObject(first) && first.type === 'FeatureCollection';
  const features: FeatureLike[] = [];
  const seen = new Set<string>();
  let notFeatures = 0;
  const firstUrl = context.body.url;
  const paging = await readPages<GeoJsonPage>(
    context,
    {
      read(body) {
        if (body === context.body) return firstPage;
        const document = peekJson(body);
        if (!isObject(document) || document.type !== 'FeatureCollection') {
          throw new DataError('parse', `${body.url} is not a page of GeoJSON features`, { url: body.url });
        }
        return { document, ...featuresOf(document, body.url) };
      },
      add(page) {
        // Only ids of earlier pages count: within one page, features sharing an id stay as they always did.
        const ids: string[] = [];
        let added = 0;
        for (const feature of page.features) {
          const id = typeof feature.id === 'string' || typeof feature.id === 'number' ? String(feature.id) : undefined;
          if (id !== undefined && seen.has(id)) continue;
          if (id !== undefined) ids.push(id);
          features.push(feature);
          added++;
        }
        for (const id of ids) seen.add(id);
        notFeatures += page.notFeatures;
        return { added, held: page.features.length };
      },
      next(page, body, read) {
        if (!paged) return undefined;
        if (exceedsTransferLimit(page.document)) {
          return esriNextPage(body.url, read, startOffset(firstUrl, 'resultOffset'));
        }
        const matched = isObject(page.document) ? matchedOf(page.document) : undefined;
        return nextPageOf(body, 'geojson') ?? wfsNextPage(body.url, matched, read, startOffset(firstUrl, 'startIndex'));
      },
    },
    'application/geo+json, application/json;q=0.9',
  );
  const wanted = wantedRecords(context.source);
  const kept = features.length > wanted ? features.slice(0, wanted) : features;
  const sample = kept
    .slice(0, 50)
    .map((f) => (isObject(f.geometry) ? firstPair(f.geometry.coordinates) : undefined))
    .filter((pair) => pair !== undefined);
  const { project, crs } = await projectionFor(context.source.crs ?? crsMemberOf(first), sample);
  const dataset = datasetFromFeatures(context, kept, 'geojson', { project: project ?? null });
  const { meta } = dataset;
  if (crs) meta.crs = crs;
  if (notFeatures) meta.droppedFeatures = notFeatures;
  if (paged) {
    const document = first as Record<string, unknown>;
    const matched = matchedOf(document);
    if (matched !== undefined) meta.numberMatched = Math.max(matched, features.length);
    meta.numberReturned = features.length;
    meta.pages = paging.pages;
    meta.bytes = paging.bytes;
    meta.truncated = paging.truncated || kept.length < features.length;
    if (paging.next) meta.next = paging.next;
  }
  return dataset;
};
