import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { LONG_LIST, renderSkipLink, renderSkipTarget } from '../../shared/skip-link.js';
import { renderEmpty } from '../../shared/states.js';
import { swatch } from './offer-details.js';
import type { MapText } from './offen-map.strings.js';
import type { Offer } from './offers.js';

export interface OfferListOptions {
  t: MapText;
  /** The entries the list has (filtered, and narrowed to the view when "only in view" applies). */
  visible: number;
  /** The filtered offers, whatever the view. */
  filtered: number;
  /** The entries shown now (the paging controller's slice) and how many more there are. */
  shown: Offer[];
  rest: number;
  pageSize: number;
  /** Filtered offers without a position that "only in view" hides. */
  unplaced: number;
  /** The "only in view" checkbox shows once the map does. */
  showInViewToggle: boolean;
  onlyInView: boolean;
  openedId?: string;
  colorOf: (category: string | undefined) => string;
  onOnlyInView: (checked: boolean) => void;
  onChoose: (id: string) => void;
  onMore: () => void;
  /** "Liste überspringen" and "Ende der Liste" (src/shared/skip-link.ts), and where the link lands. */
  skip: { label: string; end: string; target: () => HTMLElement | null | undefined };
}

/** The list twin of the map: "Liste überspringen" (when long), count, "only in view", the entries, "show more". */
export function renderOfferList(o: OfferListOptions): TemplateResult {
  const { t } = o;
  const long = o.shown.length >= LONG_LIST;
  return html`<section class="list" part="list" aria-label=${t.listLabel}>
    ${long ? renderSkipLink(o.skip.label, o.skip.target) : nothing}
    <div class="list-head">
      <p class="count" role="status">${t.count(o.visible, o.filtered)}</p>
      ${
        o.showInViewToggle
          ? html`<label class="in-view">
              <input
                type="checkbox"
                .checked=${o.onlyInView}
                @change=${(e: Event) => o.onOnlyInView((e.target as HTMLInputElement).checked)}
              />
              ${t.onlyInView}
            </label>`
          : nothing
      }
      ${
        o.unplaced > 0
          ? html`<p class="unplaced" data-role="unplaced">
              ${t.unplacedHidden(o.unplaced)}
              <button type="button" class="offen-button secondary" @click=${() => o.onOnlyInView(false)}>
                ${t.showAll}
              </button>
            </p>`
          : nothing
      }
    </div>
    ${
      o.shown.length
        ? html`<ul>
            ${repeat(
              o.shown,
              (offer) => offer.id,
              (offer) => renderItem(offer, o),
            )}
          </ul>`
        : renderEmpty(t.empty)
    }
    ${long ? renderSkipTarget(o.skip.end) : nothing}
    ${
      o.rest > 0
        ? html`<button type="button" class="offen-button secondary more" @click=${o.onMore}>
            ${t.moreItems(Math.min(o.rest, o.pageSize))}
          </button>`
        : nothing
    }
  </section>`;
}

function renderItem(offer: Offer, o: OfferListOptions): TemplateResult {
  const meta = [offer.category, offer.address].filter(Boolean).join(' · ');
  return html`<li>
    <button
      type="button"
      class="item"
      part="item"
      data-id=${offer.id}
      aria-current=${offer.id === o.openedId ? 'true' : 'false'}
      @click=${() => o.onChoose(offer.id)}
    >
      ${swatch(o.colorOf(offer.category))}
      <span class="item-text">
        <span class="item-title">${offer.title}</span>
        ${meta ? html`<span class="item-meta">${meta}</span>` : nothing}
        ${offer.lat === undefined ? html`<span class="item-meta">${o.t.noLocation}</span>` : nothing}
      </span>
    </button>
  </li>`;
}
