import { DataError, toDataError } from '../data/errors.js';
import type { Dataset } from '../data/types.js';
import type { LoadState } from './context.js';
import type { DataController } from './data-controller.js';
import { commonStrings } from './i18n.js';
import { Memo } from './memo.js';
import { renderEmpty, renderError, renderLoading, type LoadProgress } from './states.js';

/** The templates of a widget's states; `none`, `pending` and `error` default to the shared ones (states.ts). */
export interface StateTemplates<M> {
  /** No `src` and no parent `<offen-data>`: say what is missing (commonStrings.noSource). */
  none?: () => unknown;
  /**
   * The loading state; `progress` is what the body has delivered so far (see renderLoading). While the data is
   * there and the model is built in slices (buildLater), `message` says so ("Daten werden aufbereitet …").
   */
  pending?: (progress: LoadProgress | undefined, message?: string) => unknown;
  empty: () => unknown;
  /** `retry` is given when loading again can help (not for a wrong mapping attribute). */
  error?: (error: DataError, retry?: () => void) => unknown;
  complete: (model: M, dataset: Dataset) => unknown;
}

export interface DeriveOptions<M, A extends readonly unknown[]> {
  /**
   * What the model depends on besides the dataset (mapping attributes, locale …); the model is built again only
   * when the dataset or one of these changes (compared deeply, like @lit/task's args).
   */
  args: () => A;
  /** Builds the model. What it throws is shown in the widget and emitted once as `offen-error`. */
  build: (dataset: Dataset, args: A) => M;
  /** A model with nothing to show gives the `empty` state. */
  isEmpty?: (model: M) => boolean;
  /**
   * For large data: builds the model later, in slices that hand the main thread back (src/shared/slices.ts), or
   * returns undefined to have `build` build it at once. The state stays `pending` meanwhile. The signal aborts when
   * the dataset or an arg changes or the element leaves the page; only the model of the current inputs is shown.
   */
  buildLater?: (dataset: Dataset, args: A, signal: AbortSignal) => Promise<M> | undefined;
}

interface Result<M> {
  dataset?: Dataset;
  model?: M;
  error?: DataError;
  /** While buildLater works. */
  building?: Promise<void>;
}

/**
 * A model derived from the dataset and attributes, with its status: built once per change, its error converted to a
 * DataError and announced once (by the data controller, after it rendered), and `render` picking the template of
 * the state. Every widget reads "attributes → source → derive(model) → render(states)".
 */
export class Derived<M, A extends readonly unknown[] = readonly unknown[]> {
  private readonly memo = new Memo<Result<M>>();
  /** The error last announced as offen-error, so each is announced once. */
  reported?: DataError;
  /** Stops the model being built later (buildLater). */
  private later?: AbortController;

  constructor(
    private readonly data: DataController,
    private readonly options: DeriveOptions<M, A>,
  ) {
    data.addDerived(this);
  }

  private get result(): Result<M> {
    const dataset = this.data.state === 'complete' ? this.data.dataset : undefined;
    const args = this.options.args();
    return this.memo.get(dataset, args, () => {
      this.later?.abort();
      this.later = undefined;
      if (!dataset) return {};
      try {
        const controller = new AbortController();
        const later = this.options.buildLater?.(dataset, args, controller.signal);
        if (later) return this.waitFor(later, dataset, controller);
        return { dataset, model: this.options.build(dataset, args) };
      } catch (error) {
        return { dataset, error: toDataError(error, dataset.meta.url) };
      }
    });
  }

  /** A result that is filled in when `later` settles, unless it was aborted (the inputs changed, or removal). */
  private waitFor(later: Promise<M>, dataset: Dataset, controller: AbortController): Result<M> {
    this.later = controller;
    const result: Result<M> = { dataset };
    result.building = later
      .then(
        (model) => {
          if (!controller.signal.aborted) result.model = model;
        },
        (error: unknown) => {
          if (!controller.signal.aborted) result.error = toDataError(error, dataset.meta.url);
        },
      )
      .finally(() => {
        result.building = undefined;
        if (controller.signal.aborted) return;
        if (this.later === controller) this.later = undefined;
        this.data.requestUpdate();
      });
    return result;
  }

  /** While the model is being built later: settles when it is there (or was given up). */
  get building(): Promise<void> | undefined {
    return this.result.building;
  }

  /** Settles when no model is being built later any more (each build in turn: the inputs may change meanwhile). */
  get built(): Promise<void> {
    return (async () => {
      for (let building = this.building; building; building = this.building) await building;
    })();
  }

  /** The element left the page: stop building later; back in the page, the model is built again. */
  abort(): void {
    if (!this.later) return;
    this.later.abort();
    this.later = undefined;
    this.memo.clear();
  }

  /** The model, or undefined while there is no dataset or the build failed. */
  get value(): M | undefined {
    return this.result.model;
  }

  /** Why the model could not be built. */
  get error(): DataError | undefined {
    return this.result.error;
  }

  get state(): LoadState {
    const state = this.data.state;
    if (state !== 'complete') return state;
    const { model, error } = this.result;
    if (error) return 'error';
    if (model === undefined) return 'pending';
    return this.options.isEmpty?.(model) ? 'empty' : 'complete';
  }

  /**
   * Picks the template for the state: loading, empty, error (of loading or of the model) or the model. A model
   * error has no retry button: loading the same data again does not fix a wrong attribute.
   */
  render(templates: StateTemplates<M>): unknown {
    const localize = this.data.localize;
    const state = this.state;
    const { dataset, model, error } = this.result;
    const failed = (failure: DataError, retry?: () => void) =>
      templates.error ? templates.error(failure, retry) : localize && renderError(localize, failure, retry);
    switch (state) {
      case 'complete':
        return templates.complete(model as M, dataset!);
      case 'empty':
        return templates.empty();
      case 'none':
        return templates.none ? templates.none() : localize && renderEmpty(localize.t(commonStrings).noSource);
      case 'pending': {
        const message = this.result.building && localize ? localize.t(commonStrings).preparing : undefined;
        const progress = message ? undefined : this.data.progress;
        return templates.pending
          ? templates.pending(progress, message)
          : localize && renderLoading(localize, undefined, progress, message);
      }
      case 'error':
        if (error) return failed(error);
        return failed(this.data.error ?? new DataError('network', 'unknown'), () => this.data.reload());
    }
  }
}

/** Derives a model from a data controller's dataset (see Derived). */
export function derive<M, A extends readonly unknown[]>(
  data: DataController,
  options: DeriveOptions<M, A>,
): Derived<M, A> {
  return new Derived(data, options);
}
