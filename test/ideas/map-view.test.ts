import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/ideas/offen-ideas.js';
import '../../src/components/map/offen-map.js';
import type { OffenIdeas } from '../../src/components/ideas/offen-ideas.component.js';
import type { OffenMap } from '../../src/components/map/offen-map.js';
import { forgetConsent } from '../../src/components/map/tiles.js';
import { expectAccessible } from '../helpers/axe.js';
import { demoDataUrl } from '../helpers/server.js';
import { mapHarness } from '../map/harness.js';
import { ready, tileKey, tileRequests, tileTemplate } from '../map/helpers.js';
import { ideasHarness } from './harness.js';
import { until } from './helpers.js';

/** The same test server under another origin: a "third-party" tile host without leaving the machine. */
const otherOrigin = () => location.origin.replace('localhost', '127.0.0.1');

/** The demo's twelve ideas, eight of them with a place. */
const IDEEN = demoDataUrl('ideen.json');

/** Opens the board's map view and waits until its map is ready. */
async function openMap(el: OffenIdeas): Promise<OffenMap> {
  await el.loadComplete;
  await el.updateComplete;
  const board = ideasHarness(el);
  board.viewButtons()[1].click();
  await until(() => board.map(), 'map element', 10_000);
  const map = board.map() as OffenMap;
  await ready(map);
  return map;
}

/** Every word the map shows or says: its text and its ARIA labels. */
function wordsOf(map: OffenMap): string {
  const root = map.shadowRoot!;
  const labels = [...root.querySelectorAll('[aria-label]')].map((n) => n.getAttribute('aria-label'));
  const placeholders = [...root.querySelectorAll('[placeholder]')].map((n) => n.getAttribute('placeholder'));
  return [root.textContent, ...labels, ...placeholders].join(' ');
}

describe('<offen-ideas> map view', () => {
  afterEach(() => forgetConsent());

  it('speaks of ideas: search label, count, list and map labels, in German and after switching to English', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="de">
        <offen-ideas src=${IDEEN} path="ideas" tile-url=${tileTemplate(tileKey('ideas-words'))}></offen-ideas>
      </div>`,
    );
    const el = wrapper.querySelector<OffenIdeas>('offen-ideas')!;
    const map = await openMap(el);
    const view = mapHarness(map);
    const search = view.searchField();
    expect(search.labels?.[0]?.textContent?.trim() ?? search.getAttribute('aria-label')).to.equal('Ideen durchsuchen');
    expect(view.countText()).to.equal('8 Ideen');
    expect(map.shadowRoot!.querySelector('[part~="list"]')!.getAttribute('aria-label')).to.equal('Liste der Ideen');
    expect(wordsOf(map)).to.contain('Karte der Ideen');
    expect(wordsOf(map)).not.to.match(/Angebot/);
    await expectAccessible(el);

    wrapper.lang = 'en';
    await until(() => view.countText() === '8 ideas', 'English count');
    expect(search.labels?.[0]?.textContent?.trim() ?? search.getAttribute('aria-label')).to.equal('Search the ideas');
    expect(map.shadowRoot!.querySelector('[part~="list"]')!.getAttribute('aria-label')).to.equal('List of the ideas');
    expect(wordsOf(map)).not.to.match(/offer/i);
  });

  it('asks no second consent: one given in another map of the page for the same tile host holds here too', async () => {
    const key = tileKey('ideas-consent');
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="de">
        <offen-map
          src=${demoDataUrl('angebote.geojson')}
          tile-url=${tileTemplate(tileKey('page'), otherOrigin())}
        ></offen-map>
        <offen-ideas src=${IDEEN} path="ideas" tile-url=${tileTemplate(key, otherOrigin())}></offen-ideas>
      </div>`,
    );
    const pageMap = wrapper.querySelector<OffenMap>('offen-map')!;
    await ready(pageMap);
    const ideasMap = await openMap(wrapper.querySelector<OffenIdeas>('offen-ideas')!);
    expect(!!mapHarness(ideasMap).consent(), 'the ideas map asks before loading tiles').to.equal(true);
    expect(await tileRequests(key)).to.equal(0);

    mapHarness(pageMap).consent()!.querySelector('button')!.click();
    await until(() => !mapHarness(ideasMap).consent(), 'the ideas map still asks');
    await until(async () => (await tileRequests(key)) > 0, 'the ideas map loads no tiles');
  });
});
