/**
 * CSV records cross from the parse worker as columns: numbers and dates as Float64Arrays (transferred, not copied),
 * texts as a dictionary of the distinct texts with a Uint32Array of codes, so a column of 1,000,000 cells with 12
 * district names sends 12 strings. Reading such a batch is a fraction of reading the same records as objects (see
 * the README's bench figures). The main side builds the records with the CSV parser's own constructors, so they are
 * the records the main thread would have made. Other formats (nested values, geometries) cross as records.
 */
import { datasetDate } from '../dataset-date.js';
import { CsvRecord, valuesConstructorFor } from '../formats/csv/records.js';
import type { DataRecord, Value } from '../types.js';

export type WireColumn =
  /** Numbers or instants (ms since 1970); `nulls[r] === 1` for a missing cell. */
  | { kind: 'number' | 'date'; values: Float64Array; nulls?: Uint8Array }
  /** Code 0 is null, code k the text `dict[k - 1]`. */
  | { kind: 'string'; dict: string[]; codes: Uint32Array }
  /** Texts that are mostly distinct (names, ids), as they are. */
  | { kind: 'text'; values: (string | null)[] }
  /** 0 false, 1 true, 2 null. */
  | { kind: 'boolean'; values: Uint8Array }
  /** Anything else, as it is. */
  | { kind: 'any'; values: Value[] };

export interface ColumnBatch {
  names: string[];
  rows: number;
  columns: WireColumn[];
  /** Record ids, when any differs from its index (a unique id column). */
  ids?: (string | undefined)[];
}

/** Whether the records cross as columns: CSV records (no geometry, the id an accessor), all of one shape. */
export function columnar(records: readonly DataRecord[]): boolean {
  return records.length > 0 && records.every((record) => record instanceof CsvRecord);
}

type Rows = readonly DataRecord[];

/** Mostly distinct texts as they are, or undefined at the first cell that is not text. */
function encodePlainTexts(records: Rows, name: string, start: number, end: number): WireColumn | undefined {
  const values = new Array<string | null>(end - start);
  for (let r = start; r < end; r++) {
    const value = records[r].values[name];
    if (value !== null && typeof value !== 'string') return undefined;
    values[r - start] = value;
  }
  return { kind: 'text', values };
}

/**
 * A dictionary column, unless the texts are mostly distinct: then sending them as they are is cheaper. Undefined
 * at the first cell that is not text.
 */
function encodeTexts(records: Rows, name: string, start: number, end: number): WireColumn | undefined {
  const rows = end - start;
  const dict: string[] = [];
  const codes = new Uint32Array(rows);
  const known = new Map<string, number>();
  const most = Math.max(16, rows >> 2);
  for (let r = 0; r < rows; r++) {
    const value = records[start + r].values[name];
    if (value === null) continue;
    if (typeof value !== 'string') return undefined;
    let code = known.get(value);
    if (code === undefined) {
      if (dict.length >= most) return encodePlainTexts(records, name, start, end);
      known.set(value, (code = dict.push(value)));
    }
    codes[r] = code;
  }
  return { kind: 'string', dict, codes };
}

/** Numbers or Dates as a Float64Array in one pass, or undefined at the first cell of another type. */
function encodeNumbers(records: Rows, name: string, start: number, end: number, kind: 'number' | 'date') {
  const rows = end - start;
  const values = new Float64Array(rows);
  let nulls: Uint8Array | undefined;
  for (let r = 0; r < rows; r++) {
    const value = records[start + r].values[name];
    if (value === null) (nulls ??= new Uint8Array(rows))[r] = 1;
    else if (kind === 'number' && typeof value === 'number') values[r] = value;
    else if (kind === 'date' && value instanceof Date) values[r] = value.getTime();
    else return undefined;
  }
  return { kind, values, nulls } satisfies WireColumn;
}

/** Booleans as bytes, or undefined at the first cell that is not one. */
function encodeBooleans(records: Rows, name: string, start: number, end: number): WireColumn | undefined {
  const values = new Uint8Array(end - start);
  for (let r = start; r < end; r++) {
    const value = records[r].values[name];
    if (value !== null && typeof value !== 'boolean') return undefined;
    values[r - start] = value === null ? 2 : value ? 1 : 0;
  }
  return { kind: 'boolean', values };
}

/**
 * One column of the batch. Its type comes from its first value and is checked while the column is written (one
 * pass over records spread across the heap is what this costs); a column of mixed types goes as it is. `before` is
 * how the column went in the previous batch: mostly distinct texts skip the dictionary attempt.
 */
function encodeColumn(
  records: Rows,
  name: string,
  start: number,
  end: number,
  before?: WireColumn['kind'],
): WireColumn {
  let first: Value = null;
  for (let r = start; r < end && first === null; r++) first = records[r].values[name];
  let column: WireColumn | undefined;
  if (typeof first === 'number') column = encodeNumbers(records, name, start, end, 'number');
  else if (first instanceof Date) column = encodeNumbers(records, name, start, end, 'date');
  else if (typeof first === 'string') {
    column = before === 'text' ? encodePlainTexts(records, name, start, end) : encodeTexts(records, name, start, end);
  } else if (typeof first === 'boolean') column = encodeBooleans(records, name, start, end);
  if (column) return column;
  const values: Value[] = new Array(end - start);
  for (let r = start; r < end; r++) values[r - start] = records[r].values[name];
  return { kind: 'any', values };
}

/** Records `start` to `end` as columns, with the buffers to transfer. */
export function encodeColumns(
  records: Rows,
  names: string[],
  start: number,
  end: number,
  before?: ColumnBatch,
): { batch: ColumnBatch; transfer: ArrayBuffer[] } {
  const columns = names.map((name, c) => encodeColumn(records, name, start, end, before?.columns[c]?.kind));
  let ids: (string | undefined)[] | undefined;
  for (let r = start; r < end; r++) {
    const id = (records[r] as CsvRecord).givenId;
    if (id !== undefined) (ids ??= new Array(end - start))[r - start] = id;
  }
  const transfer: ArrayBuffer[] = [];
  for (const column of columns) {
    if (column.kind === 'string') transfer.push(column.codes.buffer as ArrayBuffer);
    else if (column.kind !== 'any' && column.kind !== 'text') {
      transfer.push(column.values.buffer as ArrayBuffer);
      if ('nulls' in column && column.nulls) transfer.push(column.nulls.buffer as ArrayBuffer);
    }
  }
  return { batch: { names, rows: end - start, columns, ids }, transfer };
}

function decodeColumn(column: WireColumn, rows: number, dates: Map<number, Date>): Value[] {
  // Arrays that once held null hand out numbers as they are stored (see RecordWriter's columns).
  const out: Value[] = [null];
  out.length = rows;
  switch (column.kind) {
    case 'number':
      for (let r = 0; r < rows; r++) out[r] = column.nulls?.[r] ? null : column.values[r];
      break;
    case 'date':
      for (let r = 0; r < rows; r++) {
        if (column.nulls?.[r]) out[r] = null;
        else {
          const time = column.values[r];
          let date = dates.get(time);
          if (!date) dates.set(time, (date = datasetDate(time)));
          out[r] = date;
        }
      }
      break;
    case 'string':
      for (let r = 0; r < rows; r++) {
        const code = column.codes[r];
        out[r] = code === 0 ? null : column.dict[code - 1];
      }
      break;
    case 'boolean':
      for (let r = 0; r < rows; r++) out[r] = column.values[r] === 2 ? null : column.values[r] === 1;
      break;
    case 'text':
      return column.values;
    case 'any':
      return column.values.map((value) => reviveDates(value, dates));
  }
  return out;
}

export /** A value with its Dates made dataset dates again (a structured clone makes plain Dates); one Date per instant. */
function reviveDates(value: Value, dates: Map<number, Date>): Value {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) {
    const time = value.getTime();
    let date = dates.get(time);
    if (!date) dates.set(time, (date = datasetDate(time)));
    return date;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = reviveDates(value[i], dates);
  } else for (const key of Object.keys(value)) value[key] = reviveDates(value[key], dates);
  return value;
}

/** Appends a batch's records to `records` (their indexes continue from its length). */
export function decodeColumns(batch: ColumnBatch, records: DataRecord[], dates: Map<number, Date>): void {
  const Values = valuesConstructorFor(batch.names);
  const columns = batch.columns.map((column) => decodeColumn(column, batch.rows, dates));
  const offset = records.length;
  for (let r = 0; r < batch.rows; r++) {
    records.push(new CsvRecord(batch.ids?.[r], offset + r, new Values(columns, r)));
  }
}
