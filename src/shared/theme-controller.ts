import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Theme = 'light' | 'dark' | 'auto';

export interface ThemeHost extends ReactiveControllerHost, HTMLElement {
  theme?: Theme;
}

const darkQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;

/** sRGB relative luminance (WCAG 2.1) of `rgb(…)`/`rgba(…)`, and its alpha; undefined for anything else. */
function parseColor(color: string): { luminance: number; alpha: number } | undefined {
  const match = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(color);
  if (!match) return undefined;
  const channel = (value: string) => {
    const c = Number(value) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const alphaText = match[4];
  const alpha =
    alphaText === undefined ? 1 : alphaText.endsWith('%') ? Number(alphaText.slice(0, -1)) / 100 : Number(alphaText);
  return {
    luminance: 0.2126 * channel(match[1]) + 0.7152 * channel(match[2]) + 0.0722 * channel(match[3]),
    alpha,
  };
}

/** The element's parent, also across a shadow root's boundary. */
function parentOf(element: Element): Element | null {
  return element.parentElement ?? ((element.getRootNode() as ShadowRoot).host || null);
}

/**
 * Whether the page behind `element` is dark: the first ancestor with a (mostly) opaque background decides — dark when
 * white text would contrast more with it than black, i.e. relative luminance below 0.179. A page that paints no
 * background is the browser's canvas: light.
 */
function backgroundIsDark(element: Element): boolean {
  for (let node = parentOf(element); node; node = parentOf(node)) {
    const color = parseColor(getComputedStyle(node).backgroundColor);
    if (color && color.alpha >= 0.5) return color.luminance < 0.179;
  }
  return false;
}

/** Every connected controller, told when the page may have changed its theme. */
const watching = new Set<ThemeController>();
let observer: MutationObserver | undefined;

function startWatching(): void {
  if (observer || typeof MutationObserver !== 'function') return;
  // Sites switch their dark mode with a class or attribute on <html> or <body>; that is all that is watched.
  observer = new MutationObserver(() => {
    for (const controller of watching) controller.recheck();
  });
  const options = { attributes: true, attributeFilter: ['class', 'style', 'data-theme', 'data-bs-theme'] };
  observer.observe(document.documentElement, options);
  if (document.body) observer.observe(document.body, options);
}

/**
 * Light or dark, for every widget by one rule. `theme="light"` or `"dark"` decides; `"auto"` follows the reader's
 * system setting (`prefers-color-scheme`). Without the attribute the widget follows its page: the page's CSS
 * `color-scheme` when it declares one (`dark`, or `light dark` with the system setting), otherwise the background
 * it sits on (a dark WordPress theme that declares nothing still gets light text). The result is the host's
 * `data-offen-scheme` attribute (`light`/`dark`), which the theme tokens (theme.ts) read.
 */
export class ThemeController implements ReactiveController {
  private dark = false;
  /** The `theme` the last decision was made with; undefined until the first one after connecting. */
  private decidedFor?: { theme: Theme | undefined };
  private readonly onChange = () => this.recheck();

  constructor(private readonly host: ThemeHost) {
    host.addController(this);
  }

  get isDark(): boolean {
    return this.dark;
  }

  hostConnected(): void {
    // Moved to another part of the page, perhaps onto another background.
    this.decidedFor = undefined;
    watching.add(this);
    startWatching();
    darkQuery?.addEventListener('change', this.onChange);
  }

  hostDisconnected(): void {
    watching.delete(this);
    darkQuery?.removeEventListener('change', this.onChange);
  }

  /** Decided once after connecting and when `theme` changes, not on every update: it reads computed styles. */
  hostUpdate(): void {
    if (!this.decidedFor || this.decidedFor.theme !== this.host.theme) this.apply();
  }

  /** Decides again (the page or the system setting changed) and re-renders when the answer changed. */
  recheck(): void {
    if (this.apply()) this.host.requestUpdate();
  }

  private apply(): boolean {
    this.decidedFor = { theme: this.host.theme };
    const dark = this.decide();
    const changed = dark !== this.dark;
    this.dark = dark;
    const value = dark ? 'dark' : 'light';
    if (this.host.getAttribute('data-offen-scheme') !== value) this.host.setAttribute('data-offen-scheme', value);
    return changed;
  }

  private decide(): boolean {
    const theme = this.host.theme;
    if (theme === 'dark') return true;
    if (theme === 'light') return false;
    const prefersDark = darkQuery?.matches ?? false;
    if (theme === 'auto') return prefersDark;
    const parent = this.host.isConnected ? parentOf(this.host) : null;
    if (!parent) return this.dark;
    // The parent's: the host's own is the one this decision sets.
    const scheme = getComputedStyle(parent).colorScheme ?? '';
    if (scheme.includes('dark')) return scheme.includes('light') ? prefersDark : true;
    if (scheme.includes('light')) return false;
    return backgroundIsDark(this.host);
  }
}
