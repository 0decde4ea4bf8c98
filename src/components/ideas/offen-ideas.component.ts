import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { mapRoles } from '../../data/mapping.js';
import type { Dataset, SourceDescription } from '../../data/types.js';
import { DataController } from '../../shared/data-controller.js';
import type { SelectDetail } from '../../shared/events.js';
import { derive } from '../../shared/derive.js';
import { FilterController, splitList, type FilterHost } from '../../shared/filter-controller.js';
import { filterBarStyles, renderFilterBar } from '../../shared/filter-bar.js';
import { headingLevel } from '../../shared/heading.js';
import { commonStrings } from '../../shared/i18n.js';
import { Memo } from '../../shared/memo.js';
import { PagingController } from '../../shared/paging-controller.js';
import { safeWebUrl } from '../../shared/safe-url.js';
import { categoriesOf } from '../../shared/search.js';
import { OffenSourceElement } from '../../shared/source-element.js';
import { renderEmpty } from '../../shared/states.js';
import { hostStyles } from '../../shared/theme.js';
import { castVote, type RequestOptions } from './ideas-client.js';
import { IdeaForm } from './idea-form.js';
import { ideasToDataset } from './ideas-map.js';
import {
  IDEA_ROLES,
  STATUS_KEYS,
  filterIdeas,
  ideasOf,
  linkify,
  parseStatusMap,
  relativeTime,
  shorten,
  sortIdeas,
  statusKeyOf,
  type Idea,
  type IdeaRole,
  type SortKey,
} from './ideas-model.js';
import {
  clientToken,
  draftKey,
  loadOwnIdeas,
  loadVotes,
  ownIdeasKey,
  saveOwnIdeas,
  saveVotes,
  type OwnIdea,
} from './ideas-storage.js';
import { ideasStrings } from './offen-ideas.strings.js';
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

/**
 * A board of citizen ideas: cards (or a compact list) with status, votes, comments and age, filters by category,
 * status and text, sorting and paging. With `submit-url` citizens send ideas through a form whose draft is never
 * lost; with `vote-url` they support ideas. The REST contract is in the README ("The ideas contract"); `demo/ideas-api.mjs`
 * implements it. Field names of Decidim, CONSUL and adhocracy+ exports are recognized without mapping attributes.
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
  static override styles = [hostStyles, filterBarStyles, ideasStyles];

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

  /** Allow withdrawing a vote (POST `{ "id": …, "withdraw": true }`). */
  @property({ type: Boolean }) unvote = false;

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
  private readonly ideas = derive(this.data, {
    args: () => [this.roleOverrides(), this.statusMap, this.localize.lang] as const,
    build: (dataset, [overrides, statusMap, lang]) => {
      const roles = mapRoles(dataset.fields, IDEA_ROLES, overrides, dataset.meta.url);
      return ideasOf(dataset, roles, parseStatusMap(statusMap), lang);
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

  @state() private openId?: string;
  @state() private voted = new Set<string>();
  @state() private voteCounts = new Map<string, number>();
  @state() private votePending = new Set<string>();
  @state() private voteMessages = new Map<string, string>();
  @state() private localIdeas: Idea[] = [];
  @state() private view: 'list' | 'map' = 'list';
  @state() private mapAvailable?: boolean;

  private loadedOwnKey?: string;
  private loadedVotesUrl?: string;
  private readonly mapData = new Memo<Dataset>();

  /** Resolves when the ideas have loaded or failed (for tests and scripts). */
  get loadComplete(): Promise<unknown> {
    return this.data.taskComplete;
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
    if (this.voteUrl !== this.loadedVotesUrl) {
      this.loadedVotesUrl = this.voteUrl;
      this.voted = this.voteUrl ? loadVotes(this.voteUrl) : new Set();
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
    return html`
      ${this.renderToolbar(categoriesOf(all, this.localize.locale), located)}
      <p class="count" role="status">${t.count(matching.length)}</p>
      ${this.mapAvailable === false && this.view === 'map' ? html`<p class="notice">${t.mapUnavailable}</p>` : nothing}
      ${
        showMap
          ? this.renderMap(matching)
          : matching.length
            ? html`<ul class="ideas" role="list">
                  ${shown.map((idea, index) => this.renderCard(idea, index, now))}
                </ul>
                ${
                  rest > 0
                    ? html`<button
                        type="button"
                        class="offen-button secondary more"
                        part="more"
                        @click=${() => this.paging.more()}
                      >
                        ${t.showMore(rest)}
                      </button>`
                    : nothing
                }`
            : renderEmpty(all.length ? t.noMatch : t.empty)
      }
    `;
  }

  private renderToolbar(categories: string[], located: boolean): TemplateResult {
    const t = this.t;
    const filter = this.filter.state;
    const statuses = new Set((filter.status ?? []).map(statusKeyOf));
    const extra = html`
      <div class="filter-field">
        <label for="sort">${t.sort}</label>
        <select
          id="sort"
          @change=${(event: Event) => (this.sort = (event.target as HTMLSelectElement).value as SortKey)}
        >
          <option value="newest" ?selected=${this.sort === 'newest'}>${t.sortNewest}</option>
          <option value="votes" ?selected=${this.sort === 'votes'}>${t.sortVotes}</option>
          <option value="comments" ?selected=${this.sort === 'comments'}>${t.sortComments}</option>
        </select>
      </div>
      ${
        located
          ? html`<div class="view-toggle" role="group" aria-label=${t.view}>
              <button
                type="button"
                class="offen-button"
                aria-pressed=${this.view === 'list' ? 'true' : 'false'}
                @click=${() => (this.view = 'list')}
              >
                ${t.viewList}
              </button>
              <button
                type="button"
                class="offen-button"
                aria-pressed=${this.view === 'map' ? 'true' : 'false'}
                @click=${() => void this.showMapView()}
              >
                ${t.viewMap}
              </button>
            </div>`
          : nothing
      }
      <fieldset class="statuses">
        <legend>${t.status}</legend>
        ${STATUS_KEYS.map(
          (key) =>
            html`<label
              ><input
                type="checkbox"
                name="status"
                .value=${key}
                .checked=${statuses.has(key)}
                @change=${(event: Event) => {
                  const next = new Set((this.filter.state.status ?? []).map(statusKeyOf));
                  if ((event.target as HTMLInputElement).checked) next.add(key);
                  else next.delete(key);
                  this.filter.set({ status: STATUS_KEYS.filter((s) => next.has(s)) });
                }}
              />${t[key]}</label
            >`,
        )}
      </fieldset>
    `;
    return renderFilterBar({
      part: 'toolbar',
      search: { label: t.searchLabel, value: this.q ?? '', onInput: (q) => this.filter.set({ q }) },
      categories: categories.length
        ? {
            kind: 'select',
            label: t.category,
            allLabel: this.localize.t(commonStrings).all,
            options: categories,
            selected: filter.category ?? [],
            onChange: (category) => this.filter.set({ category }),
          }
        : undefined,
      extra,
    });
  }

  private renderCard(idea: Idea, index: number, now: Date): TemplateResult {
    const t = this.t;
    const open = this.openId === idea.id;
    const base = `idea-${index}`;
    const votes = this.voteCounts.get(idea.id) ?? idea.votes;
    const voted = this.voted.has(idea.id);
    const locked = (voted && !this.unvote) || this.votePending.has(idea.id);
    const message = this.voteMessages.get(idea.id);
    return html`<li
      class="card ${open ? 'open' : ''}"
      part="card"
      data-id=${idea.id}
      @keydown=${(event: KeyboardEvent) => this.onCardKeydown(event, idea)}
    >
      <div class="card-title" role="heading" aria-level=${this.level} id="${base}-title">
        <button
          type="button"
          class="title-button"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls="${base}-text"
          @click=${() => this.toggleOpen(idea)}
        >
          ${idea.title}
        </button>
      </div>
      <p class="meta">
        ${
          idea.pending
            ? html`<span class="badge pending" part="badge">${t.pending}</span>`
            : html`<span class="badge" part="badge" data-status=${idea.status}>${t[idea.status]}</span>`
        }
        ${idea.category ? html`<span class="category">${idea.category}</span>` : nothing}
        ${
          idea.created
            ? html`<time
                datetime=${idea.created.toISOString()}
                title=${idea.created.toLocaleDateString(this.localize.locale, { dateStyle: 'long' })}
                >${relativeTime(idea.created, now, this.localize.locale)}</time
              >`
            : nothing
        }
        ${idea.author ? html`<span class="author">${t.by(idea.author)}</span>` : nothing}
      </p>
      ${
        open
          ? html`<div class="full" id="${base}-text">
              ${linkify(idea.description, (url) => safeWebUrl(url)).map((part) =>
                'href' in part
                  ? html`<a href=${part.href} rel="noopener noreferrer nofollow ugc">${part.text}</a>`
                  : part.text,
              )}
            </div>`
          : html`<p class="summary" id="${base}-text">${shorten(idea.description, 180)}</p>`
      }
      <div class="actions">
        ${
          this.voteUrl && !idea.pending
            ? html`<button
                type="button"
                class="offen-button secondary vote"
                part="vote"
                aria-pressed=${voted ? 'true' : 'false'}
                aria-disabled=${locked ? 'true' : 'false'}
                aria-describedby="${base}-votes"
                @click=${() => void this.toggleVote(idea, votes)}
              >
                <span aria-hidden="true">▲</span> ${t.vote}<span class="visually-hidden">: ${idea.title}</span>
              </button>`
            : nothing
        }
        <span class="votes" id="${base}-votes">${t.votes(votes)}</span>
        ${idea.comments !== undefined ? html`<span class="comments">${t.comments(idea.comments)}</span>` : nothing}
      </div>
      ${message ? html`<p class="notice" role="alert">${message}</p>` : nothing}
    </li>`;
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

  private async toggleVote(idea: Idea, shown: number): Promise<void> {
    const url = this.voteUrl;
    if (!url || this.votePending.has(idea.id)) return;
    const withdraw = this.voted.has(idea.id);
    if (withdraw && !this.unvote) return;
    const t = this.t;
    const update = (voted: boolean, votes: number, message?: string) => {
      const ids = new Set(this.voted);
      if (voted) ids.add(idea.id);
      else ids.delete(idea.id);
      this.voted = ids;
      this.voteCounts = new Map(this.voteCounts).set(idea.id, votes);
      const messages = new Map(this.voteMessages);
      if (message) messages.set(idea.id, message);
      else messages.delete(idea.id);
      this.voteMessages = messages;
    };
    // The count changes at once; the server's answer confirms or rolls it back.
    update(!withdraw, Math.max(0, shown + (withdraw ? -1 : 1)));
    this.votePending = new Set(this.votePending).add(idea.id);
    const result = await castVote(url, idea.id, withdraw, this.requestOptions(true));
    const pending = new Set(this.votePending);
    pending.delete(idea.id);
    this.votePending = pending;
    if (result.kind === 'ok') {
      const votes = result.votes ?? Math.max(0, shown + (withdraw ? -1 : 1));
      update(!withdraw, votes);
      saveVotes(url, this.voted);
      this.emit('offen-vote', { id: idea.id, voted: !withdraw, votes });
    } else if (result.kind === 'already') {
      update(true, result.votes ?? shown, t.alreadyVoted);
      saveVotes(url, this.voted);
    } else {
      const message = result.status === 429 ? t.voteRateLimited : withdraw ? t.unvoteFailed : t.voteFailed;
      update(withdraw, shown, message);
    }
  }
}
