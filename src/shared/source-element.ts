import { property } from 'lit/decorators.js';
import { isFormat } from '../data/detect.js';
import type { Format, SourceDescription } from '../data/types.js';
import { OffenElement } from './offen-element.js';

/** Delimiters that cannot be typed into an attribute, by name. */
const NAMED_DELIMITERS: Record<string, string> = { tab: '\t', us: '\x1f', rs: '\x1e' };

/**
 * The attributes that describe where data comes from, shared by `<offen-data>` and every widget, so a webmaster
 * writes them the same way everywhere. A widget without `src` reads the dataset of a parent `<offen-data>`.
 */
export class OffenSourceElement extends OffenElement {
  /** URL of the data (CSV, JSON, GeoJSON, ArcGIS, ICS, OParl, CKAN or OpenDataSoft endpoint). */
  @property({ reflect: true }) src?: string;

  /** Format of the data; detected from Content-Type, file extension or content when absent. */
  @property() format?: Format | 'auto';

  /** Dot path to the record list inside a JSON envelope, e.g. `result.records`. */
  @property() path?: string;

  /**
   * Coordinate system of the data, if the source does not say or says it wrongly: `EPSG:25833` (UTM 33, as
   * Brandenburg publishes), `EPSG:25832`, `EPSG:31468` (Gauß-Krüger), `EPSG:3857`. With `lat-field`/`lon-field`
   * these name the north (Hochwert) and east (Rechtswert) column.
   */
  @property() crs?: string;

  /** Reload every N seconds, keeping the old data visible while loading and when a reload fails. */
  @property({ type: Number }) refresh?: number;

  /** Request timeout in seconds (default 15). */
  @property({ type: Number }) timeout?: number;

  /** Largest accepted response in megabytes (default 50). */
  @property({ type: Number, attribute: 'max-size' }) maxSize?: number;

  /** CSV: lines before the header row (otherwise it is detected). */
  @property({ type: Number, attribute: 'skip-rows' }) skipRows?: number;

  /** CSV: extra cell values meaning "missing", comma-separated, e.g. `-999`. */
  @property({ attribute: 'null-values' }) nullValues?: string;

  /** CSV: the delimiter, if detection should be overridden (`;`, `,`, `tab`, `|`, or `us`/`rs` for ASCII 31/30). */
  @property() delimiter?: string;

  /** Text encoding, if detection should be overridden (e.g. `windows-1252`). */
  @property() encoding?: string;

  /** CKAN package: name or id of the resource to show. */
  @property() resource?: string;

  /** The source description for the data layer, or undefined without `src`. Widgets may add window/limit. */
  protected sourceDescription(): Omit<SourceDescription, 'signal'> | undefined {
    if (!this.src) return undefined;
    return {
      url: this.src,
      format: isFormat(this.format) ? this.format : undefined,
      path: this.path || undefined,
      crs: this.crs?.trim() || undefined,
      timeout: this.timeout ? this.timeout * 1000 : undefined,
      maxBytes: this.maxSize ? this.maxSize * 1_000_000 : undefined,
      skipRows: this.skipRows,
      nullValues: this.nullValues ? this.nullValues.split(',').map((v) => v.trim()) : undefined,
      delimiter: NAMED_DELIMITERS[this.delimiter ?? ''] ?? (this.delimiter || undefined),
      encoding: this.encoding || undefined,
      resource: this.resource || undefined,
      lang: this.localize.lang,
    };
  }
}
