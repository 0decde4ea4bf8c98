import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/chart/offen-chart.js';
import '../../src/components/events/offen-events.js';
import '../../src/components/ideas/offen-ideas.js';
import '../../src/components/map/offen-map.js';
import type { OffenIdeas } from '../../src/components/ideas/offen-ideas.js';
import { expectAccessible } from '../helpers/axe.js';
import { eventually } from '../helpers/wait.js';
import { demoDataUrl } from '../helpers/server.js';

const scheme = (el: Element) => el.getAttribute('data-offen-scheme');
const textColor = (el: Element) => getComputedStyle(el).color;
const LIGHT_TEXT = 'rgb(241, 243, 245)';
const DARK_TEXT = 'rgb(26, 26, 26)';

/** Every widget of the demo, with data, inside `host`. */
function widgets() {
  return html`
    <offen-map src=${demoDataUrl('angebote.geojson')} consent="required"></offen-map>
    <offen-chart src=${demoDataUrl('haushalt.csv')}></offen-chart>
    <offen-events src=${demoDataUrl('termine.ics')} from="2026-01-01" to="2026-12-31"></offen-events>
    <offen-ideas src=${demoDataUrl('ideen.json')}></offen-ideas>
  `;
}
const loaded = (host: Element) =>
  [...host.children].every(
    (el) => el.shadowRoot?.querySelector('[data-state="loading"]') === null && el.shadowRoot!.childElementCount > 0,
  );

describe('light and dark pages', () => {
  it('turns dark on a dark page that declares nothing, with every text readable (axe), and back when it lightens', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div style="background: #121212; padding: 1rem">${widgets()}</div>`,
    );
    await eventually(() => loaded(page), 'widgets did not load');
    for (const el of page.children) {
      expect(scheme(el), el.localName).to.equal('dark');
      expect(textColor(el), el.localName).to.equal(LIGHT_TEXT);
    }
    for (const el of page.children) await expectAccessible(el);
    // The site switches its own theme with a class on <body>.
    const style = document.createElement('style');
    style.textContent = 'body.site-light .page { background: #ffffff !important; }';
    document.head.append(style);
    page.classList.add('page');
    document.body.classList.add('site-light');
    try {
      await eventually(() => [...page.children].every((el) => scheme(el) === 'light'), 'did not follow the page back');
      for (const el of page.children) expect(textColor(el), el.localName).to.equal(DARK_TEXT);
    } finally {
      document.body.classList.remove('site-light');
      style.remove();
    }
  });

  it('follows a page that declares color-scheme: dark, and theme="light" wins over it', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div style="color-scheme: dark">
        <offen-events src=${demoDataUrl('termine.ics')} from="2026-01-01" to="2026-12-31"></offen-events>
        <offen-events theme="light" src=${demoDataUrl('termine.ics')} from="2026-01-01" to="2026-12-31"></offen-events>
      </div>`,
    );
    const [auto, light] = page.children;
    await eventually(() => loaded(page), 'not loaded');
    expect(scheme(auto)).to.equal('dark');
    expect(scheme(light)).to.equal('light');
    expect(textColor(light)).to.equal(DARK_TEXT);
  });

  it('is dark with theme="dark" on a light page, on a dark ground of its own (axe)', async () => {
    const el = await fixture<OffenIdeas>(
      html`<offen-ideas theme="dark" src=${demoDataUrl('ideen.json')}></offen-ideas>`,
    );
    await eventually(() => loaded(el.parentElement!), 'not loaded');
    expect(scheme(el)).to.equal('dark');
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(27, 31, 36)');
    await expectAccessible(el);
    el.theme = 'light';
    await el.updateComplete;
    expect(scheme(el)).to.equal('light');
    expect(getComputedStyle(el).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
  });

  it('stays light on an ordinary page', async () => {
    const el = await fixture<HTMLElement>(
      html`<offen-events src=${demoDataUrl('termine.ics')} from="2026-01-01" to="2026-12-31"></offen-events>`,
    );
    expect(scheme(el)).to.equal('light');
    expect(textColor(el)).to.equal(DARK_TEXT);
  });
});
