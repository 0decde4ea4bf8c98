/**
 * When loadDataset parses in a worker (see client.ts). Its own small module, so the loader can decide without
 * loading the worker client: a page with only small sources never downloads it.
 */

/** Bodies from this size on (bytes) are parsed in a worker; below it, starting one costs more than it saves. */
export const WORKER_THRESHOLD = 1_000_000;

/**
 * Settings of the worker path, for tests and the bench: `threshold` in bytes (Infinity: always the main thread, 0:
 * always a worker); `create` starts the worker instead of the parse worker next to client.ts.
 */
export const workerParsing: { threshold: number; create?: () => Worker } = { threshold: WORKER_THRESHOLD };
