import { deepArrayEquals } from '@lit/task/deep-equals.js';
import type { ReactiveController } from 'lit';
import { DataError } from '../../data/errors.js';
import { splitList } from '../../shared/filter-controller.js';
import type { OffenElement } from '../../shared/offen-element.js';
import {
  createChart,
  type ChartHandle,
  type ChartTheme,
  type ChartType,
  type EngineInput,
  type PictureFrame,
} from './chart-engine.js';
import type { ChartPoint } from './chart-keyboard.js';

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies; ordered for contrast on white. */
const PALETTE_LIGHT = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#000000', '#f0e442'];
/** The same hues, ordered for contrast on a dark background. */
const PALETTE_DARK = ['#56b4e9', '#e69f00', '#009e73', '#cc79a7', '#f0e442', '#d55e00', '#ffffff', '#0072b2'];

/** What the element hands to Chart.js; colours, fonts and the draw callback are added here. */
export type ChartDrawing = Omit<EngineInput, 'theme' | 'onDrawn' | 'animate'>;

/** The element the chart lives in: its look attributes, and emit() for offen-render and offen-error. */
export interface ChartHost extends OffenElement {
  theme?: 'light' | 'dark' | 'auto';
  /** The `colors` attribute. */
  colors?: string;
  noAnimation: boolean;
  /** Besides the values, these change the picture (the axis labels). */
  unit?: string;
  decimals?: number;
  /** The data URL, named in the error when Chart.js fails. */
  src?: string;
}

/**
 * Chart.js's lifecycle in the element (as Leaflet's map in the map widget): created once the canvas is rendered,
 * updated in place when values, type-compatible options or colours change, re-created when the canvas or the type
 * changes, destroyed when the element leaves the page. Also reads the theme: light or dark, and the colours of the
 * chart's CSS custom properties. Chart.js itself follows the canvas box's size (`responsive`).
 */
export class ChartLifecycle implements ReactiveController {
  /** Chart.js failed to load or draw. */
  error?: DataError;
  private handle?: ChartHandle;
  /** While Chart.js loads and the first picture is made. */
  private creating?: Promise<void>;
  private generation = 0;
  private pendingCanvas?: HTMLCanvasElement;
  private pendingType?: ChartType;
  private pendingHorizontal?: boolean;
  /** What the chart was last drawn from, so a re-render with equal values does not draw again. */
  private renderedInputs: unknown[] = [];
  /** The inputs announced with offen-render, so each drawing is announced once. */
  private drawnInputs?: unknown[];
  /** The element's width as last seen; a new one lays the labels out again (chart-layout.ts). */
  private seenWidth = -1;
  private resizeFrame = 0;
  /**
   * Only the width counts (bars change the height themselves). The new layout is drawn in the next frame: changing
   * the box's height while the browser delivers resize notifications would be a ResizeObserver loop.
   */
  private readonly resizeObserver = new ResizeObserver(() => {
    cancelAnimationFrame(this.resizeFrame);
    this.resizeFrame = requestAnimationFrame(() => {
      const width = Math.round(this.host.clientWidth);
      if (width === this.seenWidth) return;
      this.seenWidth = width;
      this.host.requestUpdate();
    });
  });

  constructor(
    private readonly host: ChartHost,
    /** What to draw, or undefined when there is nothing to plot. */
    private readonly drawing: () => ChartDrawing | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.resizeObserver.observe(this.host);
    // Moved in the page (disconnected, then connected again): the chart was destroyed and is drawn anew.
    if (this.host.hasUpdated) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.resizeObserver.disconnect();
    cancelAnimationFrame(this.resizeFrame);
    this.destroy();
  }

  hostUpdated(): void {
    void this.sync();
  }

  /** The Chart.js instance, once drawn. */
  get chart(): ChartHandle['chart'] | undefined {
    return this.handle?.chart;
  }

  /** Pending while Chart.js is being loaded and created; undefined otherwise. */
  get pending(): Promise<void> | undefined {
    return this.creating;
  }

  /** Light or dark, by the rule every widget follows (src/shared/theme-controller.ts). */
  get isDark(): boolean {
    return this.host.getAttribute('data-offen-scheme') === 'dark';
  }

  toPng(frame: PictureFrame): string | undefined {
    return this.handle?.toPng(frame);
  }

  /** The chart's font (`--offen-font`), to measure its labels with. */
  get font(): string {
    const root = this.host.renderRoot.querySelector<HTMLElement>('.root') ?? this.host;
    return getComputedStyle(root).getPropertyValue('--_font').trim() || 'system-ui, sans-serif';
  }

  highlight(point: ChartPoint | null): void {
    this.handle?.highlight(point);
  }

  private readTheme(): ChartTheme {
    const root = this.host.renderRoot.querySelector<HTMLElement>('.root') ?? this.host;
    const style = getComputedStyle(root);
    const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const own = splitList(this.host.colors);
    const fromCss = splitList(style.getPropertyValue('--offen-chart-palette'));
    return {
      text: token('--_text', '#1a1a1a'),
      muted: token('--_muted', '#595959'),
      grid: token('--_grid', '#d5dade'),
      background: token('--_surface', '#ffffff'),
      font: this.font,
      palette: own.length ? own : fromCss.length ? fromCss : this.isDark ? PALETTE_DARK : PALETTE_LIGHT,
    };
  }

  private onDrawn(type: ChartType): void {
    if (this.drawnInputs === this.renderedInputs) return;
    this.drawnInputs = this.renderedInputs;
    this.host.emit('offen-render', { type });
  }

  private async sync(): Promise<void> {
    const canvas = this.host.renderRoot.querySelector('canvas');
    const drawing = canvas ? this.drawing() : undefined;
    if (!canvas || !drawing) {
      this.destroy();
      return;
    }
    const input: EngineInput = {
      ...drawing,
      theme: this.readTheme(),
      animate: !this.host.noAnimation && !matchMedia('(prefers-reduced-motion: reduce)').matches,
      onDrawn: () => this.onDrawn(drawing.type),
    };
    const drawn = [
      input.type,
      input.horizontal,
      input.labels,
      input.labelLines,
      input.valueLabels,
      input.series.map((s) => [s.name, s.values]),
      input.theme,
      input.locale,
      this.host.unit,
      this.host.decimals,
    ];
    const same = this.handle?.type === input.type && this.handle.horizontal === input.horizontal;
    if (this.handle && this.handle.chart.canvas === canvas && same) {
      if (!deepArrayEquals(drawn, this.renderedInputs)) {
        this.renderedInputs = drawn;
        this.handle.update(input);
      }
      return;
    }
    if (
      this.creating &&
      this.pendingCanvas === canvas &&
      this.pendingType === input.type &&
      this.pendingHorizontal === input.horizontal
    ) {
      return;
    }
    this.destroy();
    const generation = ++this.generation;
    this.pendingCanvas = canvas;
    this.pendingType = input.type;
    this.pendingHorizontal = input.horizontal;
    this.renderedInputs = drawn;
    this.creating = createChart(canvas, input)
      .then((handle) => {
        if (generation !== this.generation || !canvas.isConnected) {
          handle.destroy();
          return;
        }
        this.handle = handle;
      })
      .catch((error: unknown) => {
        if (generation !== this.generation) return;
        const failure = new DataError('unsupported', `Chart.js failed: ${String(error)}`, {
          url: this.host.src,
          found: 'chart.js',
          cause: error,
        });
        this.error = failure;
        this.host.requestUpdate();
        void this.host.updateComplete.then(() => this.host.emit('offen-error', failure));
      })
      .finally(() => {
        if (generation === this.generation) {
          this.pendingCanvas = undefined;
          this.creating = undefined;
        }
      });
    await this.creating;
    // Attributes may have changed while Chart.js loaded.
    if (this.handle && generation === this.generation) await this.sync();
  }

  private destroy(): void {
    this.generation++;
    this.handle?.destroy();
    this.handle = undefined;
    this.creating = undefined;
    this.pendingCanvas = undefined;
    this.drawnInputs = undefined;
  }
}
