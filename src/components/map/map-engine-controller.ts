import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EngineOffer, EngineOptions, MapEngine, ViewBounds } from './map-engine.js';

export interface EngineHooks {
  /** The engine's settings (first view, labels, callbacks), read when an engine is created. */
  options(): Omit<EngineOptions, 'onViewChange'>;
  /** The markers to draw, with their colours. */
  markers(): EngineOffer[];
  /** The offer shown as selected. */
  selected(): string | undefined;
  /** Called once a new engine has drawn its markers (a deep link chosen before Leaflet arrived opens now). */
  onReady(engine: MapEngine): void;
}

/** The `center` attribute ("52.1420,12.5930") as latitude and longitude, or undefined when it is not one. */
export function parseCenter(text: string | undefined): [number, number] | undefined {
  const center = text?.split(',').map((part) => Number(part.trim()));
  if (center?.length !== 2 || !center.every(Number.isFinite)) return undefined;
  return Math.abs(center[0]) <= 90 && Math.abs(center[1]) <= 180 ? [center[0], center[1]] : undefined;
}

/**
 * The Leaflet engine's lifecycle for `<offen-map>`: created (lazily, in the map's chunk) when the map element
 * appears, destroyed when it goes or the element leaves the page, markers drawn again when they changed.
 */
export class MapEngineController implements ReactiveController {
  engine?: MapEngine;
  /**
   * The view "only in view" narrows the list by: the map's view as the reader left it. Moves the map made to show
   * a chosen offer do not change it (a list click never makes other entries vanish); the reader's next own move does.
   */
  view?: ViewBounds;
  /** Settles when the engine for the current map element exists. */
  loaded?: Promise<void>;

  /** Settles when the engine exists and its markers can be drawn (many points are indexed in slices first). */
  get drawn(): Promise<void> {
    return (async () => {
      await this.loaded;
      for (let indexed = this.engine?.indexed; indexed;) {
        await indexed;
        const next = this.engine?.indexed;
        indexed = next === indexed ? undefined : next;
      }
    })();
  }
  private element?: HTMLElement;
  private dirty = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly hooks: EngineHooks,
  ) {
    host.addController(this);
  }

  /** Whether the map shows (Leaflet loaded and drawn). */
  get ready(): boolean {
    return !!this.engine;
  }

  hostConnected(): void {
    // Leaflet downloads while the data loads, not after it.
    void import('./map-engine.js').catch(() => undefined);
  }

  hostDisconnected(): void {
    this.destroy();
  }

  /** The markers changed: draw them at the next sync. */
  markersChanged(): void {
    this.dirty = true;
  }

  /** After each update: the engine follows the map element, the markers and the tiles (undefined: no consent). */
  sync(element: HTMLElement | undefined, tiles: string | undefined): void {
    if (element !== this.element) {
      this.destroy();
      if (element) this.create(element);
    } else if (this.engine && this.dirty) {
      this.pushMarkers();
    }
    if (this.engine && tiles) this.engine.setTiles(tiles);
  }

  private create(element: HTMLElement): void {
    this.element = element;
    this.loaded = import('./map-engine.js').then(({ MapEngine }) => {
      if (this.element !== element || !this.host.isConnected) return;
      this.engine = new MapEngine(element, {
        ...this.hooks.options(),
        onViewChange: (bounds, byReader) => {
          if (!byReader && this.view) return;
          this.view = bounds;
          this.host.requestUpdate();
        },
      });
      this.pushMarkers();
      this.hooks.onReady(this.engine);
      this.host.requestUpdate();
    });
  }

  private destroy(): void {
    if (this.engine) this.host.requestUpdate();
    this.engine?.destroy();
    this.engine = undefined;
    this.element = undefined;
    this.view = undefined;
  }

  private pushMarkers(): void {
    this.dirty = false;
    this.engine?.setOffers(this.hooks.markers());
    this.engine?.select(this.hooks.selected());
  }
}
