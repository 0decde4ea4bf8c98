import { matchesSearch, rankByTitle, searchWords } from '../../shared/search.js';
import type { ViewBounds } from './map-engine.js';
import type { Offer, OfferModel } from './offers.js';

/** The offers left by category and search, with the counts the chips show. */
export interface Narrowed {
  filtered: Offer[];
  counts: Map<string, number>;
  /** Offers matching the search, whatever their category (the "all" chip). */
  searchTotal: number;
}

/**
 * Narrows the offers by category and search (src/shared/search.ts); both the map and the list show the result.
 * With a search, offers whose name matches come before those found by category or address.
 */
export function narrowOffers(model: OfferModel, category: string[], q: string | undefined, locale: string): Narrowed {
  const words = searchWords(q, locale);
  const selected = new Set(category);
  const counts = new Map<string, number>();
  const filtered: Offer[] = [];
  let searchTotal = 0;
  for (const offer of model.offers) {
    if (words.length && !matchesSearch(offer.haystack, words)) continue;
    searchTotal++;
    if (offer.category) counts.set(offer.category, (counts.get(offer.category) ?? 0) + 1);
    if (selected.size && !(offer.category && selected.has(offer.category))) continue;
    filtered.push(offer);
  }
  return { filtered: rankByTitle(filtered, words, (offer) => offer.titleIndex), counts, searchTotal };
}

/** Whether an offer lies in the map view; offers without a position never do. */
export function inView(offer: Offer, view: ViewBounds | undefined): boolean {
  if (!view || offer.lat === undefined || offer.lon === undefined) return false;
  if (offer.lat < view.south || offer.lat > view.north) return false;
  // A view across the antimeridian has west > east.
  return view.west <= view.east
    ? offer.lon >= view.west && offer.lon <= view.east
    : offer.lon >= view.west || offer.lon <= view.east;
}
