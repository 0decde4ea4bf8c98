import { html, type TemplateResult } from 'lit';
import type { DataError } from '../data/errors.js';
import { commonStrings, describeDataError } from './i18n.js';
import type { LocalizeController } from './localize.js';

/**
 * The loading, empty and error states every widget shows, so they look and read the same everywhere.
 * Loading is announced politely; errors are alerts with the reason and a retry button.
 */
export function renderLoading(localize: LocalizeController, lines = 3): TemplateResult {
  const t = localize.t(commonStrings);
  return html`<div class="offen-state" part="state loading" data-state="loading" role="status" aria-live="polite">
    <span class="visually-hidden">${t.loading}</span>
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
