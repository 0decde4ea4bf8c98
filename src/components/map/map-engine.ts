// The Leaflet side of <offen-map>. Imported dynamically by the element, so Leaflet and supercluster travel in the
// map's lazy chunk and the list, filter and consent placeholder render before (or without) them.
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import Supercluster from 'supercluster';
import { runAtOnce, runInSlices } from '../../shared/slices.js';
import type { Geometry } from '../../data/types.js';

/** From this many points on, markers are clustered (below it, every marker is drawn). */
const CLUSTER_THRESHOLD = 500;
/**
 * From this many points the cluster index is built in slices (runInSlices) and the markers drawn when it is ready:
 * preparing 100,000 points and indexing them was one task of 190-290 ms.
 */
const SLICED_POINTS = 20_000;
/** Offers per step while the points are prepared. */
const POINT_STEP = 5000;
/** Above this zoom supercluster returns single points, so a chosen offer is zoomed to it. */
const CLUSTER_MAX_ZOOM = 16;

export interface EngineOffer {
  id: string;
  lat?: number;
  lon?: number;
  shape?: Geometry;
  color: string;
}

export interface ViewBounds {
  south: number;
  west: number;
  north: number;
  east: number;
}

export interface EngineOptions {
  /** `[lat, lon]` of the first view; otherwise the data is fitted. */
  center?: [number, number];
  zoom?: number;
  zoomInLabel: string;
  zoomOutLabel: string;
  clusterLabel(count: number): string;
  onSelect(id: string): void;
  /**
   * The view changed. `byReader` is false for moves the map made by itself to show a chosen offer (centring it,
   * panning its popup into view): a list narrowed to the view ignores those, so choosing never hides entries.
   */
  onViewChange(bounds: ViewBounds, byReader: boolean): void;
  onPopupClose(id: string): void;
  /**
   * Whether the map shares the page's gestures (read at each one): the wheel zooms only with Ctrl/⌘, one finger
   * scrolls the page and two fingers move the map. Otherwise the wheel and one finger move the map, as Leaflet does.
   */
  cooperative(): boolean;
  /** A gesture was left to the page: say how to move the map instead (`wheel`: Ctrl/⌘ + wheel, `touch`: two fingers). */
  onGestureHint(kind: 'wheel' | 'touch'): void;
  /**
   * The background map failed (`true`: every tile of a round of loading failed, e.g. the tile server answers 404 or
   * 500 or is unreachable) or shows again (`false`: a tile loaded).
   */
  onTilesFailed(failed: boolean): void;
}

type PointProps = { index: number };
type PointFeature = GeoJSON.Feature<GeoJSON.Point, PointProps>;
type ClusterProps = { cluster?: boolean; cluster_id?: number; point_count?: number };

const MARKER_STYLE: L.CircleMarkerOptions = {
  radius: 8,
  color: '#1a1a1a',
  weight: 1.5,
  opacity: 1,
  fillOpacity: 0.92,
  className: 'offen-marker',
};
const SELECTED_STYLE: L.CircleMarkerOptions = { radius: 12, weight: 4, color: '#1a1a1a' };

/**
 * One Leaflet map: SVG vector markers (no image URLs, nothing that breaks in a bundle or a shadow root), clusters
 * from supercluster at CLUSTER_THRESHOLD points and more (only what is in view exists in the DOM), shapes for lines
 * and polygons, a popup for details and a tile layer only when the element says consent is given.
 */
export class MapEngine {
  readonly map: L.Map;
  private readonly renderer = L.svg({ padding: 0.3 });
  private readonly pointLayer = L.layerGroup();
  private readonly shapeLayer = L.layerGroup();
  private readonly resizeObserver: ResizeObserver;
  private tiles?: L.TileLayer;
  private tileTemplate?: string;
  private retries = 0;
  private offers: EngineOffer[] = [];
  private offersById?: Map<string, EngineOffer>;
  private index?: Supercluster<PointProps>;
  /** Stops the index being built in slices (a newer setOffers, or the map removed). */
  private indexing?: AbortController;
  /** Settles when the markers of the last setOffers can be drawn: their cluster index is built. */
  indexed: Promise<void> = Promise.resolve();
  /** Markers now on the map, by offer id. */
  private readonly markers = new Map<string, L.CircleMarker>();
  /** Everything in the point layer by key (`p<id>` for a point, `c<cluster id>` for a cluster), kept across pans. */
  private readonly drawn = new Map<string, L.Layer>();
  private readonly shapes = new Map<string, L.GeoJSON>();
  private selectedId?: string;
  private viewSet = false;
  private popup?: L.Popup;
  private popupId?: string;
  private location?: L.LayerGroup;
  private viewTimer?: ReturnType<typeof setTimeout>;
  private drainTimer?: ReturnType<typeof setTimeout>;
  /**
   * Whether the view now is the reader's own (false after the map moved to show a chosen offer, until the reader
   * drags, zooms or uses the keyboard on the map again).
   */
  private readersView = true;
  /** A zoom animation is running (Leaflet ends it in a timer that fails once the map is removed). */
  private zooming = false;
  /** Layers still to add or remove for the current view. */
  private work: (() => void)[] = [];

  constructor(
    private readonly container: HTMLElement,
    private readonly options: EngineOptions,
  ) {
    this.map = L.map(container, {
      attributionControl: false,
      zoomControl: false,
      renderer: this.renderer,
      maxZoom: 19,
      minZoom: 2,
      worldCopyJump: true,
    });
    L.control.zoom({ zoomInTitle: options.zoomInLabel, zoomOutTitle: options.zoomOutLabel }).addTo(this.map);
    // Markers are pictures of what the list says; assistive technology reads the list, not the drawing.
    for (const pane of ['tilePane', 'overlayPane', 'shadowPane', 'markerPane', 'tooltipPane']) {
      this.map.getPane(pane)?.setAttribute('aria-hidden', 'true');
    }
    this.shapeLayer.addTo(this.map);
    this.pointLayer.addTo(this.map);
    this.map.on('moveend', () => this.onMoveEnd());
    this.map.on('zoomanim', () => (this.zooming = true));
    this.map.on('zoomend', () => (this.zooming = false));
    // The reader's own hand on the map (drag, wheel, zoom buttons, keys): from now on the view is theirs again.
    // Not inside a popup: reading or closing the details moves nothing.
    const readerMoves = (e: Event) => {
      if (!(e.target as Element | null)?.closest?.('.leaflet-popup')) this.readersView = true;
    };
    for (const type of ['pointerdown', 'wheel', 'keydown', 'touchstart'])
      container.addEventListener(type, readerMoves, { capture: true, passive: true });
    this.shareGestures(container);
    this.map.on('popupclose', (e: L.PopupEvent) => {
      if (e.popup === this.popup && this.popupId) {
        const id = this.popupId;
        this.popupId = undefined;
        this.options.onPopupClose(id);
      }
    });
    // A map that starts hidden (tab, accordion) has no size; it takes its view once it gets one.
    this.resizeObserver = new ResizeObserver(() => this.onResize());
    this.resizeObserver.observe(container);
  }

  /**
   * An embedded map must not catch the page's scrolling: a wheel turn without Ctrl/⌘ and a one-finger touch never
   * reach Leaflet (the page scrolls, a hint says what to do; CSS lets the browser pan the page), while Ctrl/⌘ + wheel,
   * a trackpad pinch (a wheel with ctrlKey) and two fingers zoom and move the map.
   */
  private shareGestures(container: HTMLElement): void {
    const options = { capture: true, passive: true };
    container.addEventListener(
      'wheel',
      (e) => {
        if (!this.options.cooperative() || e.ctrlKey || e.metaKey) return;
        e.stopPropagation();
        this.options.onGestureHint('wheel');
      },
      options,
    );
    container.addEventListener(
      'touchstart',
      (e) => {
        if (this.options.cooperative() && e.touches.length < 2) e.stopPropagation();
      },
      options,
    );
    container.addEventListener(
      'touchmove',
      (e) => {
        if (this.options.cooperative() && e.touches.length < 2) this.options.onGestureHint('touch');
      },
      options,
    );
  }

  private get hasSize(): boolean {
    return this.container.clientWidth > 0 && this.container.clientHeight > 0;
  }

  private onResize(): void {
    if (!this.hasSize) return;
    this.map.invalidateSize({ pan: false });
    if (!this.ensureView()) this.onMoveEnd();
  }

  private onMoveEnd(): void {
    if (!this.hasSize || !this.viewSet) return;
    this.drawPoints();
    // The list follows in a task of its own, so a pan with 50,000 points never becomes one long task.
    clearTimeout(this.viewTimer);
    this.viewTimer = setTimeout(() => {
      const b = this.map.getBounds();
      this.options.onViewChange(
        { south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast() },
        this.readersView,
      );
    }, 0);
  }

  /** Sets the first view once the container has a size; true when it did (moveend then draws). */
  private ensureView(): boolean {
    if (this.viewSet || !this.hasSize) return false;
    this.viewSet = true;
    const { center, zoom } = this.options;
    if (center) {
      this.map.setView(center, zoom ?? 13, { animate: false });
      return true;
    }
    this.fitData(false);
    if (zoom !== undefined) this.map.setZoom(zoom, { animate: false });
    return true;
  }

  /** Shows all offers (the first view, or a "show all" request). */
  fitData(animate = true): void {
    // Plain numbers rather than LatLng objects: 50,000 points are fitted in a few milliseconds.
    let south = Infinity;
    let west = Infinity;
    let north = -Infinity;
    let east = -Infinity;
    const extend = (lat: number, lon: number) => {
      if (lat < south) south = lat;
      if (lat > north) north = lat;
      if (lon < west) west = lon;
      if (lon > east) east = lon;
    };
    for (const offer of this.offers) {
      if (offer.shape) {
        const b = L.geoJSON(offer.shape as GeoJSON.Geometry).getBounds();
        if (b.isValid()) {
          extend(b.getSouth(), b.getWest());
          extend(b.getNorth(), b.getEast());
        }
      } else if (offer.lat !== undefined && offer.lon !== undefined) extend(offer.lat, offer.lon);
    }
    if (south > north) this.map.setView([51.16, 10.45], 5, { animate });
    else if (south === north && west === east) this.map.setView([south, west], 15, { animate });
    else
      this.map.fitBounds(
        [
          [south, west],
          [north, east],
        ],
        { padding: [24, 24], maxZoom: 16, animate },
      );
  }

  /** Replaces the drawn offers (after loading or filtering). The first call with a size sets the view. */
  setOffers(offers: EngineOffer[]): void {
    this.offers = offers;
    this.offersById = undefined;
    this.shapeLayer.clearLayers();
    this.shapes.clear();
    let points = 0;
    for (const offer of offers) {
      if (offer.shape) this.addShape(offer);
      else if (offer.lat !== undefined && offer.lon !== undefined) points++;
    }
    this.work = [];
    this.pointLayer.clearLayers();
    this.drawn.clear();
    this.markers.clear();
    this.index = undefined;
    this.indexing?.abort();
    this.indexing = undefined;
    if (points >= SLICED_POINTS) {
      // Many points: the first view is set now, the markers follow when the index is built (drawPoints waits).
      const controller = (this.indexing = new AbortController());
      this.indexed = runInSlices(indexSteps(offers), controller.signal).then(
        (index) => {
          if (controller.signal.aborted) return;
          this.indexing = undefined;
          this.index = index;
          if (!this.ensureView()) this.onMoveEnd();
        },
        () => undefined, // stopped: a newer setOffers or the map's removal takes over
      );
      if (!this.ensureView()) this.onMoveEnd();
      return;
    }
    this.indexed = Promise.resolve();
    if (points >= CLUSTER_THRESHOLD) this.index = runAtOnce(indexSteps(offers));
    if (!this.ensureView()) this.onMoveEnd();
  }

  /** Offers by id, made when first asked (a reveal or a popup), not on every setOffers of 100,000 places. */
  private get byId(): Map<string, EngineOffer> {
    if (!this.offersById) {
      this.offersById = new Map();
      for (const offer of this.offers) this.offersById.set(offer.id, offer);
    }
    return this.offersById;
  }

  private addShape(offer: EngineOffer): void {
    const layer = L.geoJSON(offer.shape as GeoJSON.Geometry, {
      style: () => ({ color: offer.color, weight: 4, opacity: 0.9, fillColor: offer.color, fillOpacity: 0.25 }),
      pointToLayer: (_feature, latlng) => L.circleMarker(latlng, { ...MARKER_STYLE, fillColor: offer.color }),
    });
    layer.on('click', () => this.options.onSelect(offer.id));
    layer.on('add', () => this.tagElements(layer, offer.id));
    this.shapes.set(offer.id, layer);
    this.shapeLayer.addLayer(layer);
  }

  private tagElements(layer: L.Layer, id: string): void {
    const tag = (l: L.Layer) => (l as L.Path).getElement?.()?.setAttribute('data-id', id);
    if (layer instanceof L.LayerGroup) layer.eachLayer(tag);
    else tag(layer);
  }

  /**
   * Draws the points in view: clusters and single points with an index, every point without one. Layers that stay
   * in view are kept, so a pan only adds what came into view and removes what left it; that work runs in slices
   * of a few milliseconds, so even a pan across a dense town never blocks the page for long.
   */
  private drawPoints(): void {
    const wanted = new Map<string, () => void>();
    // The index of many points is still being built: nothing is drawn until it is there.
    if (this.indexing) return;
    if (!this.index) {
      for (const offer of this.offers) {
        if (!offer.shape && offer.lat !== undefined && offer.lon !== undefined)
          wanted.set(`p${offer.id}`, () => this.addMarker(offer));
      }
    } else {
      const b = this.map.getBounds().pad(0.1);
      const bbox: [number, number, number, number] = [
        Math.max(-180, b.getWest()),
        Math.max(-85, b.getSouth()),
        Math.min(180, b.getEast()),
        Math.min(85, b.getNorth()),
      ];
      const zoom = Math.round(this.map.getZoom());
      for (const feature of this.index.getClusters(bbox, zoom)) {
        const props = feature.properties as ClusterProps & Partial<PointProps>;
        if (props.cluster) {
          const key = `c${props.cluster_id}`;
          const [lon, lat] = feature.geometry.coordinates;
          wanted.set(key, () => this.addCluster(key, lat, lon, props.cluster_id!, props.point_count!));
        } else {
          const offer = this.offers[props.index!];
          wanted.set(`p${offer.id}`, () => this.addMarker(offer));
        }
      }
    }
    const work: (() => void)[] = [];
    for (const key of this.drawn.keys()) if (!wanted.has(key)) work.push(() => this.removeDrawn(key));
    for (const [key, add] of wanted) if (!this.drawn.has(key)) work.push(() => this.drawn.has(key) || add());
    // A new view replaces the rest of the previous one's work: `drawn` says what really is on the map.
    this.work = work;
    this.drain();
  }

  private drain(): void {
    clearTimeout(this.drainTimer);
    const start = performance.now();
    let next: (() => void) | undefined;
    while ((next = this.work.shift())) {
      next();
      if (performance.now() - start > 8 && this.work.length) {
        this.drainTimer = setTimeout(() => this.drain(), 0);
        return;
      }
    }
  }

  private removeDrawn(key: string): void {
    const layer = this.drawn.get(key);
    if (!layer) return;
    this.pointLayer.removeLayer(layer);
    this.drawn.delete(key);
    if (key.startsWith('p')) this.markers.delete(key.slice(1));
  }

  private addMarker(offer: EngineOffer): void {
    const selected = offer.id === this.selectedId;
    const marker = L.circleMarker([offer.lat!, offer.lon!], {
      ...MARKER_STYLE,
      ...(selected ? SELECTED_STYLE : {}),
      fillColor: offer.color,
    });
    marker.on('click', () => this.options.onSelect(offer.id));
    marker.on('add', () => {
      marker.getElement()?.setAttribute('data-id', offer.id);
      if (offer.id === this.selectedId) marker.bringToFront();
    });
    this.pointLayer.addLayer(marker);
    this.markers.set(offer.id, marker);
    this.drawn.set(`p${offer.id}`, marker);
  }

  private addCluster(key: string, lat: number, lon: number, clusterId: number, count: number): void {
    const size = count < 100 ? 34 : count < 1000 ? 42 : 50;
    const label = document.createElement('span');
    label.textContent = count >= 10_000 ? `${Math.round(count / 1000)}k` : String(count);
    const cluster = L.marker([lat, lon], {
      icon: L.divIcon({ html: label, className: 'offen-cluster', iconSize: [size, size] }),
      keyboard: false,
      title: this.options.clusterLabel(count),
    });
    cluster.on('click', () => {
      const zoom = Math.min(this.index!.getClusterExpansionZoom(clusterId), this.map.getMaxZoom());
      this.map.setView([lat, lon], zoom);
    });
    this.pointLayer.addLayer(cluster);
    this.drawn.set(key, cluster);
  }

  /** Highlights an offer's marker (or none). */
  select(id: string | undefined): void {
    if (id === this.selectedId) return;
    const previous = this.selectedId ? this.markers.get(this.selectedId) : undefined;
    previous?.setStyle({ radius: MARKER_STYLE.radius, weight: MARKER_STYLE.weight });
    this.shapes.get(this.selectedId ?? '')?.setStyle({ weight: 4 });
    this.selectedId = id;
    const marker = id ? this.markers.get(id) : undefined;
    marker?.setStyle(SELECTED_STYLE).bringToFront();
    this.shapes
      .get(id ?? '')
      ?.setStyle({ weight: 7 })
      .bringToFront();
  }

  /** Brings an offer into view: a shape fitted, a point centred, zoomed in far enough to leave its cluster. */
  reveal(id: string, animate: boolean): void {
    const offer = this.byId.get(id);
    if (!offer || !this.hasSize) return;
    this.readersView = false;
    const shape = this.shapes.get(id);
    if (shape) {
      this.map.fitBounds(shape.getBounds(), { padding: [32, 32], maxZoom: 17, animate });
    } else if (offer.lat !== undefined && offer.lon !== undefined) {
      const clustered = this.index || this.indexing;
      const zoom = clustered ? Math.max(this.map.getZoom(), CLUSTER_MAX_ZOOM + 1) : this.map.getZoom();
      this.map.setView([offer.lat, offer.lon], zoom, { animate });
    }
  }

  /** Opens the details popup of an offer with content built by the element (DOM nodes, never an HTML string). */
  openPopup(id: string, content: HTMLElement, closeLabel: string): boolean {
    const offer = this.byId.get(id);
    if (!offer || offer.lat === undefined || offer.lon === undefined || !this.hasSize) return false;
    // Leaflet pans the popup into view: a move the reader did not make.
    this.readersView = false;
    this.popupId = undefined;
    this.popup?.remove();
    this.popup = L.popup({
      maxWidth: 320,
      minWidth: 200,
      // Short enough that panning it into view never pushes its own marker out (the content scrolls instead).
      maxHeight: Math.max(120, this.container.clientHeight - 90),
      // Clear of the zoom buttons at the top left.
      autoPanPaddingTopLeft: [56, 16],
      autoPanPaddingBottomRight: [16, 16],
      className: 'offen-popup',
    })
      .setLatLng([offer.lat, offer.lon])
      .setContent(content)
      .openOn(this.map);
    this.popupId = id;
    this.popup.getElement()?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', closeLabel);
    return true;
  }

  closePopup(): void {
    this.popupId = undefined;
    this.popup?.remove();
    this.popup = undefined;
  }

  /**
   * Adds the background map; until then the markers sit on a plain background. A round of loading (Leaflet's
   * `loading` … `load`) in which no tile arrived and some failed is reported, and so is the first tile that loads.
   */
  /** The zoom buttons' names in the page language, again after the language changed. */
  setZoomLabels(zoomIn: string, zoomOut: string): void {
    const container = this.map.getContainer();
    for (const [selector, label] of [
      ['.leaflet-control-zoom-in', zoomIn],
      ['.leaflet-control-zoom-out', zoomOut],
    ] as const) {
      const button = container.querySelector(selector);
      button?.setAttribute('title', label);
      button?.setAttribute('aria-label', label);
    }
  }

  setTiles(url: string): void {
    if (this.tileTemplate === url) return;
    this.tiles?.remove();
    this.tileTemplate = url;
    let loaded = 0;
    let failed = 0;
    this.tiles = L.tileLayer(url, { maxZoom: 19, subdomains: 'abc' })
      .on('loading', () => {
        loaded = 0;
        failed = 0;
      })
      .on('tileload', () => {
        if (loaded++ === 0) this.options.onTilesFailed(false);
      })
      .on('tileerror', () => failed++)
      .on('load', () => {
        if (failed > 0 && loaded === 0) this.options.onTilesFailed(true);
      })
      .addTo(this.map);
  }

  /**
   * Asks for every tile in view again (after a failure). The browser keeps a failed image for its URL within the
   * page, so the retry's URLs carry a counter (`offen-retry=1`; tile servers ignore unknown parameters).
   */
  retryTiles(): void {
    if (!this.tiles || !this.tileTemplate) return;
    this.retries++;
    const glue = this.tileTemplate.includes('?') ? '&' : '?';
    this.tiles.setUrl(`${this.tileTemplate}${glue}offen-retry=${this.retries}`);
  }

  /** Marks the reader's position and centres on it. */
  showLocation(lat: number, lon: number, accuracy: number, label: string): void {
    this.location?.remove();
    this.location = L.layerGroup([
      L.circle([lat, lon], { radius: accuracy, color: '#1d70b8', weight: 1, fillOpacity: 0.1, interactive: false }),
      L.circleMarker([lat, lon], {
        radius: 7,
        color: '#ffffff',
        weight: 3,
        fillColor: '#1d70b8',
        fillOpacity: 1,
      }).bindTooltip(label),
    ]).addTo(this.map);
    // Asked for by the reader: the list follows this view.
    this.readersView = true;
    this.map.setView([lat, lon], Math.max(this.map.getZoom(), 15));
  }

  destroy(): void {
    this.indexing?.abort();
    clearTimeout(this.viewTimer);
    clearTimeout(this.drainTimer);
    this.resizeObserver.disconnect();
    // Removed mid-zoom, Leaflet's pending end of the animation would throw: remove the map once it has ended.
    if (this.zooming) this.map.once('zoomend', () => this.map.remove());
    else this.map.remove();
  }
}

/** The cluster index of the offers' points, as steps: the points POINT_STEP offers at a time, then the index. */
function* indexSteps(offers: readonly EngineOffer[]): Generator<void, Supercluster<PointProps>, void> {
  const points: PointFeature[] = [];
  for (let index = 0; index < offers.length; index++) {
    if (index % POINT_STEP === POINT_STEP - 1) yield;
    const offer = offers[index];
    if (!offer.shape && offer.lat !== undefined && offer.lon !== undefined)
      points.push({
        type: 'Feature',
        properties: { index },
        geometry: { type: 'Point', coordinates: [offer.lon, offer.lat] },
      });
  }
  yield;
  return new Supercluster<PointProps>({ radius: 80, maxZoom: CLUSTER_MAX_ZOOM, minPoints: 3 }).load(points);
}
