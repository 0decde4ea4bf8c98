import { DataError } from '../errors.js';
import { toGeometry } from '../geo.js';
import { GEOMETRY_TYPES, type Dataset, type Geometry } from '../types.js';
import { jsonMeta, peekJson } from './json-body.js';
import { buildTable } from './json-table.js';
import type { ParseContext, Parser } from './parser.js';

export interface FeatureLike {
  id?: unknown;
  geometry?: unknown;
  properties?: unknown;
}

/** The features of a FeatureCollection, a single Feature, or a bare geometry (as a feature without properties). */
function featuresOf(data: unknown, url: string): FeatureLike[] {
  const object = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (Array.isArray(data)) return data.filter((item) => (item as FeatureLike | null)?.geometry !== undefined);
  switch (object.type) {
    case 'FeatureCollection':
      if (!Array.isArray(object.features)) {
        throw new DataError('parse', `The FeatureCollection in ${url} has no "features" array`, { url });
      }
      return object.features.filter((f): f is FeatureLike => typeof f === 'object' && f !== null);
    case 'Feature':
      return [object];
    default:
      if (typeof object.type === 'string' && GEOMETRY_TYPES.has(object.type)) return [{ geometry: object }];
      throw new DataError('unsupported', `${url} is not GeoJSON`, {
        url,
        found: typeof object.type === 'string' ? `GeoJSON type ${object.type}` : 'JSON without a GeoJSON type',
      });
  }
}

/** Records from GeoJSON features: properties as values, checked geometry, feature ids where all are unique. */
export function datasetFromFeatures(context: ParseContext, features: readonly FeatureLike[]): Dataset {
  const { source } = context;
  const properties = features.map((f) =>
    typeof f.properties === 'object' && f.properties !== null && !Array.isArray(f.properties) ? f.properties : {},
  );
  const { fields, records } = buildTable(properties, source.lang, { nullValues: source.nullValues });
  const featureIds = features.map((f) => (typeof f.id === 'string' || typeof f.id === 'number' ? String(f.id) : ''));
  const idsUnique = featureIds.every((id) => id !== '') && new Set(featureIds).size === featureIds.length;
  let dropped = 0;
  records.forEach((record, index) => {
    // Feature ids first; otherwise buildTable already chose an id-like property or the index.
    if (idsUnique) record.id = featureIds[index];
    const raw = features[index].geometry;
    const geometry: Geometry | undefined = raw == null ? undefined : toGeometry(raw);
    if (geometry) record.geometry = geometry;
    else dropped++;
  });
  return { fields, records, meta: { ...jsonMeta(context, 'geojson'), droppedCoordinates: dropped } };
}

/**
 * GeoJSON (RFC 7946): one record per feature with its properties as values and its geometry checked. A geometry
 * with an invalid or out-of-range position is dropped (and counted in `meta.droppedCoordinates`), never thrown.
 */
export const parseGeoJson: Parser = (context) =>
  datasetFromFeatures(context, featuresOf(peekJson(context.body), context.source.url));
