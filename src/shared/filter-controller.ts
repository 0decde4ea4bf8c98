import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { subscribeSharedData, type FilterState, type SharedData } from './context.js';

export type FilterKey = keyof FilterState;

/** A widget whose filter is linkable: `category`, `status` (comma-separated lists) and `q` reflect to attributes. */
export interface FilterHost extends ReactiveControllerHost, HTMLElement {
  category?: string;
  status?: string;
  q?: string;
  /** Keep the filter in the page URL's hash. */
  syncUrl?: boolean;
}

/** "Sport, Kultur" → ["Sport", "Kultur"]; empty parts dropped. */
export function splitList(value: string | undefined | null): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

function toState(host: FilterHost, keys: readonly FilterKey[]): FilterState {
  const state: FilterState = {};
  for (const key of keys) {
    if (key === 'q') state.q = host.q?.trim() || undefined;
    else state[key] = splitList(host[key]);
  }
  return state;
}

function toAttributeValue(key: FilterKey, state: FilterState): string {
  const value = state[key];
  return Array.isArray(value) ? value.join(',') : (value ?? '');
}

/**
 * Keeps a widget's filter in three places at once: its reflected attributes (`category`, `status`, `q`), the shared
 * filter of a parent `<offen-data>` (so a category chosen in the map narrows the chart too), and, with `sync-url`,
 * the page URL's hash (`#category=Sport&q=bad`, prefixed with the element id when it has one), so a town can link
 * "all sports offers". The attributes are the one source of truth; the others follow them.
 */
export class FilterController implements ReactiveController {
  private readonly sharedData: () => SharedData | undefined;
  private last = '';
  private readonly onHashChange = () => this.readHash();

  constructor(
    private readonly host: FilterHost,
    private readonly keys: readonly FilterKey[],
  ) {
    host.addController(this);
    this.sharedData = subscribeSharedData(host, (shared) => shared && this.apply(shared.filter));
  }

  /** The current filter, parsed. */
  get state(): FilterState {
    return toState(this.host, this.keys);
  }

  /** Changes the filter (a chip, a search field); attributes, shared state and URL follow. */
  set(patch: FilterState): void {
    this.apply({ ...this.state, ...patch });
  }

  private apply(state: FilterState): void {
    for (const key of this.keys) {
      if (!(key in state)) continue;
      const value = toAttributeValue(key, state);
      if ((this.host[key] ?? '') !== value) this.host[key] = value;
    }
  }

  hostConnected(): void {
    if (this.host.syncUrl) {
      this.readHash();
      window.addEventListener('hashchange', this.onHashChange);
    }
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.onHashChange);
  }

  hostUpdated(): void {
    const state = this.state;
    const serialized = JSON.stringify(state);
    if (serialized === this.last) return;
    const first = this.last === '';
    this.last = serialized;
    const shared = this.sharedData();
    if (shared && JSON.stringify(shared.filter) !== serialized && !(first && isEmpty(state))) shared.setFilter(state);
    if (this.host.syncUrl) this.writeHash(state);
  }

  private get prefix(): string {
    return this.host.id ? `${this.host.id}.` : '';
  }

  private readHash(): void {
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    const patch: FilterState = {};
    for (const key of this.keys) {
      const value = params.get(this.prefix + key);
      if (value === null) continue;
      if (key === 'q') patch.q = value;
      else patch[key] = splitList(value);
    }
    this.apply(patch);
  }

  private writeHash(state: FilterState): void {
    const raw = location.hash.replace(/^#/, '');
    const params = new URLSearchParams(raw.includes('=') ? raw : '');
    for (const key of this.keys) {
      const value = toAttributeValue(key, state);
      if (value) params.set(this.prefix + key, value);
      else params.delete(this.prefix + key);
    }
    const hash = params.toString();
    const url = `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', url);
  }
}

function isEmpty(state: FilterState): boolean {
  return !state.q && !state.category?.length && !state.status?.length;
}
