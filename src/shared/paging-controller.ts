import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

export interface PagingOptions {
  /** Items per page. */
  pageSize: () => number;
  /** Selector of each shown item's focus target, in list order (e.g. the title button of a card). */
  focusTarget: string;
}

/**
 * "Mehr anzeigen" paging, the same in every list: a first page, one more page per click, and the keyboard focus on
 * the first new item afterwards, so a keyboard or screen-reader user goes on where the list grew.
 */
export class PagingController implements ReactiveController {
  /** How many items are shown. */
  shown: number;
  private focusIndex?: number;
  /** Items shown at the last `slice`: fewer than `shown` when the list ran out (a paged source loads more). */
  private visibleCount?: number;

  constructor(
    private readonly host: Host,
    private readonly options: PagingOptions,
  ) {
    host.addController(this);
    this.shown = this.page;
  }

  /** Items per page. */
  get size(): number {
    return this.page;
  }

  private get page(): number {
    const size = Math.floor(this.options.pageSize());
    return size > 0 ? size : 1;
  }

  /** Back to the first page (the filter, the order or the page size changed). */
  reset(): void {
    this.shown = this.page;
    this.host.requestUpdate();
  }

  /** How many items the last render showed. */
  get visible(): number {
    return this.visibleCount ?? this.shown;
  }

  /**
   * Shows the next page and moves the focus to its first item once it rendered. `from`: the items shown before
   * the list grew (taken before a page of a paged source loaded), so the focus lands on the first new one.
   */
  more(from = this.visible): void {
    this.focusIndex = from;
    this.shown = from + this.page;
    this.host.requestUpdate();
  }

  /** Grows the shown pages until item `index` is on one (an item chosen elsewhere, e.g. on the map). */
  reveal(index: number): void {
    if (index < this.shown) return;
    this.shown = Math.ceil((index + 1) / this.page) * this.page;
    this.host.requestUpdate();
  }

  /** The shown items of a list, and how many are left for "Mehr anzeigen". */
  slice<T>(items: readonly T[]): { shown: T[]; rest: number } {
    const shown = items.slice(0, this.shown);
    this.visibleCount = shown.length;
    return { shown, rest: items.length - shown.length };
  }

  hostUpdated(): void {
    if (this.focusIndex === undefined) return;
    const index = this.focusIndex;
    this.focusIndex = undefined;
    this.host.renderRoot.querySelectorAll<HTMLElement>(this.options.focusTarget)[index]?.focus();
  }
}
