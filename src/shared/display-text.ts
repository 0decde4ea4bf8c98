import type { Lang, Value } from '../data/types.js';

export interface DisplayTextOptions {
  locale: string;
  lang: Lang;
  /** Numbers as written, without grouping: ids, house numbers, postcodes. */
  plain?: boolean;
  /** A list gives its first entry (one category of several tags), not all of them joined. */
  first?: boolean;
  /** The most characters shown (default TEXT_LENGTH); longer text ends with `…`. */
  max?: number;
}

/**
 * How much of one text a widget shows: a title at most TITLE_LENGTH characters, any other text at most TEXT_LENGTH.
 * Laying out text costs time in proportion to its length (about 0.3 ms per 1,000 characters in Chromium, a 500 KB
 * title 130–280 ms in one task), so no value from the data may reach the page unbounded. The data itself is not
 * changed: a chart's table and CSV download, and `offen-load`'s dataset, keep every character.
 */
export const TITLE_LENGTH = 300;
export const TEXT_LENGTH = 10_000;

/** `text` cut to `max` characters with an ellipsis (never inside a surrogate pair), or as it is. */
export function clampText(text: string, max: number): string;
export function clampText(text: string | undefined, max: number): string | undefined;
export function clampText(text: string | undefined, max: number): string | undefined {
  if (text === undefined || text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** Keys of objects that stand for a text: translations (Decidim `{ de, en }`, `{ translation }`) or a name. */
const TEXT_KEYS = ['translation', 'name', 'title', 'label', 'text'];

/**
 * A dataset value as the widgets show it, one rule for all of them: text trimmed, numbers and dates in the page's
 * notation (`1.234,5`, `24.12.2026`), lists joined with commas, a translated object in the page's language (else
 * German, else English), a named object by its name. Undefined when nothing is left to show.
 */
export function displayText(value: Value | undefined, options: DisplayTextOptions): string | undefined {
  return clampText(textOf(value, options), options.max ?? TEXT_LENGTH);
}

function textOf(value: Value | undefined, options: DisplayTextOptions): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return options.plain ? String(value) : value.toLocaleString(options.locale);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toLocaleDateString(options.locale, { timeZone: 'UTC' });
  if (Array.isArray(value)) {
    const parts: string[] = [];
    for (const item of value) {
      const text = textOf(item, options);
      if (text && options.first) return text;
      if (text) parts.push(text);
    }
    return parts.join(', ') || undefined;
  }
  for (const key of [options.lang, 'de', 'en', ...TEXT_KEYS]) {
    if (Object.hasOwn(value, key)) {
      const text = textOf(value[key], options);
      if (text) return text;
    }
  }
  return undefined;
}
