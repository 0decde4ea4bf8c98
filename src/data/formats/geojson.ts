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
): Dataset {
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
  return { fields, records, meta: { ...jsonMeta(context, format), droppedCoordinates: dropped } };
}

/**
 * GeoJSON (RFC 7946): one record per feature with its properties as values and its geometry checked. A geometry
 * with an invalid or out-of-range position or an invalid ring is dropped (and counted in `meta.droppedCoordinates`),
 * never thrown; a FeatureCollection member that is not a Feature is left out (`meta.droppedFeatures`).
 */
export const parseGeoJson: Parser = (context) => {
  const { features, notFeatures } = featuresOf(peekJson(context.body), context.source.url);
  const dataset = datasetFromFeatures(context, features);
  if (notFeatures) dataset.meta.droppedFeatures = notFeatures;
  return dataset;
};
