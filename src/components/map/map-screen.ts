import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createRef } from 'lit/directives/ref.js';
import type { MapText } from './offen-map.strings.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Full screen for the map area (map, consent bar and attribution): its "Vollbild" button toggles it, Escape leaves.
 * While it lasts the element carries the `fullscreen` attribute — a state for page styles, not a setting: browsers
 * enter full screen only on a click.
 */
export class FullscreenController implements ReactiveController {
  /** The element that fills the screen. */
  readonly area = createRef<HTMLDivElement>();
  private active = false;
  private readonly onChange = () => {
    this.active = !!this.area.value && this.host.shadowRoot?.fullscreenElement === this.area.value;
    this.host.toggleAttribute('fullscreen', this.active);
    this.host.requestUpdate();
  };

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  get isActive(): boolean {
    return this.active;
  }

  hostConnected(): void {
    document.addEventListener('fullscreenchange', this.onChange);
  }

  hostDisconnected(): void {
    document.removeEventListener('fullscreenchange', this.onChange);
    this.active = false;
    this.host.removeAttribute('fullscreen');
  }

  toggle(): void {
    const area = this.area.value;
    if (!area) return;
    if (this.active) void document.exitFullscreen().catch(() => undefined);
    else void area.requestFullscreen().catch(() => undefined);
  }

  /**
   * Escape leaves full screen (browsers do so themselves too, but not every embedding lets the key reach them);
   * in the open details Escape first closes them.
   */
  readonly onKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !this.active || e.defaultPrevented) return;
    if ((e.composedPath()[0] as Element | undefined)?.closest?.('.details')) return;
    this.toggle();
  };
}

/** How to move an embedded map, shown for a moment after a wheel turn without Ctrl/⌘ or a one-finger swipe. */
export class GestureHintController implements ReactiveController {
  private kind?: 'wheel' | 'touch';
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  show(kind: 'wheel' | 'touch'): void {
    this.kind = kind;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.kind = undefined;
      this.host.requestUpdate();
    }, 2000);
    this.host.requestUpdate();
  }

  text(t: MapText): string {
    if (this.kind === 'touch') return t.touchHint;
    return this.kind === 'wheel' ? t.wheelHint(/Mac|iPhone|iPad/.test(navigator.userAgent)) : '';
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.kind = undefined;
  }
}
