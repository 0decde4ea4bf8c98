import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/ideas/offen-ideas.js';
import type { OffenIdeas } from '../../src/components/ideas/offen-ideas.component.js';
import { ideasHarness } from './harness.js';

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

/** Raw shadow-root queries, for what a harness does not read (prefer ideasHarness in harness.ts). */
export function $(el: OffenIdeas, selector: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(selector);
}

export function $$(el: OffenIdeas, selector: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
}

export const titles = (el: OffenIdeas) => ideasHarness(el).listTitles();
export const cardOf = (el: OffenIdeas, title: string) => ideasHarness(el).card(title);

export async function fillForm(el: OffenIdeas, title = 'Neue Bank am Schlosspark'): Promise<void> {
  const board = ideasHarness(el);
  if (!board.formOpen()) board.formToggle().click();
  await el.updateComplete;
  board.type(board.formField('Titel'), title);
  board.type(board.formField('Beschreibung'), 'Eine Bank mit Blick auf das Schloss Wiesenburg wäre schön.');
  board.type(board.formField('Name (freiwillig, wird veröffentlicht)'), 'Erika M.');
  board.check(board.consentBox());
  await el.updateComplete;
}

/** waitUntil with room for a busy test machine: network round trips and lazy imports may take seconds. */
export function until(predicate: () => unknown, message?: string, timeout = 5000): Promise<void> {
  return waitUntil(predicate, message, { timeout });
}

export const submitButton = (el: OffenIdeas) => ideasHarness(el).submitButton();

/** Waits for the form's message: `success` is a status (sent), `error` an alert (failed, or fields to correct). */
export async function waitForMessage(el: OffenIdeas, kind?: 'success' | 'error', timeout = 3000): Promise<HTMLElement> {
  const role = { success: 'status', error: 'alert' };
  const message = () => ideasHarness(el).formMessage();
  await waitUntil(
    () => {
      const m = message();
      return m && (!kind || m.getAttribute('role') === role[kind]);
    },
    `no form message ${kind ?? ''}`,
    { timeout },
  );
  return message()!;
}
