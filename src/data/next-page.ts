/**
 * The next page a paged source announces, so a widget can load more than the first answer: a top-level `next`
 * string (the reference idea server, Django REST framework), `links[rel=next].href` (OGC API Features, STAC), or the
 * HTTP `Link: <…>; rel="next"` header (RFC 8288). Resolved against the response URL; only http(s) is followed.
 */
import type { FetchedBody } from './fetch.js';
import { peekJson } from './formats/json-body.js';
import type { Format } from './types.js';
import { isObject } from './util.js';

/** `rel` may list several relation types (`rel="next last"`); they compare case-insensitively. */
const hasNext = (rel: unknown) => typeof rel === 'string' && rel.toLowerCase().split(/\s+/).includes('next');

/** The `rel="next"` target of a Link header, e.g. `<https://a/p2>; rel="next", <https://a/p9>; rel="last"`. */
export function linkHeaderNext(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const match of header.matchAll(/<([^>]*)>([^<]*)/g)) {
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(match[2]);
    if (rel && hasNext(rel[1] ?? rel[2])) return match[1];
  }
  return undefined;
}

/**
 * `next` or `links: [{ rel: "next", href }]` at the top of a JSON document (a JSON `type` if several). `jsonOnly`:
 * a link whose `type` names something else (an HTML page) is never the next page.
 */
function jsonNext(document: unknown, jsonOnly: boolean): string | undefined {
  if (!isObject(document)) return undefined;
  if (typeof document.next === 'string') return document.next;
  if (!Array.isArray(document.links)) return undefined;
  const links = document.links.filter((link) => isObject(link) && hasNext(link.rel) && typeof link.href === 'string');
  const json = links.find((link) => typeof link.type !== 'string' || /json/i.test(link.type));
  return (json ?? (jsonOnly ? undefined : links[0]))?.href as string | undefined;
}

/** An absolute http(s) URL other than the page itself, or undefined. */
function followable(target: string | undefined, base: string): string | undefined {
  if (!target?.trim()) return undefined;
  try {
    const url = new URL(target.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.href === base ? undefined : url.href;
  } catch {
    return undefined;
  }
}

/**
 * The next page of a body of this format, if it announces one (JSON body first, then the Link header). For GeoJSON
 * only a link to JSON counts: its pages are read as GeoJSON.
 */
export function nextPageOf(body: FetchedBody, format: Format): string | undefined {
  let inBody: string | undefined;
  if (format === 'json' || format === 'geojson') {
    try {
      inBody = jsonNext(peekJson(body), format === 'geojson');
    } catch {
      // The parser has read this body already; a body it could not read has no next page either.
    }
  }
  return followable(inBody, body.url) ?? followable(linkHeaderNext(body.link), body.url);
}
