import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Lang } from '../data/types.js';

export type { Lang };

/** A string table entry: plain text or a function of parameters. */
type Entry = string | ((...args: never[]) => string);
export type StringTable = Record<string, Entry>;

/**
 * German and English tables with the same keys and the same parameter types; the type system reports a key or
 * parameter missing in English.
 */
export interface Strings<T extends StringTable> {
  de: T;
  en: { [K in keyof T]: T[K] };
}

export function defineStrings<T extends StringTable>(de: T, en: { [K in keyof T]: T[K] }): Strings<T> {
  return { de, en };
}

type LangHost = ReactiveControllerHost & HTMLElement;
const hosts = new Set<LocalizeController>();
let observer: MutationObserver | undefined;

/** One observer for the whole page: a change of any `lang` attribute re-evaluates every connected widget. */
function observeLangChanges(): void {
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver(() => hosts.forEach((c) => c.update()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/** The nearest `lang` attribute, looking through shadow roots up to the document. */
export function findLangTag(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const withLang: Element | null = node.closest('[lang]');
    if (withLang) return withLang.getAttribute('lang') ?? '';
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return '';
}

/** German unless the page says otherwise; any other language gets English, the better-known second language. */
export function langFromTag(tag: string): Lang {
  const lower = tag.trim().toLowerCase();
  if (lower === '' || lower.startsWith('de')) return 'de';
  return 'en';
}

/**
 * Follows the page language (nearest `lang`, German by default) and re-renders its host when it changes.
 * `t` picks the string table for the current language; `locale` is the BCP 47 tag for Intl formatting.
 */
export class LocalizeController implements ReactiveController {
  lang: Lang = 'de';
  locale = 'de-DE';

  constructor(private readonly host: LangHost) {
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this);
    observeLangChanges();
    this.read();
  }

  hostDisconnected(): void {
    hosts.delete(this);
  }

  /** Re-reads the language; requests a render only when it changed. */
  update(): void {
    const before = this.locale;
    this.read();
    if (this.locale !== before) this.host.requestUpdate();
  }

  private read(): void {
    const tag = findLangTag(this.host);
    this.lang = langFromTag(tag);
    const valid = tag.toLowerCase().startsWith(this.lang) && isValidLocale(tag);
    this.locale = valid ? tag : this.lang === 'de' ? 'de-DE' : 'en-GB';
  }

  t<T extends StringTable>(strings: Strings<T>): T {
    return strings[this.lang] as T;
  }
}

function isValidLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
