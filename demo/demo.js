// The demo's switches. Language: the widgets follow the nearest lang attribute, so the button sets it on the
// widgets alone (the page's own text stays German, and is marked so). Dark mode: the town's theme switches with
// data-theme on <html>, which declares color-scheme: dark; the widgets follow on their own.
const widgets = () => document.querySelectorAll('offen-map, offen-chart, offen-events, offen-ideas, offen-data');
const langButton = document.getElementById('lang-toggle');
langButton.addEventListener('click', () => {
  const english = langButton.getAttribute('lang') === 'en';
  for (const el of widgets()) {
    if (english) el.setAttribute('lang', 'en');
    else el.removeAttribute('lang');
  }
  langButton.setAttribute('lang', english ? 'de' : 'en');
  langButton.textContent = english ? 'Widgets auf Deutsch' : 'Widgets in English';
});
const themeButton = document.getElementById('theme-toggle');
themeButton.addEventListener('click', () => {
  const dark = document.documentElement.dataset.theme !== 'dark';
  if (dark) document.documentElement.dataset.theme = 'dark';
  else delete document.documentElement.dataset.theme;
  themeButton.setAttribute('aria-pressed', String(dark));
});
