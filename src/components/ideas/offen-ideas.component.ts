import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { mapRoles } from '../../data/mapping.js';
import type { Dataset } from '../../data/types.js';
import { DataController } from '../../shared/data-controller.js';
import type { SelectDetail } from '../../shared/events.js';
import { derive } from '../../shared/derive.js';
import { FilterController, splitList, type FilterHost } from '../../shared/filter-controller.js';
import { filterBarStyles, renderFilterBar } from '../../shared/filter-bar.js';
import { headingLevel } from '../../shared/heading.js';
import { commonStrings } from '../../shared/i18n.js';
import { Memo } from '../../shared/memo.js';
import { PagingController } from '../../shared/paging-controller.js';
import { safeUrl, safeWebUrl } from '../../shared/safe-url.js';
import { categoriesOf } from '../../shared/search.js';
import { OffenSourceElement } from '../../shared/source-element.js';
import { renderEmpty } from '../../shared/states.js';
import { hostStyles } from '../../shared/theme.js';
import { castVote, submitIdea, type RequestOptions } from './ideas-client.js';
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
  clearDraft,
  clientToken,
  draftKey,
  isDraftEmpty,
  loadDraft,
  loadOwnIdeas,
  loadVotes,
  ownIdeasKey,
  saveDraft,
  saveOwnIdeas,
  saveVotes,
  type Draft,
  type OwnIdea,
} from './ideas-storage.js';
import { ideasStrings } from './offen-ideas.strings.js';
import { ideasStyles } from './offen-ideas.styles.js';

/** Lengths the form checks before sending; the reference server enforces the same (demo/ideas-api.mjs). */
export const FORM_LIMITS = {
  title: { min: 5, max: 120 },
  description: { min: 10, max: 2000 },
  name: { max: 80 },
  email: { max: 254 },
};

type FormField = 'title' | 'description' | 'category' | 'name' | 'email' | 'consent';
const FORM_FIELDS: readonly FormField[] = ['title', 'description', 'category', 'name', 'email', 'consent'];

const emptyDraft = (): Draft => ({
  title: '',
  description: '',
  category: '',
  name: '',
  email: '',
  consent: false,
  startedAt: 0,
});

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
  @state() private formOpen = false;
  @state() private draft: Draft = emptyDraft();
  @state() private honeypot = '';
  @state() private fieldErrors: Partial<Record<FormField, string>> = {};
  @state() private formMessage?: { kind: 'error' | 'success' | 'failed' | 'restored'; text: string };
  @state() private sending = false;
  @state() private view: 'list' | 'map' = 'list';
  @state() private mapAvailable?: boolean;

  /** Set synchronously, before any re-render, so a double click cannot send twice. */
  private inFlight = false;
  private loadedDraftKey?: string;
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
    const key = this.draftStorageKey;
    if (key !== this.loadedDraftKey) {
      this.loadedDraftKey = key;
      const saved = key ? loadDraft(key) : undefined;
      this.draft = saved ?? emptyDraft();
      if (!isDraftEmpty(saved)) {
        this.formOpen = true;
        this.formMessage = { kind: 'restored', text: this.t.draftRestored };
      }
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
    return html`${board}${this.submitUrl ? this.renderForm() : nothing}`;
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

  private renderForm(): TemplateResult {
    const t = this.t;
    const draft = this.draft;
    const errors = this.fieldErrors;
    const categories = this.categories
      ? splitList(this.categories)
      : categoriesOf([...this.localIdeas, ...(this.ideas.value ?? [])], this.localize.locale);
    const privacy = safeUrl(this.privacyUrl);
    const message = this.formMessage;
    const describedBy = (field: FormField, hint?: string) =>
      [hint, errors[field] ? `f-${field}-error` : ''].filter(Boolean).join(' ') || nothing;
    const error = (field: FormField) =>
      errors[field] ? html`<p class="field-error" id="f-${field}-error">${errors[field]}</p>` : nothing;
    const invalid = (field: FormField) => (errors[field] ? 'true' : 'false');
    return html`<section class="submit-section" aria-labelledby="form-heading">
      <button
        type="button"
        class="offen-button"
        aria-expanded=${this.formOpen ? 'true' : 'false'}
        aria-controls="idea-form"
        @click=${() => (this.formOpen = !this.formOpen)}
      >
        ${t.formOpen}
      </button>
      <form
        id="idea-form"
        part="form"
        novalidate
        ?hidden=${!this.formOpen}
        @submit=${this.onSubmit}
        @input=${this.onFormInput}
        @change=${this.onFormInput}
      >
        <div class="form-title" role="heading" aria-level=${this.level} id="form-heading">${t.formTitle}</div>
        <p class="hint">${t.formIntro}</p>
        <div class="field">
          <label for="f-title">${t.fieldTitle} <span aria-hidden="true">*</span></label>
          <input
            id="f-title"
            name="title"
            type="text"
            required
            autocomplete="off"
            .value=${draft.title}
            aria-invalid=${invalid('title')}
            aria-describedby=${describedBy('title')}
          />
          ${error('title')}
        </div>
        <div class="field">
          <label for="f-description">${t.fieldDescription} <span aria-hidden="true">*</span></label>
          <textarea
            id="f-description"
            name="description"
            required
            .value=${draft.description}
            aria-invalid=${invalid('description')}
            aria-describedby=${describedBy('description', 'f-description-count')}
          ></textarea>
          <p class="hint" id="f-description-count">
            ${t.chars([...draft.description].length, FORM_LIMITS.description.max)}
          </p>
          ${error('description')}
        </div>
        ${
          categories.length
            ? html`<div class="field">
                <label for="f-category">${t.fieldCategory}</label>
                <select
                  id="f-category"
                  name="category"
                  aria-invalid=${invalid('category')}
                  aria-describedby=${describedBy('category')}
                >
                  <option value="" ?selected=${!draft.category}>${t.categoryNone}</option>
                  ${categories.map(
                    (category) =>
                      html`<option .value=${category} ?selected=${draft.category === category}>${category}</option>`,
                  )}
                </select>
                ${error('category')}
              </div>`
            : nothing
        }
        <div class="field">
          <label for="f-name">${t.fieldName}</label>
          <input
            id="f-name"
            name="name"
            type="text"
            autocomplete="name"
            .value=${draft.name}
            aria-invalid=${invalid('name')}
            aria-describedby=${describedBy('name')}
          />
          ${error('name')}
        </div>
        <div class="field">
          <label for="f-email">${t.fieldEmail}</label>
          <input
            id="f-email"
            name="email"
            type="email"
            autocomplete="email"
            .value=${draft.email}
            aria-invalid=${invalid('email')}
            aria-describedby=${describedBy('email')}
          />
          ${error('email')}
        </div>
        <div class="honeypot" aria-hidden="true">
          <label for="f-website">${t.honeypot}</label>
          <input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off" .value=${this.honeypot} />
        </div>
        <div class="field checkbox">
          <input
            id="f-consent"
            name="consent"
            type="checkbox"
            required
            .checked=${draft.consent}
            aria-invalid=${invalid('consent')}
            aria-describedby=${describedBy('consent')}
          />
          <label for="f-consent"
            >${t.consentText}
            <span aria-hidden="true">*</span>
            ${privacy ? html`<a href=${privacy} target="_blank" rel="noopener">${t.consentPrivacy}</a>` : nothing}</label
          >
          ${error('consent')}
        </div>
        ${
          message
            ? html`<div
                class="form-message ${message.kind === 'success' ? 'success' : message.kind === 'restored' ? '' : 'error'}"
                role=${message.kind === 'success' || message.kind === 'restored' ? 'status' : 'alert'}
                tabindex="-1"
              >
                <p>${message.text}</p>
                ${
                  message.kind === 'failed'
                    ? html`<button type="button" class="offen-button secondary retry" @click=${() => void this.send()}>
                        ${t.sendAgain}
                      </button>`
                    : nothing
                }
              </div>`
            : nothing
        }
        <div>
          <button type="submit" class="offen-button" aria-disabled=${this.sending ? 'true' : 'false'}>
            ${this.sending ? t.sending : t.send}
          </button>
        </div>
      </form>
    </section>`;
  }

  private onFormInput(event: Event): void {
    const target = event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    const name = target.name;
    if (name === 'website') {
      this.honeypot = target.value;
      return;
    }
    if (!(FORM_FIELDS as readonly string[]).includes(name)) return;
    const field = name as FormField;
    const value = field === 'consent' ? (target as HTMLInputElement).checked : target.value;
    const next: Draft = { ...this.draft, [field]: value };
    if (!next.startedAt) next.startedAt = Date.now();
    this.draft = next;
    // Saved on every keystroke: a reload, a crash or a failed submit loses nothing.
    if (this.draftStorageKey) saveDraft(this.draftStorageKey, next);
    if (this.formMessage?.kind === 'success' || this.formMessage?.kind === 'restored') this.formMessage = undefined;
    if (this.fieldErrors[field]) {
      const errors = { ...this.fieldErrors };
      const again = this.validate(next)[field];
      if (again) errors[field] = again;
      else delete errors[field];
      this.fieldErrors = errors;
    }
  }

  private validate(draft: Draft): Partial<Record<FormField, string>> {
    const t = this.t;
    const errors: Partial<Record<FormField, string>> = {};
    const length = (text: string) => [...text.trim()].length;
    const bounded = (field: 'title' | 'description', min: number, max: number) => {
      const n = length(draft[field]);
      if (n === 0) errors[field] = t.required;
      else if (n < min) errors[field] = t.tooShort(min);
      else if (n > max) errors[field] = t.tooLong(max);
    };
    bounded('title', FORM_LIMITS.title.min, FORM_LIMITS.title.max);
    bounded('description', FORM_LIMITS.description.min, FORM_LIMITS.description.max);
    if (length(draft.name) > FORM_LIMITS.name.max) errors.name = t.tooLong(FORM_LIMITS.name.max);
    const email = draft.email.trim();
    if (email.length > FORM_LIMITS.email.max) errors.email = t.tooLong(FORM_LIMITS.email.max);
    else if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = t.invalidEmail;
    if (!draft.consent) errors.consent = t.consentRequired;
    return errors;
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    void this.send();
  }

  private async focusAfterRender(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Sends the draft once; the draft is cleared only when the server confirmed. */
  private async send(): Promise<void> {
    const url = this.submitUrl;
    if (!url || this.inFlight) return;
    const t = this.t;
    const draft = this.draft;
    const errors = this.validate(draft);
    if (Object.keys(errors).length) {
      this.fieldErrors = errors;
      this.formMessage = { kind: 'error', text: t.checkFields };
      const first = FORM_FIELDS.find((field) => errors[field]);
      await this.focusAfterRender(`#f-${first}`);
      return;
    }
    this.inFlight = true;
    this.sending = true;
    this.fieldErrors = {};
    this.formMessage = undefined;
    const trimmed = (text: string) => text.trim() || undefined;
    const result = await submitIdea(
      url,
      {
        title: draft.title.trim(),
        description: draft.description.trim(),
        category: trimmed(draft.category),
        name: trimmed(draft.name),
        email: trimmed(draft.email),
        consent: draft.consent,
        website: this.honeypot,
        elapsed: Math.max(0, Date.now() - (draft.startedAt || Date.now())),
      },
      this.requestOptions(),
    );
    this.inFlight = false;
    this.sending = false;
    if (result.kind === 'ok') {
      if (this.draftStorageKey) clearDraft(this.draftStorageKey);
      this.draft = emptyDraft();
      this.honeypot = '';
      const sent = result.idea ?? {};
      const idea: Idea = {
        id: typeof sent.id === 'string' || typeof sent.id === 'number' ? String(sent.id) : `local-${Date.now()}`,
        title: typeof sent.title === 'string' ? sent.title : draft.title.trim(),
        description: typeof sent.description === 'string' ? sent.description : draft.description.trim(),
        category: typeof sent.category === 'string' ? sent.category : trimmed(draft.category),
        status: 'submitted',
        votes: 0,
        comments: 0,
        author: typeof sent.author === 'string' ? sent.author : trimmed(draft.name),
        created: this.now ?? new Date(),
        pending: !result.published,
      };
      this.localIdeas = [idea, ...this.localIdeas];
      const ownKey = this.ownIdeasStorageKey;
      if (idea.pending && ownKey) {
        const { id, title, description, category, author } = idea;
        const own = { id, title, description, category, author, sent: idea.created!.getTime() };
        saveOwnIdeas(ownKey, [own, ...this.storedOwnIdeas()]);
      }
      this.formMessage = { kind: 'success', text: result.published ? t.success : t.successPending };
      this.emit('offen-submit', {
        idea: result.idea ?? { title: idea.title, description: idea.description, category: idea.category },
        published: result.published,
        status: result.status,
      });
      await this.focusAfterRender('.form-message');
      return;
    }
    if (result.kind === 'invalid') {
      const fieldErrors: Partial<Record<FormField, string>> = {};
      const other: string[] = [];
      for (const [field, message] of Object.entries(result.errors)) {
        if ((FORM_FIELDS as readonly string[]).includes(field)) fieldErrors[field as FormField] = message || t.required;
        else other.push(`${field}: ${message}`);
      }
      this.fieldErrors = fieldErrors;
      this.formMessage = { kind: 'error', text: [result.message ?? t.checkFields, ...other].join(' ') };
      const first = FORM_FIELDS.find((field) => fieldErrors[field]);
      await this.focusAfterRender(first ? `#f-${first}` : '.form-message');
      return;
    }
    const text =
      result.reason === 'timeout'
        ? t.failedTimeout
        : result.reason === 'network'
          ? t.failedNetwork
          : t.failedStatus(result.status ?? 0);
    this.formMessage = { kind: 'failed', text };
    await this.focusAfterRender('.form-message');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.inFlight = false;
  }
}
