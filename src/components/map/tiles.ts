import { html, type TemplateResult } from 'lit';
import { safeWebUrl } from '../../shared/safe-url.js';

export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
/** The attribution OpenStreetMap asks for, in the page language. */
export function defaultTileAttribution(lang: 'de' | 'en'): string {
  const link = '<a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';
  return lang === 'de' ? `© ${link}-Mitwirkende` : `© ${link} contributors`;
}

export type ConsentMode = 'auto' | 'required' | 'none';

/** The tile template as a real URL (`{s}` → `a`, other placeholders → 0), to learn its host and origin. */
function sampleTileUrl(template: string): URL | undefined {
  try {
    return new URL(template.replace(/\{s\}/g, 'a').replace(/\{[^}]*\}/g, '0'), location.href);
  } catch {
    return undefined;
  }
}

/** The host a reader's browser would contact for tiles, as shown in the consent placeholder. */
export function tileHost(template: string): string {
  const url = sampleTileUrl(template.replace(/\{s\}\./g, ''));
  return url?.host || template;
}

/** Whether tiles need the reader's consent first: always, never, or (auto) when they come from another origin. */
export function consentNeeded(mode: string | undefined, template: string): boolean {
  if (mode === 'none') return false;
  if (mode === 'required') return true;
  return sampleTileUrl(template)?.origin !== location.origin;
}

const STORAGE_PREFIX = 'offen-map-consent:';
const storageKey = (template: string) => `${STORAGE_PREFIX}${tileHost(template)}`;
/** Before keys named the tile host they named its origin: a "yes" stored then still counts. */
const originKey = (template: string) => `${STORAGE_PREFIX}${sampleTileUrl(template)?.origin ?? template}`;

/** A remembered "yes" for this tile host (from `consent-remember`); storage may be blocked, then it is just no. */
function rememberedConsent(template: string): boolean {
  try {
    return [storageKey(template), originKey(template)].some((key) => localStorage.getItem(key) === 'granted');
  } catch {
    return false;
  }
}

/** Tile hosts the reader agreed to during this page view: one consent serves every map of the page. */
const pageConsent = new Set<string>();
const consentEvents = new EventTarget();

/** Whether the reader agreed to tiles from this template's host: on this page, or remembered from before. */
export function consentGiven(template: string): boolean {
  return pageConsent.has(tileHost(template)) || rememberedConsent(template);
}

/**
 * The reader agreed to tiles from this host: every map of the page with tiles from there shows them at once; only
 * with `remember` (the "Entscheidung merken" box of `consent-remember`) is it kept for later visits (localStorage).
 */
export function giveConsent(template: string, remember: boolean): void {
  const host = tileHost(template);
  pageConsent.add(host);
  if (remember) {
    try {
      localStorage.setItem(storageKey(template), 'granted');
    } catch {
      /* private mode: the choice lasts for this page view only */
    }
  }
  consentEvents.dispatchEvent(new CustomEvent<string>('consent', { detail: host }));
}

/** Calls back with the tile host whenever the reader agrees to one (in any map of the page); returns the unsubscribe. */
export function onConsent(listener: (host: string) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<string>).detail);
  consentEvents.addEventListener('consent', handler);
  return () => consentEvents.removeEventListener('consent', handler);
}

/** Forgets every consent, of this page view and remembered ones (maps already showing tiles keep them). */
export function forgetConsent(): void {
  pageConsent.clear();
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(STORAGE_PREFIX)) localStorage.removeItem(key);
  } catch {
    /* nothing was stored */
  }
}

/**
 * The attribution as text and links. The attribute may contain HTML (`© <a href="…">OpenStreetMap</a>`); it is read
 * by an inert parser and only text and http(s) links survive, so it never reaches the page as an HTML string.
 */
export function renderAttribution(source: string): (string | TemplateResult)[] {
  const body = new DOMParser().parseFromString(source, 'text/html').body;
  const parts: (string | TemplateResult)[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      parts.push(node.textContent ?? '');
    } else if (node instanceof Element && node.localName === 'a') {
      const href = safeWebUrl(node.getAttribute('href'));
      const text = node.textContent ?? '';
      parts.push(href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${text}</a>` : text);
    } else {
      node.childNodes.forEach(walk);
    }
  };
  body.childNodes.forEach(walk);
  return parts;
}
