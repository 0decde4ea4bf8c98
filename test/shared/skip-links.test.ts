import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/events/offen-events.js';
import '../../src/components/map/offen-map.js';
import type { OffenMap } from '../../src/components/map/offen-map.js';
import type { OffenEvents } from '../../src/components/events/offen-events.component.js';
import { expectAccessible } from '../helpers/axe.js';
import { focused, isShown, skipLinkOf as skipLink, tabToSkipLink } from '../helpers/focus.js';
import { demoDataUrl } from '../helpers/server.js';
import { ready, tileKey, tileTemplate, until } from '../map/helpers.js';

describe('"Liste überspringen" at the start of long lists', () => {
  it('map: appears on focus, and Enter then Tab goes on after the list', async () => {
    const wrapper = await fixture(
      html`<div>
        <button id="before">vorher</button>
        <offen-map src=${demoDataUrl('angebote.geojson')} tile-url=${tileTemplate(tileKey('skip'))}></offen-map>
        <button id="after">nachher</button>
      </div>`,
    );
    const el = wrapper.querySelector<OffenMap>('offen-map')!;
    await ready(el);
    const link = skipLink(el)!;
    expect(link, 'no skip link').to.exist;
    expect(isShown(link), 'visible without focus').to.equal(false);
    await tabToSkipLink(wrapper.querySelector('#before')!, el);
    expect(isShown(link), 'invisible with focus').to.equal(true);
    // It comes before the first entry of the list.
    expect(link.compareDocumentPosition(el.shadowRoot!.querySelector('[part~="item"]')!)).to.equal(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    await expectAccessible(el);
    await sendKeys({ press: 'Enter' });
    expect(focused()?.textContent?.trim()).to.equal('Ende der Liste');
    await sendKeys({ press: 'Tab' });
    // (Compared as a boolean: chai describing a wrong element walks the whole map and never ends.)
    expect(focused() === wrapper.querySelector('#after'), 'Tab did not go on after the list').to.equal(true);
  });

  it('events: in English, and Tab after the skip lands on "Show more"', async () => {
    const wrapper = await fixture(
      html`<div lang="en">
        <button id="before">before</button>
        <offen-events src=${demoDataUrl('termine.ics')} .now=${new Date('2026-11-26T10:00:00Z')}></offen-events>
      </div>`,
    );
    const el = wrapper.querySelector<OffenEvents>('offen-events')!;
    await el.loadComplete;
    await until(() => skipLink(el), 'no skip link');
    const link = skipLink(el)!;
    expect(link.textContent!.trim()).to.equal('Skip list');
    await tabToSkipLink(wrapper.querySelector('#before')!, el);
    expect(isShown(link)).to.equal(true);
    await expectAccessible(el);
    await sendKeys({ press: 'Enter' });
    expect(focused()?.textContent?.trim()).to.equal('End of the list');
    await sendKeys({ press: 'Tab' });
    expect(focused()?.textContent?.trim()).to.equal('Show more');
  });

  it('is left out of short lists', async () => {
    const el = await fixture<OffenEvents>(
      html`<offen-events
        src=${demoDataUrl('termine.ics')}
        limit="3"
        .now=${new Date('2026-11-26T10:00:00Z')}
      ></offen-events>`,
    );
    await el.loadComplete;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part~="item"]').length).to.equal(3);
    expect(skipLink(el)).to.equal(undefined);
  });
});
