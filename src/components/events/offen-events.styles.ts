import { css } from 'lit';

export const eventsStyles = css`
  .count {
    margin: 0 0 0.5rem;
    color: var(--_muted);
  }
  .group {
    margin-block-end: 1rem;
  }
  .group-heading {
    margin: 0 0 0.25rem;
    padding: 0.25rem 0.5rem;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    font-weight: 700;
    font-size: 1.05em;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .item {
    display: flex;
    gap: 0.75rem;
    padding: 0.75rem 0.25rem;
    border-block-end: 1px solid var(--_border);
    background: var(--_surface);
  }
  .item:last-child {
    border-block-end: none;
  }
  .item:focus {
    outline: none;
  }
  .item:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  .body {
    flex: 1;
    min-width: 0;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.5rem;
    color: var(--_muted);
  }
  .title {
    display: block;
    margin: 0.1rem 0;
    padding: 0;
    border: none;
    background: none;
    color: var(--_text);
    font-size: 1.1em;
    font-weight: 700;
    text-align: start;
    overflow-wrap: anywhere;
  }
  button.title {
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .is-cancelled .title-text {
    text-decoration: line-through;
  }
  .cancelled-badge,
  .state-badge {
    display: inline-block;
    padding: 0 0.4em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_muted);
    font-size: 0.85em;
  }
  .cancelled-badge {
    border-color: var(--_danger);
    color: var(--_danger);
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  .details p {
    margin: 0.25rem 0;
  }
  .location,
  .category {
    color: var(--_muted);
  }
  .description {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-block-start: 0.5rem;
  }
  a {
    color: var(--_accent);
  }
  .date-badge {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    flex: 0 0 3.5rem;
    align-self: flex-start;
    min-height: 3.5rem;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-contrast);
    line-height: 1.1;
  }
  .badge-day {
    font-size: 1.4em;
    font-weight: 700;
  }
  .badge-weekday,
  .badge-month {
    font-size: 0.8em;
  }
  :host([layout='compact']) .item {
    padding: 0.5rem 0;
  }
  :host([layout='compact']) .title {
    font-size: 1em;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-block-start: 0.75rem;
  }
  .no-match {
    margin: 0.5rem 0;
  }
`;
