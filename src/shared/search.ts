/**
 * The one search rule of every widget: each word of the query must begin a word of the item's text, ignoring case
 * and accents in the page's locale ("bad" finds "Bad Belzig" and "Freibad-Saison" does not; "strasse" finds
 * "Straße", "cafe" finds "Café"). Where a list is ranked (the map), title matches come first (rankByTitle).
 */

/**
 * How much of one text search reads: folding costs time in proportion to the length (500,000 characters of
 * German words with umlauts took 50-90 ms in one task on a busy 2-core machine), so a hostile text is searched up to here.
 * Far more than any widget shows (TITLE_LENGTH, TEXT_LENGTH in display-text.ts): words past the display cut are found.
 */
export const SEARCH_LENGTH = 500_000;

/** Text without letters beyond ASCII: it has no accents or ß to fold. */
const ASCII = /^[\x00-\x7f]*$/;
/** Locales whose lower case of ASCII letters differs from the default (Turkish and Azeri dotless ı). */
const DOTLESS_I = /^(tr|az)\b/i;

/** Lower case (in the locale), without accents, ß as ss. */
export function foldText(text: string, locale: string): string {
  // The common case first: most titles and categories are plain ASCII, and normalising costs a pass of its own.
  if (ASCII.test(text) && !DOTLESS_I.test(locale)) return text.toLowerCase();
  return text
    .toLocaleLowerCase(locale)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss');
}

const WORD_BREAK = /[^\p{L}\p{N}]+/u;

/** The folded words of a search query; none for an empty query. */
export function searchWords(query: string | undefined, locale: string): string[] {
  return foldText(query ?? '', locale)
    .split(WORD_BREAK)
    .filter(Boolean);
}

/**
 * An item's searchable text, folded once when the model is built: its words, each preceded by a space, so that
 * matching is a plain `includes` per query word (fast enough for 50,000 map offers on every key press). Indexes of
 * several parts can be joined by plain concatenation.
 */
export function searchIndex(parts: readonly (string | undefined)[], locale: string): string {
  let index = '';
  for (const part of parts) {
    if (!part) continue;
    for (const word of foldText(part, locale).split(WORD_BREAK)) if (word) index += ` ${word}`;
  }
  return index;
}

/** Whether every query word begins a word of the indexed text. */
export function matchesSearch(index: string, words: readonly string[]): boolean {
  return words.every((word) => index.includes(` ${word}`));
}

/**
 * Matches ranked: items whose title alone holds every query word come first, then the rest (found only through
 * the category, address or text); each group keeps its order (by name, say). No words: the items as they are.
 */
export function rankByTitle<T>(items: T[], words: readonly string[], titleIndex: (item: T) => string): T[] {
  if (!words.length) return items;
  const first: T[] = [];
  const rest: T[] = [];
  for (const item of items) (matchesSearch(titleIndex(item), words) ? first : rest).push(item);
  return rest.length && first.length ? first.concat(rest) : items;
}

/** The distinct categories of some items, sorted in the page's locale (the filter's options and chips). */
export function categoriesOf(items: Iterable<{ category?: string }>, locale: string): string[] {
  const seen = new Set<string>();
  for (const item of items) if (item.category) seen.add(item.category);
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return [...seen].sort(collator.compare);
}
