// The builder page (dist/builder/index.html): defines <offen-builder> and wires the language buttons, which set
// <html lang>; the builder and every preview widget follow it.
import './offen-builder.js';

const buttons = document.querySelectorAll<HTMLButtonElement>('.lang button');
const mark = () =>
  buttons.forEach((b) => b.setAttribute('aria-pressed', String(document.documentElement.lang === b.dataset.lang)));
buttons.forEach((button) =>
  button.addEventListener('click', () => {
    document.documentElement.lang = button.dataset.lang ?? 'de';
    mark();
  }),
);
mark();
