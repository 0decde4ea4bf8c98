import type { OffenEvents } from '../../src/components/events/offen-events.component.js';
import { statesOf, textOf } from '../helpers/states.js';

const text = textOf;

/** An event of the list as a visitor reads it. */
export interface ShownEvent {
  element: HTMLElement;
  title: string;
  /** When, as written: `Heute, 19:00–21:00 Uhr`. */
  when: string;
  cancelled: boolean;
  /** The source's state as labelled beside the date ("Status: durchgeführt"), or empty. */
  state: string;
  /** The title as a button (long or compact entries open their details), if it is one. */
  titleButton: HTMLButtonElement | null;
  location: string;
  category: string;
  description: string;
  /** The "Mehr erfahren" link, if the event has a web address. */
  link: HTMLAnchorElement | null;
  addToCalendar: HTMLButtonElement | null;
}

/**
 * The events list read and used like a visitor does it: by parts (the widget's public styling hooks), roles, labels
 * and text, never by internal class names.
 */
export function eventsHarness(el: OffenEvents) {
  const root = () => el.shadowRoot!;
  const entries = () => [...root().querySelectorAll<HTMLElement>('[part~="item"]')];
  const eventOf = (item: HTMLElement): ShownEvent => {
    const title = item.querySelector<HTMLElement>('[part~="title"]')!;
    return {
      element: item,
      title: text(title),
      when: text(item.querySelector('[part~="date"]')),
      cancelled: item.querySelector('[part~="cancelled-badge"]') !== null,
      state: text(item.querySelector('[part~="state-badge"]')),
      titleButton: title.localName === 'button' ? (title as HTMLButtonElement) : null,
      location: text(item.querySelector('[part~="location"]')),
      category: text(item.querySelector('[part~="category"]')),
      description: text(item.querySelector('[part~="description"]')),
      link: item.querySelector<HTMLAnchorElement>('[part~="link"]'),
      addToCalendar: item.querySelector<HTMLButtonElement>('[part~="add-to-calendar"]'),
    };
  };
  return {
    ...statesOf(root),
    events: () => entries().map(eventOf),
    listTitles: () => entries().map((item) => eventOf(item).title),
    /** The headings of the month (or week, day) groups. */
    groupHeadings: () => [...root().querySelectorAll<HTMLElement>('[part~="group-heading"]')],
    /** The large date badges of the compact layout (hidden from screen readers: the date is also in words). */
    dateBadges: () => [...root().querySelectorAll<HTMLElement>('[part~="date-badge"]')],
    /** What the list says about how many events match a filter. */
    countText: () => text([...root().querySelectorAll('[role="status"]')].find((n) => !n.closest('[part~="state"]'))),
    /** The category select of the filter bar. */
    categorySelect: () => root().querySelector<HTMLSelectElement>('select'),
    choose(category: string): void {
      const select = root().querySelector<HTMLSelectElement>('select')!;
      select.value = category;
      select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    },
    search(value: string): void {
      const field = root().querySelector<HTMLInputElement>('input[type="search"]')!;
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    },
    moreButton: () => root().querySelector<HTMLButtonElement>('[part~="more"]'),
    subscribeLink: () => root().querySelector<HTMLAnchorElement>('[part~="subscribe"]'),
    /** The event that has the keyboard focus (after "Mehr anzeigen", the first new one). */
    focusedEvent: () => {
      const active = root().activeElement as HTMLElement | null;
      const item = active?.closest<HTMLElement>('[part~="item"]');
      return item ? eventOf(item) : undefined;
    },
  };
}
