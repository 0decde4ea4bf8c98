/**
 * Esri JSON: the answer of an ArcGIS FeatureServer or MapServer `query` (`f=json`), common for Kreis and Land
 * portals. Attributes become flat fields (`title-field="NAME"` works), `esriFieldTypeDate` values become dates, and
 * geometries become GeoJSON: points, multipoints, polylines and polygons with holes (Esri writes outer rings
 * clockwise and holes anticlockwise, in any order). Coordinates in WGS84 or Web Mercator (102100/3857) are read;
 * other systems (UTM, Gauss-Krüger) are not yet converted: those geometries are dropped and counted, and
 * `meta.crs` names the system.
 */
import { isObject } from '../util.js';
import type { Dataset, Position } from '../types.js';
import { datasetFromFeatures, type FeatureLike } from './geojson.js';
import { peekJson } from './json-body.js';
import type { Parser } from './parser.js';

interface EsriFeatureSet {
  features: { attributes?: unknown; geometry?: unknown }[];
  fields?: { name?: unknown; type?: unknown }[];
  objectIdFieldName?: unknown;
  spatialReference?: { wkid?: unknown; latestWkid?: unknown };
  exceededTransferLimit?: unknown;
}

const WGS84_LIKE = new Set([4326, 4258, 4269, 4283]);
const WEB_MERCATOR = new Set([102100, 102113, 3857, 900913, 3785]);
const EARTH_RADIUS = 6_378_137;

type Project = (x: number, y: number) => Position | undefined;

/** Coordinates to [lon, lat] for the spatial reference, or undefined for a system not converted yet. */
function projection(wkid: number | undefined): Project | undefined {
  if (wkid === undefined || WGS84_LIKE.has(wkid)) return (x, y) => [x, y];
  if (WEB_MERCATOR.has(wkid)) {
    return (x, y) => [
      (x / EARTH_RADIUS) * (180 / Math.PI),
      (2 * Math.atan(Math.exp(y / EARTH_RADIUS)) - Math.PI / 2) * (180 / Math.PI),
    ];
  }
  return undefined;
}

function positionOf(value: unknown, project: Project): Position | undefined {
  if (!Array.isArray(value) || typeof value[0] !== 'number' || typeof value[1] !== 'number') return undefined;
  return project(value[0], value[1]);
}

function positionsOf(value: unknown, project: Project): Position[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const positions: Position[] = [];
  for (const item of value) {
    const position = positionOf(item, project);
    if (!position) return undefined;
    positions.push(position);
  }
  return positions;
}

/** Twice the signed area (shoelace): negative for a clockwise ring, the orientation of Esri's outer rings. */
function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return sum;
}

function contains(ring: readonly Position[], [x, y]: Position): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Esri rings to GeoJSON polygons: each anticlockwise ring is a hole of the clockwise ring that holds it. */
function polygonsOf(rings: Position[][]): Position[][][] {
  // GeoJSON wants the opposite orientation (RFC 7946 §3.1.6): every ring is reversed.
  const outers: Position[][][] = [];
  const holes: Position[][] = [];
  for (const ring of rings) {
    const reversed = ring.slice().reverse();
    if (signedArea(ring) < 0) outers.push([reversed]);
    else holes.push(reversed);
  }
  for (const hole of holes) {
    const owner = outers.find((polygon) => contains(polygon[0], hole[0]));
    // A hole outside every outer ring is an outer ring written the other way round.
    if (owner) owner.push(hole);
    else outers.push([hole.slice().reverse()]);
  }
  return outers;
}

/** An Esri geometry as GeoJSON (checked again by the GeoJSON reader), or undefined. */
function geometryOf(value: unknown, project: Project): unknown {
  if (!isObject(value)) return undefined;
  if (typeof value.x === 'number' && typeof value.y === 'number') {
    const position = project(value.x, value.y);
    return position && { type: 'Point', coordinates: position };
  }
  if (Array.isArray(value.points)) {
    const points = positionsOf(value.points, project);
    return points && { type: 'MultiPoint', coordinates: points };
  }
  const parts = Array.isArray(value.paths) ? value.paths : Array.isArray(value.rings) ? value.rings : undefined;
  if (!parts) return undefined;
  const lines: Position[][] = [];
  for (const part of parts) {
    const positions = positionsOf(part, project);
    if (!positions) return undefined;
    lines.push(positions);
  }
  if (Array.isArray(value.paths)) {
    return lines.length === 1
      ? { type: 'LineString', coordinates: lines[0] }
      : { type: 'MultiLineString', coordinates: lines };
  }
  const polygons = polygonsOf(lines);
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

function wkidOf(set: EsriFeatureSet): number | undefined {
  const reference = set.spatialReference;
  const wkid = isObject(reference) ? (reference.latestWkid ?? reference.wkid) : undefined;
  return typeof wkid === 'number' ? wkid : undefined;
}

export const parseEsriJson: Parser = (context) => {
  const set = peekJson(context.body) as EsriFeatureSet;
  const wkid = wkidOf(set);
  const project = projection(wkid);
  const dateFields = (set.fields ?? [])
    .filter((f) => f.type === 'esriFieldTypeDate' && typeof f.name === 'string')
    .map((f) => f.name as string);
  const idField = typeof set.objectIdFieldName === 'string' ? set.objectIdFieldName : undefined;
  const features: FeatureLike[] = set.features.filter(isObject).map((feature) => {
    const attributes = isObject(feature.attributes) ? { ...feature.attributes } : {};
    // Dates are milliseconds since 1970 (UTC).
    for (const name of dateFields) {
      const time = attributes[name];
      if (typeof time === 'number') attributes[name] = new Date(time).toISOString();
    }
    return {
      id: idField ? attributes[idField] : undefined,
      properties: attributes,
      geometry: project && feature.geometry !== undefined ? (geometryOf(feature.geometry, project) ?? null) : null,
    };
  });
  const dataset: Dataset = datasetFromFeatures(context, features, 'esri');
  // Without geometry in the answer (`returnGeometry=false`) nothing was dropped.
  if (!set.features.some((f) => isObject(f) && f.geometry !== undefined)) dataset.meta.droppedCoordinates = 0;
  if (wkid !== undefined) dataset.meta.crs = `EPSG:${wkid === 102100 ? 3857 : wkid}`;
  // The server stopped at its record limit: more pages exist (`resultOffset`), not read yet.
  if (set.exceededTransferLimit === true) dataset.meta.truncated = true;
  return dataset;
};
