import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/ideas/offen-ideas.js';
import type { OffenIdeas } from '../../src/components/ideas/offen-ideas.component.js';

/** 27 June 2026, 12:00 UTC: the fixtures' dates are relative to it (b-6 was created three days before). */
export const NOW = new Date('2026-06-27T12:00:00Z');

/** A board name of its own for every test, so tests never share a database file. */
export function boardName(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}

export const apiUrl = (board: string, rest = '') => new URL(`/ideas-api/${board}${rest}`, location.href).href;

/** Talks to the test server's control endpoint (test/servers/ideas.mjs). */
export async function control(board: string, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(apiUrl(board, '/_control'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`control failed: ${response.status}`);
}

export interface Received {
  submit: Record<string, unknown>[];
  vote: Record<string, unknown>[];
  list: number;
}

export async function received(board: string): Promise<Received> {
  return (await fetch(apiUrl(board, '/_requests'), { cache: 'no-store' })).json() as Promise<Received>;
}

export const MODERATOR = { Authorization: 'Bearer test-moderator' };

export async function pendingIdeas(board: string): Promise<Record<string, unknown>[]> {
  const response = await fetch(apiUrl(board, '/ideas/pending'), { headers: MODERATOR, cache: 'no-store' });
  return ((await response.json()) as { ideas: Record<string, unknown>[] }).ideas;
}

export async function publishedIdeas(board: string): Promise<Record<string, unknown>[]> {
  const response = await fetch(apiUrl(board, '/ideas'), { cache: 'no-store' });
  return ((await response.json()) as { ideas: Record<string, unknown>[] }).ideas;
}

export interface BoardOptions {
  submit?: boolean;
  vote?: boolean;
  unvote?: boolean;
  attrs?: Record<string, string>;
  /** Appended to the list URL so a reload is not answered from the HTTP cache. */
  query?: string;
  /** `lang` of a wrapping element. */
  lang?: string;
}

/** Creates a board on the test API and waits until its ideas are shown. */
export async function createBoard(board: string, options: BoardOptions = {}): Promise<OffenIdeas> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${options.lang ?? 'de'}></div>`);
  const el = document.createElement('offen-ideas');
  for (const [name, value] of Object.entries(options.attrs ?? {})) el.setAttribute(name, value);
  el.now = NOW;
  el.path = 'ideas';
  if (options.submit) el.submitUrl = apiUrl(board, '/ideas');
  if (options.vote) el.voteUrl = apiUrl(board, '/votes');
  if (options.unvote) el.unvote = true;
  el.src = apiUrl(board, `/ideas${options.query ?? ''}`);
  wrapper.append(el);
  await el.updateComplete;
  await el.loadComplete;
  await el.updateComplete;
  return el;
}

export function $(el: OffenIdeas, selector: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(selector);
}

export function $$(el: OffenIdeas, selector: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
}

export const titles = (el: OffenIdeas) => $$(el, '.card .title-button').map((b) => b.textContent!.trim());

export function cardOf(el: OffenIdeas, title: string): HTMLElement {
  const card = $$(el, '.card').find((c) => c.querySelector('.title-button')!.textContent!.trim() === title);
  if (!card) throw new Error(`no card "${title}"; cards: ${titles(el).join(' | ')}`);
  return card;
}

/** Types into a form field the way a browser does: value, then an input event. */
export function type(el: OffenIdeas, selector: string, value: string): void {
  const field = $(el, selector) as HTMLInputElement | HTMLTextAreaElement;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

export function check(el: OffenIdeas, selector: string, checked = true): void {
  const box = $(el, selector) as HTMLInputElement;
  box.checked = checked;
  box.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

export async function fillForm(el: OffenIdeas, title = 'Neue Bank am Schlosspark'): Promise<void> {
  if ($(el, '#idea-form')!.hidden) ($(el, 'button[aria-controls="idea-form"]') as HTMLButtonElement).click();
  await el.updateComplete;
  type(el, '#f-title', title);
  type(el, '#f-description', 'Eine Bank mit Blick auf das Schloss Wiesenburg wäre schön.');
  type(el, '#f-name', 'Erika M.');
  check(el, '#f-consent');
  await el.updateComplete;
}

/** waitUntil with room for a busy test machine: network round trips and lazy imports may take seconds. */
export function until(predicate: () => unknown, message?: string, timeout = 5000): Promise<void> {
  return waitUntil(predicate, message, { timeout });
}

export const submitButton = (el: OffenIdeas) => $(el, '#idea-form button[type="submit"]') as HTMLButtonElement;

export async function waitForMessage(el: OffenIdeas, kind?: string, timeout = 3000): Promise<HTMLElement> {
  await waitUntil(
    () => {
      const m = $(el, '.form-message');
      return m && (!kind || m.classList.contains(kind));
    },
    `no form message ${kind ?? ''}`,
    { timeout },
  );
  return $(el, '.form-message')!;
}
