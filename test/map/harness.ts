import type { OffenMap } from '../../src/components/map/offen-map.js';
import { statesOf, textOf } from '../helpers/states.js';

const text = textOf;

/** An entry of the list: the record's id (on the button and its marker as `data-id`), its title and meta line. */
export interface Entry {
  id: string;
  title: string;
  /** Category and address, or that the offer has no location. */
  meta: string[];
  /** Whether it is the offer shown in the details. */
  current: boolean;
  button: HTMLButtonElement;
}

/** The details of one offer (popup or side panel) as a visitor reads them. */
export interface Details {
  element: HTMLElement;
  title: string;
  /** Address, opening hours, phone, website: label → text. */
  fields: Record<string, string>;
  links: HTMLAnchorElement[];
  image: HTMLImageElement | null;
  /** The link to an image on another site (not loaded without consent). */
  externalImageLink: HTMLAnchorElement | null;
  /** In a Leaflet popup (over the map) or in the panel beside it. */
  inPopup: boolean;
  /** The panel's close button (a popup has Leaflet's own). */
  closeButton: HTMLButtonElement | null;
}

/** A category chip as a visitor sees it: its name, its count, whether it is pressed and its marker colour. */
export interface Chip {
  name: string;
  count: number;
  pressed: boolean;
  colour?: string;
  button: HTMLButtonElement;
}

/**
 * The map read and used like a visitor does it: by roles, labels and text, not by internal class names, so tests
 * survive markup changes.
 */
export function mapHarness(el: OffenMap) {
  const root = () => el.shadowRoot!;
  const listEntries = () => [...root().querySelectorAll<HTMLButtonElement>('[part~="list"] li > button')];
  const entryOf = (button: HTMLButtonElement): Entry => {
    const lines = [...button.querySelectorAll('span span')].map((s) => text(s));
    return {
      id: button.dataset.id!,
      title: lines[0] ?? '',
      meta: lines.slice(1),
      current: button.getAttribute('aria-current') === 'true',
      button,
    };
  };
  const detailsOf = (element: HTMLElement): Details => {
    const label = element.getAttribute('aria-label') ?? '';
    const fields: Record<string, string> = {};
    for (const dt of element.querySelectorAll('dt')) fields[text(dt)] = text(dt.nextElementSibling);
    const links = [...element.querySelectorAll<HTMLAnchorElement>('a')];
    return {
      element,
      title: label.slice(label.indexOf(': ') + 2),
      fields,
      links,
      image: element.querySelector('img'),
      externalImageLink: links.find((a) => /Bild ansehen|View image/.test(text(a))) ?? null,
      // Leaflet's own popup class: the one place a test looks at Leaflet's markup for the details.
      inPopup: !!element.closest('.leaflet-popup'),
      closeButton: element.querySelector('button'),
    };
  };
  const detailsElement = () => root().querySelector<HTMLElement>('[part~="details"][role="group"]');
  const chipOf = (button: HTMLButtonElement): Chip => {
    const count = button.querySelector('[class*="count"]')?.textContent ?? '';
    const name = button.textContent!.replace(count, '').trim();
    return {
      name,
      count: Number(count),
      pressed: button.getAttribute('aria-pressed') === 'true',
      colour: button.querySelector('svg circle')?.getAttribute('fill') ?? undefined,
      button,
    };
  };
  const chipButtons = () => [...root().querySelectorAll<HTMLButtonElement>('[part~="legend"] button[aria-pressed]')];
  return {
    ...statesOf(root),
    /** The category chips, without the first one ("Alle"). */
    chips: (): Chip[] => chipButtons().slice(1).map(chipOf),
    /** The chip that shows every category. */
    allChip: (): Chip => chipOf(chipButtons()[0]),
    chip(name: string): Chip {
      const chip = chipButtons()
        .slice(1)
        .map(chipOf)
        .find((c) => c.name === name);
      if (!chip) throw new Error(`no chip "${name}"`);
      return chip;
    },
    /** The entries of the list, as buttons (click to open one). */
    listEntries,
    listTitles: () => listEntries().map((b) => b.querySelector('span span')!.textContent!.trim()),
    /** What the list says about how many offers it shows. */
    countText: () => root().querySelector('[part~="list"] [role="status"]')?.textContent?.trim() ?? '',
    /** The list entries with id, title, meta line and whether each is the one shown in the details. */
    entries: () => listEntries().map(entryOf),
    /** The ids of the list entries, in list order. */
    listIds: () => listEntries().map((b) => b.dataset.id!),
    entry(id: string): Entry | undefined {
      const button = listEntries().find((b) => b.dataset.id === id);
      return button ? entryOf(button) : undefined;
    },
    /** Opens an entry's details, as a click on it does. */
    open(id: string): void {
      const button = listEntries().find((b) => b.dataset.id === id);
      if (!button) throw new Error(`no list entry ${id}`);
      button.click();
    },
    /** The markers and shapes drawn on the map (SVG paths tagged with the record id). */
    marker: (id: string) => root().querySelector<SVGPathElement>(`[part~="map"] path[data-id="${id}"]`),
    markerIds: () =>
      new Set([...root().querySelectorAll<SVGPathElement>('[part~="map"] path[data-id]')].map((p) => p.dataset.id!)),
    /** The numbers on the cluster bubbles (how many offers each one stands for). */
    clusterCounts: () => [...root().querySelectorAll('[part~="map"] .offen-cluster')].map((c) => Number(text(c))),
    /** The details now shown (popup or panel), or undefined. */
    details: (): Details | undefined => {
      const element = detailsElement();
      return element ? detailsOf(element) : undefined;
    },
    /** The note that offers without a location are hidden, with its "Alle zeigen" button. */
    unplacedNotice: () => root().querySelector<HTMLElement>('[part~="list"] [data-role="unplaced"]'),
    /** The consent placeholder that stands in for the map until the visitor agrees to load tiles. */
    consent: () => root().querySelector<HTMLElement>('[part~="consent"]'),
    attribution: () => root().querySelector<HTMLElement>('[part~="attribution"]'),
    /** The map area (Leaflet's container is the map part). */
    mapArea: () => root().querySelector<HTMLElement>('[part~="map"]'),
    /** The point markers (not the lines and areas). */
    pointMarkers: () => [...root().querySelectorAll<SVGPathElement>('[part~="map"] path.offen-marker')],
    /** The map tiles Leaflet shows (its own class names: the one place tests read them), all or only loaded ones. */
    tiles: (loaded = false) => [
      ...root().querySelectorAll<HTMLImageElement>(
        `[part~="map"] ${loaded ? '.leaflet-tile-loaded' : '.leaflet-tile'}`,
      ),
    ],
    /** The list's "only offers in the map view" check box. */
    inViewBox: () =>
      [...root().querySelectorAll<HTMLLabelElement>('[part~="list"] label')]
        .find((l) => /Nur Angebote im Kartenausschnitt|Only offers in the map view/.test(text(l)))
        ?.querySelector<HTMLInputElement>('input[type="checkbox"]') ?? null,
    searchField: () => root().querySelector<HTMLInputElement>('input[type="search"]')!,
    /** Types into the search field. */
    search(text: string): void {
      const field = root().querySelector<HTMLInputElement>('input[type="search"]')!;
      field.value = text;
      field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    },
  };
}
