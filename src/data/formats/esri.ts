/**
 * Esri JSON: the answer of an ArcGIS FeatureServer or MapServer `query` (`f=json`), common for Kreis and Land
 * portals, with all its pages (`exceededTransferLimit`, `resultOffset`). Attributes become flat fields
 * (`title-field="NAME"` works) with the types and aliases the answer declares (`esriFieldTypeDate` values become
 * dates), and geometries become GeoJSON: points, multipoints, polylines and polygons with holes (Esri writes outer
 * rings clockwise and holes anticlockwise, in any order). Coordinates are converted from the `spatialReference` (or
 * the `crs` attribute) to WGS84: Web Mercator, UTM, Gauß-Krüger (see crs.ts); a system not converted leaves the
 * geometries out (counted), and `meta.crs` names the system.
 */
import { firstPair, projectionFor, type Project } from '../crs.js';
import { datasetDate } from '../dataset-date.js';
import { DataError } from '../errors.js';
import { isObject, UNSAFE_KEYS } from '../util.js';
import type { Dataset, FieldType, Position } from '../types.js';
import { datasetFromFeatures, type FeatureLike } from './geojson.js';
import { peekJson } from './json-body.js';
import { esriNextPage, readPages, startOffset, wantedRecords } from './pages.js';
import type { Parser } from './parser.js';

interface EsriFeatureSet {
  features: { attributes?: unknown; geometry?: unknown }[];
  fields?: unknown;
  fieldAliases?: unknown;
  objectIdFieldName?: unknown;
  spatialReference?: { wkid?: unknown; latestWkid?: unknown };
  exceededTransferLimit?: unknown;
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

/** The first position of an Esri geometry, for the axis-order check. */
function firstPairOf(geometry: unknown): [number, number] | undefined {
  if (!isObject(geometry)) return undefined;
  if (typeof geometry.x === 'number' && typeof geometry.y === 'number') return [geometry.x, geometry.y];
  return firstPair(geometry.points ?? geometry.paths ?? geometry.rings);
}

function wkidOf(set: EsriFeatureSet): number | undefined {
  const reference = set.spatialReference;
  const wkid = isObject(reference) ? (reference.latestWkid ?? reference.wkid) : undefined;
  return typeof wkid === 'number' ? wkid : undefined;
}

/** Esri field types whose values we know; others (blobs, rasters, XML) are inferred from their values. */
const FIELD_TYPES: Readonly<Record<string, FieldType>> = {
  esriFieldTypeOID: 'number',
  esriFieldTypeInteger: 'number',
  esriFieldTypeSmallInteger: 'number',
  esriFieldTypeBigInteger: 'number',
  esriFieldTypeDouble: 'number',
  esriFieldTypeSingle: 'number',
  esriFieldTypeDate: 'date',
  esriFieldTypeString: 'string',
  esriFieldTypeGlobalID: 'string',
  esriFieldTypeGUID: 'string',
};

interface EsriFields {
  /** Types the answer declares, by field name. */
  declared: Map<string, FieldType>;
  /** Readable names (`alias`, or the older `fieldAliases` object) that differ from the field name. */
  aliases: Map<string, string>;
  /** The object id field: from `objectIdFieldName`, else the field of type OID. */
  idField?: string;
}

function fieldsOf(set: EsriFeatureSet): EsriFields {
  const declared = new Map<string, FieldType>();
  const aliases = new Map<string, string>();
  const addAlias = (name: string, alias: unknown) => {
    if (typeof alias === 'string' && alias.trim() && alias.trim() !== name) aliases.set(name, alias.trim());
  };
  if (isObject(set.fieldAliases)) {
    for (const [name, alias] of Object.entries(set.fieldAliases)) addAlias(name, alias);
  }
  let oidField: string | undefined;
  for (const field of Array.isArray(set.fields) ? set.fields : []) {
    if (!isObject(field) || typeof field.name !== 'string') continue;
    const type =
      typeof field.type === 'string' && Object.hasOwn(FIELD_TYPES, field.type) ? FIELD_TYPES[field.type] : undefined;
    if (type) declared.set(field.name, type);
    if (field.type === 'esriFieldTypeOID') oidField ??= field.name;
    addAlias(field.name, field.alias);
  }
  const idField = typeof set.objectIdFieldName === 'string' ? set.objectIdFieldName : oidField;
  return { declared, aliases, idField };
}

/** A value as its declared type: dates are milliseconds since 1970 (UTC); anything unreadable is null. */
function convert(value: unknown, type: FieldType | undefined): unknown {
  if (value === null || value === undefined || type === undefined) return value;
  switch (type) {
    case 'number': {
      const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
      return Number.isFinite(number) && String(value).trim() !== '' ? number : null;
    }
    case 'date':
      return typeof value === 'number' && Number.isFinite(value) ? datasetDate(value) : null;
    case 'string':
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
    default:
      return value;
  }
}

function isFeatureSet(value: unknown): value is EsriFeatureSet {
  return isObject(value) && Array.isArray(value.features);
}

/**
 * Esri JSON, all pages: while an answer says `exceededTransferLimit`, the next one is asked for with `resultOffset`
 * (bounded by `maxPages` and `limit`, see readPages). Fields keep their names, with their declared types and
 * aliases; the first page's `fields` and `spatialReference` serve every page.
 */
export const parseEsriJson: Parser = async (context) => {
  const set = peekJson(context.body) as EsriFeatureSet;
  const wkid = wkidOf(set);
  const sample = set.features
    .slice(0, 50)
    .map((f) => (isObject(f) ? firstPairOf(f.geometry) : undefined))
    .filter((pair) => pair !== undefined);
  const { project, crs } = await projectionFor(context.source.crs ?? wkid, sample);
  const { declared, aliases, idField } = fieldsOf(set);
  const features: FeatureLike[] = [];
  const seen = new Set<string>();
  let geometries = false;
  const start = startOffset(context.body.url, 'resultOffset');
  const paging = await readPages<EsriFeatureSet>(
    context,
    {
      read(body) {
        const page = body === context.body ? set : peekJson(body);
        if (!isFeatureSet(page)) {
          throw new DataError('parse', `${body.url} is not an ArcGIS query answer`, { url: body.url });
        }
        return page;
      },
      add(page) {
        const items = page.features.filter(isObject);
        // Only records of earlier pages count as repeated: within one page every record stays, as it always did.
        const keys: string[] = [];
        let added = 0;
        for (const feature of items) {
          const raw = isObject(feature.attributes) ? feature.attributes : {};
          const key = idField && raw[idField] != null ? String(raw[idField]) : JSON.stringify(feature);
          if (seen.has(key)) continue;
          keys.push(key);
          added++;
          const attributes: Record<string, unknown> = {};
          for (const [name, value] of Object.entries(raw)) {
            // `__proto__` assigned would replace the object's prototype; the table drops such keys anyway.
            if (!UNSAFE_KEYS.has(name)) attributes[name] = convert(value, declared.get(name));
          }
          if (feature.geometry !== undefined) geometries = true;
          features.push({
            id: idField ? attributes[idField] : undefined,
            properties: attributes,
            geometry:
              project && feature.geometry !== undefined ? (geometryOf(feature.geometry, project) ?? null) : null,
          });
        }
        for (const key of keys) seen.add(key);
        return { added, held: items.length };
      },
      next: (page, body, read) =>
        page.exceededTransferLimit === true ? esriNextPage(body.url, read, start) : undefined,
    },
    'application/json',
  );
  const wanted = wantedRecords(context.source);
  const kept = features.length > wanted ? features.slice(0, wanted) : features;
  const dataset: Dataset = datasetFromFeatures(context, kept, 'esri', { declared });
  for (const field of dataset.fields) {
    const alias = aliases.get(field.name);
    if (alias) field.alias = alias;
  }
  const { meta } = dataset;
  // Without geometry in the answer (`returnGeometry=false`) nothing was dropped.
  if (!geometries) meta.droppedCoordinates = 0;
  if (crs) meta.crs = crs;
  meta.bytes = paging.bytes;
  meta.pages = paging.pages;
  // A saved answer that says `exceededTransferLimit` cannot be paged: its records are not all there either.
  const unpaged = paging.pages === 1 && set.exceededTransferLimit === true && !paging.truncated;
  meta.truncated = paging.truncated || kept.length < features.length || unpaged;
  if (paging.next) meta.next = paging.next;
  return dataset;
};
