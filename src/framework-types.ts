/** The element types that the React and Vue typings (`jsx.ts`, `vue.ts`) share. Types only, no code. */
import type { OffenChart } from './components/chart/offen-chart.component.js';
import type { OffenData } from './components/data/offen-data.component.js';
import type { OffenEvents } from './components/events/offen-events.component.js';
import type { OffenIdeas } from './components/ideas/offen-ideas.component.js';
import type { OffenMap } from './components/map/offen-map.component.js';

export interface OffenTagMap {
  'offen-map': OffenMap;
  'offen-chart': OffenChart;
  'offen-ideas': OffenIdeas;
  'offen-events': OffenEvents;
  'offen-data': OffenData;
}

type FunctionKeys<E> = { [K in keyof E]: E[K] extends (...args: never[]) => unknown ? K : never }[keyof E];

/** A widget's own public properties (not HTMLElement's, no methods), each optional. */
export type OffenElementProps<E extends HTMLElement> = Partial<Omit<E, keyof HTMLElement | FunctionKeys<E>>>;

/** The `offen-*` events declared in HTMLElementEventMap, with their detail types. */
export type OffenEventMap = {
  [K in keyof HTMLElementEventMap as K extends `offen-${string}` ? K : never]: HTMLElementEventMap[K];
};

/** `onoffen-load={…}` and friends: typed for the declared events, `CustomEvent` for any other `offen-*` event. */
export type OffenEventProps = {
  [K in keyof OffenEventMap as `on${K & string}`]?: (event: OffenEventMap[K]) => void;
} & { [name: `onoffen-${string}`]: ((event: CustomEvent) => void) | undefined };
