/**
 * The data layer's public types. A source description goes in, a typed Dataset comes out (or a DataError).
 * Nothing in src/data/ touches the DOM or Lit.
 */

/** Formats the data layer understands. `auto` means: Content-Type, then file extension, then sniffing. */
export type Format = 'csv' | 'json' | 'geojson' | 'esri' | 'ics' | 'oparl' | 'ckan' | 'ods';

/** UI language; the data layer needs it only to pick a value from multilingual fields (CKAN titles). */
export type Lang = 'de' | 'en';

/**
 * Fields a webmaster names in attributes that change how values are read, applied by the data layer so no widget
 * parses numbers, dates or coordinates (see applyFieldOverrides).
 */
export interface FieldOverrides {
  /**
   * Latitude and longitude fields (`lat-field`, `lon-field`), both or neither: each record's point comes from them
   * (numbers, or text with a decimal point or comma), replacing the coordinates detection found.
   */
  latField?: string;
  lonField?: string;
  /**
   * Fields read as dates whatever their inferred type (`created-field`): text by the data layer's date rules,
   * numbers as seconds since 1970 (milliseconds above 10^11). A name that is no field is left to the widget's role
   * mapping, which reports it with its attribute.
   */
  dateFields?: readonly string[];
}

/** What to load. Every option but `url` is optional. */
export interface SourceDescription extends FieldOverrides {
  url: string;
  /** Explicit format; otherwise Content-Type, file extension, then sniffing decide. */
  format?: Format;
  /**
   * The coordinate system of the positions (`EPSG:25833`, `urn:ogc:def:crs:EPSG::25833`), overriding what the
   * source declares or what detection finds. With `latField`/`lonField` these name the north (y) and east (x)
   * columns.
   */
  crs?: string;
  /** Dot path to the record array inside a JSON envelope, e.g. `result.records`. */
  path?: string;
  /** Aborts the fetch and parsing (element removed, `src` changed). */
  signal?: AbortSignal;
  /**
   * Told the bytes read so far while a body arrives, with the total when the server declares it (each page of a
   * paged source counts on its own). A widget's loading state shows it.
   */
  onProgress?: (loaded: number, total: number | undefined) => void;
  /** Milliseconds until a request counts as timed out. Default 15 000. */
  timeout?: number;
  /** Largest body in bytes. Default 50 MB. */
  maxBytes?: number;
  /** CSV: lines to skip before the header (otherwise the header row is detected). */
  skipRows?: number;
  /** CSV: extra cell values that mean "missing", e.g. `-999`. */
  nullValues?: string[];
  /** CSV: explicit delimiter; otherwise detected among `,` `;` tab `|`. */
  delimiter?: string;
  /** Explicit text encoding (e.g. `windows-1252`); otherwise UTF-8 with a Windows-1252 fallback. */
  encoding?: string;
  /** CKAN package_show: name or id of the resource to load (default: first CSV/JSON one). */
  resource?: string;
  /** Calendar formats (ICS, OParl): only occurrences overlapping this window are returned. */
  window?: { from?: Date; to?: Date };
  /**
   * Calendar formats: order and count of occurrences wanted. `asc` returns the first `limit` occurrences from
   * `window.from` on, `desc` the last `limit` before `window.to`. Lets the loader stop expanding early.
   */
  order?: 'asc' | 'desc';
  /**
   * Calendar formats: the occurrences wanted (see `order`). Paged sources (ArcGIS, OGC API Features / WFS
   * GeoJSON): the records wanted; paging stops once that many are in and the rest is left out (`meta.truncated`).
   */
  limit?: number;
  /** Paged sources (OParl, ArcGIS, OGC API Features / WFS GeoJSON): the most pages to follow. Default 20. */
  maxPages?: number;
  /** Ask the server again even when the browser holds a cached copy (periodic refresh). */
  revalidate?: boolean;
  /** Language used to pick from multilingual values (`{de: …, en: …}`). */
  lang?: Lang;
}

export type FieldType = 'string' | 'number' | 'date' | 'boolean' | 'object';

export interface Field {
  name: string;
  type: FieldType;
  /** Number fields: the notation the column used, so a widget can echo it. */
  numberFormat?: 'de' | 'en';
  /** Number fields: a unit found in the cells (`€`, `%`), if all cells share it. */
  unit?: string;
  /**
   * A readable label the source gives the field where it differs from `name` (ArcGIS `alias`: `Einwohnerzahl` for
   * `EW_2023`). Attributes still name the field by `name`; widgets show the alias where they label a field (see
   * fieldLabel).
   */
  alias?: string;
}

/**
 * A cell value after type inference. Nested JSON stays an object/array and is reachable with dot names. Dates are
 * read-only (`DatasetDate`, shared by cells with the same text): copy one with `new Date(date)` to change it.
 */
export type Value = string | number | boolean | Date | null | Value[] | { [key: string]: Value };

/** GeoJSON geometry (RFC 7946), positions as [lon, lat]. */
export type Position = [number, number] | [number, number, number];
export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'MultiPoint'; coordinates: Position[] }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] }
  | { type: 'GeometryCollection'; geometries: Geometry[] };

/** The GeoJSON geometry type names. */
export const GEOMETRY_TYPES: ReadonlySet<string> = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

export interface DataRecord {
  /**
   * Stable id: an `id`-like field of the data if there is one, else the row index. In CSV records an accessor that
   * makes the index id when first read, so copy a record with `{ ...record, id: record.id }`.
   */
  id: string;
  /** Values by field name. Prototype keys (`__proto__`, `constructor`, `prototype`) never appear here. */
  values: Record<string, Value>;
  /** Location, from GeoJSON geometry or coordinate columns; absent when the record has none. */
  geometry?: Geometry;
}

export interface DatasetMeta {
  url: string;
  format: Format;
  /** Text encoding the body was decoded with (`utf-8`, `windows-1252`). */
  encoding?: string;
  /** CSV delimiter used. */
  delimiter?: string;
  /** Bytes of the body (for several pages: their sum). */
  bytes: number;
  /** When the body arrived. */
  fetchedAt: Date;
  /** True when records were left out because of a limit (`limit`, `maxPages`). */
  truncated: boolean;
  /** Records whose coordinates were missing, swapped or out of range (they are kept, without geometry). */
  droppedCoordinates?: number;
  /** GeoJSON: members of a FeatureCollection that are not a `Feature` (left out, with their geometry). */
  droppedFeatures?: number;
  /**
   * The coordinate system the positions were read in, when it was not plain WGS84 longitude/latitude or the
   * source named it: `EPSG:25833` (declared, named in `crs`, or told from coordinate columns), `EPSG:3857` for an
   * Esri answer in Web Mercator. Positions in records are always WGS84.
   */
  crs?: string;
  /**
   * Coordinate columns whose system the numbers cannot tell (UTM without the zone prefix fits zone 32 and 33):
   * the candidates (`EPSG:25832`, `EPSG:25833`). Those records have no geometry until `crs` names one.
   */
  crsCandidates?: string[];
  /** CSV: 0-based line index of the header row that was used. */
  headerRow?: number;
  /** CSV: rows skipped as footnotes, empty or delimiter-only. */
  skippedRows?: number;
  /** A title the source carries (CKAN package, ICS X-WR-CALNAME, OParl body). */
  title?: string;
  /**
   * A paged source: the absolute http(s) URL of the next page, from the body (`next`, `links[rel=next]`) or the
   * `Link` header. Absent on the last page. `loadNextPage` loads it. GeoJSON and ArcGIS answers follow their pages
   * themselves: for them it is the first page not read when `maxPages` or `limit` stopped paging.
   */
  next?: string;
  /** Paged sources (OParl, ArcGIS, OGC API Features / WFS GeoJSON): pages read, the first one included. */
  pages?: number;
  /**
   * OGC API Features / WFS 2.0: the number of features the server says match the request (`numberMatched`, or
   * GeoServer's `totalFeatures`), over all pages. The server's word, not checked against its pages, except that it
   * is never less than the features read.
   */
  numberMatched?: number;
  /** OGC API Features / WFS 2.0: the features read from all pages (what the servers call `numberReturned`). */
  numberReturned?: number;
  /**
   * Where the body was parsed: `worker` for a large body (see the README, "Big and hostile data"), `main` for a small
   * one or when no worker could start (a page that loads offen.js from another origin, a CSP without
   * `worker-src 'self'` or `script-src 'self'`). The dataset is the same either way.
   */
  parsedIn?: 'worker' | 'main';
  /** Calendars: the URL a reader can subscribe to (the ICS feed itself). */
  calendarUrl?: string;
  /**
   * Calendars: events that could not be read and are left out (no or unreadable start, an unreadable RRULE, a rule
   * that found no occurrence within its step budget). The other events are there.
   */
  unreadableEvents?: number;
  /** Calendars: the UIDs of those events (the first 50). */
  unreadableUids?: string[];
}

export interface Dataset {
  fields: Field[];
  records: DataRecord[];
  meta: DatasetMeta;
}

/**
 * Calendar formats (ICS, OParl) produce one record per occurrence with these fields, so the events widget maps
 * them without configuration: `title`, `start` (Date), `end` (Date or null), `allDay` (boolean), `location`,
 * `category`, `url`, `description`, `cancelled` (boolean), `uid`, and for OParl `organization`.
 * The start of an all-day occurrence is midnight UTC of its calendar date; widgets format it in UTC.
 */
export const EVENT_FIELD_NAMES = [
  'title',
  'start',
  'end',
  'allDay',
  'location',
  'category',
  'url',
  'description',
  'cancelled',
  'uid',
] as const;
