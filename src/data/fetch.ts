import { DataError } from './errors.js';

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_BYTES = 50_000_000;
/** Wait before the single retry after a network error or 5xx. */
const RETRY_DELAY_MS = 400;

export interface FetchOptions {
  signal?: AbortSignal;
  timeout?: number;
  maxBytes?: number;
  /** Revalidate with the server instead of using a cached copy (periodic refresh). */
  revalidate?: boolean;
  /** Sent as Accept; the body is read as bytes either way. */
  accept?: string;
  /** Told the bytes read so far as the body arrives, with the total when the server says it (`Content-Length`). */
  onProgress?: ProgressListener;
}

/** Bytes read so far, and the whole body's size when known (undefined for a compressed or chunked answer). */
export type ProgressListener = (loaded: number, total: number | undefined) => void;

export interface FetchedBody {
  /** The final URL after redirects. */
  url: string;
  bytes: Uint8Array;
  contentType: string;
  /** The `Link` header, if any (the next page of a paged API; see next-page.ts). */
  link?: string;
  fetchedAt: Date;
}

function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

function isCrossOrigin(url: string): boolean {
  try {
    return typeof location !== 'undefined' && new URL(url, location.href).origin !== location.origin;
  } catch {
    return false;
  }
}

/**
 * After a failed fetch: whether the address itself answers with a redirect. A browser reports a redirect loop, too
 * many redirects and a redirect to a target that refuses this page all as one network error; asking again without
 * following tells those apart from a server that is down.
 */
async function redirectsUnfollowably(url: string, signal: AbortSignal): Promise<boolean> {
  try {
    const response = await fetch(url, { credentials: 'omit', cache: 'no-store', redirect: 'manual', signal });
    await response.body?.cancel().catch(() => undefined);
    return response.type === 'opaqueredirect';
  } catch {
    return false;
  }
}

/** Reads the body as a stream and stops as soon as it passes `maxBytes`. */
async function readLimited(
  response: Response,
  url: string,
  maxBytes: number,
  onProgress?: ProgressListener,
): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  // A compressed answer declares its compressed size, and the stream gives more bytes than that.
  const encoded = /\b(gzip|br|deflate|zstd)\b/i.test(response.headers.get('content-encoding') ?? '');
  const size = declared > 0 && !encoded ? declared : undefined;
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new DataError('too-large', `Body of ${url} is ${declared} bytes, limit ${maxBytes}`, {
      url,
      limit: maxBytes,
    });
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  // With a declared size the chunks go into one buffer as they arrive: joining 50 MB at the end was one task of its
  // own, about 50 ms. A server that sends more than it declared gets the chunks joined after all.
  let whole = size !== undefined ? new Uint8Array(size) : undefined;
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new DataError('too-large', `Body of ${url} passed the limit of ${maxBytes} bytes`, {
        url,
        limit: maxBytes,
      });
    }
    if (whole && total <= whole.byteLength) whole.set(value, total - value.byteLength);
    else {
      if (whole) chunks.push(whole.subarray(0, total - value.byteLength));
      whole = undefined;
      chunks.push(value);
    }
    onProgress?.(total, size !== undefined && size >= total ? size : undefined);
  }
  if (whole) return total === whole.byteLength ? whole : whole.slice(0, total);
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** One attempt: fetch without credentials, a timeout of its own, typed errors. */
async function fetchOnce(
  url: string,
  options: Required<Pick<FetchOptions, 'timeout' | 'maxBytes'>> & FetchOptions,
  cache: RequestCache = options.revalidate ? 'no-cache' : 'default',
): Promise<FetchedBody> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeout);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort);
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        credentials: 'omit',
        cache,
        signal: controller.signal,
        headers: options.accept ? { Accept: options.accept } : undefined,
      });
    } catch (cause) {
      if (timedOut)
        throw new DataError('timeout', `No answer from ${url} within ${options.timeout} ms`, {
          url,
          limit: options.timeout,
        });
      if (options.signal?.aborted) throw abortError();
      const redirect = await redirectsUnfollowably(url, controller.signal);
      throw new DataError('network', `Request to ${url} failed${redirect ? ': its redirect cannot be followed' : ''}`, {
        url,
        cors: !redirect && isCrossOrigin(url),
        redirect: redirect || undefined,
        cause,
      });
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new DataError('http', `${url} answered ${response.status}`, { url, status: response.status });
    }
    try {
      const bytes = await readLimited(response, url, options.maxBytes, options.onProgress);
      return {
        url: response.url || url,
        bytes,
        contentType: response.headers.get('content-type') ?? '',
        link: response.headers.get('link') ?? undefined,
        fetchedAt: new Date(),
      };
    } catch (cause) {
      if (cause instanceof DataError) throw cause;
      if (timedOut)
        throw new DataError('timeout', `No answer from ${url} within ${options.timeout} ms`, {
          url,
          limit: options.timeout,
        });
      if (options.signal?.aborted) throw abortError();
      throw new DataError('network', `Reading ${url} failed`, { url, cause });
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(abortError());
      },
      { once: true },
    );
  });
}

/** Fetch with one retry after a back-off on network errors, timeouts and 5xx; never on 4xx. */
async function fetchWithRetry(url: string, options: FetchOptions): Promise<FetchedBody> {
  const settled = {
    ...options,
    timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
  };
  try {
    return await fetchOnce(url, settled);
  } catch (error) {
    if (!(error instanceof DataError) || !error.retryable) throw error;
    await delay(RETRY_DELAY_MS, options.signal);
    // The retry must reach the server, not a cached copy of the failure.
    return fetchOnce(url, settled, 'reload');
  }
}

interface SharedRequest {
  promise: Promise<FetchedBody>;
  controller: AbortController;
  users: number;
  /** The progress listeners of the callers still waiting for this body. */
  listeners: Set<ProgressListener>;
}

/** Requests under way, by key; failures are never kept, and finished requests leave at once. */
const inFlight = new Map<string, SharedRequest>();

/**
 * Fetches a body as bytes. Identical concurrent requests share one fetch: two widgets on one URL make one
 * request. Each caller's signal only detaches that caller; the fetch is aborted when every caller has left.
 */
export function fetchBytes(url: string, options: FetchOptions = {}): Promise<FetchedBody> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(abortError());
  const key = `${url}\n${options.accept ?? ''}\n${options.maxBytes ?? DEFAULT_MAX_BYTES}\n${options.timeout ?? DEFAULT_TIMEOUT_MS}`;
  let shared = inFlight.get(key);
  if (!shared) {
    const controller = new AbortController();
    const listeners = new Set<ProgressListener>();
    const tell: ProgressListener = (loaded, total) => {
      for (const listener of listeners) listener(loaded, total);
    };
    const promise = fetchWithRetry(url, { ...options, signal: controller.signal, onProgress: tell });
    const entry: SharedRequest = { promise, controller, users: 0, listeners };
    inFlight.set(key, entry);
    const forget = () => {
      if (inFlight.get(key) === entry) inFlight.delete(key);
    };
    promise.then(forget, forget);
    shared = entry;
  }
  const request = shared;
  request.users++;
  if (onProgress) request.listeners.add(onProgress);
  return new Promise<FetchedBody>((resolve, reject) => {
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      if (onProgress) request.listeners.delete(onProgress);
      reject(abortError());
      if (--request.users === 0) {
        request.controller.abort();
        if (inFlight.get(key) === request) inFlight.delete(key);
      }
    };
    signal?.addEventListener('abort', leave, { once: true });
    request.promise.then(
      (body) => {
        signal?.removeEventListener('abort', leave);
        if (onProgress) request.listeners.delete(onProgress);
        if (!left) resolve(body);
      },
      (error: unknown) => {
        signal?.removeEventListener('abort', leave);
        if (onProgress) request.listeners.delete(onProgress);
        if (!left) reject(error);
      },
    );
  });
}
