import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { mapRoles } from '../../data/mapping.js';
import type { Dataset, SourceDescription } from '../../data/types.js';
import { DataController } from '../../shared/data-controller.js';
import type { SelectDetail } from '../../shared/events.js';
import { derive } from '../../shared/derive.js';
import { FilterController, splitList, type FilterHost } from '../../shared/filter-controller.js';
import { filterBarStyles } from '../../shared/filter-bar.js';
import { headingLevel } from '../../shared/heading.js';
import { commonStrings } from '../../shared/i18n.js';
import { Memo } from '../../shared/memo.js';
import { PagingController } from '../../shared/paging-controller.js';
import { categoriesOf } from '../../shared/search.js';
import { OffenSourceElement } from '../../shared/source-element.js';
import { renderEmpty } from '../../shared/states.js';
import { LONG_LIST, renderSkipLink, renderSkipTarget, skipLinkStyles } from '../../shared/skip-link.js';
import { hostStyles } from '../../shared/theme.js';
import type { MapLabels } from '../map/offen-map.strings.js';
import type { RequestOptions } from './ideas-client.js';
import { renderIdeaCard } from './idea-card.js';
import { IdeaForm } from './idea-form.js';
import { renderIdeasToolbar } from './ideas-toolbar.js';
import { IdeaPages, pageRoles, renderPageError } from './idea-pages.js';
import { IdeaVotes } from './idea-votes.js';
import { ideasToDataset } from './ideas-map.js';
import {
  IDEA_ROLES,
  filterIdeas,
  ideasOf,
  parseStatusMap,
  sortIdeas,
  STATUS_KEYS,
  statusKeyOf,
  type Idea,
  type IdeaRole,
  type SortKey,
  type StatusKey,
} from './ideas-model.js';
import { clientToken, draftKey, loadOwnIdeas, ownIdeasKey, saveOwnIdeas, type OwnIdea } from './ideas-storage.js';
import { ideasMapStrings, ideasStrings } from './offen-ideas.strings.js';
import { ideasStyles } from './offen-ideas.styles.js';

/** What the board's `offen-select` carries: the idea's id, its record and the idea as the board shows it. */
export interface IdeaSelectDetail extends SelectDetail {
  idea: Idea;
}
export type { SubmitDetail as IdeaSubmitDetail, VoteDetail as IdeaVoteDetail } from '../../shared/events.js';

const dateConverter = {
  fromAttribute: (value: string | null) => {
    if (!value) return undefined;
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
  },
  toAttribute: (value: Date | undefined) => value?.toISOString(),
};

/** A boolean attribute that is on unless it says `false`, `off` or `no` (absent: on). */
const booleanDefaultTrue = {
  fromAttribute: (value: string | null) => value === null || !/^(false|off|no|0)$/i.test(value.trim()),
  toAttribute: (value: boolean) => (value ? '' : 'false'),
};

/** The statuses that take votes unless `vote-statuses` says otherwise: all but done and rejected. */
const VOTE_STATUSES: readonly StatusKey[] = ['submitted', 'in-review', 'accepted', 'in-progress'];

/**
 * A board of citizen ideas: cards (or a compact list) with status, votes, comments and age, filters by category,
 * status and text, sorting and paging. With `submit-url` citizens send ideas through a form whose draft is never
 * lost; with `vote-url` they support ideas. The REST contract is in the README ("The ideas contract"); the reference
 * server `offen-ideas serve` (README, "The idea server") implements it. A paged source (`next` in the body, OGC API
 * `links`, or a `Link` header) is read page by page as the reader asks for more; filters, search and sorting work on
 * the pages loaded. Field names of Decidim, CONSUL and adhocracy+ exports are recognized without mapping attributes.
 *
 * @tag offen-ideas
 * @summary Citizen idea board with filters, voting and a submit form that keeps drafts.
 *
 * @fires {CustomEvent<LoadDetail>} offen-load - The ideas loaded (detail: count, format, meta).
 * @fires {CustomEvent<DataError>} offen-error - Loading or field mapping failed (detail: the DataError).
 * @fires {CustomEvent<IdeaSelectDetail>} offen-select - An idea was opened, in the list or on the map (detail: `id`, `record` (none for an idea sent from this page), `idea`).
 * @fires {CustomEvent<SubmitDetail>} offen-submit - The server confirmed a submitted idea.
 * @fires {CustomEvent<VoteDetail>} offen-vote - The server counted or withdrew a vote.
 *
 * @csspart card - One idea.
 * @csspart badge - The status badge of an idea.
 * @csspart vote - The vote button.
 * @csspart form - The submit form.
 * @csspart toolbar - Search, filters and sorting.
 * @csspart more - The "Mehr anzeigen" button.
 * @csspart state - Loading, empty and error messages (with `loading`, `empty`, `error`).
 * @csspart retry - The retry button of the error state.
 *
 * @cssprop [--offen-accent=#005ea8] - Links, buttons, pressed vote buttons.
 * @cssprop [--offen-ideas-card-width=18rem] - Smallest card width in the grid.
 * @cssprop [--offen-ideas-gap=1rem] - Space between cards.
 * @cssprop [--offen-ideas-card-background=#ffffff] - Card background.
 * @cssprop [--offen-focus-color=#1d70b8] - Focus ring.
 * @cssprop [--offen-danger=#b00020] - Error messages and invalid fields.
 * @cssprop [--offen-ideas-submitted=#4a4a4a] - Badge colour of submitted ideas.
 * @cssprop [--offen-ideas-in-review=#8a4b00] - Badge colour of ideas in review.
 * @cssprop [--offen-ideas-accepted=#005ea8] - Badge colour of accepted ideas.
 * @cssprop [--offen-ideas-in-progress=#6a1b9a] - Badge colour of ideas in progress.
 * @cssprop [--offen-ideas-done=#1e6b2f] - Badge colour of implemented ideas.
 * @cssprop [--offen-ideas-rejected=#a1002a] - Badge colour of rejected ideas.
 */
export class OffenIdeas extends OffenSourceElement implements FilterHost {
  static override styles = [hostStyles, filterBarStyles, skipLinkStyles, ideasStyles];

  /** `cards` (a grid) or `list` (compact, one idea per line). */
  @property({ reflect: true }) layout: 'cards' | 'list' = 'cards';

  /** Shown categories, comma-separated (none: all), e.g. `Verkehr,Umwelt`. */
  @property({ reflect: true }) category?: string;

  /**
   * Shown statuses, comma-separated (none: all): `submitted`, `in-review`, `accepted`, `in-progress`, `done`,
   * `rejected`, e.g. everything but rejected.
   */
  @property({ reflect: true }) status?: string;

  /** Search text. */
  @property({ reflect: true }) q?: string;

  /** Keep category, status and search in the page URL's hash, so a filtered board can be linked. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;

  /** Order: `newest`, `votes` (most votes) or `comments` (most discussed). */
  @property({ reflect: true }) sort: SortKey = 'newest';

  /** Heading level of the idea titles and the form heading (2–6), to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** Ideas shown before "Mehr anzeigen". */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 12;

  /** Maps other status vocabularies to ours, e.g. `evaluating:in-review, withdrawn:rejected, offen:submitted`. */
  @property({ attribute: 'status-map' }) statusMap?: string;

  /** Categories offered in the form, comma-separated; default: those in the data. */
  @property() categories?: string;

  /** Where the form POSTs new ideas (JSON). Without it there is no form. */
  @property({ attribute: 'submit-url' }) submitUrl?: string;

  /** Where votes are POSTed (`{ "id": … }`). Without it votes are shown but not cast. */
  @property({ attribute: 'vote-url' }) voteUrl?: string;

  /**
   * Ideas of these statuses take votes, comma-separated (our keys, or words such as `neu`, `in Prüfung`); the others show
   * no vote button but a line why. Default `submitted,in-review,accepted,in-progress`: done and rejected ideas
   * take no votes (the reference server refuses them too, `--vote-statuses`).
   */
  @property({ attribute: 'vote-statuses' }) voteStatuses?: string;

  /**
   * Pressing the pressed vote button again takes the vote back (POST `{ "id": …, "withdraw": true }`); on by
   * default, `unvote="false"` keeps a vote once cast (for a backend without withdrawing).
   */
  @property({ converter: booleanDefaultTrue }) unvote = true;

  /** Privacy notice linked from the consent checkbox. */
  @property({ attribute: 'privacy-url' }) privacyUrl?: string;

  /** Name of this board, for the saved draft when a page has several boards posting to one URL (default: `id`). */
  @property() board?: string;

  /** Map view: tile URL template, passed to `<offen-map>` (same consent rules). */
  @property({ attribute: 'tile-url' }) tileUrl?: string;

  /** Map view: attribution of the tiles. */
  @property({ attribute: 'tile-attribution' }) tileAttribution?: string;

  /** Map view: `auto` (ask before loading tiles from another server), `required` or `none`, as on `<offen-map>`. */
  @property() consent?: 'auto' | 'required' | 'none';

  /** The current time for relative dates ("vor 3 Tagen"); default: the clock. ISO date as attribute. */
  @property({ converter: dateConverter }) now?: Date;

  /** Field with the idea's id (detected: `id`, `uuid`, `pk` …; else the row number). */
  @property({ attribute: 'id-field' }) idField?: string;
  /** Field with the title (detected: `title`, `Titel`, `name` …). Required. */
  @property({ attribute: 'title-field' }) titleField?: string;
  /** Field with the text (detected: `description`, `Beschreibung`, `body`, `summary` …). */
  @property({ attribute: 'description-field' }) descriptionField?: string;
  /** Field with the category (detected: `category`, `Kategorie`, `tags`, `Thema` …). */
  @property({ attribute: 'category-field' }) categoryField?: string;
  /** Field with the status (detected: `status`, `state`, `Stand` …); values go through `status-map`. */
  @property({ attribute: 'status-field' }) statusField?: string;
  /** Field with the vote count (detected: `votes`, `voteCount`, `cached_votes_up`, `Stimmen` …). */
  @property({ attribute: 'votes-field' }) votesField?: string;
  /** Field with the comment count (detected: `comments`, `comments_count`, `Kommentare` …). */
  @property({ attribute: 'comments-field' }) commentsField?: string;
  /** Field with the author's name (detected: `author`, `Autor`, `creator` …). */
  @property({ attribute: 'author-field' }) authorField?: string;
  /** Field with the date of submission (detected: `created`, `publishedAt`, `Datum`, `eingereicht` …). */
  @property({ attribute: 'created-field' }) createdField?: string;
  /** Field with the latitude (detected: `lat`, `latitude`, `Breite` …, or a GeoJSON point). */
  @property({ attribute: 'lat-field' }) latField?: string;
  /** Field with the longitude (detected: `lon`, `lng`, `longitude`, `Länge` …). */
  @property({ attribute: 'lon-field' }) lonField?: string;

  private readonly data = new DataController(this, {
    source: () => this.sourceDescription(),
    refresh: () => this.refresh,
    localize: this.localize,
  });
  /** The dataset's ideas, mapped again when the dataset, a field attribute, `status-map` or the language changes. */
  private readonly pages = new IdeaPages(this, { source: () => this.sourceDescription() });
  /**
   * The ideas of the dataset and of the pages loaded after it, mapped again when one of them, a field attribute,
   * `status-map` or the language changes. An idea on two pages (the list moved while the reader paged) shows once.
   */
  private readonly ideas = derive(this.data, {
    args: () => [this.roleOverrides(), this.statusMap, this.localize.lang, this.pages.version] as const,
    build: (dataset, [overrides, statusMap, lang]) => {
      const firstRoles = mapRoles(dataset.fields, IDEA_ROLES, overrides, dataset.meta.url);
      const seen = new Set<string>();
      return this.pages.chain(dataset).flatMap((page) => {
        if (page !== dataset && !page.records.length) return [];
        const roles = page === dataset ? firstRoles : pageRoles(page, overrides, firstRoles);
        return ideasOf(page, roles, parseStatusMap(statusMap), lang).filter(
          (idea) => !seen.has(idea.id) && seen.add(idea.id),
        );
      });
    },
    isEmpty: (ideas) => !ideas.length && !this.localIdeas.length,
  });
  private readonly filter = new FilterController(this, ['category', 'status', 'q']);
  private readonly form = new IdeaForm(this, {
    url: () => this.submitUrl,
    strings: () => this.t,
    level: () => this.level,
    categories: () =>
      this.categories
        ? splitList(this.categories)
        : categoriesOf([...this.localIdeas, ...(this.ideas.value ?? [])], this.localize.locale),
    privacyUrl: () => this.privacyUrl,
    request: () => this.requestOptions(),
    now: () => this.now,
    storage: () => ({ draft: this.draftStorageKey, own: this.ownIdeasStorageKey }),
    ownIdeas: () => this.storedOwnIdeas(),
    added: (idea) => (this.localIdeas = [idea, ...this.localIdeas]),
  });
  private readonly paging = new PagingController(this, {
    pageSize: () => this.pageSize || 12,
    focusTarget: '.card .title-button',
  });
  private readonly votes = new IdeaVotes(this, {
    url: () => this.voteUrl,
    unvote: () => this.unvote,
    votable: (idea) => this.votableStatuses.has(idea.status),
    strings: () => this.t,
    request: () => this.requestOptions(true),
    counted: (detail) => this.emit('offen-vote', detail),
  });

  @state() private openId?: string;
  @state() private localIdeas: Idea[] = [];
  @state() private view: 'list' | 'map' = 'list';
  @state() private mapAvailable?: boolean;

  private loadedOwnKey?: string;
  private readonly mapData = new Memo<Dataset>();

  /** Resolves when the ideas have loaded or failed (for tests and scripts). */
  get loadComplete(): Promise<unknown> {
    return this.data.taskComplete;
  }

  /** `vote-statuses` as our status keys (unknown words are ignored), or the default. */
  private get votableStatuses(): Set<string> {
    const listed = this.voteStatuses === undefined ? [...VOTE_STATUSES] : splitList(this.voteStatuses).map(statusKeyOf);
    return new Set(listed);
  }

  private get t() {
    return this.localize.t(ideasStrings);
  }

  /** The board's name in what it keeps in the browser: `board`, else the element's id. */
  private get storageBoard(): string {
    return this.board ?? this.id ?? '';
  }

  private get draftStorageKey(): string | undefined {
    return this.submitUrl ? draftKey(this.submitUrl, this.storageBoard) : undefined;
  }

  private get ownIdeasStorageKey(): string | undefined {
    return this.submitUrl ? ownIdeasKey(this.submitUrl, this.storageBoard) : undefined;
  }

  /** The citizen's own ideas waiting for approval, as the board keeps them in the browser. */
  private storedOwnIdeas(): OwnIdea[] {
    const key = this.ownIdeasStorageKey;
    return key ? loadOwnIdeas(key, (this.now ?? new Date()).getTime()) : [];
  }

  /** Drops own ideas the server now lists (a moderator approved them) from the board's memory and its list. */
  private forgetPublished(loaded: readonly Idea[]): void {
    const known = new Set(loaded.map((idea) => idea.id));
    if (!this.localIdeas.some((idea) => known.has(idea.id))) return;
    this.localIdeas = this.localIdeas.filter((idea) => !known.has(idea.id));
    const key = this.ownIdeasStorageKey;
    if (key)
      saveOwnIdeas(
        key,
        this.storedOwnIdeas().filter((idea) => !known.has(idea.id)),
      );
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (['pageSize', 'category', 'status', 'q', 'sort'].some((name) => changed.has(name as keyof OffenIdeas))) {
      this.paging.reset();
    }
    const key = this.ownIdeasStorageKey;
    if (key !== this.loadedOwnKey) {
      this.loadedOwnKey = key;
      // Sent from this browser and not approved yet: still shown (as waiting) after a reload.
      this.localIdeas = this.storedOwnIdeas().map((own) => ({
        ...own,
        status: 'submitted',
        votes: 0,
        comments: 0,
        created: new Date(own.sent),
        pending: true,
      }));
    }
    const loaded = this.ideas.value;
    if (loaded) this.forgetPublished(loaded);
  }

  /** `lat-field`, `lon-field` and `created-field` travel with the source: the data layer reads coordinates and dates. */
  protected override sourceDescription(): Omit<SourceDescription, 'signal'> | undefined {
    const base = super.sourceDescription();
    const dateFields = this.createdField ? [this.createdField] : undefined;
    return base && { ...base, latField: this.latField, lonField: this.lonField, dateFields };
  }

  private roleOverrides(): Partial<Record<IdeaRole, string | undefined>> {
    return {
      id: this.idField,
      title: this.titleField,
      description: this.descriptionField,
      category: this.categoryField,
      status: this.statusField,
      votes: this.votesField,
      comments: this.commentsField,
      author: this.authorField,
      created: this.createdField,
      lat: this.latField,
      lon: this.lonField,
    };
  }

  override render() {
    const common = this.localize.t(commonStrings);
    // The citizen's own ideas are shown even before (or without) a list from the server.
    const board = this.ideas.render({
      none: () => (this.localIdeas.length ? this.renderBoard([]) : renderEmpty(common.noSource)),
      empty: () => (this.localIdeas.length ? this.renderBoard([]) : renderEmpty(this.t.empty)),
      complete: (ideas) => this.renderBoard(ideas),
    });
    return html`${board}${this.submitUrl ? this.form.render() : nothing}`;
  }

  private renderBoard(loaded: Idea[]): TemplateResult {
    const t = this.t;
    const known = new Set(loaded.map((idea) => idea.id));
    const all = [...this.localIdeas.filter((idea) => !known.has(idea.id)), ...loaded];
    const filter = this.filter.state;
    const matching = sortIdeas(
      filterIdeas(
        all,
        { categories: filter.category ?? [], statuses: filter.status ?? [], q: filter.q },
        this.localize.locale,
      ),
      this.sort,
    );
    const { shown, rest } = this.paging.slice(matching);
    const now = this.now ?? new Date();
    const located = all.some((idea) => idea.lat !== undefined);
    // The map renders only once its element is defined: a property set on an undefined element would be lost.
    const showMap = located && this.view === 'map' && this.mapAvailable === true;
    const count = this.pages.next(this.data.dataset) ? t.countLoaded(matching.length) : t.count(matching.length);
    return html`
      ${renderIdeasToolbar({
        t,
        allLabel: this.localize.t(commonStrings).all,
        filter: this.filter.state,
        q: this.q ?? '',
        categories: categoriesOf(all, this.localize.locale),
        sort: this.sort,
        located,
        view: this.view,
        onFilter: (change) => this.filter.set(change),
        onStatus: (status, checked) => {
          const next = new Set((this.filter.state.status ?? []).map(statusKeyOf));
          if (checked) next.add(status);
          else next.delete(status);
          this.filter.set({ status: STATUS_KEYS.filter((key) => next.has(key)) });
        },
        onSort: (sort) => (this.sort = sort),
        onView: (view) => (view === 'map' ? void this.showMapView() : (this.view = 'list')),
      })}
      <p class="count" role="status" tabindex="-1">${count}</p>
      ${this.mapAvailable === false && this.view === 'map' ? html`<p class="notice">${t.mapUnavailable}</p>` : nothing}
      ${
        showMap
          ? this.renderMap(matching)
          : matching.length
            ? this.renderList(shown, now)
            : renderEmpty(all.length ? t.noMatch : t.empty)
      }
      ${this.renderMore(showMap ? 0 : rest)}
    `;
  }

  /**
   * "Mehr anzeigen": the next loaded ideas, or, once fewer than a page of them are left, the next page of a paged
   * source first. A page that fails says so beside the list, with a retry; what is shown stays.
   */
  private renderMore(rest: number): unknown {
    const t = this.t;
    const next = this.pages.next(this.data.dataset);
    if (rest <= 0 && !next) return nothing;
    const loading = this.pages.loading;
    const error = this.pages.error;
    return html`<button
        type="button"
        class="offen-button secondary more"
        part="more"
        aria-disabled=${loading ? 'true' : 'false'}
        @click=${() => void this.showMore(rest)}
      >
        ${loading ? t.loadingMore : next ? t.showMorePages : t.showMore(rest)}
      </button>
      ${error ? renderPageError(error, this.localize, t.pageFailed, () => void this.loadPage()) : nothing}`;
  }

  private async showMore(rest: number): Promise<void> {
    if (this.pages.loading) return;
    if (rest >= this.paging.size || !this.pages.next(this.data.dataset)) this.paging.more();
    else await this.loadPage();
  }

  /** Loads the next page and shows the next ideas, with the focus on the first of them (as the paging does). */
  private async loadPage(): Promise<void> {
    const first = this.data.dataset;
    const from = this.paging.visible;
    if (!first || !(await this.pages.loadMore(first))) return;
    this.paging.more(from);
    await this.updateComplete;
    // Nothing new matched the filter and the button went away with the last page: focus the count, not the page.
    if (!this.shadowRoot?.activeElement) this.renderRoot.querySelector<HTMLElement>('.count')?.focus();
  }

  /**
   * The cards; a long list (six or more shown) starts with "Liste überspringen", which moves the focus past the
   * cards (to "Mehr anzeigen", the form, or on after the board with the next Tab).
   */
  private renderList(shown: Idea[], now: Date): TemplateResult {
    const common = this.localize.t(commonStrings);
    const long = shown.length >= LONG_LIST;
    return html`${
        long
          ? renderSkipLink(common.skipList, () => this.renderRoot.querySelector<HTMLElement>('.skip-target'))
          : nothing
      }
      <ul class="ideas" role="list">
        ${shown.map((idea, index) => this.renderCard(idea, index, now))}
      </ul>
      ${long ? renderSkipTarget(common.endOfList) : nothing}`;
  }

  private renderCard(idea: Idea, index: number, now: Date): TemplateResult {
    return renderIdeaCard(idea, index, {
      t: this.t,
      level: this.level,
      locale: this.localize.locale,
      now,
      open: this.openId === idea.id,
      canVote: Boolean(this.voteUrl),
      vote: this.votes.stateOf(idea),
      onToggle: () => this.toggleOpen(idea),
      onKeydown: (event) => this.onCardKeydown(event, idea),
      onVote: (shown) => void this.votes.toggle(idea, shown),
    });
  }

  private get level(): string {
    return headingLevel(this.headingLevel);
  }

  private toggleOpen(idea: Idea): void {
    if (this.openId === idea.id) {
      this.openId = undefined;
      return;
    }
    this.openId = idea.id;
    this.emit('offen-select', { id: idea.id, record: idea.record, idea } satisfies IdeaSelectDetail);
  }

  /** Escape closes an open idea and puts focus back on its title. */
  private onCardKeydown(event: KeyboardEvent, idea: Idea): void {
    if (event.key !== 'Escape' || this.openId !== idea.id) return;
    event.stopPropagation();
    const card = event.currentTarget as HTMLElement;
    this.openId = undefined;
    card.querySelector<HTMLButtonElement>('.title-button')?.focus();
  }

  private renderMap(ideas: Idea[]): TemplateResult {
    return html`<offen-map
      class="map"
      tile-url=${this.tileUrl ?? nothing}
      tile-attribution=${this.tileAttribution ?? nothing}
      consent=${this.consent ?? nothing}
      .labels=${this.localize.t(ideasMapStrings) satisfies Partial<MapLabels>}
      .data=${this.mapDataset(ideas)}
      @offen-select=${(event: CustomEvent<{ id: string }>) => this.onMapSelect(event, ideas)}
      @offen-load=${(event: Event) => event.stopPropagation()}
      @offen-error=${(event: Event) => event.stopPropagation()}
    ></offen-map>`;
  }

  /** One Dataset per set of shown ideas, so the map is not rebuilt on every render. */
  private mapDataset(ideas: Idea[]): Dataset {
    const shown = ideas.map((idea) => [idea.id, idea.status, idea.votes]);
    return this.mapData.get(undefined, [this.localize.lang, shown], () =>
      ideasToDataset(ideas, (status) => this.t[status]),
    );
  }

  /** The map's own select event (a record) becomes the board's (id and idea). */
  private onMapSelect(event: CustomEvent<{ id: string }>, ideas: Idea[]): void {
    event.stopPropagation();
    const idea = ideas.find((candidate) => candidate.id === event.detail?.id);
    if (idea) this.emit('offen-select', { id: idea.id, record: idea.record, idea } satisfies IdeaSelectDetail);
  }

  private async showMapView(): Promise<void> {
    this.view = 'map';
    if (this.mapAvailable !== undefined) return;
    try {
      await import('../map/offen-map.js');
      this.mapAvailable = customElements.get('offen-map') !== undefined;
    } catch {
      this.mapAvailable = false;
    }
  }

  /** The voting token goes only with votes, so a submitted idea cannot be linked to its author's votes. */
  private requestOptions(withClient = false): RequestOptions {
    return {
      timeout: (this.timeout ?? 15) * 1000,
      lang: this.localize.lang,
      client: withClient ? clientToken() : undefined,
    };
  }
}
