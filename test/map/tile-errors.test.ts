import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/map/offen-map.js';
import type { OffenMap } from '../../src/components/map/offen-map.js';
import { expectAccessible } from '../helpers/axe.js';
import { demoDataUrl } from '../helpers/server.js';
import { ready, tileKey, tileRequests, tileTemplate, until } from './helpers.js';
import { forgetConsent } from '../../src/components/map/tiles.js';
import { mapHarness } from './harness.js';

const ANGEBOTE = demoDataUrl('angebote.geojson');
const tileError = (el: OffenMap) => el.shadowRoot!.querySelector<HTMLElement>('[part~="tile-error"]');

describe('<offen-map> when the tiles fail', () => {
  // Each test asks for consent itself: none carries over from the one before (consent holds for the page view).
  afterEach(() => forgetConsent());

  for (const status of [404, 500]) {
    it(`says so with "Erneut versuchen" when the tile server answers ${status}, and recovers on retry`, async () => {
      const key = tileKey(`fail${status}`);
      const el = await fixture<OffenMap>(
        html`<offen-map src=${ANGEBOTE} consent="required" tile-url=${tileTemplate(key)}></offen-map>`,
      );
      await ready(el);
      expect(tileError(el), 'a message before any tile was asked for').to.equal(null);
      mapHarness(el).consent()!.querySelector('button')!.click();
      await until(() => tileError(el), 'no message after the tiles failed');
      const message = tileError(el)!;
      expect(message.getAttribute('role')).to.equal('alert');
      expect(message.textContent).to.contain(`Die Hintergrundkarte konnte nicht von ${location.host} geladen werden.`);
      expect(message.textContent).to.contain('Markierungen und Liste funktionieren weiter.');
      // The markers and the list stay.
      expect(mapHarness(el).listEntries().length).to.be.greaterThan(0);
      await expectAccessible(el);

      // Still failing: the retry asks again and the message comes back.
      const before = await tileRequests(key);
      message.querySelector('button')!.click();
      await until(async () => (await tileRequests(key)) > before, 'retry asked for no tile');
      await until(() => tileError(el), 'no message after the retry failed too');

      // The server is back: the retry shows the map and the message goes.
      await fetch(`/tiles-heal/${key}`);
      tileError(el)!.querySelector('button')!.click();
      await until(() => mapHarness(el).tiles(true).length > 0, 'no tile after the server came back');
      expect(tileError(el)).to.equal(null);
      expect(el.shadowRoot!.activeElement).to.equal(mapHarness(el).mapArea());
    });
  }

  it('says it in English on an English page', async () => {
    const wrapper = await fixture(
      html`<div lang="en">
        <offen-map src=${ANGEBOTE} tile-url=${tileTemplate(tileKey('fail500-en'))}></offen-map>
      </div>`,
    );
    const el = wrapper.querySelector('offen-map')!;
    await ready(el);
    await until(() => tileError(el), 'no message');
    expect(tileError(el)!.textContent).to.contain('The background map could not be loaded from');
    expect(tileError(el)!.querySelector('button')!.textContent!.trim()).to.equal('Try again');
  });
});
