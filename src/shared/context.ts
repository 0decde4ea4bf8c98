import { ContextConsumer, ContextRoot, createContext } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import type { DataError } from '../data/errors.js';
import type { Dataset } from '../data/types.js';

/** The filter a reader chose; shared by all widgets inside one `<offen-data>` and linkable through the URL. */
export interface FilterState {
  /** Selected categories (none: all). */
  category?: string[];
  /** Selected statuses (ideas). */
  status?: string[];
  /** Search text. */
  q?: string;
}

export type LoadState = 'none' | 'pending' | 'complete' | 'empty' | 'error';

/** What `<offen-data>` provides to the widgets inside it. */
export interface SharedData {
  state: LoadState;
  dataset?: Dataset;
  error?: DataError;
  filter: FilterState;
  setFilter(patch: FilterState): void;
  reload(): void;
}

export const sharedDataContext = createContext<SharedData | undefined>(Symbol('offen-shared-data'));

const ROOT_KEY = Symbol.for('offen.context-root');

/**
 * The autoloader defines elements in whatever order their chunks arrive, so a widget may ask for `<offen-data>`'s
 * context before that element is defined. One ContextRoot on the document keeps such requests and replays them when
 * the provider appears (the "late upgrade" case of the context protocol). Attached once per page, even when two
 * copies of the library are loaded.
 */
function ensureContextRoot(): void {
  const holder = globalThis as unknown as Record<symbol, unknown>;
  if (holder[ROOT_KEY] || typeof document === 'undefined') return;
  const root = new ContextRoot();
  root.attach(document.documentElement);
  holder[ROOT_KEY] = root;
}

type ConsumerHost = ReactiveControllerHost & HTMLElement;
type SharedListener = (shared: SharedData | undefined) => void;
const subscriptions = new WeakMap<
  ConsumerHost,
  { consumer: ContextConsumer<typeof sharedDataContext, ConsumerHost>; listeners: SharedListener[] }
>();

/**
 * The widget's one subscription to a parent `<offen-data>`, shared by its data and filter controllers: one context
 * request per widget, each controller told about every change. Returns a reader of the current value.
 */
export function subscribeSharedData(host: ConsumerHost, listener: SharedListener): () => SharedData | undefined {
  let entry = subscriptions.get(host);
  if (!entry) {
    ensureContextRoot();
    const listeners: SharedListener[] = [];
    const consumer = new ContextConsumer(host, {
      context: sharedDataContext,
      subscribe: true,
      callback: (shared) => listeners.forEach((notify) => notify(shared)),
    });
    entry = { consumer, listeners };
    subscriptions.set(host, entry);
  }
  entry.listeners.push(listener);
  const { consumer } = entry;
  return () => consumer.value;
}
