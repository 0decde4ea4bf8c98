/**
 * The main thread's side of parsing in a worker. Above `workerParsing.threshold` bytes, loadDataset hands the body
 * (a copy: bodies are shared between widgets) to a module worker from the same origin as this script, so decoding,
 * parsing and typing never hold the page. The records arrive in batches (columns for CSV), each read in a short
 * task, and are made into the same records the main thread would make. Whenever the worker cannot help (no Worker, offen.js from
 * another origin, a CSP that forbids it, a worker that fails), the body is parsed on the main thread as before.
 */
import { detectFormat } from '../detect.js';
import { DataError } from '../errors.js';
import { CsvRecord } from '../formats/csv/records.js';
import type { BodyContext } from '../pipeline.js';
import type { DataRecord, Dataset } from '../types.js';
import { decodeColumns, reviveDates } from './columns.js';
import { PIECE_BYTES, type BodyPiece, type ParseRequest, type WireRecord, type WorkerAnswer } from './protocol.js';
import { workerParsing } from './settings.js';

/** Formats that need the main thread's pipeline, when the body says so before any parsing. */
const MAIN_ONLY = new Set(['ics', 'oparl', 'ckan']);

function startWorker(): Worker | undefined {
  if (typeof Worker === 'undefined' || typeof location === 'undefined') return undefined;
  // A module worker must come from the page's origin: offen.js from a CDN parses on the main thread.
  if (new URL(import.meta.url).origin !== location.origin) return undefined;
  try {
    // Written out whole: the build finds this very expression and emits the worker as a file of its own.
    return (
      workerParsing.create?.() ??
      new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module', name: 'offen-parse' })
    );
  } catch {
    return undefined;
  }
}

function fromWire(wire: WireRecord, index: number, dates: Map<number, Date>): DataRecord {
  const values = wire.v;
  if (wire.k) for (const key of wire.k) values[key] = reviveDates(values[key], dates);
  const id = wire.i ?? String(index);
  if (wire.g) return { id, values, geometry: wire.g };
  return wire.o ? { id, values } : new CsvRecord(wire.i, index, values);
}

/**
 * The dataset parsed in a worker, or undefined when the body's format needs the main thread, or no
 * worker could do it (then the caller parses on the main thread). Rejects with the worker's DataError, or an
 * AbortError when the source's signal aborts (the worker is terminated at once).
 */
export function parseInWorker(context: BodyContext): Promise<Dataset | undefined> {
  const { body } = context;
  const { signal, onProgress: _onProgress, ...source } = context.source;
  try {
    if (MAIN_ONLY.has(detectFormat(source.format, body.contentType, body.url, body.bytes))) {
      return Promise.resolve(undefined);
    }
  } catch {
    return Promise.resolve(undefined); // the main thread reports what is wrong
  }
  const worker = startWorker();
  if (!worker) return Promise.resolve(undefined);
  return new Promise<Dataset | undefined>((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('Aborted', 'AbortError'));
    const records: DataRecord[] = [];
    const dates = new Map<number, Date>();
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      finish();
      reject(signal?.reason instanceof DOMException ? signal.reason : new DOMException('Aborted', 'AbortError'));
    };
    /** The worker did not load (CSP, a missing file) or broke: the main thread parses. */
    const fallBack = () => {
      finish();
      resolve(undefined);
    };
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      fallBack();
    });
    worker.addEventListener('messageerror', fallBack);
    worker.addEventListener('message', (event: MessageEvent<WorkerAnswer>) => {
      const answer = event.data;
      switch (answer.type) {
        case 'records':
          for (const wire of answer.records) records.push(fromWire(wire, records.length, dates));
          return;
        case 'columns':
          return decodeColumns(answer.batch, records, dates);
        case 'done':
          finish();
          return resolve({ fields: answer.fields, records, meta: { ...answer.meta, fetchedAt: body.fetchedAt } });
        case 'error':
          finish();
          return reject(new DataError(answer.kind, answer.message, answer.details));
        case 'main':
          return fallBack();
      }
    });
    signal?.addEventListener('abort', abort, { once: true });
    const { bytes, ...rest } = body;
    const request: ParseRequest = {
      type: 'parse',
      source,
      body: { ...rest, size: bytes.byteLength },
      emptyAllowed: context.emptyAllowed,
    };
    try {
      worker.postMessage(request);
    } catch {
      return fallBack(); // something in the source description cannot be cloned
    }
    void sendBody(worker, bytes);
  });
}

/**
 * The body in pieces, each copied in a task of its own: the body may be shared with other widgets on the same URL,
 * so its buffer is never transferred itself. A terminated worker drops what still comes.
 */
async function sendBody(worker: Worker, bytes: Uint8Array): Promise<void> {
  for (let offset = 0; offset < bytes.byteLength; offset += PIECE_BYTES) {
    if (offset > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    const piece: BodyPiece = { type: 'piece', bytes: bytes.slice(offset, offset + PIECE_BYTES) };
    worker.postMessage(piece, [piece.bytes.buffer]);
  }
}
