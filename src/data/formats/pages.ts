/**
 * Following a paged answer to its end, bounded: ArcGIS `query` answers (`exceededTransferLimit`, next page by
 * `resultOffset`) and OGC API Features / WFS 2.0 GeoJSON (`links[rel=next]`, `next`). Pages come through
 * `context.fetch`, so the source's timeout, abort signal and size limit apply to each of them.
 *
 * A page that fails fails the whole load (as in OParl): a map that silently lacks part of a layer tells a visitor
 * "there is nothing here", where the error state says what happened and offers a retry.
 */
import type { FetchedBody } from '../fetch.js';
import type { SourceDescription } from '../types.js';
import type { ParseContext } from './parser.js';

/** Pages read at most when the source names no `maxPages`. */
export const DEFAULT_MAX_PAGES = 20;

export interface Pager<Page> {
  /** Reads one fetched page (the first one too). */
  read(body: FetchedBody): Page;
  /** Takes a page's records; returns how many were new and how many the page held. */
  add(page: Page): { added: number; held: number };
  /** The URL of the page after this one, or undefined on the last page. `read` counts the records so far. */
  next(page: Page, body: FetchedBody, read: number): string | undefined;
  /**
   * For a pager that knows better than the record count when to stop (OParl: pages sorted by time, past the
   * window): `'done'` ends paging as complete, `'truncated'` as cut short, undefined reads on (within `maxPages`).
   * Without it, `limit` records end paging.
   */
  stop?(page: Page): 'done' | 'truncated' | undefined;
}

export interface PagesRead {
  /** Pages read, the first one included. */
  pages: number;
  /** Records taken from all pages. */
  records: number;
  /** Bytes of all pages. */
  bytes: number;
  /** True when a bound (`maxPages`, `limit`) or a server repeating itself stopped paging before the last page. */
  truncated: boolean;
  /** The first page not read when a bound stopped paging. */
  next?: string;
}

/** The parameter that pages by offset: ArcGIS `resultOffset`, WFS 2.0 `startIndex`. */
type OffsetParameter = 'resultOffset' | 'startIndex';

/** The name a URL already spells the parameter with (WFS parameter names compare case-insensitively), or `name`. */
function spelled(params: URLSearchParams, name: OffsetParameter): string {
  return [...params.keys()].find((key) => key.toLowerCase() === name.toLowerCase()) ?? name;
}

function parameter(params: URLSearchParams, name: string): string | undefined {
  return [...params.entries()].find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
}

/** The offset a URL starts at (0 without one). */
export function startOffset(url: string, name: OffsetParameter): number {
  try {
    const offset = Number(parameter(new URL(url).searchParams, name));
    return Number.isSafeInteger(offset) && offset > 0 ? offset : 0;
  } catch {
    return 0;
  }
}

/** The same http(s) URL with the offset parameter set; other parameters (`resultRecordCount`, `count`) stay. */
function withOffset(url: URL, name: OffsetParameter, offset: number): string | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.searchParams.set(spelled(url.searchParams, name), String(offset));
  return url.href;
}

/**
 * The next page of an ArcGIS `query`: the same URL with `resultOffset` moved past the records read so far (the
 * query's own `resultOffset` plus `read`); `resultRecordCount`, if the query had one, stays. Only a `…/query` URL
 * pages: a saved file that says `exceededTransferLimit` has no next page.
 */
export function esriNextPage(url: string, read: number, start: number): string | undefined {
  try {
    const next = new URL(url);
    return /\/query\/?$/i.test(next.pathname) ? withOffset(next, 'resultOffset', start + read) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The next page of a WFS 2.0 `GetFeature` that names no next page but says more features match (`numberMatched`)
 * than were read: the same request with `startIndex` past them. A server that caps its answers (GeoServer's
 * maximum number of features) is read to the end this way; `maxPages` bounds a count that lies.
 */
export function wfsNextPage(url: string, matched: number | undefined, read: number, start: number): string | undefined {
  try {
    const next = new URL(url);
    if (parameter(next.searchParams, 'request')?.toLowerCase() !== 'getfeature') return undefined;
    if (matched === undefined || start + read >= matched) return undefined;
    return withOffset(next, 'startIndex', start + read);
  } catch {
    return undefined;
  }
}

/** The record count a source wants at most (`limit`), or Infinity. */
export function wantedRecords(source: SourceDescription): number {
  return source.limit !== undefined && source.limit >= 0 ? source.limit : Infinity;
}

/**
 * Reads the first page (`first`, by default `context.body`) and follows `next` until the last page, `maxPages`
 * (default 20), until `limit` records are in, or until the pager's `stop` says so. A next link to a page already
 * read (a loop to itself, A→B→A) ends paging; so does a page without records. A page whose records were all seen
 * before (a server that ignores the offset) ends it too, as truncated: the server says there is more but does not
 * give it.
 */
export async function readPages<Page>(
  context: ParseContext,
  pager: Pager<Page>,
  accept: string,
  first: FetchedBody = context.body,
): Promise<PagesRead> {
  const { source } = context;
  const maxPages = Math.max(1, source.maxPages ?? DEFAULT_MAX_PAGES);
  const wanted = wantedRecords(source);
  let body = first;
  let page = pager.read(body);
  const visited = new Set([body.url, context.source.url]);
  const result: PagesRead = {
    pages: 1,
    records: pager.add(page).added,
    bytes: body.bytes.byteLength,
    truncated: false,
  };
  for (;;) {
    const next = pager.next(page, body, result.records);
    if (!next || visited.has(next)) return result;
    const stop = pager.stop ? pager.stop(page) : result.records >= wanted ? 'truncated' : undefined;
    if (stop === 'done') return result;
    if (stop === 'truncated' || result.pages >= maxPages) return { ...result, truncated: true, next };
    visited.add(next);
    body = await context.fetch(next, { accept });
    source.signal?.throwIfAborted();
    visited.add(body.url);
    result.bytes += body.bytes.byteLength;
    result.pages++;
    page = pager.read(body);
    const { added, held } = pager.add(page);
    if (held === 0) return result;
    if (added === 0) return { ...result, truncated: true };
    result.records += added;
  }
}
