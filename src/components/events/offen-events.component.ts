import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Dataset, SourceDescription } from '../../data/types.js';
import { DataController } from '../../shared/data-controller.js';
import type { SelectDetail } from '../../shared/events.js';
import { derive } from '../../shared/derive.js';
import { FilterController, type FilterHost } from '../../shared/filter-controller.js';
import { filterBarStyles, renderFilterBar } from '../../shared/filter-bar.js';
import { headingLevel } from '../../shared/heading.js';
import { commonStrings } from '../../shared/i18n.js';
import { PagingController } from '../../shared/paging-controller.js';
import { safeWebUrl } from '../../shared/safe-url.js';
import { categoriesOf } from '../../shared/search.js';
import { LONG_LIST, renderSkipLink, renderSkipTarget, skipLinkStyles } from '../../shared/skip-link.js';
import { OffenSourceElement } from '../../shared/source-element.js';
import { renderEmpty } from '../../shared/states.js';
import { hostStyles } from '../../shared/theme.js';
import {
  datetimeAttribute,
  formatBadge,
  formatEventWhen,
  formatGroupLabel,
  type DateTextOptions,
} from './event-format.js';
import {
  filterEvents,
  groupEvents,
  isOver,
  loadWindow,
  recordsToEvents,
  selectEvents,
  titleNamesCategory,
  type EventItem,
  type EventRange,
  type EventRole,
  type GroupBy,
} from './event-model.js';
import { eventToIcs, icsFileName } from './ics-export.js';
import { eventsStyles } from './offen-events.styles.js';
import { eventsStrings } from './offen-events.strings.js';
import { addDays, dayKey, DEFAULT_TIME_ZONE, isValidTimeZone, parseDateAttribute } from './zoned-time.js';

/** What the list's `offen-select` carries: the event's id and record, the event, and whether it is now open. */
export interface EventSelectDetail extends SelectDetail {
  event: EventItem;
  expanded: boolean;
}

/** Search and category filter appear from this many events on (or while a filter is set). */
const CONTROLS_FROM = 8;
/** Occurrences asked from the data layer beyond `limit`: all-day events that `selectEvents` may still cut. */
const FETCH_MARGIN = 100;
const DEFAULT_FETCH_LIMIT = 500;
/** Longer descriptions are cut in the full layout until the title is activated. */
const SHORT_DESCRIPTION = 280;

const RANGES: readonly EventRange[] = ['upcoming', 'past', 'all'];
const GROUPS: readonly GroupBy[] = ['month', 'day', 'none'];

function earliest(...dates: (Date | undefined)[]): Date | undefined {
  return dates.filter((d): d is Date => !!d).sort((a, b) => a.getTime() - b.getTime())[0];
}

function latest(...dates: (Date | undefined)[]): Date | undefined {
  return dates.filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0];
}

/**
 * A list of dates from an ICS feed, an OParl council system or a CSV/JSON table, in German time and German words:
 * "Di., 11. Aug. 2020, 18:00–21:00 Uhr". Recurring ICS events are expanded in the shown window. Each event can be
 * saved to the reader's calendar as an .ics file; an ICS feed can be subscribed to as a whole.
 *
 * @tag offen-events
 * @summary Upcoming (or past) events from ICS, OParl or CSV/JSON, with calendar download.
 *
 * @attr range - `upcoming` (default: running and future events, soonest first), `past` (newest first) or `all`.
 * @attr from - Earliest day shown, e.g. `2026-12-01` (a day in `timezone`) or an ISO time.
 * @attr to - Last day shown, inclusive, e.g. `2026-12-31`.
 * @attr days - Only the next N days (with `range="past"`: the last N days), e.g. `30`.
 * @attr limit - The most events loaded and shown, e.g. `20`.
 * @attr page-size - Events per page before "Mehr anzeigen" (default 10).
 * @attr timezone - IANA time zone for times and "Heute"/"Morgen" (default `Europe/Berlin`).
 * @attr group-by - Headings per `month` (default), `day`, or `none`.
 * @attr layout - `full` (default: with location, description, category, link) or `compact` for sidebars.
 * @attr map-url - Link locations to a map search: a URL with `{location}`, e.g.
 *   `https://www.openstreetmap.org/search?query={location}`. No map link without it (no third party by default).
 * @attr heading-level - Level of the group headings (2–6, default 3).
 * @attr title-field - Field holding the title (CSV/JSON; otherwise detected: `titel`, `title`, `name`, …).
 * @attr start-field - Field holding the start (`beginn`, `start`, `datum`, `von`, …).
 * @attr end-field - Field holding the end (`ende`, `end`, `bis`).
 * @attr location-field - Field holding the place (`ort`, `location`, `veranstaltungsort`).
 * @attr category-field - Field holding the category (`kategorie`, `category`).
 * @attr url-field - Field holding a web link (`url`, `link`, `website`).
 * @attr description-field - Field holding the description (`beschreibung`, `description`).
 * @attr category - Shown categories, comma-separated, e.g. `Kultur,Sport` (also set by the category filter).
 * @attr q - Search text (also set by the search field).
 * @attr sync-url - Keep category and search in the page URL's hash, so a filtered list can be linked.
 *
 * @fires {CustomEvent<LoadDetail>} offen-load - The data loaded (detail: record count, format, meta).
 * @fires {CustomEvent<DataError>} offen-error - Loading or field mapping failed (detail: the DataError).
 * @fires {CustomEvent<EventSelectDetail>} offen-select - An event's title was activated (detail: `id`, `record`, the event and
 *   whether its details are now open). Titles are buttons in the compact layout, and in the full layout where a
 *   long description is cut.
 *
 * @csspart list - Each list of events.
 * @csspart item - One event.
 * @csspart date - The date and time text.
 * @csspart title - The event title.
 * @csspart badge - The compact layout's date badge, the "abgesagt" label and a state label such as "Status:
 *   durchgeführt" (also `date-badge`, `cancelled-badge`, `state-badge`).
 * @csspart group-heading - A month or day heading.
 * @csspart controls - Search field and category filter.
 * @csspart add-to-calendar - The "Zum Kalender hinzufügen" button (not on events that are over).
 * @csspart subscribe - The `webcal:` subscribe link of an ICS feed.
 * @csspart more - The "Mehr anzeigen" button.
 * @csspart skip-link - "Liste überspringen" before a long list (shown while it has the keyboard focus).
 * @csspart state - Loading, empty and error states.
 *
 * @cssprop [--offen-accent=#005ea8] - Buttons, links, date badge.
 * @cssprop [--offen-accent-contrast=#ffffff] - Text on the accent colour.
 * @cssprop [--offen-text-color=#1a1a1a] - Text.
 * @cssprop [--offen-muted-color=#595959] - Dates, locations, categories.
 * @cssprop [--offen-surface=#ffffff] - Background of events.
 * @cssprop [--offen-surface-alt=#f3f5f7] - Background of states and group headings.
 * @cssprop [--offen-border-color=#8a949e] - Lines between events.
 * @cssprop [--offen-danger=#b00020] - The "abgesagt" label.
 * @cssprop [--offen-radius=6px] - Corner radius.
 * @cssprop [--offen-font=system-ui] - Font family.
 * @cssprop [--offen-focus-color=#1d70b8] - Focus ring.
 */
export class OffenEvents extends OffenSourceElement implements FilterHost {
  static override styles = [hostStyles, filterBarStyles, skipLinkStyles, eventsStyles];

  /** Which events: `upcoming`, `past` or `all`. */
  @property({ reflect: true }) range: EventRange = 'upcoming';
  @property() from?: string;
  @property() to?: string;
  @property({ type: Number }) days?: number;
  @property({ type: Number }) limit?: number;
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;
  @property() timezone = DEFAULT_TIME_ZONE;
  @property({ attribute: 'group-by' }) groupBy: GroupBy = 'month';
  @property({ reflect: true }) layout: 'full' | 'compact' = 'full';
  @property({ attribute: 'map-url' }) mapUrl?: string;
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  @property({ attribute: 'title-field' }) titleField?: string;
  @property({ attribute: 'start-field' }) startField?: string;
  @property({ attribute: 'end-field' }) endField?: string;
  @property({ attribute: 'location-field' }) locationField?: string;
  @property({ attribute: 'category-field' }) categoryField?: string;
  @property({ attribute: 'url-field' }) urlField?: string;
  @property({ attribute: 'description-field' }) descriptionField?: string;

  @property({ reflect: true }) category?: string;
  @property({ reflect: true }) q?: string;
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;

  /**
   * The clock for "upcoming", "Heute" and "Morgen" (JavaScript only). Defaults to the real time; tests and
   * previews set a fixed date.
   */
  @property({ attribute: false }) now?: Date;

  @state() private expanded = new Set<string>();

  private readonly data = new DataController(this, {
    source: () => this.sourceDescription(),
    refresh: () => this.refresh,
    localize: this.localize,
  });
  /** The dataset's events, read again when the dataset or a field attribute changes. */
  private readonly events = derive(this.data, {
    args: () => [this.overrides, this.localize.lang] as const,
    build: (dataset, [overrides, lang]) => recordsToEvents(dataset, overrides, lang),
  });
  private readonly filter = new FilterController(this, ['category', 'q']);
  private readonly paging = new PagingController(this, { pageSize: () => this.page, focusTarget: '[data-index]' });
  /** The clock for the load window when `now` is not set: fixed per element so re-renders do not reload. */
  private readonly createdAt = new Date();
  private midnightTimer?: ReturnType<typeof setTimeout>;

  /** Resolves when the current load has finished (for tests and scripts). */
  get loadComplete(): Promise<unknown> {
    return this.data.taskComplete;
  }

  private get zone(): string {
    return isValidTimeZone(this.timezone) ? this.timezone : DEFAULT_TIME_ZONE;
  }

  private get rangeValue(): EventRange {
    return RANGES.includes(this.range) ? this.range : 'upcoming';
  }

  private get page(): number {
    return this.pageSize > 0 ? Math.floor(this.pageSize) : 10;
  }

  /** The widget's own window: `from`/`to` attributes and `days` around the clock. */
  private window(now: Date): { from?: Date; to?: Date } {
    const from = parseDateAttribute(this.from, this.zone);
    const to = parseDateAttribute(this.to, this.zone, true);
    const days = this.days && this.days > 0 ? this.days : undefined;
    if (this.rangeValue === 'past') return { from: latest(from, days ? addDays(now, -days) : undefined), to };
    return { from, to: earliest(to, days ? addDays(now, days) : undefined) };
  }

  /**
   * Calendar sources get the window, order and limit so the data layer expands recurring events lazily, exactly
   * in the window shown (see `loadWindow`).
   */
  protected override sourceDescription(): Omit<SourceDescription, 'signal'> | undefined {
    const base = super.sourceDescription();
    if (!base) return undefined;
    const range = this.rangeValue;
    const now = this.now ?? this.createdAt;
    const { from, to } = loadWindow(range, now, this.window(now), this.zone);
    const limit = this.limit !== undefined && this.limit >= 0 ? this.limit + FETCH_MARGIN : DEFAULT_FETCH_LIMIT;
    return { ...base, window: { from, to }, order: range === 'past' ? 'desc' : 'asc', limit };
  }

  private get overrides(): Partial<Record<EventRole, string | undefined>> {
    return {
      title: this.titleField,
      start: this.startField,
      end: this.endField,
      location: this.locationField,
      category: this.categoryField,
      url: this.urlField,
      description: this.descriptionField,
    };
  }

  private get dateOptions(): DateTextOptions {
    return {
      locale: this.localize.locale,
      lang: this.localize.lang,
      timeZone: this.zone,
      now: this.now ?? new Date(),
    };
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('category') || changed.has('q') || changed.has('range') || changed.has('pageSize')) {
      this.paging.reset();
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.scheduleMidnight();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.midnightTimer);
  }

  /** On the real clock, "Heute", "Morgen" and what counts as upcoming change at midnight in the zone. */
  private scheduleMidnight(): void {
    clearTimeout(this.midnightTimer);
    if (this.now || !this.isConnected) return;
    const today = dayKey(new Date(), this.zone);
    const midnight = parseDateAttribute(today, this.zone, true);
    if (!midnight) return;
    this.midnightTimer = setTimeout(
      () => {
        this.requestUpdate();
        this.scheduleMidnight();
      },
      Math.max(1_000, midnight.getTime() - Date.now() + 1_000),
    );
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('now') || changed.has('timezone')) this.scheduleMidnight();
  }

  override render() {
    const t = this.localize.t(eventsStrings);
    const empty = this.rangeValue === 'past' ? t.emptyPast : this.rangeValue === 'all' ? t.emptyAll : t.emptyUpcoming;
    return this.events.render({
      empty: () => renderEmpty(empty),
      complete: (events, dataset) => this.renderEvents(events, dataset, empty),
    });
  }

  private renderEvents(events: EventItem[], dataset: Dataset, emptyText: string): unknown {
    const options = this.dateOptions;
    const selected = selectEvents(events, {
      range: this.rangeValue,
      now: options.now!,
      timeZone: this.zone,
      ...this.window(options.now!),
      limit: this.limit !== undefined && this.limit >= 0 ? this.limit : undefined,
    });
    const unreadable = dataset.meta.unreadableEvents;
    const subscribe = html`${unreadable ? html`<p class="count">${this.localize.t(eventsStrings).unreadable(unreadable)}</p>` : nothing}${this.renderSubscribe(dataset)}`;
    if (!selected.length) return html`${renderEmpty(emptyText)}${subscribe}`;

    const filterState = this.filter.state;
    const categories = filterState.category ?? [];
    const filtered = filterEvents(selected, categories, filterState.q, this.localize.locale);
    const visible = this.paging.slice(filtered).shown;
    const filtering = categories.length > 0 || !!filterState.q;
    const t = this.localize.t(eventsStrings);
    const common = this.localize.t(commonStrings);
    const groupBy = GROUPS.includes(this.groupBy) ? this.groupBy : 'month';
    let index = 0;
    const groups = groupEvents(visible, groupBy, this.zone).map((group) => {
      const items = group.events.map((event) => this.renderEvent(event, index++, options));
      if (!group.key)
        return html`<ul class="list" part="list" aria-label=${t.listLabel}>
          ${items}
        </ul>`;
      return html`<section class="group">
        <div class="group-heading" part="group-heading" role="heading" aria-level=${this.level}>
          ${formatGroupLabel(group.key, options)}
        </div>
        <ul class="list" part="list">
          ${items}
        </ul>
      </section>`;
    });
    return html`
      ${selected.length >= CONTROLS_FROM || filtering ? this.renderControls(selected) : nothing}
      <p class="count ${filtering ? '' : 'visually-hidden'}" role="status">
        ${filtering ? t.count(filtered.length, selected.length) : ''}
      </p>
      ${visible.length >= LONG_LIST ? renderSkipLink(common.skipList, () => this.renderRoot.querySelector<HTMLElement>('.skip-target')) : nothing}
      ${filtered.length ? groups : html`<p class="no-match">${t.noMatch}</p>`}
      ${visible.length >= LONG_LIST ? renderSkipTarget(common.endOfList) : nothing}
      <div class="footer">
        ${
          filtered.length > visible.length
            ? html`<button type="button" class="offen-button secondary" part="more" @click=${() => this.paging.more()}>
                ${common.showMore}
              </button>`
            : nothing
        }
        ${subscribe}
      </div>
    `;
  }

  private get level(): string {
    return headingLevel(this.headingLevel);
  }

  private renderControls(events: readonly EventItem[]): TemplateResult {
    const t = this.localize.t(eventsStrings);
    const categories = categoriesOf(events, this.localize.locale);
    return renderFilterBar({
      part: 'controls',
      search: { label: t.searchLabel, value: this.q ?? '', onInput: (q) => this.filter.set({ q }) },
      categories:
        categories.length > 1
          ? {
              kind: 'select',
              label: t.category,
              allLabel: t.allCategories,
              options: categories,
              selected: this.filter.state.category ?? [],
              onChange: (category) => this.filter.set({ category }),
            }
          : undefined,
    });
  }

  private renderEvent(event: EventItem, index: number, options: DateTextOptions): TemplateResult {
    const t = this.localize.t(eventsStrings);
    const compact = this.layout === 'compact';
    const key = `${event.id}|${event.start.getTime()}`;
    const expanded = this.expanded.has(key);
    const title = event.title || t.untitled;
    const long = (event.description?.length ?? 0) > SHORT_DESCRIPTION;
    const expandable = compact || long;
    const detailsId = `details-${index}`;
    const when = html`<time part="date" class="when" datetime=${datetimeAttribute(event.start, event.allDay)}
      >${formatEventWhen(event, options)}</time
    >`;
    const cancelled = event.cancelled
      ? html`<span class="cancelled-badge" part="badge cancelled-badge">${t.cancelled}</span>`
      : event.state
        ? html`<span class="state-badge" part="badge state-badge">${t.state}: ${event.state}</span>`
        : nothing;
    const titleText = html`<span class="title-text">${title}</span>`;
    const heading = expandable
      ? html`<button
          type="button"
          class="title"
          part="title"
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-controls=${detailsId}
          @click=${() => this.toggle(event, key)}
        >
          ${titleText}
        </button>`
      : html`<span class="title" part="title">${titleText}</span>`;
    const showDetails = !compact || expanded;
    return html`<li class="item ${event.cancelled ? 'is-cancelled' : ''}" part="item" data-index=${index} tabindex="-1">
      ${compact ? this.renderBadge(event, options) : nothing}
      <div class="body">
        ${compact ? nothing : html`<div class="meta">${when}${cancelled}</div>`} ${heading}
        ${compact ? html`<div class="meta">${when}${cancelled}</div>` : nothing}
        <div class="details" id=${detailsId} ?hidden=${!showDetails}>
          ${showDetails ? this.renderDetails(event, expanded || !long, options) : nothing}
        </div>
      </div>
    </li>`;
  }

  private renderBadge(event: EventItem, options: DateTextOptions): TemplateResult {
    const badge = formatBadge(event, options);
    return html`<div class="date-badge" part="badge date-badge" aria-hidden="true">
      <span class="badge-weekday">${badge.weekday}</span>
      <span class="badge-day">${badge.day}</span>
      <span class="badge-month">${badge.month}</span>
    </div>`;
  }

  private renderDetails(event: EventItem, fullDescription: boolean, options: DateTextOptions): TemplateResult {
    const t = this.localize.t(eventsStrings);
    const link = safeWebUrl(event.url);
    const description =
      event.description && !fullDescription
        ? `${event.description.slice(0, SHORT_DESCRIPTION).trimEnd()} …`
        : event.description;
    return html`
      ${
        event.location
          ? html`<p class="location" part="location">
              <span class="visually-hidden">${t.location}: </span>${this.renderLocation(event.location)}
            </p>`
          : nothing
      }
      ${
        event.category && !titleNamesCategory(event, this.localize.locale)
          ? html`<p class="category">
              <span class="visually-hidden">${t.category}: </span><span part="category">${event.category}</span>
            </p>`
          : nothing
      }
      ${description ? html`<p class="description" part="description">${description}</p>` : nothing}
      <div class="actions">
        ${
          link
            ? html`<a class="link" part="link" href=${link}
                >${t.moreInfo}<span class="visually-hidden">: ${event.title || t.untitled}</span></a
              >`
            : nothing
        }
        ${
          isOver(event, options.now!, this.zone)
            ? nothing
            : html`<button
                type="button"
                class="offen-button secondary add"
                part="add-to-calendar"
                @click=${() => this.download(event)}
              >
                ${t.addToCalendar}<span class="visually-hidden">: ${event.title || t.untitled}</span>
              </button>`
        }
      </div>
    `;
  }

  private renderLocation(location: string): unknown {
    const template = this.mapUrl?.trim();
    if (!template) return location;
    const encoded = encodeURIComponent(location);
    const href = safeWebUrl(
      template.includes('{location}') ? template.replace('{location}', encoded) : template + encoded,
    );
    if (!href) return location;
    const t = this.localize.t(eventsStrings);
    return html`<a href=${href}>${location}<span class="visually-hidden"> (${t.showOnMap})</span></a>`;
  }

  /** `webcal:` link for a whole ICS feed. */
  private renderSubscribe(dataset: Dataset): unknown {
    if (dataset.meta.format !== 'ics') return nothing;
    const feed = safeWebUrl(dataset.meta.calendarUrl ?? dataset.meta.url);
    if (!feed) return nothing;
    const t = this.localize.t(eventsStrings);
    return html`<a class="subscribe" part="subscribe" href=${feed.replace(/^https?:/, 'webcal:')}>${t.subscribe}</a>`;
  }

  private toggle(event: EventItem, key: string): void {
    const next = new Set(this.expanded);
    const expanded = !next.has(key);
    if (expanded) next.add(key);
    else next.delete(key);
    this.expanded = next;
    this.emit('offen-select', { id: event.id, record: event.record, event, expanded } satisfies EventSelectDetail);
  }

  /** Saves one event as an .ics file through a Blob URL and `<a download>` (works under a strict CSP). */
  private download(event: EventItem): void {
    const text = eventToIcs(event, { now: new Date(), timeZone: this.zone });
    const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = icsFileName(event);
    anchor.hidden = true;
    this.renderRoot.appendChild(anchor);
    anchor.click();
    anchor.remove();
    // Revoking at once can cancel the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
