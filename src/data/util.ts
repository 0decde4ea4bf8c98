/** Small helpers the data layer (and a few widget helpers) share, so each rule exists once. */

/** Milliseconds in a UTC day (no time zone has a say in it: days of dates are counted in UTC). */
export const DAY_MS = 86_400_000;

/** Keys that would reach an object's prototype if copied with `target[key] = …`; they are dropped everywhere. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A plain object as parsed JSON makes it: not null, not an array, not a Date. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * An absolute URL. Links inside a response (OParl pages, CKAN resources) resolve against that response's URL;
 * `webcal:` links pasted from calendar apps are fetched over https. Text that is no URL comes back trimmed.
 */
export function absolute(url: string, base: string | undefined = globalThis.location?.href): string {
  const web = url.trim().replace(/^webcals?:\/\//i, 'https://');
  try {
    return new URL(web, base).href;
  } catch {
    return web;
  }
}
