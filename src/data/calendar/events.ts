/**
 * What the calendar formats (ICS, OParl) share: the event fields, the window and the order/limit rules.
 */
import type { DataRecord, Field, Geometry, SourceDescription, Value } from '../types.js';
import { DAY_MS } from '../util.js';
import type { MergeWindow } from './merge.js';

/** The fields of every event record, in this order (see EVENT_FIELD_NAMES in ../types.ts). */
export const EVENT_FIELDS: readonly Field[] = [
  { name: 'title', type: 'string' },
  { name: 'start', type: 'date' },
  { name: 'end', type: 'date' },
  { name: 'allDay', type: 'boolean' },
  { name: 'location', type: 'string' },
  { name: 'category', type: 'string' },
  { name: 'url', type: 'string' },
  { name: 'description', type: 'string' },
  { name: 'cancelled', type: 'boolean' },
  { name: 'uid', type: 'string' },
];

/** A record id unique per occurrence: the event's UID and the occurrence's start. */
export function occurrenceId(uid: string, start: number): string {
  return `${uid}@${new Date(start).toISOString()}`;
}

/**
 * An occurrence's record. Its id (UID and start, `#2` … for a second occurrence of the UID at that start) is made
 * when first read: a year of a busy feed has thousands of records, a list shows twenty, and the ids of all of them
 * took an eighth of the expansion. So, as in CSV records, `id` is an accessor: JSON.stringify includes it (toJSON),
 * a spread `{ ...record }` does not.
 */
export class OccurrenceRecord implements DataRecord {
  #id: string | undefined;
  readonly #uid: string;
  readonly #start: number;
  readonly #copy: number;
  geometry?: Geometry;

  constructor(
    uid: string,
    start: number,
    /** 1 for the first occurrence of this UID at this start, 2 for the second … */
    copy: number,
    readonly values: Record<string, Value>,
  ) {
    this.#uid = uid;
    this.#start = start;
    this.#copy = copy;
  }

  get id(): string {
    return (this.#id ??=
      this.#copy > 1 ? `${occurrenceId(this.#uid, this.#start)}#${this.#copy}` : occurrenceId(this.#uid, this.#start));
  }

  set id(id: string) {
    this.#id = id;
  }

  toJSON(): DataRecord {
    const json: DataRecord = { id: this.id, values: this.values };
    if (this.geometry) json.geometry = this.geometry;
    return json;
  }
}

/**
 * The window as epoch ms. Without bounds: from a year ago to two years ahead of `now`, enough for an event list
 * and small enough that endless rules stop.
 */
export function resolveWindow(window: SourceDescription['window'], now: Date = new Date()): MergeWindow {
  const from = window?.from?.getTime() ?? now.getTime() - 365 * DAY_MS;
  const to = window?.to?.getTime() ?? now.getTime() + 2 * 365 * DAY_MS;
  return { from, to };
}

export interface Taken<T> {
  items: T[];
  /** True when `limit` left occurrences out. */
  truncated: boolean;
}

/**
 * Applies `order` and `limit` to occurrences that arrive in ascending start order. Ascending with a limit stops
 * reading after the limit (plus one to know whether anything was left out); descending keeps only the last
 * `limit` in a ring, newest first.
 */
export function takeOrdered<T>(ascending: Iterable<T>, order: 'asc' | 'desc' = 'asc', limit?: number): Taken<T> {
  const max = limit !== undefined && limit >= 0 ? Math.floor(limit) : Infinity;
  if (order === 'asc') {
    const items: T[] = [];
    for (const item of ascending) {
      if (items.length >= max) return { items, truncated: true };
      items.push(item);
    }
    return { items, truncated: false };
  }
  if (max === Infinity) return { items: [...ascending].reverse(), truncated: false };
  const ring: T[] = [];
  let seen = 0;
  for (const item of ascending) {
    if (max > 0) ring[seen % max] = item;
    seen++;
  }
  const items: T[] = [];
  for (let i = seen - 1; i >= Math.max(0, seen - max); i--) items.push(ring[i % max]);
  return { items, truncated: seen > max };
}
