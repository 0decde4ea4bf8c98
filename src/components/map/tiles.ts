import { html, type TemplateResult } from 'lit';
import { safeWebUrl } from '../../shared/safe-url.js';

export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_TILE_ATTRIBUTION =
  '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-Mitwirkende';

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

const storageKey = (template: string) => `offen-map-consent:${sampleTileUrl(template)?.origin ?? template}`;

/** A remembered "yes" for this tile origin (from `consent-remember`); storage may be blocked, then it is just no. */
export function rememberedConsent(template: string): boolean {
  try {
    return localStorage.getItem(storageKey(template)) === 'granted';
  } catch {
    return false;
  }
}

export function rememberConsent(template: string): void {
  try {
    localStorage.setItem(storageKey(template), 'granted');
  } catch {
    /* private mode: the choice lasts for this page view only */
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
