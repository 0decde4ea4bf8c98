import { html, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createRef, ref } from 'lit/directives/ref.js';
import type { DataRecord, Dataset, SourceDescription } from '../../data/types.js';
import { DataController } from '../../shared/data-controller.js';
import type { SelectDetail } from '../../shared/events.js';
import { derive } from '../../shared/derive.js';
import { runInSlices } from '../../shared/slices.js';
import { FilterController } from '../../shared/filter-controller.js';
import { commonStrings } from '../../shared/i18n.js';
import { Memo } from '../../shared/memo.js';
import { PagingController } from '../../shared/paging-controller.js';
import { OffenSourceElement } from '../../shared/source-element.js';
import { renderEmpty, renderLoading } from '../../shared/states.js';
import {
  locateReader,
  renderConsent,
  renderCrsNote,
  renderFullscreen,
  renderLocate,
  renderTileError,
} from './map-controls.js';
import { MapEngineController, parseCenter } from './map-engine-controller.js';
import { renderOfferFilter } from './offer-filter.js';
import { FullscreenController, GestureHintController } from './map-screen.js';
import { styles } from './offen-map.styles.js';
import { mapStrings, type MapLabels } from './offen-map.strings.js';
import { inView, narrowOffers, type Narrowed } from './narrow-offers.js';
import { renderOfferDetails } from './offer-details.js';
import { renderOfferList } from './offer-list.js';
import {
  buildOffers,
  buildOfferSteps,
  categoryColors,
  offerSlicing,
  UNCATEGORIZED_COLOR,
  type Offer,
  type OfferModel,
} from './offers.js';
import {
  consentGiven,
  consentNeeded,
  defaultTileAttribution,
  DEFAULT_TILE_URL,
  giveConsent,
  onConsent,
  renderAttribution,
  tileHost,
  type ConsentMode,
} from './tiles.js';

/** What the map's `offen-select` carries: the offer's id, its record and its title. */
export interface MapSelectDetail extends SelectDetail {
  record: DataRecord;
  title: string;
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
 * While the map fills the screen (its "Vollbild" button) the element has the `fullscreen` attribute, for page styles.
 *
 * @csspart filter - The bar with the search field and the category chips.
 * @csspart legend - The category chips with their marker colours and counts (the legend).
 * @csspart more-categories - The search for the categories that are no chips (more than 12 categories).
 * @csspart map - The map area.
 * @csspart consent - The placeholder asking before tiles are loaded from another server.
 * @csspart tile-error - The message (with "Erneut versuchen") when the background map could not be loaded.
 * @csspart attribution - The tile attribution under the map.
 * @csspart crs - The line under the map naming the coordinate system the data was converted from.
 * @csspart list - The list of offers beside or below the map.
 * @csspart item - One entry of the list.
 * @csspart skip-link - "Liste überspringen" at the start of the list (shown while it has the keyboard focus).
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

  /**
   * The words for what the map shows, for a map of other things than offers (set by script, in the page's
   * language): any of `search`, `searchPlaceholder`, `count`, `listLabel`, `mapLabel`, `mapHint`, `empty`,
   * `onlyInView`, `unplacedHidden`, `clusterLabel` (texts, or functions of the counts as in
   * `offen-map.strings.ts`). The ideas board sets "Ideen durchsuchen", "8 Ideen".
   */
  @property({ attribute: false }) labels?: Partial<MapLabels>;

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
  /**
   * Offer to remember the reader's consent for this tile host (in localStorage), so later visits ask no more.
   * Without it a consent lasts for the page view (it then serves every map of the page with tiles from that host).
   */
  @property({ type: Boolean, attribute: 'consent-remember' }) consentRemember = false;
  /**
   * Let the mouse wheel and one finger move the map, as on a page that is nothing but the map. By default an
   * embedded map leaves them to the page (it scrolls on) and zooms with Ctrl/⌘ + wheel or two fingers, with a short
   * hint when a reader tries otherwise.
   */
  @property({ type: Boolean, reflect: true, attribute: 'scroll-zoom' }) scrollZoom = false;
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
    // Many places: built in slices of about 10 ms, so the page stays responsive; stopped when an input changes.
    buildLater: (dataset, [overrides, locale], signal) =>
      dataset.records.length > offerSlicing.threshold
        ? runInSlices(buildOfferSteps(dataset, overrides, locale), signal)
        : undefined,
  });
  private readonly filter = new FilterController(this, ['category', 'q']);
  private readonly paging = new PagingController(this, { pageSize: () => LIST_PAGE, focusTarget: '.list .item' });

  /** Leaflet's engine: created when the map element appears, with the filtered offers as markers. */
  private readonly map = new MapEngineController(this, {
    options: () => {
      const t = this.t;
      return {
        center: parseCenter(this.center),
        zoom: Number.isFinite(this.zoom) ? this.zoom : undefined,
        zoomInLabel: t.zoomIn,
        zoomOutLabel: t.zoomOut,
        clusterLabel: (n) => this.t.clusterLabel(n),
        onSelect: (id) => this.choose(id, 'map'),
        // A map that fills the screen is the page: the wheel and one finger move it.
        cooperative: () => !this.scrollZoom && !this.fullscreen,
        onGestureHint: (kind) => this.gestureHint.show(kind),
        onTilesFailed: (failed) => (this.tilesFailed = failed),
        onPopupClose: (id) => {
          // Closed with its × button: focus would fall to the page, so it goes back to the list entry.
          const focusInside = !!this.shadowRoot?.activeElement?.closest('.leaflet-popup');
          if (this.openedId === id) this.closeDetails(focusInside);
        },
      };
    },
    markers: () =>
      this.filtered.map((offer) => ({
        id: offer.id,
        lat: offer.lat,
        lon: offer.lon,
        shape: offer.shape,
        color: this.colorOf(offer.category),
      })),
    selected: () => this.openedId,
    onReady: (engine) => {
      // A deep link (`selected`) chosen before Leaflet arrived: show it now.
      if (this.openedId) {
        engine.select(this.openedId);
        engine.reveal(this.openedId, false);
        this.openDetails(this.openedId, false);
      }
    },
  });
  /** The model on display (the derived one as of the last update), to notice when it changes. */
  private model?: OfferModel;
  @state() private onlyInView = true;
  @state() private searchText = '';
  /** The search among the categories that are no chips (more than CHIP_LIMIT). */
  @state() private categoryQuery = '';
  @state() private rememberChoice = false;
  @state() private panelId?: string;
  @state() private locateStatus?: 'locating' | 'failed';
  /** The background map failed to load after consent (a message with "Erneut versuchen" shows). */
  @state() private tilesFailed = false;

  private readonly narrowing = new Memo<Narrowed>();
  private narrowed: Narrowed = { filtered: [], counts: new Map(), searchTotal: 0 };
  private colors = new Map<string, string>();
  /** Set when a new model arrived, so `updated` opens a deep-linked offer in it. */
  private modelChanged = false;
  private openedId?: string;
  private sentQ?: string;
  private searchTimer?: ReturnType<typeof setTimeout>;
  private readonly mapRef = createRef<HTMLDivElement>();
  private readonly screen = new FullscreenController(this);
  private readonly gestureHint = new GestureHintController(this);

  /** Whether the map area fills the screen now (its "Vollbild" button; Escape leaves). */
  get fullscreen(): boolean {
    return this.screen.isActive;
  }
  private readonly popupContent = document.createElement('div');

  /** Resolves when the map engine (Leaflet) has drawn the current data; for tests and scripts. */
  get mapComplete(): Promise<void> {
    return (async () => {
      await this.updateComplete;
      // Many places are built in slices first (buildLater), then shown by an update that hands them to the engine.
      await this.offers.built;
      await this.updateComplete;
      await this.map.drawn;
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

  /** `height` as CSS: a bare number means pixels. */
  private get mapHeight(): string {
    const height = this.height?.trim() || '400px';
    return /^\d+(\.\d+)?$/.test(height) ? `${height}px` : height;
  }

  /** The map's strings in the page language, with the `labels` a script gave. */
  private get t() {
    const t = this.localize.t(mapStrings);
    return this.labels ? { ...t, ...this.labels } : t;
  }

  private get tileTemplate(): string {
    return this.tileUrl?.trim() || DEFAULT_TILE_URL;
  }

  /** Tiles show without asking (own server), or the reader agreed to their host, in this map or another one. */
  private get tilesAllowed(): boolean {
    return !consentNeeded(this.consent, this.tileTemplate) || consentGiven(this.tileTemplate);
  }

  /** A consent given in another map of the page for the same tile host applies here too, at once. */
  private stopConsentWatch?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page after a move: the engine was destroyed on disconnect and is created again.
    if (this.hasUpdated) this.requestUpdate();
    this.stopConsentWatch = onConsent((host) => {
      if (host === tileHost(this.tileTemplate)) this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
    this.stopConsentWatch?.();
  }

  override willUpdate(changed: PropertyValues): void {
    if (changed.has('q') && this.q !== this.sentQ) this.searchText = this.q ?? '';
    const model = this.offers.value;
    if (model !== this.model) {
      this.model = model;
      this.modelChanged = true;
      if (model) this.colors = categoryColors(model.categories, getComputedStyle(this));
    }
    this.updateFiltered();
  }

  private colorOf(category: string | undefined): string {
    return (category && this.colors.get(category)) || UNCATEGORIZED_COLOR;
  }

  /** Narrows the offers by category and search (narrowOffers), memoized per model, filter and locale. */
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
    this.map.markersChanged();
    if (this.openedId && !narrowed.filtered.some((o) => o.id === this.openedId)) this.closeDetails(false);
  }

  override updated(changed: PropertyValues): void {
    // Through the CSSOM, not a style attribute: a strict CSP (style-src 'self') blocks inline style attributes.
    if (changed.has('height')) this.style.setProperty('--_map-height', this.mapHeight);
    this.map.sync(this.mapRef.value, this.tilesAllowed ? this.tileTemplate : undefined);
    // Leaflet draws its zoom buttons once; a language switch renames them.
    const t = this.localize.t(mapStrings);
    this.map.engine?.setZoomLabels(t.zoomIn, t.zoomOut);
    const modelChanged = this.modelChanged;
    this.modelChanged = false;
    if ((changed.has('selected') || modelChanged) && this.selected !== this.openedId) {
      if (this.selected) this.choose(this.selected, 'attribute');
      else this.closeDetails(false);
    }
  }

  /** An offer was chosen in the list, on the map or by the `selected` attribute. */
  private choose(id: string, source: 'list' | 'map' | 'attribute'): void {
    const offer = this.model?.offers.find((o) => o.id === id);
    if (!offer) return;
    this.openedId = id;
    this.selected = id;
    const index = this.visibleOffers().indexOf(offer);
    if (index >= 0) this.paging.reveal(index);
    this.map.engine?.select(id);
    if (source !== 'map') this.map.engine?.reveal(id, !matchMedia('(prefers-reduced-motion: reduce)').matches);
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
    const t = this.t;
    let inPopup = false;
    if (this.map.engine && this.getBoundingClientRect().width >= NARROW_WIDTH) {
      render(this.renderDetails(offer, false), this.popupContent, { host: this });
      inPopup = this.map.engine.openPopup(id, this.popupContent, t.close);
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
    this.map.engine?.select(undefined);
    this.map.engine?.closePopup();
    if (returnFocus && id) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>(`.item[data-id="${CSS.escape(id)}"]`)?.focus(),
      );
    }
  }

  /** Whether the list is narrowed to the map view: "only in view" is checked and the map shows. */
  private get narrowedToView(): boolean {
    return this.onlyInView && this.map.ready && !!this.map.view;
  }

  /** The list: the filtered offers, and with "only in view" (once the map shows) those in the map view. */
  private visibleOffers(): Offer[] {
    return this.narrowedToView ? this.filtered.filter((offer) => inView(offer, this.map.view)) : this.filtered;
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

  /** "Erneut versuchen": the message goes, the tiles are asked for again (and it comes back if they fail again). */
  private retryTiles(): void {
    this.tilesFailed = false;
    this.map.engine?.retryTiles();
    this.mapRef.value?.focus();
  }

  private grantConsent(): void {
    giveConsent(this.tileTemplate, this.rememberChoice && this.consentRemember);
    void this.updateComplete.then(() => this.mapRef.value?.focus());
  }

  private locateReader(): void {
    this.locateStatus = 'locating';
    locateReader((position) => {
      this.locateStatus = position ? undefined : 'failed';
      if (position) this.map.engine?.showLocation(...position, this.t.youAreHere);
    });
  }

  override render() {
    return this.offers.render({
      pending: (progress, message) => renderLoading(this.localize, 4, progress, message),
      empty: () => renderEmpty(this.t.empty),
      complete: (model) => this.renderData(model),
    });
  }

  private renderData(model: OfferModel): TemplateResult {
    const t = this.t;
    const panelOffer = this.panelId ? model.offers.find((o) => o.id === this.panelId) : undefined;
    return html`
      ${this.renderFilter(model)}
      <div class="layout">
        <div class="map-area" ${ref(this.screen.area)} @keydown=${this.screen.onKeydown}>
          ${this.tilesAllowed ? nothing : this.renderConsent()}
          ${
            this.tilesAllowed && this.tilesFailed && this.map.ready
              ? renderTileError(this.t, tileHost(this.tileTemplate), this.localize.t(commonStrings).retry, () =>
                  this.retryTiles(),
                )
              : nothing
          }
          <div class="map-frame">
            <div
              class="map"
              part="map"
              role="region"
              aria-label=${`${t.mapLabel}. ${t.mapHint}`}
              ${ref(this.mapRef)}
            ></div>
            <p class="gesture-hint" role="status">${this.gestureHint.text(t)}</p>
            ${renderFullscreen(t, this.fullscreen, () => this.screen.toggle())}
            ${
              this.locate ? renderLocate(this.t, this.locateStatus, this.map.ready, () => this.locateReader()) : nothing
            }
          </div>
          <p class="attribution" part="attribution">
            <span class="visually-hidden">${t.attribution}: </span>${renderAttribution(
              this.tileAttribution?.trim() || defaultTileAttribution(this.localize.lang),
            )}
          </p>
          ${renderCrsNote(this.t, this.currentDataset?.meta)}
        </div>
        ${this.renderList()}
      </div>
      ${panelOffer ? html`<div class="panel">${this.renderDetails(panelOffer, true)}</div>` : nothing}
    `;
  }

  private renderFilter(model: OfferModel): TemplateResult {
    return renderOfferFilter({
      t: this.t,
      allLabel: this.localize.t(commonStrings).all,
      locale: this.localize.locale,
      model,
      narrowed: this.narrowed,
      search: this.searchText,
      onSearch: (value) => this.onSearchInput(value),
      selected: this.filter.state.category ?? [],
      onSelect: (category) => this.filter.set({ category }),
      categoryQuery: this.categoryQuery,
      onCategoryQuery: (query) => (this.categoryQuery = query),
      colorOf: (category) => this.colorOf(category),
    });
  }

  private renderConsent(): TemplateResult {
    return renderConsent({
      t: this.t,
      host: tileHost(this.tileTemplate),
      offerRemember: this.consentRemember,
      remember: this.rememberChoice,
      onRemember: (checked) => (this.rememberChoice = checked),
      onGrant: () => this.grantConsent(),
    });
  }

  private renderList(): TemplateResult {
    const visible = this.visibleOffers();
    const { shown, rest } = this.paging.slice(visible);
    return renderOfferList({
      t: this.t,
      visible: visible.length,
      filtered: this.filtered.length,
      shown,
      rest,
      pageSize: LIST_PAGE,
      // Offers without a position are never "in the map view": say that "only in view" hides them, and undo it.
      unplaced: this.narrowedToView
        ? this.filtered.filter((o) => o.lat === undefined || o.lon === undefined).length
        : 0,
      showInViewToggle: this.map.ready,
      onlyInView: this.onlyInView,
      openedId: this.openedId,
      colorOf: (category) => this.colorOf(category),
      onOnlyInView: (checked) => (this.onlyInView = checked),
      onChoose: (id) => this.choose(id, 'list'),
      onMore: () => this.paging.more(),
      skip: {
        label: this.localize.t(commonStrings).skipList,
        end: this.localize.t(commonStrings).endOfList,
        target: () => this.renderRoot.querySelector<HTMLElement>('.list .skip-target'),
      },
    });
  }

  private renderDetails(offer: Offer, inPanel: boolean): TemplateResult {
    return renderOfferDetails(offer, {
      t: this.t,
      lang: this.localize.lang,
      inPanel,
      color: this.colorOf(offer.category),
      dataUrl: this.currentDataset?.meta.url,
      onClose: () => this.closeDetails(true),
    });
  }
}
