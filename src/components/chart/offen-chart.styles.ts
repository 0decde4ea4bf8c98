import { css } from 'lit';

export const chartStyles = css`
  :host {
    /* In a grid or flex column the chart may shrink below its canvas's last width (no sideways scroll). */
    min-width: 0;
    max-width: 100%;
    --_grid: var(--offen-chart-grid-color, #d5dade);
    --_chart-height: var(--offen-chart-height, 20rem);
  }
  .root {
    color: var(--_text);
    background: var(--_surface);
  }
  .root.dark {
    --_grid: var(--offen-chart-grid-color-dark, #434b55);
  }
  figure {
    margin: 0;
  }
  figcaption {
    margin-block-end: 0.75rem;
  }
  .heading {
    margin: 0;
    font-size: 1.2em;
    font-weight: 700;
    line-height: 1.3;
  }
  .description {
    margin: 0.25rem 0 0;
    color: var(--_muted);
  }
  .note {
    margin: 0 0 0.5rem;
    color: var(--_muted);
  }
  .canvas-box {
    position: relative;
    width: 100%;
    min-width: 0;
    overflow: hidden;
    height: var(--_chart-height);
    min-height: 12rem;
  }
  canvas {
    display: block;
    max-width: 100%;
  }
  .notes {
    margin: 0.5rem 0 0;
    font-size: 0.9em;
    color: var(--_muted);
  }
  .source {
    margin: 0.5rem 0 0;
    font-size: 0.9em;
    color: var(--_muted);
  }
  .source a {
    color: var(--_accent);
  }
  /* A quiet row of text links (Tabelle · CSV · Bild) that fits on one line at 320 px. */
  .actions {
    display: flex;
    flex-wrap: nowrap;
    gap: 1rem;
    margin-block-start: 0.4rem;
    font-size: 0.9em;
  }
  .actions button {
    min-height: 24px;
    padding: 0.15rem 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font: inherit;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    white-space: nowrap;
    cursor: pointer;
  }
  .actions button:hover {
    text-decoration-thickness: 2px;
  }
  .actions button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .table-wrap {
    margin-block-start: 0.75rem;
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    min-width: 100%;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.4rem;
  }
  th,
  td {
    padding: 0.3rem 0.6rem;
    border-bottom: 1px solid var(--_border);
    text-align: start;
  }
  td,
  thead th.number {
    text-align: end;
  }
  thead th {
    border-bottom-width: 2px;
  }
`;
