import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { DataError } from '../data/errors.js';
import { commonStrings, describeDataError } from './i18n.js';
import type { LocalizeController } from './localize.js';

/**
 * The loading, empty and error states every widget shows, so they look and read the same everywhere.
 * Loading is announced politely; errors are alerts with the reason and a retry button.
 */
/** Bytes of a body read so far while it loads, and its size when the server declared it. */
export interface LoadProgress {
  loaded: number;
  total: number | undefined;
}

/** `1,2 MB` in the page language (kB below one megabyte). */
function size(bytes: number, locale: string): string {
  const mega = bytes >= 1_000_000;
  const value = bytes / (mega ? 1_000_000 : 1_000);
  return `${value.toLocaleString(locale, { maximumFractionDigits: mega ? 1 : 0 })} ${mega ? 'MB' : 'kB'}`;
}

/**
 * The loading state: a skeleton, and once bytes arrive a progress bar with what has been read (of how much, when the
 * server says). Screen readers hear the start, then a quarter-step (or each further 5 MB when the size is unknown):
 * a text that changed five times a second would drown everything else out.
 */
export function renderLoading(
  localize: LocalizeController,
  lines = 3,
  progress?: LoadProgress,
  /** Instead of the bytes read: what happens now (`Daten werden aufbereitet …` while a chart shapes its data). */
  message?: string,
): TemplateResult {
  const t = localize.t(commonStrings);
  const locale = localize.locale;
  const { loaded = 0, total } = progress ?? {};
  const read = loaded > 0 ? t.loaded(size(loaded, locale), total ? size(total, locale) : undefined) : '';
  const step = total ? Math.floor((loaded / total) * 4) * 25 : Math.floor(loaded / 5_000_000) * 5;
  const announced =
    message ??
    (loaded > 0 && step > 0 ? t.loadedStep(total ? `${step} %` : size(step * 1_000_000, locale)) : t.loading);
  return html`<div class="offen-state" part="state loading" data-state="loading" role="status" aria-live="polite">
    <span class="visually-hidden">${announced}</span>
    ${
      message
        ? html`<div class="offen-progress" aria-hidden="true"><span>${message}</span></div>`
        : loaded > 0
          ? html`<div class="offen-progress" part="progress" aria-hidden="true">
              <progress max=${ifDefined(total)} value=${ifDefined(total ? loaded : undefined)}></progress>
              <span>${read}</span>
            </div>`
          : null
    }
    <div class="offen-skeleton" aria-hidden="true">${Array.from({ length: lines }, () => html`<span></span>`)}</div>
  </div>`;
}

export function renderEmpty(text: string): TemplateResult {
  return html`<div class="offen-state" part="state empty" data-state="empty" role="status">
    <p>${text}</p>
  </div>`;
}

/** `message` replaces the generic text when the widget can say more precisely what to fix (its own attribute). */
export function renderError(
  localize: LocalizeController,
  error: DataError,
  retry?: () => void,
  message?: string,
): TemplateResult {
  const t = localize.t(commonStrings);
  return html`<div class="offen-state" part="state error" data-state="error" role="alert">
    <p><strong>${t.errorTitle}</strong></p>
    <p class="offen-error-message">${message ?? describeDataError(error, localize.lang)}</p>
    ${retry ? html`<button type="button" class="offen-button" part="retry" @click=${retry}>${t.retry}</button>` : null}
  </div>`;
}
