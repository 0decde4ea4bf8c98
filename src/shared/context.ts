import { createContext } from '@lit/context';
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
