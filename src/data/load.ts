import { DataError, toDataError } from './errors.js';
import { fetchBytes, type FetchOptions } from './fetch.js';
import { declaredCrsOf, parseBody, type BodyContext } from './pipeline.js';
import type { Parser } from './formats/parser.js';
import type { Dataset, Format, SourceDescription } from './types.js';
import { absolute } from './util.js';
import { workerParsing } from './worker/settings.js';

/** Parsers load lazily so a page with only a map never downloads the iCalendar library. */
const parsers: Record<Format, () => Promise<Parser>> = {
  csv: () => import('./formats/csv.js').then((m) => m.parseCsv),
  json: () => import('./formats/json.js').then((m) => m.parseJson),
  geojson: () => import('./formats/geojson.js').then((m) => m.parseGeoJson),
  esri: () => import('./formats/esri.js').then((m) => m.parseEsriJson),
  ics: () => import('./formats/ics.js').then((m) => m.parseIcs),
  oparl: () => import('./formats/oparl.js').then((m) => m.parseOParl),
  ckan: () => import('./formats/ckan.js').then((m) => m.parseCkan),
  ods: () => import('./formats/ods.js').then((m) => m.parseOds),
};

/**
 * The data layer's one way in: a source description in, a typed Dataset out, or a DataError.
 * Fetching, decoding, format detection, parsing and type inference all happen behind this call.
 * A paged source's next page is in `meta.next`; `loadNextPage` loads it.
 */
export function loadDataset(source: SourceDescription): Promise<Dataset> {
  return load(source, false);
}

/**
 * The page after `previous` (its `meta.next`), loaded with the same source settings and format. Its own `meta.next`
 * leads on; an empty last page is a dataset without records, not an error.
 */
export function loadNextPage(source: SourceDescription, previous: Pick<Dataset, 'meta'>): Promise<Dataset> {
  const next = previous.meta.next;
  if (!next)
    return Promise.reject(
      new DataError('unsupported', `${previous.meta.url} has no next page`, { url: previous.meta.url }),
    );
  return load({ ...source, url: next, format: previous.meta.format }, true);
}

async function load(source: SourceDescription, emptyAllowed: boolean): Promise<Dataset> {
  const url = absolute(source.url);
  try {
    if (!source.url) throw new DataError('unsupported', 'No URL given', { url });
    // Checked before the request: a coordinate system that does not exist needs no download to fail.
    await declaredCrsOf(source, url);
    const fetchOptions: FetchOptions = {
      signal: source.signal,
      timeout: source.timeout,
      maxBytes: source.maxBytes,
      revalidate: source.revalidate,
      onProgress: source.onProgress,
    };
    const body = await fetchBytes(url, fetchOptions);
    const context: BodyContext = {
      source: { ...source, url },
      body,
      emptyAllowed,
      parsedIn: 'main',
      parsers,
      fetch: (next, options) => fetchBytes(absolute(next, body.url), { ...fetchOptions, ...options }),
      load: (next) => loadDataset({ ...source, ...next, url: absolute(next.url, body.url) }),
    };
    // A large body is parsed in a worker, so the page stays responsive (undefined: the worker cannot; see client.ts).
    const inWorker =
      body.bytes.byteLength >= workerParsing.threshold
        ? await (await import('./worker/client.js')).parseInWorker(context)
        : undefined;
    return inWorker ?? (await parseBody(context));
  } catch (error) {
    throw toDataError(error, url);
  }
}
