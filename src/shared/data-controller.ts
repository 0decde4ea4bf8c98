import { initialState, Task, TaskStatus } from '@lit/task';
import { deepArrayEquals } from '@lit/task/deep-equals.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DataError, toDataError } from '../data/errors.js';
import { loadDataset } from '../data/load.js';
import type { Dataset, SourceDescription } from '../data/types.js';
import { subscribeSharedData, type LoadState, type SharedData } from './context.js';
import type { LoadDetail } from './events.js';
import type { LocalizeController } from './localize.js';
import type { OffenElement } from './offen-element.js';
import type { LoadProgress } from './states.js';

type Host = ReactiveControllerHost & HTMLElement & { emit?: OffenElement['emit'] };

/** A source description as the widgets build it from their attributes (the controller adds the abort signal). */
export type Source = Omit<SourceDescription, 'signal'>;

export interface DataControllerOptions {
  /** The host's own source, or undefined when it has no `src` (it then reads a parent `<offen-data>`). */
  source(): Source | undefined;
  /** Seconds between reloads; 0 or undefined: none. */
  refresh?(): number | undefined;
  /** A dataset handed over by script (e.g. the map's `data` property); it wins over `src` and a parent's data. */
  given?(): Dataset | undefined;
  /** The host's language, for the shared loading, "no source" and error states (see derive.ts). */
  localize?: LocalizeController;
}

/**
 * Loads a widget's data through the data layer with @lit/task: whenever the source attributes change (the task's own
 * args diffing, ignoring the language), aborting the previous request and on disconnect. Without a `src` it reads the
 * dataset of a parent `<offen-data>` instead. Keeps the last good dataset on screen while a refresh runs or fails.
 * Emits `offen-load` and, for loading and model errors (see derive.ts), `offen-error` on the host, once each, after
 * they rendered.
 */
export class DataController implements ReactiveController {
  private readonly task: Task<readonly [Source | undefined], Dataset>;
  private readonly sharedData: () => SharedData | undefined;
  private readonly derived: { error: DataError | undefined; reported?: DataError; abort?(): void }[] = [];
  /** The source description, built once per update. */
  private source?: Source;
  private sourceBuilt = false;
  private timer?: ReturnType<typeof setInterval>;
  private timerSeconds = 0;
  private lastShared?: Dataset;
  /** The last dataset that loaded for the current source; stays while a refresh is pending or failed. */
  private current?: Dataset;
  private refreshError?: DataError;
  private loadProgress?: LoadProgress;
  private progressTimer?: ReturnType<typeof setTimeout>;
  /** Set while a background refresh runs, so the request revalidates with the server. */
  private refreshing = false;
  /** The last result announced with offen-load / offen-error, so each is announced once, after it rendered. */
  private announced?: unknown;

  constructor(
    private readonly host: Host,
    private readonly options: DataControllerOptions,
  ) {
    // Added before the task, so the source is built before the task compares its args in hostUpdate.
    host.addController(this);
    this.sharedData = subscribeSharedData(host, (shared) => this.onShared(shared));
    this.task = new Task(host, {
      task: async ([source], { signal }) => {
        const revalidate = this.refreshing;
        if (!revalidate) this.current = undefined;
        this.loadProgress = undefined;
        if (!source) return initialState;
        try {
          return await loadDataset({
            ...source,
            lang: this.source?.lang,
            signal,
            revalidate: revalidate || undefined,
            onProgress: (loaded, total) => this.onProgress(signal, loaded, total),
          });
        } catch (error) {
          throw toDataError(error, source.url);
        } finally {
          this.loadProgress = undefined;
        }
      },
      args: () => [this.sourceKey()] as const,
      argsEqual: deepArrayEquals,
      onComplete: (dataset) => {
        this.current = dataset;
        this.refreshError = undefined;
      },
      // With data still on screen the failure was a refresh: the old data stays, the error is only reported.
      onError: (error) => (this.refreshError = this.current ? (error as DataError) : undefined),
    });
  }

  /** The source without its language: switching the page language re-renders but does not fetch again. */
  private sourceKey(): Source | undefined {
    const source = this.currentSource;
    if (!source) return undefined;
    const { lang: _lang, ...rest } = source;
    return rest;
  }

  private get currentSource(): Source | undefined {
    if (!this.sourceBuilt) this.buildSource();
    return this.source;
  }

  private buildSource(): void {
    this.sourceBuilt = true;
    this.source = this.options.given?.() ? undefined : this.options.source();
  }

  /** Bytes of the body read so far while it loads (and its size when known), for the loading state. */
  get progress(): LoadProgress | undefined {
    return this.ownSource ? this.loadProgress : undefined;
  }

  private onProgress(signal: AbortSignal, loaded: number, total: number | undefined): void {
    if (signal.aborted) return;
    this.loadProgress = { loaded, total };
    // A 50 MB body arrives in thousands of chunks: the loading state is drawn again at most five times a second.
    if (this.progressTimer !== undefined) return;
    this.progressTimer = setTimeout(() => {
      this.progressTimer = undefined;
      this.host.requestUpdate();
    }, 200);
  }

  /** Registers a model derived from this controller's dataset (see derive()), whose errors it announces. */
  addDerived(derived: { error: DataError | undefined; reported?: DataError; abort?(): void }): void {
    this.derived.push(derived);
  }

  /** Asks the host to render again (a model derived later is there). */
  requestUpdate(): void {
    this.host.requestUpdate();
  }

  /** The shared data of a parent `<offen-data>`, when this widget has no source of its own. */
  get shared(): SharedData | undefined {
    return this.ownSource || this.options.given?.() ? undefined : this.sharedData();
  }

  private get ownSource(): boolean {
    return this.currentSource !== undefined;
  }

  private onShared(shared: SharedData | undefined): void {
    if (this.ownSource || !shared) return;
    if (shared.dataset && shared.dataset !== this.lastShared) {
      this.lastShared = shared.dataset;
      this.host.emit?.('offen-load', {
        count: shared.dataset.records.length,
        format: shared.dataset.meta.format,
        meta: shared.dataset.meta,
      } satisfies LoadDetail);
    }
    this.host.requestUpdate();
  }

  hostConnected(): void {
    // Removed while loading (the request was aborted) and back in the page: load again.
    const error = this.task.error as DataError | undefined;
    if (this.task.status === TaskStatus.ERROR && error?.kind === 'aborted') void this.task.run();
    this.timerSeconds = 0;
    this.startTimer();
  }

  hostUpdate(): void {
    this.buildSource();
    this.startTimer();
  }

  /** Announces a finished load, and a model that failed, after it rendered: listeners see the widget showing it. */
  hostUpdated(): void {
    if (this.ownSource) {
      if (this.task.status === TaskStatus.COMPLETE && this.task.value && this.announced !== this.task.value) {
        this.announced = this.task.value;
        const { records, meta } = this.task.value;
        this.host.emit?.('offen-load', { count: records.length, format: meta.format, meta } satisfies LoadDetail);
      } else if (this.task.status === TaskStatus.ERROR && this.announced !== this.task.error) {
        this.announced = this.task.error;
        const error = this.task.error as DataError;
        if (error.kind !== 'aborted') this.host.emit?.('offen-error', error);
      }
    }
    for (const derived of this.derived) {
      const error = derived.error;
      if (error && error !== derived.reported) {
        derived.reported = error;
        this.host.emit?.('offen-error', error);
      }
    }
  }

  hostDisconnected(): void {
    this.task.abort();
    for (const derived of this.derived) derived.abort?.();
    clearTimeout(this.progressTimer);
    this.progressTimer = undefined;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** (Re)starts the refresh timer when `refresh` or the kind of source changed. */
  private startTimer(): void {
    const seconds = this.ownSource && this.host.isConnected ? (this.options.refresh?.() ?? 0) : 0;
    if (seconds === this.timerSeconds && (this.timer !== undefined) === seconds > 0) return;
    this.timerSeconds = seconds;
    if (this.timer) clearInterval(this.timer);
    this.timer = seconds > 0 ? setInterval(() => void this.refresh(), seconds * 1000) : undefined;
  }

  /** Reloads in the background; on failure the old data stays and the error is only reported. */
  private async refresh(): Promise<void> {
    // A slow server must not have its answer aborted by the next tick.
    if (this.task.status === TaskStatus.PENDING) return;
    this.refreshing = true;
    const run = this.task.run();
    this.refreshing = false;
    await run.catch(() => undefined);
  }

  /** Loads again (the retry button). */
  reload(): void {
    const shared = this.shared;
    if (shared) return shared.reload();
    void this.task.run();
  }

  /**
   * Inside an `<offen-data>` (or an element not defined yet) that has not answered: its chunk may still be loading,
   * so the widget shows the loading state rather than "no source".
   */
  private get awaitsProvider(): boolean {
    return this.host.parentElement?.closest('offen-data, :not(:defined)') != null;
  }

  get state(): LoadState {
    const given = this.options.given?.();
    if (given) return given.records.length ? 'complete' : 'empty';
    if (!this.ownSource) {
      const shared = this.shared;
      return shared ? shared.state : this.awaitsProvider ? 'pending' : 'none';
    }
    if (this.current) return this.current.records.length ? 'complete' : 'empty';
    switch (this.task.status) {
      case TaskStatus.PENDING:
      case TaskStatus.INITIAL:
        return 'pending';
      case TaskStatus.ERROR:
        return (this.task.error as DataError)?.kind === 'empty' ? 'empty' : 'error';
      default:
        return this.task.value?.records.length ? 'complete' : 'empty';
    }
  }

  get dataset(): Dataset | undefined {
    const given = this.options.given?.();
    if (given) return given;
    if (!this.ownSource) return this.shared?.dataset;
    return this.current ?? this.task.value;
  }

  get error(): DataError | undefined {
    if (this.options.given?.()) return undefined;
    if (!this.ownSource) return this.shared?.error;
    if (this.current) return undefined;
    return this.task.status === TaskStatus.ERROR ? (this.task.error as DataError) : undefined;
  }

  /** The host's language, as given in the options. */
  get localize(): LocalizeController | undefined {
    return this.options.localize;
  }

  /** The error of the last background refresh, while older data is still shown. */
  get staleError(): DataError | undefined {
    return this.refreshError;
  }

  /** Resolves when the current load has finished (for tests and callers that await data). */
  get taskComplete(): Promise<unknown> {
    return this.task.taskComplete.catch(() => undefined);
  }
}
export type { LoadDetail } from './events.js';
