import { css } from 'lit';

export const builderStyles = css`
  :host {
    max-width: 80rem;
    margin: 0 auto;
    padding: 1rem;
  }
  h1 {
    font-size: 1.6rem;
    margin: 0 0 0.5rem;
  }
  h2 {
    font-size: 1.2rem;
    margin: 1.5rem 0 0.5rem;
  }
  .layout {
    display: grid;
    gap: 2rem;
    grid-template-columns: minmax(0, 1fr);
  }
  @media (min-width: 60rem) {
    .layout {
      grid-template-columns: minmax(0, 26rem) minmax(0, 1fr);
    }
    /* The preview and the code stay in view while the long form scrolls. */
    .output {
      position: sticky;
      top: 0;
      align-self: start;
      max-height: 100vh;
      overflow-y: auto;
    }
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 1rem;
    padding: 0.75rem;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  .choice {
    display: inline-flex;
    gap: 0.35rem;
    align-items: center;
    margin-inline-end: 1rem;
    min-height: 2.75rem;
  }
  label {
    display: block;
    font-weight: 600;
  }
  .choice,
  .check label {
    font-weight: normal;
  }
  /* Fields and buttons come from the shared theme (hostStyles); here only their width in the form. */
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    width: 100%;
  }
  textarea {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875rem;
  }
  .row {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    flex-wrap: wrap;
    margin: 0.25rem 0 0.75rem;
  }
  .row input {
    flex: 1 1 12rem;
  }
  /* Long data URLs in messages and examples wrap instead of running out of their box. */
  .inspection {
    overflow-wrap: anywhere;
  }
  .control {
    margin: 0 0 0.75rem;
  }
  .check {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: 0.5rem;
    align-items: center;
  }
  .check .hint {
    grid-column: 2;
  }
  .hint {
    display: block;
    color: var(--_muted);
    font-size: 0.875rem;
    margin: 0.1rem 0 0.25rem;
  }
  .table-scroll {
    overflow-x: auto;
    max-width: 100%;
  }
  table {
    border-collapse: collapse;
    font-size: 0.875rem;
  }
  caption {
    text-align: start;
    font-weight: 600;
  }
  th,
  td {
    text-align: start;
    padding: 0.25rem 0.5rem;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  details > summary {
    cursor: pointer;
    font-weight: 600;
    min-height: 2.75rem;
    display: flex;
    align-items: center;
  }
  .preview-host {
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
  }
  .preview-host:empty {
    display: none;
  }
`;
