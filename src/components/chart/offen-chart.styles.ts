import { css } from 'lit';

export const chartStyles = css`
  :host {
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
    height: var(--_chart-height);
    min-height: 12rem;
  }
  canvas {
    display: block;
  }
  .source {
    margin: 0.5rem 0 0;
    font-size: 0.9em;
    color: var(--_muted);
  }
  .source a {
    color: var(--_accent);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block-start: 0.75rem;
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
