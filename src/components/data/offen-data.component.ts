import { provide } from '@lit/context';
import { css, html } from 'lit';
import { state } from 'lit/decorators.js';
import { sharedDataContext, type FilterState, type SharedData } from '../../shared/context.js';
import { DataController } from '../../shared/data-controller.js';
import { OffenSourceElement } from '../../shared/source-element.js';

/**
 * A dataset that several widgets share. Widgets inside it without a `src` of their own show its data, and a filter
 * set in one of them (category, status, search) reaches the others. It renders its children and nothing else.
 *
 * @tag offen-data
 * @summary Loads one dataset and shares it, with a common filter, with the widgets inside.
 *
 * @slot - The widgets that share the data.
 *
 * @fires {CustomEvent<LoadDetail>} offen-load - The dataset loaded (detail: record count, format, meta).
 * @fires {CustomEvent<DataError>} offen-error - Loading failed (detail: the DataError).
 * @fires {CustomEvent<FilterState>} offen-filter - The shared filter changed (detail: the new filter).
 */
export class OffenData extends OffenSourceElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  private readonly data = new DataController(this, {
    source: () => this.sourceDescription(),
    refresh: () => this.refresh,
  });

  @state() private filter: FilterState = {};

  @provide({ context: sharedDataContext })
  @state()
  protected shared?: SharedData;

  override willUpdate(): void {
    const next: SharedData = {
      state: this.data.state,
      dataset: this.data.dataset,
      error: this.data.error,
      filter: this.filter,
      setFilter: (patch) => this.setFilter(patch),
      reload: () => this.data.reload(),
    };
    const previous = this.shared;
    if (
      !previous ||
      previous.state !== next.state ||
      previous.dataset !== next.dataset ||
      previous.error !== next.error ||
      previous.filter !== next.filter
    ) {
      this.shared = next;
    }
  }

  /** The current shared filter. */
  get filterState(): FilterState {
    return this.filter;
  }

  /** Resolves when the dataset has loaded or failed. */
  get loadComplete(): Promise<unknown> {
    return this.data.taskComplete;
  }

  setFilter(patch: FilterState): void {
    const next = { ...this.filter, ...patch };
    if (JSON.stringify(next) === JSON.stringify(this.filter)) return;
    this.filter = next;
    this.emit('offen-filter', next);
  }

  override render() {
    return html`<slot></slot>`;
  }
}
