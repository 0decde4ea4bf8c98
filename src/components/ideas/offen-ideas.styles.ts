import { css } from 'lit';

export const ideasStyles = css`
  :host {
    --_card-bg: var(--offen-ideas-card-background, var(--_surface));
    --_gap: var(--offen-ideas-gap, 1rem);
    --_columns: var(--offen-ideas-card-width, 18rem);
  }
  .statuses legend {
    font-size: 0.875em;
    font-weight: 600;
  }
  input[type='search'],
  input[type='text'],
  input[type='email'],
  select,
  textarea {
    width: 100%;
  }
  textarea {
    min-height: 8rem;
    resize: vertical;
  }
  .statuses {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    margin: 0;
    padding: 0;
    border: 0;
    flex-basis: 100%;
  }
  .statuses legend {
    padding: 0;
    margin-bottom: 0.2rem;
  }
  .statuses label {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    min-height: 2rem;
  }
  .view-toggle {
    display: inline-flex;
    gap: 0.25rem;
  }
  .view-toggle button[aria-pressed='false'] {
    background: var(--_surface);
    color: var(--_accent);
  }
  .count {
    margin: 0 0 0.5rem;
    color: var(--_muted);
  }
  .ideas {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_gap);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_columns)), 1fr));
  }
  :host([layout='list']) .ideas {
    grid-template-columns: 1fr;
    gap: 0;
  }
  .card {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_card-bg);
  }
  :host([layout='list']) .card {
    border-radius: 0;
    border-width: 0 0 1px;
    padding: 0.6rem 0;
  }
  .card.open {
    grid-column: 1 / -1;
  }
  .card-title {
    margin: 0;
    font-size: 1.1em;
    font-weight: 700;
    line-height: 1.3;
  }
  .title-button {
    all: unset;
    box-sizing: border-box;
    cursor: pointer;
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    overflow-wrap: anywhere;
  }
  .title-button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: center;
    font-size: 0.875em;
    color: var(--_muted);
    margin: 0;
  }
  .badge {
    display: inline-block;
    padding: 0.05em 0.55em;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-weight: 600;
    color: var(--_status-color, var(--_text));
    background: var(--_surface);
  }
  .badge[data-status='submitted'] {
    --_status-color: var(--offen-ideas-submitted, #4a4a4a);
  }
  .badge[data-status='in-review'] {
    --_status-color: var(--offen-ideas-in-review, #8a4b00);
  }
  .badge[data-status='accepted'] {
    --_status-color: var(--offen-ideas-accepted, #005ea8);
  }
  .badge[data-status='in-progress'] {
    --_status-color: var(--offen-ideas-in-progress, #6a1b9a);
  }
  .badge[data-status='done'] {
    --_status-color: var(--offen-ideas-done, #1e6b2f);
  }
  .badge[data-status='rejected'] {
    --_status-color: var(--offen-ideas-rejected, #a1002a);
  }
  /* Dark: the same hues, light enough for 4.5:1 on the dark surface. */
  :host([data-offen-scheme='dark']) .badge[data-status='submitted'] {
    --_status-color: var(--offen-dark-ideas-submitted, #c8c8c8);
  }
  :host([data-offen-scheme='dark']) .badge[data-status='in-review'] {
    --_status-color: var(--offen-dark-ideas-in-review, #ffb86b);
  }
  :host([data-offen-scheme='dark']) .badge[data-status='accepted'] {
    --_status-color: var(--offen-dark-ideas-accepted, #8cc8ff);
  }
  :host([data-offen-scheme='dark']) .badge[data-status='in-progress'] {
    --_status-color: var(--offen-dark-ideas-in-progress, #d7a6ff);
  }
  :host([data-offen-scheme='dark']) .badge[data-status='done'] {
    --_status-color: var(--offen-dark-ideas-done, #8fd19e);
  }
  :host([data-offen-scheme='dark']) .badge[data-status='rejected'] {
    --_status-color: var(--offen-dark-ideas-rejected, #ff8a9a);
  }
  .badge.pending {
    --_status-color: var(--_muted);
    border-style: dashed;
  }
  .summary,
  .full {
    margin: 0;
    overflow-wrap: anywhere;
  }
  :host([layout='list']) .summary {
    display: none;
  }
  .full {
    white-space: pre-line;
  }
  .full-title {
    margin: 0 0 0.5rem;
    font-weight: 600;
  }
  .full a {
    color: var(--_accent);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-top: auto;
    font-size: 0.95em;
  }
  /* The vote button is an .offen-button.secondary that fills when pressed. */
  .vote {
    padding: 0.3em 0.8em;
  }
  .vote[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_accent-contrast);
  }
  .vote[aria-disabled='true'] {
    cursor: default;
  }
  .vote-undo {
    font-weight: normal;
  }
  /* Why an idea has no vote button (done, rejected): plain text, not a warning. */
  .vote-closed {
    margin: 0;
    font-size: 0.95em;
  }
  .notice {
    margin: 0;
    color: var(--_danger);
    font-weight: 600;
  }
  .more {
    margin-top: var(--_gap);
  }
  .map {
    display: block;
  }
  .submit-section {
    margin-top: 1.5rem;
  }
  form {
    display: grid;
    gap: 1rem;
    max-width: 40rem;
    margin-top: 1rem;
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  form[hidden] {
    display: none;
  }
  .form-title {
    margin: 0;
    font-size: 1.2em;
    font-weight: 700;
  }
  form p {
    margin: 0;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  .field label {
    font-weight: 600;
  }
  .field.checkbox {
    grid-template-columns: auto 1fr;
    align-items: start;
    column-gap: 0.5rem;
  }
  .field.checkbox label {
    font-weight: normal;
  }
  .field.checkbox input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.15rem 0 0;
  }
  .field.checkbox .field-error {
    grid-column: 1 / -1;
  }
  .hint {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .field-error,
  .form-error {
    color: var(--_danger);
    font-weight: 600;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .form-message {
    padding: 0.75rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
  }
  .form-message.error {
    border-color: var(--_danger);
    border-inline-start-width: 6px;
  }
  .form-message.success {
    border-color: var(--_success);
    border-inline-start-width: 6px;
  }
  .form-message:focus {
    outline: 3px solid var(--_focus);
  }
  .honeypot {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  a {
    color: var(--_accent);
  }
`;
