import type { TemplateResult } from 'lit';
import { renderFilterBar } from '../../shared/filter-bar.js';
import type { Narrowed } from './narrow-offers.js';
import { swatch } from './offer-details.js';
import type { MapText } from './offen-map.strings.js';
import type { OfferModel } from './offers.js';

export interface OfferFilterOptions {
  t: MapText;
  /** Text of the chip that shows every category ("Alle"). */
  allLabel: string;
  locale: string;
  model: OfferModel;
  /** Counts per category for the current search (narrowOffers). */
  narrowed: Narrowed;
  search: string;
  onSearch: (value: string) => void;
  selected: readonly string[];
  onSelect: (categories: string[]) => void;
  /** The search among the categories that are no chips (more than CHIP_LIMIT). */
  categoryQuery: string;
  onCategoryQuery: (query: string) => void;
  colorOf: (category: string) => string;
}

/** The map's filter bar: search, and the categories as chips in their marker colours (they are the legend). */
export function renderOfferFilter(o: OfferFilterOptions): TemplateResult {
  const { t, model } = o;
  const { counts, searchTotal } = o.narrowed;
  return renderFilterBar({
    part: 'filter',
    search: { label: t.search, placeholder: t.searchPlaceholder, value: o.search, onInput: o.onSearch },
    categories: model.categories.length
      ? {
          kind: 'chips',
          label: t.categories,
          allLabel: o.allLabel,
          allCount: searchTotal,
          chips: model.categories.map((value) => ({ value, count: counts.get(value) ?? 0 })),
          markOf: (value) => swatch(o.colorOf(value)),
          selected: o.selected,
          onChange: o.onSelect,
          more: {
            label: (rest) => t.moreCategories(rest, model.categories.length),
            query: o.categoryQuery,
            onQuery: o.onCategoryQuery,
            locale: o.locale,
          },
        }
      : undefined,
  });
}
