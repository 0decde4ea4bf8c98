import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { OffenEventDetail, OffenEventName } from './events.js';
import { LocalizeController } from './localize.js';
import { ThemeController, type Theme } from './theme-controller.js';

/**
 * The thin base of every offen element: typed, bubbling, composed events and a define() that tolerates a second
 * registration (a CMS page may include the script twice). Behaviour only some widgets need lives in controllers.
 */
export class OffenElement extends LitElement {
  /** The page language (nearest `lang` attribute), re-rendering when it changes. */
  protected readonly localize = new LocalizeController(this);

  /**
   * `light`, `dark`, or `auto` to follow the reader's system setting. Without it the widget follows its page: the
   * page's CSS `color-scheme` when it declares one, otherwise the background it sits on.
   */
  @property({ reflect: true }) theme?: Theme;

  /** Light or dark, decided by one rule for every widget (theme-controller.ts). */
  protected readonly scheme = new ThemeController(this);

  /**
   * Dispatches a bubbling, composed `offen-*` event and returns it (check `defaultPrevented`). The detail is typed by
   * the event's name (OffenEventMap in events.ts), so one event has one detail shape in every widget.
   */
  emit<K extends OffenEventName, D extends OffenEventDetail<K>>(
    name: K,
    detail: D,
    options: { cancelable?: boolean } = {},
  ): CustomEvent<D> {
    const event = new CustomEvent<D>(name, {
      bubbles: true,
      composed: true,
      cancelable: options.cancelable ?? false,
      detail,
    });
    this.dispatchEvent(event);
    return event;
  }

  /** Registers the element under `tag` unless that tag is taken; warns instead of throwing. */
  static define(tag: string, ctor: CustomElementConstructor = this): void {
    const existing = customElements.get(tag);
    if (!existing) {
      customElements.define(tag, ctor);
    } else if (existing !== ctor) {
      console.warn(`offen: <${tag}> is already defined by another script; keeping the first definition.`);
    }
  }
}
