/**
 * What the main thread and the parse worker say to each other. The main thread sends the request and then a copy of
 * the body in pieces; the worker runs parseBody (../pipeline.ts) and sends the records back in batches, each small
 * enough that reading it on the main thread (the structured clone of one `message`) is a short task: CSV records as
 * columns (columns.ts), others as records. Then the fields and meta, or a DataError. No JSON text crosses: nothing is
 * parsed twice.
 */
import type { ColumnBatch } from './columns.js';
import type { DataErrorDetails, DataErrorKind } from '../errors.js';
import type { DataRecord, DatasetMeta, Field, Geometry, SourceDescription, Value } from '../types.js';

/** A source description without what cannot cross to a worker (the abort signal and the progress listener). */
export type WorkerSource = Omit<SourceDescription, 'signal' | 'onProgress'>;

/**
 * What to parse. The body follows in `BodyPiece` messages of at most PIECE_BYTES, each copied in a task of its own
 * (copying 50 MB at once held the main thread for 45 ms); parsing starts when `size` bytes are in.
 */
export interface ParseRequest {
  type: 'parse';
  source: WorkerSource;
  body: { url: string; contentType: string; link?: string; fetchedAt: Date; size: number };
  emptyAllowed: boolean;
}

export interface BodyPiece {
  type: 'piece';
  bytes: Uint8Array;
}

/** Bytes per piece of the body on its way to the worker. */
export const PIECE_BYTES = 4_000_000;

/**
 * One record on the way back. `i`: its id, left out when it is the record's index (most CSV files); `o`: the id
 * is a property of its own (otherwise the record is a CSV record, whose id is made from the index when first read);
 * `g`: its geometry.
 */
export interface WireRecord {
  v: Record<string, Value>;
  i?: string;
  o?: 1;
  g?: Geometry;
  /**
   * The keys whose values are objects (Dates, lists, nested records): only these need reviving on the main thread,
   * which then never walks every key of a record of 100,000 fields.
   */
  k?: string[];
}

export type WorkerAnswer =
  | { type: 'records'; records: WireRecord[] }
  /** CSV records as columns (columns.ts). */
  | { type: 'columns'; batch: ColumnBatch }
  | { type: 'done'; fields: Field[]; meta: DatasetMeta }
  | { type: 'error'; kind: DataErrorKind; message: string; details: Omit<DataErrorDetails, 'cause'> }
  /** The format needs the main thread (calendars, OParl, CKAN): parse there. */
  | { type: 'main' };

/**
 * Cells per batch of columns: reading 20,000 cells (5,000 rows of four columns) and making their records takes a
 * few milliseconds on the main thread.
 */
export const COLUMN_BATCH_CELLS = 20_000;
/**
 * Cells (values and geometry positions) per batch of records: objects cost more to read than columns, about 4 ms
 * for 10,000 cells on a busy machine.
 */
export const RECORD_BATCH_CELLS = 10_000;

/**
 * CSV tables with more fields than this cross as records, not columns: a batch of columns holds at least 64 rows,
 * and 64 rows of 100,000 columns were one task of 400 ms on the main thread (a list of one-cell columns per field);
 * a record of that width is read in a task of its own.
 */
export const COLUMNAR_FIELDS = 1000;

/** Rows per batch of columns for a dataset with `fields` fields. */
export function batchSize(fields: number): number {
  return Math.max(64, Math.floor(COLUMN_BATCH_CELLS / Math.max(1, fields)));
}

/** Positions in a geometry (what it costs to send). */
export function positions(geometry: Geometry | undefined): number {
  if (!geometry) return 0;
  if (geometry.type === 'GeometryCollection') return geometry.geometries.reduce((sum, g) => sum + positions(g), 0);
  const count = (value: unknown): number =>
    Array.isArray(value) && Array.isArray(value[0]) ? value.reduce((sum: number, v: unknown) => sum + count(v), 0) : 1;
  return count(geometry.coordinates);
}

export function toWire(record: DataRecord, index: number): WireRecord {
  const wire: WireRecord = { v: record.values };
  const id = record.id;
  if (id !== String(index)) wire.i = id;
  if (Object.hasOwn(record, 'id')) wire.o = 1;
  if (record.geometry) wire.g = record.geometry;
  const values = record.values;
  for (const key in values) {
    const value = values[key];
    if (typeof value === 'object' && value !== null) (wire.k ??= []).push(key);
  }
  return wire;
}
