import { waitUntil } from '@open-wc/testing';
import type { OffenMap } from '../../src/components/map/offen-map.js';
import { mapHarness } from './harness.js';

/** waitUntil with room for a busy machine (the default second is tight when several browsers run). */
export function until(predicate: () => unknown, message?: string): Promise<void> {
  return waitUntil(predicate, message, { timeout: 5000 });
}

/** Waits until the map shows data (or a state message) and Leaflet has drawn it. */
export async function ready(el: OffenMap): Promise<void> {
  const map = mapHarness(el);
  await waitUntil(
    () => map.listEntries().length > 0 || ['error', 'empty'].includes(map.state() ?? ''),
    'the map never rendered',
    { timeout: 10_000 },
  );
  await el.mapComplete;
}

export function $<T extends HTMLElement = HTMLElement>(el: OffenMap, selector: string): T | null {
  return el.shadowRoot!.querySelector<T>(selector);
}
export function $$<T extends Element = HTMLElement>(el: OffenMap, selector: string): T[] {
  return [...el.shadowRoot!.querySelectorAll<T>(selector)];
}

/** Drawn markers and shapes (SVG paths tagged with the record id). */
export const drawnIds = (el: OffenMap) => mapHarness(el).markerIds();
/** Ids of the list entries, in list order. */
export const listIds = (el: OffenMap) => mapHarness(el).listIds();
export const listTitles = (el: OffenMap) => mapHarness(el).listTitles();

/** A unique key per test for the tile server's request log. */
let counter = 0;
export const tileKey = (name: string) => `${name}-${Date.now().toString(36)}-${counter++}`;
export const tileTemplate = (key: string, origin = location.origin) => `${origin}/tiles/${key}/{z}/{x}/{y}.png`;
export async function tileRequests(key: string): Promise<number> {
  const response = await fetch(`/tiles-log/${key}`);
  return ((await response.json()) as { count: number }).count;
}

interface FeatureCollection {
  features: { properties: Record<string, unknown>; geometry: { type: string } | null }[];
}
export async function readGeoJson(url: string): Promise<FeatureCollection> {
  return (await (await fetch(url)).json()) as FeatureCollection;
}

export const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });
