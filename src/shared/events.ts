import type { DataError } from '../data/errors.js';
import type { DataRecord, Dataset } from '../data/types.js';
import type { FilterState } from './context.js';

/** `offen-load`: the data loaded. */
export interface LoadDetail {
  count: number;
  format: string;
  meta: Dataset['meta'];
}

/**
 * `offen-select` in every widget: the id of the chosen item and the record of the dataset it came from. Each widget
 * adds what it knows about the item (the map its title, the chart the value, the ideas the idea …).
 */
export interface SelectDetail {
  id: string;
  /** The record behind the item; absent when there is no single one (an idea sent from this page, a sum of rows). */
  record?: DataRecord;
}

/** `offen-render`: the chart has been drawn completely (after its animation). */
export interface RenderDetail {
  type: string;
}

/** `offen-submit`: the server confirmed a submitted idea. */
export interface SubmitDetail {
  /** The idea as the server returned it (or as sent, when the answer had no body). */
  idea: Record<string, unknown>;
  published: boolean;
  status: number;
}

/** `offen-vote`: the server counted or withdrew a vote. */
export interface VoteDetail {
  id: string;
  voted: boolean;
  votes: number;
}

/** `offen-copy`: the embed builder copied its snippet. */
export interface CopyDetail {
  code: string;
}

/** Every `offen-*` event with its detail, for `addEventListener` in TypeScript and for `emit()`. */
export interface OffenEventMap {
  'offen-load': CustomEvent<LoadDetail>;
  'offen-error': CustomEvent<DataError>;
  'offen-select': CustomEvent<SelectDetail>;
  'offen-render': CustomEvent<RenderDetail>;
  'offen-submit': CustomEvent<SubmitDetail>;
  'offen-vote': CustomEvent<VoteDetail>;
  'offen-filter': CustomEvent<FilterState>;
  'offen-copy': CustomEvent<CopyDetail>;
}

export type OffenEventName = keyof OffenEventMap;
export type OffenEventDetail<K extends OffenEventName> = OffenEventMap[K] extends CustomEvent<infer D> ? D : never;

declare global {
  // Typed listeners for npm users: `map.addEventListener('offen-select', (e) => e.detail.record)`, also on the
  // document and window the events bubble to.
  /* eslint-disable @typescript-eslint/no-empty-object-type */
  interface HTMLElementEventMap extends OffenEventMap {}
  interface DocumentEventMap extends OffenEventMap {}
  interface WindowEventMap extends OffenEventMap {}
  /* eslint-enable @typescript-eslint/no-empty-object-type */
}
