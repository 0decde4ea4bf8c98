/**
 * The parse worker: a module worker from the same origin as offen.js (worker/client.ts starts it). It runs the part
 * of loadDataset after the download (decoding, parsing, typing, coordinates, overrides: ../pipeline.ts) and answers
 * with the records in batches (columns for CSV), then the fields and meta, or with a DataError's kind and details. Further pages
 * (GeoJSON, ArcGIS) are fetched here. No DOM, no Lit.
 */
import { DataError, toDataError } from '../errors.js';
import { fetchBytes } from '../fetch.js';
import type { Parser } from '../formats/parser.js';
import { NOT_HERE, parseBody } from '../pipeline.js';
import type { DataRecord, Field, Format } from '../types.js';
import { absolute } from '../util.js';
import { columnar, encodeColumns, type ColumnBatch } from './columns.js';
import {
  batchSize,
  COLUMNAR_FIELDS,
  positions,
  RECORD_BATCH_CELLS,
  toWire,
  type BodyPiece,
  type ParseRequest,
  type WireRecord,
  type WorkerAnswer,
} from './protocol.js';

/**
 * The formats parsed here, each loaded when used. Calendars, OParl and CKAN go back to the main thread: OParl and
 * CKAN load further sources through the whole pipeline, and calendars are rarely large.
 */
const parsers: Partial<Record<Format, () => Promise<Parser>>> = {
  csv: () => import('../formats/csv.js').then((m) => m.parseCsv),
  json: () => import('../formats/json.js').then((m) => m.parseJson),
  geojson: () => import('../formats/geojson.js').then((m) => m.parseGeoJson),
  esri: () => import('../formats/esri.js').then((m) => m.parseEsriJson),
  ods: () => import('../formats/ods.js').then((m) => m.parseOds),
};

interface WorkerScope {
  postMessage(message: WorkerAnswer, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ParseRequest | BodyPiece>) => void): void;
}
const scope = self as unknown as WorkerScope;

/** CSV records as columns, batch by batch (columns.ts). */
function postColumns(records: readonly DataRecord[], fields: readonly Field[]): void {
  const names = fields.map((field) => field.name);
  const size = batchSize(fields.length);
  let before: ColumnBatch | undefined;
  for (let start = 0; start < records.length; start += size) {
    const { batch, transfer } = encodeColumns(records, names, start, Math.min(records.length, start + size), before);
    before = batch;
    scope.postMessage({ type: 'columns', batch }, transfer);
  }
}

/** Other records as they are, in batches of about RECORD_BATCH_CELLS values and positions. */
function postRecords(records: readonly DataRecord[], fields: readonly Field[]): void {
  let batch: WireRecord[] = [];
  let cells = 0;
  for (let r = 0; r < records.length; r++) {
    const record = records[r];
    batch.push(toWire(record, r));
    cells += fields.length + positions(record.geometry);
    if (cells >= RECORD_BATCH_CELLS || r === records.length - 1) {
      scope.postMessage({ type: 'records', records: batch });
      batch = [];
      cells = 0;
    }
  }
}

async function parse({ source, body: request, emptyAllowed }: ParseRequest, bytes: Uint8Array): Promise<void> {
  const body = { ...request, bytes };
  const { timeout, maxBytes, revalidate } = source;
  try {
    const dataset = await parseBody({
      source,
      body,
      emptyAllowed,
      parsedIn: 'worker',
      fetch: (next, options) => fetchBytes(absolute(next, body.url), { timeout, maxBytes, revalidate, ...options }),
      load: () => Promise.reject(NOT_HERE),
      parsers,
    });
    const { records, fields, meta } = dataset;
    if (columnar(records) && fields.length <= COLUMNAR_FIELDS) postColumns(records, fields);
    else postRecords(records, fields);
    scope.postMessage({ type: 'done', fields, meta });
  } catch (error) {
    // Only a DataError is the answer. Anything else (a module that did not load, a stack that ran out here) goes
    // back to the main thread, which parses the body as it would have without a worker and reports what it finds.
    if (!(error instanceof DataError)) return scope.postMessage({ type: 'main' });
    const { kind, message, name: _name, ...details } = toDataError(error, source.url) as DataError & { name: string };
    scope.postMessage({ type: 'error', kind, message, details });
  }
}

/** The request under way and its body as the pieces come in. */
let pending: { request: ParseRequest; bytes: Uint8Array; received: number } | undefined;

scope.addEventListener('message', ({ data }) => {
  if (data.type === 'parse') {
    pending = { request: data, bytes: new Uint8Array(data.body.size), received: 0 };
  } else if (pending) {
    pending.bytes.set(data.bytes, pending.received);
    pending.received += data.bytes.byteLength;
  }
  if (pending && pending.received === pending.request.body.size) {
    const { request, bytes } = pending;
    pending = undefined;
    void parse(request, bytes);
  }
});
