import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { toDataError, type DataError } from '../../data/errors.js';
import { loadNextPage } from '../../data/load.js';
import { mapRoles } from '../../data/mapping.js';
import type { Dataset } from '../../data/types.js';
import type { Source } from '../../shared/data-controller.js';
import { commonStrings, describeDataError } from '../../shared/i18n.js';
import type { LocalizeController } from '../../shared/localize.js';
import { IDEA_ROLES, type IdeaRole } from './ideas-model.js';

/** What the pages need from their board. */
export interface IdeaPagesOptions {
  /** The source of the first page, as the data controller loads it; the pages after it go the same way. */
  source(): Source | undefined;
}

/**
 * The pages a paged source has after its first (the data layer's `meta.next`, see src/data/next-page.ts), loaded
 * one at a time when the reader asks for more. Cleared when the source changes; a refresh of the first page keeps
 * them (see `chain`). A failing page keeps what is loaded and remembers its error until a retry.
 */
export class IdeaPages implements ReactiveController {
  /** Loaded pages after the first, in order. */
  private pages: Dataset[] = [];
  /** The first page whose `next` led to `pages[0]`. */
  private chainedFrom?: Dataset;
  private sourceKey?: string;
  private request?: AbortController;
  private failure?: DataError;
  /** Grows with every loaded page, so a model derived from the pages knows when to build again. */
  version = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: IdeaPagesOptions,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const source = this.options.source();
    const { lang: _lang, ...rest } = source ?? { url: '' };
    const key = source ? JSON.stringify(rest) : undefined;
    if (key === this.sourceKey) return;
    this.sourceKey = key;
    this.request?.abort();
    this.request = undefined;
    this.pages = [];
    this.chainedFrom = undefined;
    this.failure = undefined;
    this.version++;
  }

  hostDisconnected(): void {
    this.request?.abort();
  }

  /**
   * The first page and the pages loaded after it. When a refresh brought a first page that leads elsewhere (an idea
   * was published, so every page shifted by one), the earlier first page stays in the chain: nothing between it and
   * the loaded pages goes missing (the board drops ideas it sees twice).
   */
  chain(first: Dataset): Dataset[] {
    if (!this.pages.length || !this.chainedFrom || first === this.chainedFrom) return [first, ...this.pages];
    if (first.meta.next === this.chainedFrom.meta.next) return [first, ...this.pages];
    return [first, this.chainedFrom, ...this.pages];
  }

  /** The URL of the page after the loaded ones, if the source has more. */
  next(first: Dataset | undefined): string | undefined {
    // A dataset shared by `<offen-data>` has no source here to page with.
    if (this.sourceKey === undefined) return undefined;
    return (this.pages.at(-1) ?? first)?.meta.next;
  }

  get loading(): boolean {
    return this.request !== undefined;
  }

  /** Why the last page could not be loaded (until the next attempt). */
  get error(): DataError | undefined {
    return this.failure;
  }

  /** Loads the page after the loaded ones; resolves true when one was added. */
  async loadMore(first: Dataset): Promise<boolean> {
    const source = this.options.source();
    const previous = this.pages.at(-1) ?? first;
    if (!source || !previous.meta.next || this.request) return false;
    const request = new AbortController();
    this.request = request;
    this.failure = undefined;
    this.host.requestUpdate();
    try {
      const page = await loadNextPage({ ...source, signal: request.signal }, previous);
      if (request.signal.aborted) return false;
      // A page that leads back to one already loaded would loop: it is the last.
      const seen = new Set([first, ...this.pages].map((loaded) => loaded.meta.url));
      const next = page.meta.next && !seen.has(page.meta.next) ? page.meta.next : undefined;
      if (!this.pages.length) this.chainedFrom = first;
      this.pages = [...this.pages, next === page.meta.next ? page : { ...page, meta: { ...page.meta, next } }];
      this.version++;
      return true;
    } catch (error) {
      if (!request.signal.aborted) this.failure = toDataError(error, previous.meta.next);
      return false;
    } finally {
      if (this.request === request) this.request = undefined;
      this.host.requestUpdate();
    }
  }
}

/** A later page's roles: its own fields mapped as the first page's, or the first page's roles if that fails. */
export function pageRoles(
  page: Dataset,
  overrides: Partial<Record<IdeaRole, string | undefined>>,
  firstRoles: Record<IdeaRole, string | undefined>,
): Record<IdeaRole, string | undefined> {
  try {
    return mapRoles(page.fields, IDEA_ROLES, overrides, page.meta.url);
  } catch {
    return firstRoles;
  }
}

/** A page that failed, beside the list (what is shown stays): what happened, and a retry. */
export function renderPageError(
  error: DataError,
  localize: LocalizeController,
  title: string,
  retry: () => void,
): TemplateResult {
  return html`<div class="offen-state page-error" part="state error" data-state="error" role="alert">
    <p><strong>${title}</strong></p>
    <p class="offen-error-message">${describeDataError(error, localize.lang)}</p>
    <button type="button" class="offen-button" part="retry" @click=${retry}>${localize.t(commonStrings).retry}</button>
  </div>`;
}
