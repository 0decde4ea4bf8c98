import type { Lang, Value } from '../data/types.js';

export interface DisplayTextOptions {
  locale: string;
  lang: Lang;
  /** Numbers as written, without grouping: ids, house numbers, postcodes. */
  plain?: boolean;
  /** A list gives its first entry (one category of several tags), not all of them joined. */
  first?: boolean;
}

/** Keys of objects that stand for a text: translations (Decidim `{ de, en }`, `{ translation }`) or a name. */
const TEXT_KEYS = ['translation', 'name', 'title', 'label', 'text'];

/**
 * A dataset value as the widgets show it, one rule for all of them: text trimmed, numbers and dates in the page's
 * notation (`1.234,5`, `24.12.2026`), lists joined with commas, a translated object in the page's language (else
 * German, else English), a named object by its name. Undefined when nothing is left to show.
 */
export function displayText(value: Value | undefined, options: DisplayTextOptions): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return options.plain ? String(value) : value.toLocaleString(options.locale);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toLocaleDateString(options.locale, { timeZone: 'UTC' });
  if (Array.isArray(value)) {
    const parts: string[] = [];
    for (const item of value) {
      const text = displayText(item, options);
      if (text && options.first) return text;
      if (text) parts.push(text);
    }
    return parts.join(', ') || undefined;
  }
  for (const key of [options.lang, 'de', 'en', ...TEXT_KEYS]) {
    if (Object.hasOwn(value, key)) {
      const text = displayText(value[key], options);
      if (text) return text;
    }
  }
  return undefined;
}
