import type { FieldType, Value } from './types.js';

/**
 * Type inference for text cells (CSV, and string values in JSON). OWNED BY THE CSV WORK: this first version only
 * fixes the signature; the full German/English number, date, boolean and missing-value rules follow.
 */
export interface InferOptions {
  /** Cell texts that mean "missing" in addition to the defaults (`-`, `.`, `x`, `…`, empty). */
  nullValues?: readonly string[];
}

export interface ColumnType {
  type: FieldType;
  numberFormat?: 'de' | 'en';
  unit?: string;
  /** Converts one cell of this column to its typed value (null when missing or not convertible). */
  convert(cell: string | null | undefined): Value;
}

export function inferColumn(cells: readonly (string | null | undefined)[], options: InferOptions = {}): ColumnType {
  void cells;
  void options;
  return { type: 'string', convert: (cell) => (cell == null || cell.trim() === '' ? null : cell.trim()) };
}
