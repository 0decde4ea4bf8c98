import type { OffenMap } from '../../src/components/map/offen-map.js';

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
    /** The error message the widget shows, if any. */
    errorText: () => root().querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    /** Types into the search field. */
    search(text: string): void {
      const field = root().querySelector<HTMLInputElement>('input[type="search"]')!;
      field.value = text;
      field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    },
  };
}
