import { html, nothing, type TemplateResult } from 'lit';
import { crsLabel } from '../../data/crs.js';
import type { DatasetMeta } from '../../data/types.js';
import type { MapText } from './offen-map.strings.js';

export interface ConsentOptions {
  t: MapText;
  host: string;
  /** Offer "remember my choice" (`consent-remember`). */
  offerRemember: boolean;
  remember: boolean;
  onRemember: (checked: boolean) => void;
  onGrant: () => void;
}

/** The placeholder over the map that asks before tiles load from another server (GDPR). */
export function renderConsent(o: ConsentOptions): TemplateResult {
  const { t } = o;
  return html`<div class="consent" part="consent">
    <p>${t.consentText(o.host)} <span class="hint">${t.consentMarkersHint}</span></p>
    <div class="consent-actions">
      <button type="button" class="offen-button" @click=${o.onGrant}>${t.consentButton}</button>
      ${
        o.offerRemember
          ? html`<label class="remember">
              <input
                type="checkbox"
                .checked=${o.remember}
                @change=${(e: Event) => o.onRemember((e.target as HTMLInputElement).checked)}
              />
              ${t.consentRemember}
            </label>`
          : nothing
      }
    </div>
  </div>`;
}

/** The "my location" button with its status line. */
export function renderLocate(
  t: MapText,
  status: 'locating' | 'failed' | undefined,
  ready: boolean,
  onLocate: () => void,
): TemplateResult {
  return html`<div class="locate">
    <button type="button" class="offen-button secondary" ?disabled=${!ready} @click=${onLocate}>${t.locate}</button>
    <span role="status" class="locate-status"
      >${status === 'locating' ? t.locating : status === 'failed' ? t.locateFailed : ''}</span
    >
  </div>`;
}

/**
 * Asks the browser for the reader's position (only when they pressed "my location"); calls back with
 * `[lat, lon, accuracy in metres]`, or undefined when there is none or the reader declined.
 */
export function locateReader(done: (position: [number, number, number] | undefined) => void): void {
  if (!('geolocation' in navigator)) {
    done(undefined);
    return;
  }
  navigator.geolocation.getCurrentPosition(
    ({ coords }) => done([coords.latitude, coords.longitude, coords.accuracy]),
    () => done(undefined),
    { timeout: 15_000, maximumAge: 60_000 },
  );
}

/**
 * The full-screen button (only where the page may go full screen: not in an iframe without `allow="fullscreen"`,
 * not on an iPhone). Escape, or the button again, leaves full screen.
 */
export function renderFullscreen(t: MapText, active: boolean, onToggle: () => void): TemplateResult | typeof nothing {
  if (!document.fullscreenEnabled) return nothing;
  return html`<button type="button" class="offen-button secondary fullscreen" @click=${onToggle}>
    ${active ? t.exitFullscreen : t.fullscreen}
  </button>`;
}

/** The bar over the map when its tiles failed (server error, no network): what happened and "Erneut versuchen". */
export function renderTileError(t: MapText, host: string, retryLabel: string, onRetry: () => void): TemplateResult {
  return html`<div class="tile-error" part="tile-error" role="alert">
    <p>${t.tilesFailed(host)}</p>
    <button type="button" class="offen-button secondary" @click=${onRetry}>${retryLabel}</button>
  </div>`;
}

/** Which coordinate system the data was in, when it was converted, or why its positions could not be read. */
export function renderCrsNote(t: MapText, meta: DatasetMeta | undefined): TemplateResult | typeof nothing {
  const text = meta?.crsCandidates?.length
    ? t.crsAmbiguous(meta.crsCandidates.join(', '))
    : meta?.crs && meta.crs !== 'EPSG:4326'
      ? t.crsRead(crsLabel(meta.crs))
      : undefined;
  return text ? html`<p class="crs" part="crs" data-role="crs">${text}</p>` : nothing;
}
