import type { OffenIdeas } from '../../src/components/ideas/offen-ideas.component.js';
import { statesOf, textOf } from '../helpers/states.js';

const text = textOf;

/** A label's own words, without the required-field star. */
const labelText = (label: HTMLLabelElement) =>
  [...label.childNodes]
    .filter((n) => n.nodeType === Node.TEXT_NODE)
    .map((n) => n.textContent)
    .join(' ')
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();

/** An idea card as a visitor reads it. */
export interface IdeaCard {
  element: HTMLElement;
  title: string;
  /** The title, a button that opens and closes the whole text. */
  titleButton: HTMLButtonElement;
  headingLevel: string | null;
  /** The status badge: `In Umsetzung`, `wartet auf Freigabe` … */
  status: string;
  /** The line under the title, entry by entry: status, category, date, author. */
  meta: string[];
  category?: string;
  author?: string;
  /** The creation date as shown (`vor 3 Tagen`) and as machine-readable `datetime`. */
  date?: { text: string; datetime: string | null };
  /** The text the title button controls: the short summary, or the whole text when open. */
  textElement: HTMLElement | null;
  text: string;
  votes: string;
  comments?: string;
  voteButton?: HTMLButtonElement;
  /** A message about this idea (a refused vote), if any. */
  notice: string;
  /** Why the idea has no vote button (done, rejected), if it says so. */
  voteClosed: string;
}

/**
 * The idea board read and used like a visitor does it: by roles, labels, parts and text. Where a piece has no
 * accessible handle of its own (category, author, votes, comments are plain text in the card), the one selector
 * for it is here, so tests never name a class.
 */
export function ideasHarness(el: OffenIdeas) {
  const root = () => el.shadowRoot!;
  const cards = () => [...root().querySelectorAll<HTMLElement>('[part~="card"]')];
  const cardOf = (element: HTMLElement): IdeaCard => {
    const heading = element.querySelector<HTMLElement>('[role="heading"]')!;
    const titleButton = heading.querySelector('button')!;
    const metaLine = heading.nextElementSibling!;
    const time = metaLine.querySelector('time');
    const textElement = root().getElementById(titleButton.getAttribute('aria-controls') ?? '');
    const voteButton = element.querySelector<HTMLButtonElement>('[part~="vote"]') ?? undefined;
    const optional = (selector: string) =>
      element.querySelector(selector) ? text(element.querySelector(selector)) : undefined;
    return {
      element,
      title: text(titleButton),
      titleButton,
      headingLevel: heading.getAttribute('aria-level'),
      status: text(element.querySelector('[part~="badge"]')),
      meta: [...metaLine.children].map((c) => text(c)),
      category: optional('.category'),
      author: optional('.author'),
      date: time ? { text: text(time), datetime: time.getAttribute('datetime') } : undefined,
      textElement,
      text: text(textElement),
      votes: text(element.querySelector('.votes')),
      comments: optional('.comments'),
      voteButton,
      notice: text(element.querySelector('[role="alert"]')),
      voteClosed: text(element.querySelector('.vote-closed')),
    };
  };
  const form = () => root().querySelector<HTMLFormElement>('[part~="form"]')!;
  /** The control a label names, inside `scope`. */
  const labelled = <T extends HTMLElement>(scope: ParentNode, label: string): T => {
    const found = [...scope.querySelectorAll<HTMLLabelElement>('label')].find((l) => labelText(l) === label);
    const control = found && (found.control ?? found.querySelector('input, select, textarea'));
    if (!control) throw new Error(`no field labelled "${label}"`);
    return control as unknown as T;
  };
  const toolbar = () => root().querySelector<HTMLElement>('[part~="toolbar"]')!;
  const input = (field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, event: 'input' | 'change') =>
    field.dispatchEvent(new Event(event, { bubbles: true, composed: true }));
  const viewButtons = () => [...root().querySelectorAll<HTMLButtonElement>('[role="group"] button[aria-pressed]')];
  return {
    ...statesOf(root),
    listTitles: () => cards().map((c) => cardOf(c).title),
    cards: () => cards().map(cardOf),
    card(title: string): IdeaCard {
      const card = cards()
        .map(cardOf)
        .find((c) => c.title === title);
      if (!card)
        throw new Error(
          `no card "${title}"; cards: ${cards()
            .map((c) => cardOf(c).title)
            .join(' | ')}`,
        );
      return card;
    },
    /** What the board says about how many ideas match. */
    countText: () =>
      text([...root().querySelectorAll('[role="status"]')].find((n) => !n.closest('[part~="form"], [part~="state"]'))),
    /** A field of the filter bar by its label (`Sortieren`, `Kategorie`, `Ideen durchsuchen`). */
    filterField: <T extends HTMLElement = HTMLSelectElement>(label: string) => labelled<T>(toolbar(), label),
    /** Types into the search field. */
    search(value: string): void {
      const field = toolbar().querySelector<HTMLInputElement>('input[type="search"]')!;
      field.value = value;
      input(field, 'input');
    },
    /** Chooses an option of a filter bar select by its label. */
    choose(label: string, value: string): void {
      const select = labelled<HTMLSelectElement>(toolbar(), label);
      select.value = value;
      input(select, 'change');
    },
    /** The status check box with this label (`Umgesetzt`). */
    statusBox: (label: string) => labelled<HTMLInputElement>(toolbar(), label),
    /** The "Mehr anzeigen" button, if there are more ideas. */
    moreButton: () => root().querySelector<HTMLButtonElement>('[part~="more"]'),
    more(): void {
      root().querySelector<HTMLButtonElement>('[part~="more"]')!.click();
    },
    /** The list/map toggle: [list, map] buttons, or none without coordinates. */
    viewButtons,
    /** The map of the map view, when shown. */
    map: () => root().querySelector<HTMLElement>('offen-map'),
    /** The button that opens the idea form. */
    formToggle: () => root().querySelector<HTMLButtonElement>(`button[aria-controls="${form().id}"]`)!,
    formOpen: () => !form().hidden,
    /** A form field by its label (without the star): `Titel`, `Beschreibung`, `Kategorie` … */
    formField: <T extends HTMLElement = HTMLInputElement>(label: string) => labelled<T>(form(), label),
    /** The consent check box (its label is a sentence with a link). */
    consentBox: () => form().querySelector<HTMLInputElement>('input[type="checkbox"][required]')!,
    consentLink: () => form().querySelector<HTMLAnchorElement>('label a'),
    /** The error the form shows under a field (linked by aria-describedby), or '' if none. */
    fieldError(field: HTMLElement): string {
      const ids = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
      if (field.getAttribute('aria-invalid') !== 'true') return '';
      // The field's description is its hint (a character count) and, when invalid, the error after it.
      return text(root().getElementById(ids.at(-1) ?? ''));
    },
    /** The message above the send button: a status (sent, draft restored) or an alert (failed). */
    formMessage: () => form().querySelector<HTMLElement>('[role="status"], [role="alert"]'),
    submitButton: () => form().querySelector<HTMLButtonElement>('button[type="submit"]')!,
    /** Types into a form field the way a browser does: value, then an input event. */
    type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
      field.value = value;
      input(field, 'input');
    },
    check(box: HTMLInputElement, checked = true): void {
      box.checked = checked;
      input(box, 'change');
    },
  };
}
