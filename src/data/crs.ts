/**
 * Coordinate reference systems: the names sources give them (`EPSG:25833`, `urn:ogc:def:crs:EPSG::25833`, Esri's
 * `wkid: 102100`), the systems German portals publish in, and how to tell them from plain numbers in two columns.
 * Converting to WGS84 needs proj4 (about 40 KB), loaded by `projectionTo84` only when a projected system is met;
 * geographic systems and Web Mercator need none of it.
 */
import { DataError } from './errors.js';
import type { Position } from './types.js';

/** [x, y] in the source system to [lon, lat], or undefined for a position outside the system's area of use. */
export type Project = (x: number, y: number) => Position | undefined;

/** Positions as they are: the source is in longitude, latitude. */
export const LON_LAT: Project = (lon, lat) => [lon, lat];

/** Geographic systems whose coordinates are read as longitude, latitude as they are (the datum shifts are < 2 m). */
const GEOGRAPHIC = new Set([4326, 4258, 4269, 4283, 4937, 4979]);
/** Esri's and older names for Web Mercator. */
const MERCATOR_ALIASES = new Set([3857, 102100, 102113, 900913, 3785, 3587]);

/** lon/lat box a system is meant for: a converted position outside it is wrong data, not a place. */
type Area = readonly [west: number, south: number, east: number, north: number];

interface ProjectedSystem {
  name: string;
  area: Area;
}

const utm = (zone: number, datum: string, suffix = ''): ProjectedSystem => ({
  name: `${datum} / UTM zone ${zone}N${suffix}`,
  area: [6 * zone - 183 - 12, 0, 6 * zone - 183 + 12, 84],
});
const gaussKrueger = (zone: number): ProjectedSystem => ({
  name: `DHDN / 3-degree Gauss-Kruger zone ${zone}`,
  area: [3 * zone - 6, 45, 3 * zone + 6, 57],
});

/** The projected systems converted, with their EPSG names. Their proj4 definitions are in reproject.ts. */
export const PROJECTED: Readonly<Record<number, ProjectedSystem>> = {
  3857: { name: 'WGS 84 / Pseudo-Mercator', area: [-180, -85.06, 180, 85.06] },
  25831: utm(31, 'ETRS89'),
  25832: utm(32, 'ETRS89'),
  25833: utm(33, 'ETRS89'),
  4647: utm(32, 'ETRS89', ' (zE-N)'),
  5650: utm(33, 'ETRS89', ' (zE-N)'),
  32632: utm(32, 'WGS 84'),
  32633: utm(33, 'WGS 84'),
  31466: gaussKrueger(2),
  31467: gaussKrueger(3),
  31468: gaussKrueger(4),
  31469: gaussKrueger(5),
  3035: { name: 'ETRS89-extended / LAEA Europe', area: [-35, 25, 45, 85] },
};

/**
 * The EPSG code a source names, or undefined: `EPSG:25833`, `epsg:25833`, `25833`, a number,
 * `urn:ogc:def:crs:EPSG::25833` (WFS, GeoJSON 2008 `crs`), `http://www.opengis.net/def/crs/EPSG/0/25833`
 * (OGC API), and CRS84 in its URN and URL forms. Esri's Web Mercator ids become 3857.
 */
export function epsgCode(value: unknown): number | undefined {
  let code: number | undefined;
  if (typeof value === 'number') code = value;
  else if (typeof value === 'string') {
    const text = value.trim();
    if (/(^|[:/])CRS:?84$/i.test(text)) return 4326;
    const match =
      /^(?:EPSG:{1,2}|urn:ogc:def:crs:EPSG:[\d.]*:|https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/[\d.]+\/)?(\d{4,6})$/i.exec(
        text,
      );
    code = match ? Number(match[1]) : undefined;
  }
  if (code === undefined || !Number.isInteger(code) || code <= 0) return undefined;
  return MERCATOR_ALIASES.has(code) ? 3857 : code;
}

/** True for a system whose coordinates are longitude and latitude already. */
export const isLonLat = (code: number): boolean => GEOGRAPHIC.has(code);

/** True for a system this data layer converts (geographic, Web Mercator, or one of PROJECTED). */
export const isKnownCrs = (code: number): boolean => isLonLat(code) || code in PROJECTED;

/** `EPSG:25833` as the data layer reports it (`meta.crs`). */
export const crsId = (code: number): string => `EPSG:${code}`;

/** A reader's name for a system, its EPSG name and code: `ETRS89 / UTM zone 33N (EPSG:25833)`. */
export function crsLabel(id: string): string {
  const code = epsgCode(id);
  if (code === undefined) return id;
  const name = isLonLat(code) ? 'WGS 84' : PROJECTED[code]?.name;
  return name ? `${name} (${crsId(code)})` : crsId(code);
}

/** The codes a webmaster may name in `crs`, for the message when another one is named. */
export const SUPPORTED_CRS: readonly string[] = ['EPSG:4326', ...Object.keys(PROJECTED).map((c) => `EPSG:${c}`)];

/** The system a webmaster named in `crs`; a DataError `mapping` naming the supported ones for any other. */
export function namedCrs(name: string, url: string): { code: number; lonLat: boolean } {
  const code = epsgCode(name);
  if (code === undefined || !isKnownCrs(code)) {
    throw new DataError('mapping', `Coordinate system "${name.trim()}" is not supported`, {
      url,
      role: 'crs',
      found: name.trim(),
      fields: [...SUPPORTED_CRS],
    });
  }
  return { code, lonLat: isLonLat(code) };
}

const EARTH_RADIUS = 6_378_137;
const DEGREES = 180 / Math.PI;
const mercator: Project = (x, y) => [
  (x / EARTH_RADIUS) * DEGREES,
  (2 * Math.atan(Math.exp(y / EARTH_RADIUS)) - Math.PI / 2) * DEGREES,
];

function within([west, south, east, north]: Area, position: Position | undefined): boolean {
  return (
    position !== undefined && position[0] >= west && position[0] <= east && position[1] >= south && position[1] <= north
  );
}

/**
 * [x, y] → [lon, lat] for a known system, or undefined for one that is not converted. Projected positions that
 * land outside the system's area of use, and (0, 0) (empty cells read as numbers), give undefined.
 * `sample` decides the axis order: some WFS servers write Gauß-Krüger and UTM northing first, as the EPSG
 * definitions order them; when more sample positions fall in the area of use swapped, every position is swapped.
 */
export async function projectionTo84(
  code: number,
  sample: readonly (readonly [number, number])[] = [],
): Promise<Project | undefined> {
  if (isLonLat(code)) return LON_LAT;
  const system = PROJECTED[code];
  if (!system) return undefined;
  const raw: Project = code === 3857 ? mercator : (await import('./reproject.js')).projector(code);
  const inArea = (x: number, y: number) => within(system.area, raw(x, y));
  const checked = sample.slice(0, 50);
  const straight = checked.filter(([x, y]) => inArea(x, y)).length;
  const swapped = checked.filter(([x, y]) => inArea(y, x)).length;
  const [first, second] = swapped > straight ? [1, 0] : [0, 1];
  return (...xy) => {
    const x = xy[first];
    const y = xy[second];
    if (!Number.isFinite(x) || !Number.isFinite(y) || (x === 0 && y === 0)) return undefined;
    const position = raw(x, y);
    return within(system.area, position) ? position : undefined;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Telling a system from the numbers (columns without a declared system)

type Window = readonly [xMin: number, xMax: number, yMin: number, yMax: number];

/** Northing of Germany and its neighbours' border regions (47.2–55.1° N) in UTM and Gauß-Krüger metres. */
const NORTHING_DE: readonly [number, number] = [5_200_000, 6_150_000];

/**
 * Value windows of the systems German data comes in, within and around Germany. They do not overlap, except
 * UTM without its zone prefix, which zone 32 and zone 33 share: those need `crs` or a zone in the column name.
 */
const WINDOWS: readonly (readonly [codes: readonly number[], window: Window])[] = [
  ...[2, 3, 4, 5].map(
    (zone) => [[31464 + zone], [zone * 1e6 + 150_000, zone * 1e6 + 850_000, ...NORTHING_DE]] as const,
  ),
  [[4647], [32_150_000, 32_850_000, ...NORTHING_DE]],
  [[5650], [33_150_000, 33_850_000, ...NORTHING_DE]],
  [
    [25832, 25833],
    [150_000, 850_000, ...NORTHING_DE],
  ],
  [[3035], [3_900_000, 4_800_000, 2_600_000, 3_600_000]],
  [[3857], [600_000, 1_700_000, 5_950_000, 7_400_000]],
];

/**
 * The systems that `pairs` (x, y as written, up to 200 of them) fit: one code, several when the numbers cannot
 * tell (UTM 32 or 33 without the zone prefix), or none. 90 % of the pairs must fit; either axis order is tried.
 */
export function systemsFitting(pairs: readonly (readonly [number, number])[]): number[] {
  if (pairs.length === 0) return [];
  for (const [codes, [xMin, xMax, yMin, yMax]] of WINDOWS) {
    const fits = (x: number, y: number) => x >= xMin && x <= xMax && y >= yMin && y <= yMax;
    const straight = pairs.filter(([x, y]) => fits(x, y)).length;
    const swapped = pairs.filter(([x, y]) => fits(y, x)).length;
    if (Math.max(straight, swapped) >= pairs.length * 0.9) return [...codes];
  }
  return [];
}

/** The first [x, y] inside GeoJSON-like coordinates (a position, or arrays of them nested to any depth). */
export function firstPair(coordinates: unknown): [number, number] | undefined {
  let value = coordinates;
  for (let depth = 0; Array.isArray(value) && depth < 6; depth++) {
    if (typeof value[0] === 'number' && typeof value[1] === 'number') return [value[0], value[1]];
    value = value[0];
  }
  return undefined;
}

/**
 * How to read the positions of a source that names its system (`declared`: the `crs` attribute, a GeoJSON `crs`
 * member, Esri's wkid), with `sample` positions for the axis order. Nothing declared: longitude, latitude, as
 * RFC 7946 says. A system not converted: no `project`, so its geometries are dropped and counted; `crs` names it.
 */
export async function projectionFor(
  declared: unknown,
  sample: readonly (readonly [number, number])[],
): Promise<{ project?: Project; crs?: string }> {
  if (declared === undefined || declared === null || declared === '') return { project: LON_LAT };
  const code = epsgCode(declared);
  if (code === undefined) return { crs: String(declared) };
  return { project: await projectionTo84(code, sample), crs: crsId(code) };
}
