import { ContextConsumer } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { DataError, toDataError } from '../data/errors.js';
import { loadDataset } from '../data/load.js';
import type { Dataset, SourceDescription } from '../data/types.js';
import { ensureContextRoot, sharedDataContext, type LoadState, type SharedData } from './context.js';

type Host = ReactiveControllerHost & HTMLElement & { emit?: (name: `offen-${string}`, detail?: unknown) => unknown };

export interface DataControllerOptions {
  /** The host's own source, or undefined when it has no `src` (it then reads a parent `<offen-data>`). */
  source(): Omit<SourceDescription, 'signal'> | undefined;
  /** Seconds between reloads; 0 or undefined: none. */
  refresh?(): number | undefined;
}

export interface LoadDetail {
  count: number;
  format: string;
  meta: Dataset['meta'];
}

/**
 * A stable key for a source description, so a re-render with equal attributes does not reload. The language is left
 * out: switching the page language re-renders the widget but does not fetch the data again.
 */
function sourceKey(source: Omit<SourceDescription, 'signal'> | undefined): string {
  if (!source) return '';
  const { lang: _lang, ...rest } = source;
  return JSON.stringify(rest, (_key, value: unknown) => (value instanceof Date ? value.toISOString() : value));
}

/**
 * Loads a widget's data through the data layer with @lit/task: on connect and whenever the source attributes
 * change, aborting the previous request and on disconnect. Without a `src` it reads the dataset of a parent
 * `<offen-data>` instead. Keeps the last good dataset on screen while a refresh runs or fails.
 * Emits `offen-load` and `offen-error` on the host.
 */
export class DataController implements ReactiveController {
  private readonly task: Task<[string], Dataset>;
  private readonly consumer: ContextConsumer<{ __context__: SharedData | undefined }, Host>;
  private timer?: ReturnType<typeof setInterval>;
  private lastKey = '';
  private lastShared?: Dataset;
  /** The last dataset that loaded; stays while a refresh is pending or failed. */
  private current?: Dataset;
  private refreshError?: DataError;
  /** Set while a background refresh runs, so the request revalidates with the server. */
  private refreshing = false;
  /** The last result announced with offen-load / offen-error, so each is announced once, after it rendered. */
  private announced?: unknown;

  constructor(
    private readonly host: Host,
    private readonly options: DataControllerOptions,
  ) {
    host.addController(this);
    ensureContextRoot();
    this.consumer = new ContextConsumer(host, {
      context: sharedDataContext,
      subscribe: true,
      callback: (shared) => this.onShared(shared),
    });
    this.task = new Task<[string], Dataset>(host, {
      task: async ([key], { signal }) => {
        const source = this.options.source();
        if (!key || !source) throw new DataError('unsupported', 'No source', {});
        try {
          const dataset = await loadDataset({ ...source, signal, revalidate: this.refreshing || undefined });
          this.current = dataset;
          this.refreshError = undefined;
          return dataset;
        } catch (error) {
          throw toDataError(error, source.url);
        }
      },
      args: () => [sourceKey(this.options.source())],
      autoRun: false,
    });
  }

  /** The shared data of a parent `<offen-data>`, when this widget has no source of its own. */
  get shared(): SharedData | undefined {
    return this.ownSource ? undefined : this.consumer.value;
  }

  private get ownSource(): boolean {
    return this.options.source() !== undefined;
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
    this.lastKey = '';
    this.startTimer();
  }

  hostUpdate(): void {
    const key = sourceKey(this.options.source());
    if (key !== this.lastKey) {
      this.lastKey = key;
      if (!key) {
        this.current = undefined;
        this.task.abort();
      } else {
        this.current = undefined;
        void this.task.run();
      }
      this.startTimer();
    }
  }

  /** Announces a finished load after it rendered, so listeners see the widget already showing it. */
  hostUpdated(): void {
    if (!this.ownSource) return;
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

  hostDisconnected(): void {
    this.task.abort();
    this.lastKey = '';
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private startTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const seconds = this.options.refresh?.() ?? 0;
    if (seconds > 0 && this.ownSource) {
      this.timer = setInterval(() => void this.refresh(), seconds * 1000);
    }
  }

  /** Reloads in the background; on failure the old data stays and the error is only reported. */
  private async refresh(): Promise<void> {
    // A slow server must not have its answer aborted by the next tick.
    if (this.task.status === TaskStatus.PENDING) return;
    const previous = this.current;
    this.refreshing = true;
    try {
      await this.task.run();
    } catch {
      /* reported through offen-error */
    } finally {
      this.refreshing = false;
    }
    if (this.task.status === TaskStatus.ERROR && previous) {
      this.refreshError = this.task.error as DataError;
      this.current = previous;
      this.host.requestUpdate();
    }
  }

  /** Loads again (the retry button). */
  reload(): void {
    const shared = this.shared;
    if (shared) return shared.reload();
    this.current = undefined;
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
    const shared = this.shared;
    if (!this.ownSource) return shared ? shared.state : this.awaitsProvider ? 'pending' : 'none';
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
    if (!this.ownSource) return this.shared?.dataset;
    return this.current ?? this.task.value;
  }

  get error(): DataError | undefined {
    if (!this.ownSource) return this.shared?.error;
    if (this.current) return undefined;
    return this.task.status === TaskStatus.ERROR ? (this.task.error as DataError) : undefined;
  }

  /** The error of the last background refresh, while older data is still shown. */
  get staleError(): DataError | undefined {
    return this.refreshError;
  }

  /** Resolves when the current load has finished (for tests and callers that await data). */
  get taskComplete(): Promise<unknown> {
    return this.task.taskComplete.catch(() => undefined);
  }

  /** Picks a template for the state. */
  render(templates: {
    /** No `src` and no parent `<offen-data>`: say what is missing (commonStrings.noSource). */
    none: () => unknown;
    pending: () => unknown;
    empty: () => unknown;
    error: (error: DataError) => unknown;
    complete: (dataset: Dataset) => unknown;
  }): unknown {
    switch (this.state) {
      case 'none':
        return templates.none();
      case 'pending':
        return templates.pending();
      case 'empty':
        return templates.empty();
      case 'error':
        return templates.error(this.error ?? new DataError('network', 'unknown'));
      case 'complete':
        return templates.complete(this.dataset!);
    }
  }
}

export type { TemplateResult };
