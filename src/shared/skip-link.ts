import { css, html, type TemplateResult } from 'lit';

/** From this many entries on, a list starts with a "Liste überspringen" link. */
export const LONG_LIST = 6;

/**
 * "Liste überspringen" at the start of a long list: hidden until it has the keyboard focus, it moves the focus to
 * the end of the entries (`renderSkipTarget`, found by `target`), so the next Tab goes on after the list.
 * A button rather than a `#fragment` link: ids inside a shadow root are no fragment targets of the page.
 */
export function renderSkipLink(label: string, target: () => HTMLElement | null | undefined): TemplateResult {
  return html`<button
    type="button"
    class="offen-button secondary skip-link"
    part="skip-link"
    @click=${() => skipTo(target())}
  >
    ${label}
  </button>`;
}

/**
 * Focuses the end of the list. Chromium moves Tab from an element with tabindex -1 in a shadow root back to the
 * root's first field, so the target is a tab stop while it has the focus, and none again once it loses it.
 */
function skipTo(target: HTMLElement | null | undefined): void {
  if (!target) return;
  target.tabIndex = 0;
  target.addEventListener('blur', () => (target.tabIndex = -1), { once: true });
  target.focus();
}

/** Where the skip link lands: read out as "Ende der Liste", invisible, reachable only by the link. */
export function renderSkipTarget(label: string): TemplateResult {
  return html`<span class="skip-target visually-hidden" tabindex="-1">${label}</span>`;
}

export const skipLinkStyles = css`
  .skip-link:not(:focus) {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .skip-link:focus {
    align-self: start;
    margin: 0.5rem 0.75rem 0;
  }
`;
