/**
 * Tables whose places are given in a projected system: `Rechtswert`/`Hochwert` (Gauß-Krüger, UTM), `X`/`Y`,
 * `E`/`N`, `UTM_Ost`/`UTM_Nord`, `Ostwert`/`Nordwert`. The system is the one named in `crs`, or one named in a column
 * of its own (`EPSG`, `Koordinatensystem`: the same code in every row), or told from the numbers (crs.ts). UTM
 * without the zone prefix fits zone 32 and 33 alike: the zone must then come from `crs` or the column names
 * (`UTM33_Ost`, `E_25833`); otherwise the records stay without geometry and `meta.crsCandidates` says why.
 */
import { crsId, epsgCode, isKnownCrs, projectionTo84, systemsFitting } from './crs.js';
import { findField, pointsFromFields, toCoordinate } from './geo.js';
import { getValue, normalizeName } from './mapping.js';
import type { Dataset, Field } from './types.js';

/** Column names (normalised, zone digits removed) of the east (x) and north (y) coordinate. */
const EAST_NAMES = [
  'rechtswert',
  'rw',
  'ostwert',
  'utmost',
  'utme',
  'utmeast',
  'utmx',
  'utmrechtswert',
  'gkrechtswert',
  'etrsutmost',
  'etrsutme',
  'easting',
  'east',
  'ost',
  'xkoordinate',
  'koordinatex',
  'xwert',
  'x',
  'e',
];
const NORTH_NAMES = [
  'hochwert',
  'hw',
  'nordwert',
  'utmnord',
  'utmn',
  'utmnorth',
  'utmy',
  'utmhochwert',
  'gkhochwert',
  'etrsutmnord',
  'etrsutmn',
  'northing',
  'north',
  'nord',
  'ykoordinate',
  'koordinatey',
  'ywert',
  'y',
  'n',
];
/** Columns that may name the system itself. */
const SYSTEM_NAMES = ['epsg', 'srid', 'crs', 'kbs', 'koordinatensystem', 'bezugssystem', 'referenzsystem'];

const withoutDigits = (field: Field) => ({ ...field, name: field.name.replace(/\d+/g, '') });

/** The east and north fields, found by name among top-level fields. */
function coordinateFields(fields: readonly Field[]): { east: Field; north: Field } | undefined {
  const topLevel = fields.filter((f) => !f.name.includes('.') && f.type !== 'object');
  const stripped = topLevel.map(withoutDigits);
  const east = findField(stripped, EAST_NAMES);
  const north = findField(stripped, NORTH_NAMES);
  if (!east || !north || east.name === north.name) return undefined;
  const original = (field: Field) => topLevel[stripped.indexOf(field)];
  return { east: original(east), north: original(north) };
}

/** The zone a column name gives (`UTM33_Ost`, `E_25833`, `ETRS89_UTM32_E`), as the UTM code it means. */
function zoneInNames(...names: string[]): number | undefined {
  for (const name of names) {
    const match = /(?:^|\D)(?:258)?(3[123])(?:\D|$)/.exec(normalizeName(name).replace(/etrs89/g, ''));
    if (match) return 25800 + Number(match[1]);
  }
  return undefined;
}

/** A code every sampled row of a system column gives, e.g. `EPSG:25833` or `25833`. */
function systemInColumn(dataset: Dataset): number | undefined {
  const field = findField(dataset.fields, SYSTEM_NAMES);
  if (!field) return undefined;
  const codes = new Set(dataset.records.slice(0, 200).map((r) => epsgCode(getValue(r, field.name))));
  const [code] = codes;
  return codes.size === 1 && code !== undefined && isKnownCrs(code) ? code : undefined;
}

export interface ProjectedColumns {
  /** The system named in `crs` (an EPSG code), if any. */
  code?: number;
  /** Fields named in `lon-field` (east) and `lat-field` (north); otherwise found by name. */
  east?: string;
  north?: string;
}

/**
 * Points from projected coordinate columns. Without named fields and without a system that fits, the dataset is
 * returned as it is; records with unreadable or impossible values are counted in `meta.droppedCoordinates`.
 */
export async function locateProjected(dataset: Dataset, options: ProjectedColumns = {}): Promise<Dataset> {
  const named = options.east || options.north ? { east: options.east, north: options.north } : undefined;
  const found = named ? undefined : coordinateFields(dataset.fields);
  const east = named?.east ?? found?.east.name;
  const north = named?.north ?? found?.north.name;
  if (!east || !north) return named ? pointsFromFields(dataset, north, east) : dataset;
  const sample = dataset.records
    .slice(0, 200)
    .map((r) => [toCoordinate(getValue(r, east)), toCoordinate(getValue(r, north))] as const)
    .filter((pair): pair is readonly [number, number] => pair[0] !== undefined && pair[1] !== undefined);
  let code = options.code ?? systemInColumn(dataset);
  if (code === undefined) {
    const fitting = systemsFitting(sample);
    const zone = fitting.length > 1 ? zoneInNames(east, north) : undefined;
    code = zone !== undefined && fitting.includes(zone) ? zone : fitting.length === 1 ? fitting[0] : undefined;
    if (code === undefined) {
      if (fitting.length === 0) return named ? pointsFromFields(dataset, north, east) : dataset;
      // The numbers fit several systems: a guess would put every place in the wrong zone, 400 km away.
      const dropped = dataset.records.filter((r) => !r.geometry).length;
      return { ...dataset, meta: { ...dataset.meta, droppedCoordinates: dropped, crsCandidates: fitting.map(crsId) } };
    }
  }
  const project = await projectionTo84(code, sample);
  if (!project) return dataset;
  const located = pointsFromFields(dataset, north, east, project);
  return { ...located, meta: { ...located.meta, crs: crsId(code) } };
}
