import { html, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createRef, ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';
import type { DataRecord, Dataset, SourceDescription } from '../../data/types.js';
import { DataController } from '../../shared/data-controller.js';
import type { SelectDetail } from '../../shared/events.js';
import { derive } from '../../shared/derive.js';
import { FilterController } from '../../shared/filter-controller.js';
import { commonStrings } from '../../shared/i18n.js';
import { renderFilterBar } from '../../shared/filter-bar.js';
import { Memo } from '../../shared/memo.js';
import { PagingController } from '../../shared/paging-controller.js';
import { matchesSearch, searchWords } from '../../shared/search.js';
import { OffenSourceElement } from '../../shared/source-element.js';
import { renderEmpty, renderLoading } from '../../shared/states.js';
import type { MapEngine, ViewBounds } from './map-engine.js';
import { styles } from './offen-map.styles.js';
import { mapStrings } from './offen-map.strings.js';
import { buildOffers, localizeHours, PALETTE, UNCATEGORIZED_COLOR, type Offer, type OfferModel } from './offers.js';
import {
  consentNeeded,
  DEFAULT_TILE_ATTRIBUTION,
  DEFAULT_TILE_URL,
  rememberConsent,
  rememberedConsent,
  renderAttribution,
  tileHost,
  type ConsentMode,
} from './tiles.js';

/** What the map's `offen-select` carries: the offer's id, its record and its title. */
export interface MapSelectDetail extends SelectDetail {
  record: DataRecord;
  title: string;
}

/** A category's colour dot. SVG `fill` is a presentation attribute, so it works under a strict CSP. */
function swatch(color: string) {
  return html`<svg class="swatch" viewBox="0 0 10 10" aria-hidden="true">
    <circle cx="5" cy="5" r="4.25" fill=${color}></circle>
  </svg>`;
}

/** How many list entries appear at first and per "show more". */
const LIST_PAGE = 100;
/** Below this width the details open in a panel under the map instead of a popup on it. */
const NARROW_WIDTH = 600;

/**
 * A map of offers (sports, leisure, tourism, culture) with a list twin: markers and shapes from GeoJSON, CSV with
 * coordinates, JSON, CKAN or OpenDataSoft, category chips that double as the legend, a search, and details for
 * each offer. No tile is requested before the reader agrees when tiles come from another server.
 *
 * @tag offen-map
 * @summary Offers on a Leaflet map with a keyboard-usable list, filter, search and privacy-friendly tiles.
 *
 * @example <offen-map src="angebote.geojson" category="Sport"></offen-map>
 *
 * @fires {CustomEvent<LoadDetail>} offen-load - The data loaded (detail: record count, format, meta).
 * @fires {CustomEvent<DataError>} offen-error - Loading or field mapping failed (detail: the DataError).
 * @fires {CustomEvent<MapSelectDetail>} offen-select - The reader chose an offer on the map or in the list (detail: `id`, `record`, `title`).
 *
 * @csspart filter - The bar with the search field and the category chips.
 * @csspart legend - The category chips with their marker colours and counts (the legend).
 * @csspart map - The map area.
 * @csspart consent - The placeholder asking before tiles are loaded from another server.
 * @csspart attribution - The tile attribution under the map.
 * @csspart list - The list of offers beside or below the map.
 * @csspart item - One entry of the list.
 * @csspart details - The details of an offer (popup on the map, or a panel on narrow screens).
 * @csspart state - Loading, empty and error messages.
 *
 * @cssprop [--offen-accent=#005ea8] - Buttons, selected chip, clusters.
 * @cssprop [--offen-font=system-ui] - Font family.
 * @cssprop [--offen-radius=6px] - Corner radius of buttons, chips, the map and the list.
 * @cssprop [--offen-marker-1=#0072b2] - Colour of the first category (alphabetically); `--offen-marker-2` … `--offen-marker-8` follow (Okabe–Ito palette by default, repeated after eight).
 * @cssprop [--offen-marker-stroke=#1a1a1a] - Outline of the markers.
 * @cssprop [--offen-list-width=22rem] - Width of the list when it sits beside the map.
 */
export class OffenMap extends OffenSourceElement {
  static override styles = styles;

  /**
   * A dataset given by script (e.g. by the ideas board); shown instead of loading `src` or a parent's data.
   * (Not `dataset`: that name belongs to the element's `data-*` attributes.)
   */
  @property({ attribute: false }) data?: Dataset;

  /** Field with the name of an offer (detected when absent: `title`, `name`, `Bezeichnung` …). */
  @property({ attribute: 'title-field' }) titleField?: string;
  /** Field with the category, which picks the marker colour and the filter chip. */
  @property({ attribute: 'category-field' }) categoryField?: string;
  @property({ attribute: 'description-field' }) descriptionField?: string;
  /** Field with the address; several fields may be listed, e.g. `Strname,Hsnr,Plz`. */
  @property({ attribute: 'address-field' }) addressField?: string;
  @property({ attribute: 'url-field' }) urlField?: string;
  @property({ attribute: 'phone-field' }) phoneField?: string;
  @property({ attribute: 'hours-field' }) hoursField?: string;
  @property({ attribute: 'image-field' }) imageField?: string;
  /** Latitude field; with `lon-field` it replaces the coordinates the data layer found. */
  @property({ attribute: 'lat-field' }) latField?: string;
  @property({ attribute: 'lon-field' }) lonField?: string;

  /** First view centre as `lat,lon`, e.g. `52.14,12.59`; otherwise the map fits the data. */
  @property() center?: string;
  /** First zoom level (2–19). */
  @property({ type: Number }) zoom?: number;
  /** Height of the map, e.g. `400px` or `60vh`. */
  @property() height = '400px';

  /** Selected categories, comma-separated (`Sport,Kultur`); empty shows all. */
  @property({ reflect: true }) category?: string;
  /** Search text over title, category and address. */
  @property({ reflect: true }) q?: string;
  /** Keep the filter in the page URL (`#category=Sport`), so it can be linked. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;

  /** Tile URL template. A URL on the page's own server needs no consent with `consent="auto"`. */
  @property({ attribute: 'tile-url' }) tileUrl?: string;
  /** Attribution of the tiles (text, links allowed); always shown. */
  @property({ attribute: 'tile-attribution' }) tileAttribution?: string;
  /** `auto` (ask when tiles come from another origin), `required` (always ask) or `none` (never ask). */
  @property() consent: ConsentMode = 'auto';
  /** Offer to remember the reader's consent for this tile server (in localStorage). */
  @property({ type: Boolean, attribute: 'consent-remember' }) consentRemember = false;
  /** Show a "my location" button (the position is only requested when it is pressed). */
  @property({ type: Boolean }) locate = false;
  /** Id of the offer whose details are open; set it to deep-link to an offer. */
  @property({ reflect: true }) selected?: string;

  private readonly loader = new DataController(this, {
    source: () => this.sourceDescription(),
    given: () => this.data,
    refresh: () => this.refresh,
    localize: this.localize,
  });
  /** The offers of the dataset, built again when the dataset, a field attribute or the locale changes. */
  private readonly offers = derive(this.loader, {
    args: () =>
      [
        {
          title: this.titleField,
          category: this.categoryField,
          description: this.descriptionField,
          address: this.addressField,
          url: this.urlField,
          phone: this.phoneField,
          hours: this.hoursField,
          image: this.imageField,
          lat: this.latField,
          lon: this.lonField,
        },
        this.localize.locale,
      ] as const,
    build: (dataset, [overrides, locale]) => buildOffers(dataset, overrides, locale),
  });
  private readonly filter = new FilterController(this, ['category', 'q']);
  private readonly paging = new PagingController(this, { pageSize: () => LIST_PAGE, focusTarget: '.list .item' });

  /** The model on display (the derived one as of the last update), to notice when it changes. */
  private model?: OfferModel;
  @state() private view?: ViewBounds;
  @state() private onlyInView = true;
  @state() private searchText = '';
  @state() private consentGiven = false;
  @state() private rememberChoice = false;
  @state() private panelId?: string;
  @state() private locateStatus?: 'locating' | 'failed';
  @state() private engineReady = false;

  private readonly narrowing = new Memo<Narrowed>();
  private narrowed: Narrowed = { filtered: [], counts: new Map(), searchTotal: 0 };
  private colors = new Map<string, string>();
  private engine?: MapEngine;
  private engineElement?: HTMLElement;
  private engineLoad?: Promise<void>;
  private engineDirty = false;
  /** Set when a new model arrived, so `updated` opens a deep-linked offer in it. */
  private modelChanged = false;
  private openedId?: string;
  private sentQ?: string;
  private searchTimer?: ReturnType<typeof setTimeout>;
  private readonly mapRef = createRef<HTMLDivElement>();
  private readonly popupContent = document.createElement('div');

  /** Resolves when the map engine (Leaflet) has drawn the current data; for tests and scripts. */
  get mapComplete(): Promise<void> {
    return (async () => {
      await this.updateComplete;
      await this.engineLoad;
      await this.updateComplete;
    })();
  }

  /** `lat-field`/`lon-field` travel with the source: the data layer reads the coordinates. */
  protected override sourceDescription(): Omit<SourceDescription, 'signal'> | undefined {
    const base = super.sourceDescription();
    return base && { ...base, latField: this.latField, lonField: this.lonField };
  }

  /** The dataset on display: the `data` property, else the loaded or shared one. */
  private get currentDataset(): Dataset | undefined {
    return this.loader.state === 'complete' ? this.loader.dataset : undefined;
  }

  private get filtered(): Offer[] {
    return this.narrowed.filtered;
  }

  /**
   * Images load by themselves only from this page's server or the data's own server (the reader already talks to
   * both); an image on a third server becomes a link, so opening details never contacts it without a click (GDPR).
   */
  private imageLoadsFreely(url: string): boolean {
    const origin = new URL(url).origin;
    const dataUrl = this.currentDataset?.meta.url;
    return origin === location.origin || (!!dataUrl && origin === new URL(dataUrl, location.href).origin);
  }

  /** `height` as CSS: a bare number means pixels. */
  private get mapHeight(): string {
    const height = this.height?.trim() || '400px';
    return /^\d+(\.\d+)?$/.test(height) ? `${height}px` : height;
  }

  private get tileTemplate(): string {
    return this.tileUrl?.trim() || DEFAULT_TILE_URL;
  }

  private get tilesAllowed(): boolean {
    return this.consentGiven || !consentNeeded(this.consent, this.tileTemplate) || rememberedConsent(this.tileTemplate);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Leaflet downloads while the data loads, not after it.
    void import('./map-engine.js').catch(() => undefined);
    // Back in the page after a move: the engine was destroyed on disconnect and is created again.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.destroyEngine();
    clearTimeout(this.searchTimer);
  }

  override willUpdate(changed: PropertyValues): void {
    if (changed.has('q') && this.q !== this.sentQ) this.searchText = this.q ?? '';
    const model = this.offers.value;
    if (model !== this.model) {
      this.model = model;
      this.modelChanged = true;
      if (model) this.colors = this.categoryColors(model);
    }
    this.updateFiltered();
  }

  /** Marker colours by category: the theme's `--offen-marker-N`, else the palette. */
  private categoryColors(model: OfferModel): Map<string, string> {
    const colors = new Map<string, string>();
    const style = getComputedStyle(this);
    model.categories.forEach((category, i) => {
      const slot = i % PALETTE.length;
      const themed = style.getPropertyValue(`--offen-marker-${slot + 1}`).trim();
      colors.set(category, themed || PALETTE[slot]);
    });
    return colors;
  }

  private colorOf(category: string | undefined): string {
    return (category && this.colors.get(category)) || UNCATEGORIZED_COLOR;
  }

  /** Narrows the offers by category and search; both the map and the list show the result. */
  private updateFiltered(): void {
    const model = this.model;
    if (!model) return;
    const { category = [], q } = this.filter.state;
    const locale = this.localize.locale;
    const narrowed = this.narrowing.get(model, [category, q ?? '', locale], () =>
      narrowOffers(model, category, q, locale),
    );
    if (narrowed === this.narrowed) return;
    this.narrowed = narrowed;
    this.paging.reset();
    this.engineDirty = true;
    if (this.openedId && !narrowed.filtered.some((o) => o.id === this.openedId)) this.closeDetails(false);
  }

  override updated(changed: PropertyValues): void {
    // Through the CSSOM, not a style attribute: a strict CSP (style-src 'self') blocks inline style attributes.
    if (changed.has('height')) this.style.setProperty('--_map-height', this.mapHeight);
    const element = this.mapRef.value;
    if (element !== this.engineElement) {
      this.destroyEngine();
      if (element) this.createEngine(element);
    } else if (this.engine && this.engineDirty) {
      this.pushOffers();
    }
    if (this.engine && this.tilesAllowed) this.engine.setTiles(this.tileTemplate);
    const modelChanged = this.modelChanged;
    this.modelChanged = false;
    if ((changed.has('selected') || modelChanged) && this.selected !== this.openedId) {
      if (this.selected) this.choose(this.selected, 'attribute');
      else this.closeDetails(false);
    }
  }

  private createEngine(element: HTMLElement): void {
    this.engineElement = element;
    const t = this.localize.t(mapStrings);
    const center = this.center?.split(',').map((part) => Number(part.trim()));
    const validCenter =
      center?.length === 2 && center.every(Number.isFinite) && Math.abs(center[0]) <= 90 && Math.abs(center[1]) <= 180;
    this.engineLoad = import('./map-engine.js').then(({ MapEngine }) => {
      if (this.engineElement !== element || !this.isConnected) return;
      this.engine = new MapEngine(element, {
        center: validCenter ? [center[0], center[1]] : undefined,
        zoom: Number.isFinite(this.zoom) ? this.zoom : undefined,
        zoomInLabel: t.zoomIn,
        zoomOutLabel: t.zoomOut,
        clusterLabel: (n) => this.localize.t(mapStrings).clusterLabel(n),
        onSelect: (id) => this.choose(id, 'map'),
        onViewChange: (bounds) => (this.view = bounds),
        onPopupClose: (id) => {
          // Closed with its × button: focus would fall to the page, so it goes back to the list entry.
          const focusInside = !!this.shadowRoot?.activeElement?.closest('.leaflet-popup');
          if (this.openedId === id) this.closeDetails(focusInside);
        },
      });
      if (this.tilesAllowed) this.engine.setTiles(this.tileTemplate);
      this.pushOffers();
      this.engineReady = true;
      // A deep link (`selected`) chosen before Leaflet arrived: show it now.
      if (this.openedId) {
        this.engine.select(this.openedId);
        this.engine.reveal(this.openedId, false);
        this.openDetails(this.openedId, false);
      }
    });
  }

  private destroyEngine(): void {
    this.engine?.destroy();
    this.engine = undefined;
    this.engineElement = undefined;
    this.engineReady = false;
    this.view = undefined;
  }

  private pushOffers(): void {
    this.engineDirty = false;
    this.engine?.setOffers(
      this.filtered.map((offer) => ({
        id: offer.id,
        lat: offer.lat,
        lon: offer.lon,
        shape: offer.shape,
        color: this.colorOf(offer.category),
      })),
    );
    this.engine?.select(this.openedId);
  }

  /** An offer was chosen in the list, on the map or by the `selected` attribute. */
  private choose(id: string, source: 'list' | 'map' | 'attribute'): void {
    const offer = this.model?.offers.find((o) => o.id === id);
    if (!offer) return;
    this.openedId = id;
    this.selected = id;
    const index = this.visibleOffers().indexOf(offer);
    if (index >= 0) this.paging.reveal(index);
    this.engine?.select(id);
    if (source !== 'map') this.engine?.reveal(id, !matchMedia('(prefers-reduced-motion: reduce)').matches);
    this.openDetails(id, source === 'list');
    if (source !== 'attribute') this.emit('offen-select', { id: offer.id, record: offer.record, title: offer.title });
    if (source === 'map') {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector(`[data-id="${CSS.escape(id)}"].item`)?.scrollIntoView({ block: 'nearest' }),
      );
    }
  }

  /** Details go into a popup on a wide map, otherwise (narrow screen, hidden map, no position) into a panel. */
  private openDetails(id: string, focus: boolean): void {
    const offer = this.model?.offers.find((o) => o.id === id);
    if (!offer) return;
    const t = this.localize.t(mapStrings);
    let inPopup = false;
    if (this.engine && this.getBoundingClientRect().width >= NARROW_WIDTH) {
      render(this.renderDetails(offer, false), this.popupContent, { host: this });
      inPopup = this.engine.openPopup(id, this.popupContent, t.close);
    }
    this.panelId = inPopup ? undefined : id;
    if (focus) {
      void this.updateComplete.then(() => {
        const target = inPopup
          ? this.popupContent.querySelector<HTMLElement>('.details')
          : this.renderRoot.querySelector<HTMLElement>('.panel .details');
        target?.focus({ preventScroll: inPopup });
      });
    }
  }

  private closeDetails(returnFocus: boolean): void {
    const id = this.openedId;
    this.openedId = undefined;
    this.panelId = undefined;
    this.selected = undefined;
    this.engine?.select(undefined);
    this.engine?.closePopup();
    if (returnFocus && id) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>(`.item[data-id="${CSS.escape(id)}"]`)?.focus(),
      );
    }
  }

  private inView(offer: Offer): boolean {
    const v = this.view;
    if (!v || offer.lat === undefined || offer.lon === undefined) return false;
    if (offer.lat < v.south || offer.lat > v.north) return false;
    // A view across the antimeridian has west > east.
    return v.west <= v.east ? offer.lon >= v.west && offer.lon <= v.east : offer.lon >= v.west || offer.lon <= v.east;
  }

  /** Whether the list is narrowed to the map view: "only in view" is checked and the map shows. */
  private get narrowedToView(): boolean {
    return this.onlyInView && this.engineReady && !!this.view;
  }

  /** The list: the filtered offers, and with "only in view" (once the map shows) those in the map view. */
  private visibleOffers(): Offer[] {
    return this.narrowedToView ? this.filtered.filter((offer) => this.inView(offer)) : this.filtered;
  }

  private onSearchInput(value: string): void {
    this.searchText = value;
    clearTimeout(this.searchTimer);
    // Typing stays instant; the map and list follow after a short pause (50,000 points re-cluster).
    this.searchTimer = setTimeout(() => {
      this.sentQ = this.searchText.trim();
      this.filter.set({ q: this.sentQ });
    }, 200);
  }

  private grantConsent(): void {
    if (this.rememberChoice && this.consentRemember) rememberConsent(this.tileTemplate);
    this.consentGiven = true;
    void this.updateComplete.then(() => this.mapRef.value?.focus());
  }

  private locateReader(): void {
    if (!('geolocation' in navigator)) {
      this.locateStatus = 'failed';
      return;
    }
    this.locateStatus = 'locating';
    navigator.geolocation.getCurrentPosition(
      (position) => {
        this.locateStatus = undefined;
        const { latitude, longitude, accuracy } = position.coords;
        this.engine?.showLocation(latitude, longitude, accuracy, this.localize.t(mapStrings).youAreHere);
      },
      () => (this.locateStatus = 'failed'),
      { timeout: 15_000, maximumAge: 60_000 },
    );
  }

  override render() {
    return this.offers.render({
      pending: () => renderLoading(this.localize, 4),
      empty: () => renderEmpty(this.localize.t(mapStrings).empty),
      complete: (model) => this.renderData(model),
    });
  }

  private renderData(model: OfferModel): TemplateResult {
    const t = this.localize.t(mapStrings);
    const panelOffer = this.panelId ? model.offers.find((o) => o.id === this.panelId) : undefined;
    return html`
      ${this.renderFilter(model)}
      <div class="layout">
        <div class="map-area">
          ${this.tilesAllowed ? nothing : this.renderConsent()}
          <div class="map-frame">
            <div
              class="map"
              part="map"
              role="region"
              aria-label=${`${t.mapLabel}. ${t.mapHint}`}
              ${ref(this.mapRef)}
            ></div>
            ${this.locate ? this.renderLocate() : nothing}
          </div>
          <p class="attribution" part="attribution">
            <span class="visually-hidden">${t.attribution}: </span>${renderAttribution(
              this.tileAttribution?.trim() || DEFAULT_TILE_ATTRIBUTION,
            )}
          </p>
        </div>
        ${this.renderList()}
      </div>
      ${panelOffer ? html`<div class="panel">${this.renderDetails(panelOffer, true)}</div>` : nothing}
    `;
  }

  private renderFilter(model: OfferModel): TemplateResult {
    const t = this.localize.t(mapStrings);
    const { counts, searchTotal } = this.narrowed;
    return renderFilterBar({
      part: 'filter',
      search: {
        label: t.search,
        placeholder: t.searchPlaceholder,
        value: this.searchText,
        onInput: (value) => this.onSearchInput(value),
      },
      categories: model.categories.length
        ? {
            kind: 'chips',
            label: t.categories,
            allLabel: this.localize.t(commonStrings).all,
            allCount: searchTotal,
            chips: model.categories.map((value) => ({
              value,
              count: counts.get(value) ?? 0,
              mark: swatch(this.colorOf(value)),
            })),
            selected: this.filter.state.category ?? [],
            onChange: (category) => this.filter.set({ category }),
          }
        : undefined,
    });
  }

  private renderConsent(): TemplateResult {
    const t = this.localize.t(mapStrings);
    return html`<div class="consent" part="consent">
      <p>${t.consentText(tileHost(this.tileTemplate))} <span class="hint">${t.consentMarkersHint}</span></p>
      <div class="consent-actions">
        <button type="button" class="offen-button" @click=${this.grantConsent}>${t.consentButton}</button>
        ${
          this.consentRemember
            ? html`<label class="remember">
                <input
                  type="checkbox"
                  .checked=${this.rememberChoice}
                  @change=${(e: Event) => (this.rememberChoice = (e.target as HTMLInputElement).checked)}
                />
                ${t.consentRemember}
              </label>`
            : nothing
        }
      </div>
    </div>`;
  }

  private renderLocate(): TemplateResult {
    const t = this.localize.t(mapStrings);
    return html`<div class="locate">
      <button type="button" class="offen-button secondary" ?disabled=${!this.engineReady} @click=${this.locateReader}>
        ${t.locate}
      </button>
      <span role="status" class="locate-status"
        >${this.locateStatus === 'locating' ? t.locating : this.locateStatus === 'failed' ? t.locateFailed : ''}</span
      >
    </div>`;
  }

  private renderList(): TemplateResult {
    const t = this.localize.t(mapStrings);
    const visible = this.visibleOffers();
    const { shown, rest } = this.paging.slice(visible);
    // Offers without a position are never "in the map view": say that "only in view" hides them, and undo it.
    const unplaced = this.narrowedToView
      ? this.filtered.filter((o) => o.lat === undefined || o.lon === undefined).length
      : 0;
    return html`<section class="list" part="list" aria-label=${t.listLabel}>
      <div class="list-head">
        <p class="count" role="status">${t.count(visible.length, this.filtered.length)}</p>
        ${
          this.engineReady
            ? html`<label class="in-view">
                <input
                  type="checkbox"
                  .checked=${this.onlyInView}
                  @change=${(e: Event) => (this.onlyInView = (e.target as HTMLInputElement).checked)}
                />
                ${t.onlyInView}
              </label>`
            : nothing
        }
        ${
          unplaced > 0
            ? html`<p class="unplaced" data-role="unplaced">
                ${t.unplacedHidden(unplaced)}
                <button type="button" class="offen-button secondary" @click=${() => (this.onlyInView = false)}>
                  ${t.showAll}
                </button>
              </p>`
            : nothing
        }
      </div>
      ${
        shown.length
          ? html`<ul>
              ${repeat(
                shown,
                (offer) => offer.id,
                (offer) => this.renderItem(offer),
              )}
            </ul>`
          : renderEmpty(t.empty)
      }
      ${
        rest > 0
          ? html`<button type="button" class="offen-button secondary more" @click=${() => this.paging.more()}>
              ${t.moreItems(Math.min(rest, LIST_PAGE))}
            </button>`
          : nothing
      }
    </section>`;
  }

  private renderItem(offer: Offer): TemplateResult {
    const t = this.localize.t(mapStrings);
    const meta = [offer.category, offer.address].filter(Boolean).join(' · ');
    return html`<li>
      <button
        type="button"
        class="item"
        part="item"
        data-id=${offer.id}
        aria-current=${offer.id === this.openedId ? 'true' : 'false'}
        @click=${() => this.choose(offer.id, 'list')}
      >
        ${swatch(this.colorOf(offer.category))}
        <span class="item-text">
          <span class="item-title">${offer.title}</span>
          ${meta ? html`<span class="item-meta">${meta}</span>` : nothing}
          ${offer.lat === undefined ? html`<span class="item-meta">${t.noLocation}</span>` : nothing}
        </span>
      </button>
    </li>`;
  }

  private renderDetails(offer: Offer, inPanel: boolean): TemplateResult {
    const t = this.localize.t(mapStrings);
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        this.closeDetails(true);
      }
    };
    // In a popup the content may scroll (see maxHeight in the engine), so it is reachable with Tab to scroll it.
    return html`<div
      class="details"
      part="details"
      role="group"
      aria-label=${`${t.details}: ${offer.title}`}
      tabindex=${inPanel ? '-1' : '0'}
      @keydown=${onKey}
    >
      ${
        offer.image
          ? this.imageLoadsFreely(offer.image)
            ? html`<img class="details-image" src=${offer.image} alt="" loading="lazy" referrerpolicy="no-referrer" />`
            : html`<p class="details-image-link">
                <a href=${offer.image} target="_blank" rel="noopener noreferrer">${t.externalImage}</a>
              </p>`
          : nothing
      }
      <p class="details-title">${offer.title}</p>
      ${
        offer.category
          ? html`<p class="details-category">${swatch(this.colorOf(offer.category))}${offer.category}</p>`
          : nothing
      }
      <dl>
        ${
          offer.address
            ? html`<dt>${t.address}</dt>
                <dd>${offer.address}</dd>`
            : nothing
        }
        ${
          offer.hours
            ? html`<dt>${t.hours}</dt>
                <dd>${localizeHours(offer.hours, this.localize.lang)}</dd>`
            : nothing
        }
        ${
          offer.phone
            ? html`<dt>${t.phone}</dt>
                <dd>${offer.tel ? html`<a href=${offer.tel}>${offer.phone}</a>` : offer.phone}</dd>`
            : nothing
        }
        ${
          offer.url
            ? html`<dt>${t.website}</dt>
                <dd><a href=${offer.url} target="_blank" rel="noopener noreferrer">${displayUrl(offer.url)}</a></dd>`
            : nothing
        }
      </dl>
      ${offer.description ? html`<p class="description">${offer.description}</p>` : nothing}
      ${
        inPanel
          ? html`<button type="button" class="offen-button secondary" @click=${() => this.closeDetails(true)}>
              ${t.close}
            </button>`
          : nothing
      }
    </div>`;
  }
}

/** The offers left by category and search, with the counts the chips show. */
interface Narrowed {
  filtered: Offer[];
  counts: Map<string, number>;
  /** Offers matching the search, whatever their category (the "all" chip). */
  searchTotal: number;
}

function narrowOffers(model: OfferModel, category: string[], q: string | undefined, locale: string): Narrowed {
  const words = searchWords(q, locale);
  const selected = new Set(category);
  const counts = new Map<string, number>();
  const filtered: Offer[] = [];
  let searchTotal = 0;
  for (const offer of model.offers) {
    if (words.length && !matchesSearch(offer.haystack, words)) continue;
    searchTotal++;
    if (offer.category) counts.set(offer.category, (counts.get(offer.category) ?? 0) + 1);
    if (selected.size && !(offer.category && selected.has(offer.category))) continue;
    filtered.push(offer);
  }
  return { filtered, counts, searchTotal };
}

/** `https://www.example.org/sport/` → `www.example.org/sport`: readable link text. */
function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}
