import type { Dataset } from './types.js';

/**
 * Finds coordinates in tabular records (lat/lon-like columns, "52.14, 12.59" pairs, WKT POINT) and sets
 * `record.geometry`; swapped or out-of-range coordinates are counted in `meta.droppedCoordinates`, never thrown.
 * OWNED BY THE JSON/GEO WORK: this first version does nothing yet.
 */
export function attachCoordinates(dataset: Dataset): Dataset {
  return dataset;
}
