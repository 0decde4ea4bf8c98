/**
 * What the main thread and the parse worker say to each other. The worker runs parseBody (../pipeline.ts) on a copy
 * of the body and sends the records back in batches, each small enough that reading it on the main thread (the
 * structured clone of one `message`) is a short task; then the fields and meta. No JSON text crosses: records are
 * structured-cloned once.
 */
import type { DataErrorDetails, DataErrorKind } from '../errors.js';
import type { DataRecord, DatasetMeta, Field, Geometry, SourceDescription, Value } from '../types.js';

/** A source description without what cannot cross to a worker (the abort signal and the progress listener). */
export type WorkerSource = Omit<SourceDescription, 'signal' | 'onProgress'>;

export interface ParseRequest {
  source: WorkerSource;
  body: { url: string; bytes: Uint8Array; contentType: string; link?: string; fetchedAt: Date };
  emptyAllowed: boolean;
}

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
}

export type WorkerAnswer =
  | { type: 'records'; records: WireRecord[] }
  | { type: 'done'; fields: Field[]; meta: DatasetMeta }
  | { type: 'error'; kind: DataErrorKind; message: string; details: Omit<DataErrorDetails, 'cause'> }
  /** The format needs the main thread (calendars, OParl, CKAN): parse there. */
  | { type: 'main' };

/** Cells per batch: a batch of 40,000 cells is read on the main thread in a few milliseconds. */
export const BATCH_CELLS = 40_000;

/** Records per batch for a dataset with `fields` fields. */
export function batchSize(fields: number): number {
  return Math.max(64, Math.floor(BATCH_CELLS / Math.max(1, fields)));
}

export function toWire(record: DataRecord, index: number): WireRecord {
  const wire: WireRecord = { v: record.values };
  const id = record.id;
  if (id !== String(index)) wire.i = id;
  if (Object.hasOwn(record, 'id')) wire.o = 1;
  if (record.geometry) wire.g = record.geometry;
  return wire;
}
