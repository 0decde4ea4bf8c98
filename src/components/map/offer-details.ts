import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../../data/types.js';
import type { MapText } from './offen-map.strings.js';
import { localizeHours, type Offer } from './offers.js';

/** A category's colour dot. SVG `fill` is a presentation attribute, so it works under a strict CSP. */
export function swatch(color: string): TemplateResult {
  return html`<svg class="swatch" viewBox="0 0 10 10" aria-hidden="true">
    <circle cx="5" cy="5" r="4.25" fill=${color}></circle>
  </svg>`;
}

export interface DetailsOptions {
  t: MapText;
  lang: Lang;
  /** In the panel under the map (narrow screens) rather than in a popup on it. */
  inPanel: boolean;
  color: string;
  /** Where the data came from: an image from that server (or this page's) loads by itself (imageLoadsFreely). */
  dataUrl?: string;
  /** Escape, or the panel's close button. */
  onClose: () => void;
}

/** One offer's details: image, title, category, address, hours, phone, website, description. */
export function renderOfferDetails(offer: Offer, options: DetailsOptions): TemplateResult {
  const { t, inPanel } = options;
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      options.onClose();
    }
  };
  // In a popup the content may scroll (see maxHeight in the engine), so it is reachable with Tab to scroll it.
  return html`<div
    class="details"
    part="details"
    role="group"
    aria-label=${`${t.details}: ${offer.title}`}
    tabindex=${inPanel ? '-1' : '0'}
    @keydown=${onKey}
  >
    ${
      offer.image
        ? imageLoadsFreely(offer.image, options.dataUrl)
          ? html`<img class="details-image" src=${offer.image} alt="" loading="lazy" referrerpolicy="no-referrer" />`
          : html`<p class="details-image-link">
              <a href=${offer.image} target="_blank" rel="noopener noreferrer">${t.externalImage}</a>
            </p>`
        : nothing
    }
    <p class="details-title">${offer.title}</p>
    ${offer.category ? html`<p class="details-category">${swatch(options.color)}${offer.category}</p>` : nothing}
    <dl>
      ${
        offer.address
          ? html`<dt>${t.address}</dt>
              <dd>${offer.address}</dd>`
          : nothing
      }
      ${
        offer.hours
          ? html`<dt>${t.hours}</dt>
              <dd>${localizeHours(offer.hours, options.lang)}</dd>`
          : nothing
      }
      ${
        offer.phone
          ? html`<dt>${t.phone}</dt>
              <dd>${offer.tel ? html`<a href=${offer.tel}>${offer.phone}</a>` : offer.phone}</dd>`
          : nothing
      }
      ${
        offer.url
          ? html`<dt>${t.website}</dt>
              <dd><a href=${offer.url} target="_blank" rel="noopener noreferrer">${displayUrl(offer.url)}</a></dd>`
          : nothing
      }
    </dl>
    ${offer.description ? html`<p class="description">${offer.description}</p>` : nothing}
    ${
      inPanel
        ? html`<button type="button" class="offen-button secondary" @click=${options.onClose}>${t.close}</button>`
        : nothing
    }
  </div>`;
}

/** `https://www.example.org/sport/` → `www.example.org/sport`: readable link text. */
/**
 * Images load by themselves only from this page's server or the data's own server (the reader already talks to
 * both); an image on a third server becomes a link, so opening details never contacts it without a click (GDPR).
 */
function imageLoadsFreely(url: string, dataUrl: string | undefined): boolean {
  const origin = new URL(url).origin;
  return origin === location.origin || (!!dataUrl && origin === new URL(dataUrl, location.href).origin);
}

function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}
