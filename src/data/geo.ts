import { DataError } from './errors.js';
import { fieldExists, getValue, normalizeName } from './mapping.js';
import { LON_LAT, type Project } from './crs.js';
import type { DataRecord, Dataset, Field, Geometry, Position } from './types.js';

// ---------------------------------------------------------------------------------------------------------------
// Numbers and positions

/** A coordinate from a number or a text with a decimal point or comma (`51,964164`). */
export function toCoordinate(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(/^([-+]?\d+),(\d+)$/, '$1.$2');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}

/** Within the WGS84 range and not the (0, 0) that empty cells and failed geocoding produce. */
export function isValidLonLat(lon: number, lat: number): boolean {
  return (
    Number.isFinite(lon) &&
    Number.isFinite(lat) &&
    Math.abs(lat) <= 90 &&
    Math.abs(lon) <= 180 &&
    !(lon === 0 && lat === 0)
  );
}

function toPosition(value: unknown, project: Project): Position | undefined {
  if (!Array.isArray(value) || value.length < 2) return undefined;
  const [x, y, alt] = value;
  if (typeof x !== 'number' || typeof y !== 'number') return undefined;
  const position = project(x, y);
  if (!position || !isValidLonLat(position[0], position[1])) return undefined;
  return typeof alt === 'number' && Number.isFinite(alt) ? [position[0], position[1], alt] : position;
}

function toPositions(value: unknown, min: number, project: Project): Position[] | undefined {
  if (!Array.isArray(value) || value.length < min) return undefined;
  const positions: Position[] = [];
  for (const item of value) {
    const position = toPosition(item, project);
    if (!position) return undefined;
    positions.push(position);
  }
  return positions;
}

function toList<T>(value: unknown, each: (item: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const list: T[] = [];
  for (const item of value) {
    const converted = each(item);
    if (converted === undefined) return undefined;
    list.push(converted);
  }
  return list;
}

/**
 * A linear ring (RFC 7946 §3.1.6): at least four positions, the last the same as the first. An unclosed or too
 * short ring is no polygon: drawing it as one would invent a boundary.
 */
function ring(value: unknown, project: Project): Position[] | undefined {
  const positions = toPositions(value, 4, project);
  if (!positions) return undefined;
  const first = positions[0];
  const last = positions[positions.length - 1];
  return first[0] === last[0] && first[1] === last[1] ? positions : undefined;
}
const line = (value: unknown, project: Project) => toPositions(value, 2, project);

/**
 * A clean copy of a GeoJSON geometry, or undefined when it is not one or any position is invalid or out of range
 * (the whole geometry is dropped then: half a polygon would mislead). `project` converts positions of a source in
 * a projected system (see crs.ts); without it they are longitude, latitude.
 */
export function toGeometry(value: unknown, project: Project = LON_LAT, depth = 0): Geometry | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { type, coordinates, geometries } = value as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  switch (type) {
    case 'Point': {
      const position = toPosition(coordinates, project);
      return position && { type, coordinates: position };
    }
    case 'MultiPoint': {
      const positions = toPositions(coordinates, 1, project);
      return positions && { type, coordinates: positions };
    }
    case 'LineString': {
      const positions = line(coordinates, project);
      return positions && { type, coordinates: positions };
    }
    case 'MultiLineString': {
      const lines = toList(coordinates, (item) => line(item, project));
      return lines && { type, coordinates: lines };
    }
    case 'Polygon': {
      const rings = toList(coordinates, (item) => ring(item, project));
      return rings && { type, coordinates: rings };
    }
    case 'MultiPolygon': {
      const polygons = toList(coordinates, (item) => toList(item, (part) => ring(part, project)));
      return polygons && { type, coordinates: polygons };
    }
    case 'GeometryCollection': {
      if (depth > 4) return undefined;
      const parts = toList(geometries, (item) => toGeometry(item, project, depth + 1));
      return parts && { type, geometries: parts };
    }
    default:
      return undefined;
  }
}

const point = (lon: number, lat: number): Geometry | undefined =>
  isValidLonLat(lon, lat) ? { type: 'Point', coordinates: [lon, lat] } : undefined;

// ---------------------------------------------------------------------------------------------------------------
// Coordinate columns

const LAT_NAMES = ['lat', 'latitude', 'breite', 'breitengrad', 'geobreite', 'latwgs84', 'latitudewgs84', 'y'];
const LON_NAMES = [
  'lon',
  'lng',
  'long',
  'longitude',
  'laenge',
  'laengengrad',
  'geolaenge',
  'lonwgs84',
  'longitudewgs84',
  'x',
];
/** Names of a single column or nested object that holds both coordinates. */
const PAIR_NAMES = [
  'coordinates',
  'koordinaten',
  'coords',
  'geometry',
  'geometrie',
  'geo',
  'geopoint',
  'geopoint2d',
  'location',
  'standort',
  'latlon',
  'latlng',
  'wkt',
  'geom',
  'the_geom',
];

/** `52.14, 12.59` or `52,14; 12,59` (latitude first, as portals and map services print them). */
const PAIR = /^\s*\(?\s*([-+]?\d+(?:[.,]\d+)?)\s*(?:[,;]\s*|\s+)([-+]?\d+(?:[.,]\d+)?)\s*\)?\s*$/;
/** `POINT (12.59 52.14)`, also with `SRID=4326;` or `Z` (longitude first, as WKT orders them). */
const WKT_POINT =
  /^\s*(?:SRID=\d+\s*;\s*)?POINT\s*Z?M?\s*\(\s*([-+]?[\d.]+(?:[eE][-+]?\d+)?)\s+([-+]?[\d.]+(?:[eE][-+]?\d+)?)/i;

type Extractor = (record: DataRecord) => Geometry | undefined;

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Fields by their last name segment, normalised (the first of equal names), made once per array of fields. */
const fieldsByLastName = new WeakMap<readonly Field[], Map<string, Field>>();

/**
 * The field among `fields` whose last name segment is a candidate, trying candidates in order. Each name is
 * normalised once: a table of 100,000 columns took seconds when every candidate normalised every name again.
 */
export function findField(fields: readonly Field[], names: readonly string[]): Field | undefined {
  let byName = fieldsByLastName.get(fields);
  if (!byName) {
    byName = new Map();
    for (const field of fields) {
      const key = normalizeName(field.name.slice(field.name.lastIndexOf('.') + 1));
      if (!byName.has(key)) byName.set(key, field);
    }
    fieldsByLastName.set(fields, byName);
  }
  for (const name of names) {
    const field = byName.get(name);
    if (field) return field;
  }
  return undefined;
}

/**
 * Latitude and longitude columns side by side: top-level ones first, then a pair inside one nested object
 * (`adresse.geo.lat` with `adresse.geo.lon`).
 */
function lonLatColumns(fields: readonly Field[]): Extractor | undefined {
  const parents = [...new Set(fields.map((f) => f.name.slice(0, Math.max(0, f.name.lastIndexOf('.')))))];
  for (const parent of parents.sort((a, b) => a.split('.').length - b.split('.').length || a.length - b.length)) {
    const siblings = fields.filter((f) => f.name.slice(0, Math.max(0, f.name.lastIndexOf('.'))) === parent);
    const lat = findField(siblings, LAT_NAMES);
    const lon = findField(siblings, LON_NAMES);
    if (!lat || !lon) continue;
    // x/y are too common in chart data to trust unless both are there, as exactly that pair.
    const last = (f: Field) => normalizeName(f.name.slice(f.name.lastIndexOf('.') + 1));
    if ((last(lat) === 'y') !== (last(lon) === 'x')) continue;
    return (record) => {
      const la = toCoordinate(getValue(record, lat.name));
      const lo = toCoordinate(getValue(record, lon.name));
      return la === undefined || lo === undefined ? undefined : point(lo, la);
    };
  }
  return undefined;
}

function textColumns(fields: readonly Field[], records: readonly DataRecord[]): Extractor[] {
  const extractors: Extractor[] = [];
  const sample = records.slice(0, 200);
  for (const field of fields) {
    if (field.type !== 'string' || field.name.includes('.')) continue;
    const texts = sample
      .map((r) => r.values[field.name])
      .filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    if (texts.length === 0) continue;
    const hinted = PAIR_NAMES.includes(normalizeName(field.name));
    if (texts.filter((t) => WKT_POINT.test(t)).length >= texts.length * 0.8) {
      extractors.push((record) => {
        const text = record.values[field.name];
        const match = typeof text === 'string' ? WKT_POINT.exec(text) : null;
        return match ? point(Number(match[1]), Number(match[2])) : undefined;
      });
      continue;
    }
    // "1,5" in a text column could be a German number: without a telling name, both parts need decimal points.
    const pairs = texts.map((t) => PAIR.exec(t)).filter((m) => m !== null);
    const convincing = pairs.every((m) => hinted || (m[1].includes('.') && m[2].includes('.')));
    if (pairs.length < texts.length * 0.8 || !convincing) continue;
    extractors.push((record) => {
      const text = record.values[field.name];
      const match = typeof text === 'string' ? PAIR.exec(text) : null;
      const lat = match ? toCoordinate(match[1]) : undefined;
      const lon = match ? toCoordinate(match[2]) : undefined;
      return lat === undefined || lon === undefined ? undefined : point(lon, lat);
    });
  }
  return extractors;
}

/** `{latitude, longitude}` (Decidim), `{lat, lon}` (OpenDataSoft geo_point_2d), or a GeoJSON geometry/Feature. */
function geometryFromObject(value: unknown): { geometry?: Geometry; present: boolean } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { present: false };
  const object = value as Record<string, unknown>;
  if (typeof object.type === 'string') {
    const geometry = object.type === 'Feature' ? toGeometry(object.geometry) : toGeometry(object);
    return { present: true, geometry };
  }
  const keys = Object.keys(object).map((key) => [normalizeName(key), key] as const);
  const latKey = keys.find(([n]) => LAT_NAMES.includes(n) && n !== 'y')?.[1];
  const lonKey = keys.find(([n]) => LON_NAMES.includes(n) && n !== 'x')?.[1];
  if (!latKey || !lonKey) return { present: false };
  const lat = toCoordinate(object[latKey]);
  const lon = toCoordinate(object[lonKey]);
  if (isBlank(object[latKey]) && isBlank(object[lonKey])) return { present: false };
  return { present: true, geometry: lat === undefined || lon === undefined ? undefined : point(lon, lat) };
}

function objectColumns(fields: readonly Field[], records: readonly DataRecord[]): Extractor[] {
  const extractors: Extractor[] = [];
  const sample = records.slice(0, 200);
  for (const field of fields) {
    if (field.type !== 'object' || field.name.includes('.')) continue;
    const hits = sample.filter((r) => geometryFromObject(r.values[field.name]).present).length;
    if (hits === 0 || (hits < sample.length / 2 && !PAIR_NAMES.includes(normalizeName(field.name)))) continue;
    extractors.push((record) => geometryFromObject(record.values[field.name]).geometry);
  }
  return extractors;
}

/**
 * Finds coordinates in tabular records (lat/lon-like columns, "52.14, 12.59" pairs, WKT POINT, nested
 * `{latitude, longitude}` objects) and sets `record.geometry`. Records whose coordinates are missing, unreadable
 * or out of range keep no geometry and are counted in `meta.droppedCoordinates`; nothing is thrown.
 * Latitude 12.5 / longitude 52.1 is a valid place (in the Indian Ocean), so only impossible values are dropped.
 */
export function attachCoordinates(dataset: Dataset): Dataset {
  const { fields, records } = dataset;
  // Already done (a CKAN resource loaded through the whole pipeline) or located by its format.
  if (dataset.meta.droppedCoordinates !== undefined || records.some((r) => r.geometry)) return dataset;
  const extractors = [lonLatColumns(fields), ...textColumns(fields, records), ...objectColumns(fields, records)].filter(
    (e): e is Extractor => e !== undefined,
  );
  if (extractors.length === 0) return dataset;
  let dropped = 0;
  const located = records.map((record) => {
    for (const extract of extractors) {
      const geometry = extract(record);
      // Not a spread: a CSV record's id is an accessor on its prototype, which a spread leaves behind.
      if (geometry) return { id: record.id, values: record.values, geometry };
    }
    dropped++;
    return record;
  });
  return { ...dataset, records: located, meta: { ...dataset.meta, droppedCoordinates: dropped } };
}

/** The coordinate fields each dataset made by locateByFields was made with, and its results by fields. */
const locatedWith = new WeakMap<Dataset, string>();
const locatedBy = new WeakMap<Dataset, Map<string, Dataset>>();

/**
 * Points from two fields a webmaster named (`lat-field`, `lon-field`), replacing whatever geometry the records had;
 * without either, the dataset itself. Throws a DataError `mapping` when only one is given or a field does not exist;
 * unreadable or impossible values leave a record without geometry, counted in `meta.droppedCoordinates`. Results
 * are kept per dataset: the same fields again, or on a dataset they made, give that same dataset.
 */
export function locateByFields(dataset: Dataset, latName: string | undefined, lonName: string | undefined): Dataset {
  const latField = latName?.trim() || undefined;
  const lonField = lonName?.trim() || undefined;
  if (!latField && !lonField) return dataset;
  const key = `${latField ?? ''}\n${lonField ?? ''}`;
  if (locatedWith.get(dataset) === key) return dataset;
  const known = locatedBy.get(dataset)?.get(key);
  if (known) return known;
  const result = pointsFromFields(dataset, latField, lonField);
  locatedWith.set(result, key);
  let byKey = locatedBy.get(dataset);
  if (!byKey) locatedBy.set(dataset, (byKey = new Map()));
  byKey.set(key, result);
  return result;
}

/**
 * Points from a latitude (north, y) and a longitude (east, x) field, converted by `project` for a projected system.
 * Throws a DataError `mapping` when only one is given or a field does not exist; records whose values are
 * unreadable or impossible keep no geometry and are counted in `meta.droppedCoordinates`.
 */
export function pointsFromFields(
  dataset: Dataset,
  latField: string | undefined,
  lonField: string | undefined,
  project: Project = LON_LAT,
): Dataset {
  const { fields, records, meta } = dataset;
  const available = fields.map((f) => f.name);
  if (!latField || !lonField) {
    throw new DataError('mapping', 'lat-field and lon-field must be given together', {
      url: meta.url,
      role: latField ? 'lon' : 'lat',
      fields: available,
    });
  }
  for (const [role, name] of [
    ['lat', latField],
    ['lon', lonField],
  ] as const) {
    if (!fieldExists(fields, name)) {
      throw new DataError('mapping', `Field "${name}" for role ${role} does not exist`, {
        url: meta.url,
        role,
        fields: available,
      });
    }
  }
  let dropped = 0;
  const located = records.map((record): DataRecord => {
    const lat = toCoordinate(getValue(record, latField));
    const lon = toCoordinate(getValue(record, lonField));
    const position = lat === undefined || lon === undefined ? undefined : project(lon, lat);
    const geometry = position && point(position[0], position[1]);
    if (!geometry) dropped++;
    // Not a spread: a CSV record's id is an accessor on its prototype, which a spread leaves behind.
    return geometry ? { id: record.id, values: record.values, geometry } : { id: record.id, values: record.values };
  });
  return { ...dataset, records: located, meta: { ...meta, droppedCoordinates: dropped } };
}
