import { sendKeys } from '@web/test-runner-commands';

/** The element with the keyboard focus, inside a widget's shadow root too. */
export function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A widget's "Liste überspringen" / "Skip list" button, if it has one. */
export const skipLinkOf = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) =>
    /^(Liste überspringen|Skip list)$/.test(b.textContent!.trim()),
  );

/** Whether an element takes visible room (a skip link does only while it has the focus). */
export const isShown = (element: Element) => {
  const box = element.getBoundingClientRect();
  return box.width > 20 && box.height > 10;
};

/** Presses Tab from `start` until the widget's skip link has the focus (at most `limit` times). */
export async function tabToSkipLink(start: HTMLElement, el: Element, limit = 60): Promise<void> {
  start.focus();
  for (let i = 0; i < limit; i++) {
    await sendKeys({ press: 'Tab' });
    if (focused() === skipLinkOf(el)) return;
  }
  throw new Error('Tab never reached "Liste überspringen"');
}
