/**
 * proj4 with the definitions of the projected systems in crs.ts. A chunk of its own, loaded only when a source is in
 * one of them. Gauß-Krüger (DHDN) is shifted to WGS84 with the seven-parameter transformation for all of Germany
 * (EPSG:1777 as EPSG publishes it for proj4): about 1–3 m, well below what a marker on a town map shows.
 */
import proj4 from 'proj4';
import type { Project } from './crs.js';

const ETRS89 = '+ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const DHDN = '+ellps=bessel +towgs84=598.1,73.7,418.2,0.202,0.045,-2.455,6.7 +units=m +no_defs';
const utm = (zone: number, datum: string) => `+proj=utm +zone=${zone} ${datum}`;
/** UTM with the zone number written before the easting (`33386200`), as Brandenburg's ALKIS exports it. */
const utmWithZone = (zone: number) =>
  `+proj=tmerc +lat_0=0 +lon_0=${6 * zone - 183} +k=0.9996 +x_0=${zone}500000 +y_0=0 ${ETRS89}`;
const gaussKrueger = (zone: number) => `+proj=tmerc +lat_0=0 +lon_0=${3 * zone} +k=1 +x_0=${zone}500000 +y_0=0 ${DHDN}`;

const DEFINITIONS: Readonly<Record<number, string>> = {
  25831: utm(31, ETRS89),
  25832: utm(32, ETRS89),
  25833: utm(33, ETRS89),
  4647: utmWithZone(32),
  5650: utmWithZone(33),
  32632: utm(32, '+datum=WGS84 +units=m +no_defs'),
  32633: utm(33, '+datum=WGS84 +units=m +no_defs'),
  31466: gaussKrueger(2),
  31467: gaussKrueger(3),
  31468: gaussKrueger(4),
  31469: gaussKrueger(5),
  3035: `+proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 ${ETRS89}`,
};

/** [x, y] (easting, northing) in `code` to [lon, lat]; positions proj4 cannot convert give undefined. */
export function projector(code: number): Project {
  const definition = DEFINITIONS[code];
  if (!definition) throw new Error(`No proj4 definition for EPSG:${code}`);
  const converter = proj4(definition, 'WGS84');
  return (x, y) => {
    const [lon, lat] = converter.forward([x, y]);
    return Number.isFinite(lon) && Number.isFinite(lat) ? [lon, lat] : undefined;
  };
}
