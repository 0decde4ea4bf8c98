import { css } from 'lit';

/**
 * Theming in tiers: public `--offen-*` tokens (documented with @cssprop on each widget) map to private `--_*`
 * variables on :host. The host resets what hostile CMS themes set globally (box-sizing, margins, fonts).
 */
export const hostStyles = css`
  :host {
    --_accent: var(--offen-accent, #005ea8); /* Buttons, links, selected chips and markers of the page's accent. */
    --_accent-contrast: var(--offen-accent-contrast, #ffffff); /* Text on the accent colour. */
    --_text: var(--offen-text-color, #1a1a1a); /* Text (and the chart's axis labels). */
    --_muted: var(--offen-muted-color, #595959); /* Secondary text: counts, hints, source lines. */
    --_surface: var(--offen-surface, #ffffff); /* Background of fields, cards and the PNG download. */
    --_surface-alt: var(--offen-surface-alt, #f3f5f7); /* Background of states, toolbars and group headings. */
    --_border: var(--offen-border-color, #8a949e); /* Borders of fields and lines between entries. */
    --_danger: var(--offen-danger, #b00020); /* Errors and the "abgesagt" label. */
    --_success: var(--offen-success, #1e6b2f); /* A sent form's confirmation. */
    --_radius: var(--offen-radius, 6px); /* Corner radius. */
    --_font: var(--offen-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif); /* Font family. */
    --_focus: var(--offen-focus-color, #1d70b8); /* Focus ring. */
    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--offen-font-size, 1rem); /* Base font size. */
    line-height: 1.5;
    text-align: start;
  }
  /* Dark (theme-controller.ts decides): the same tokens, each overridable with its --offen-dark-* twin. */
  :host([data-offen-scheme='dark']) {
    --_accent: var(--offen-dark-accent, #8cc8ff); /* The accent in dark mode. */
    --_accent-contrast: var(--offen-dark-accent-contrast, #0b1b2b); /* Text on the accent in dark mode. */
    --_text: var(--offen-dark-text-color, #f1f3f5); /* Text in dark mode. */
    --_muted: var(--offen-dark-muted-color, #b8c0c8); /* Secondary text in dark mode. */
    --_surface: var(--offen-dark-surface, #1b1f24); /* Background of fields and cards in dark mode. */
    --_surface-alt: var(--offen-dark-surface-alt, #262b31); /* Background of states and toolbars in dark mode. */
    --_border: var(--offen-dark-border-color, #8a949e); /* Borders in dark mode. */
    --_danger: var(--offen-dark-danger, #ff8a80); /* Errors in dark mode. */
    --_success: var(--offen-dark-success, #8fd19e); /* A sent form's confirmation in dark mode. */
    --_focus: var(--offen-dark-focus-color, #8cc8ff); /* Focus ring in dark mode. */
    --_shimmer: #313840;
    color-scheme: dark;
    /* Light text needs a dark ground even on a light page (theme="dark" there). */
    background: var(--offen-dark-background, var(--_surface)); /* The widget's own ground in dark mode. */
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
  }
  /* Text fields and selects look alike in every widget (and survive CMS themes that restyle them). */
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    min-height: 2.5rem;
    padding: 0.3em 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .offen-button {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 2.5rem;
    padding: 0.4em 1em;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-contrast);
    font-weight: 600;
  }
  .offen-button.secondary {
    background: var(--_surface);
    color: var(--_accent);
  }
  .offen-state {
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .offen-state[data-state='error'] {
    border-color: var(--_danger);
    border-inline-start-width: 6px;
  }
  .offen-state p {
    margin: 0 0 0.5rem;
  }
  .offen-progress {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin-bottom: 0.75rem;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .offen-progress progress {
    flex: 1 1 8rem;
    max-width: 100%;
    accent-color: var(--_accent);
  }
  .offen-skeleton {
    display: grid;
    gap: 0.5rem;
  }
  .offen-skeleton span {
    display: block;
    height: 1rem;
    border-radius: var(--_radius);
    background: linear-gradient(90deg, var(--_surface-alt), var(--_shimmer, #e3e7eb), var(--_surface-alt));
    background-size: 200% 100%;
    animation: offen-shimmer 1.4s linear infinite;
  }
  @keyframes offen-shimmer {
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .offen-skeleton span {
      animation: none;
    }
  }
`;
