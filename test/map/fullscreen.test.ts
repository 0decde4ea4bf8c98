import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/map/offen-map.js';
import type { OffenMap } from '../../src/components/map/offen-map.js';
import { expectAccessible } from '../helpers/axe.js';
import { demoDataUrl } from '../helpers/server.js';
import { ready, tileKey, tileTemplate, until } from './helpers.js';

const ANGEBOTE = demoDataUrl('angebote.geojson');

const fullscreenButton = (el: OffenMap) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => /^(Vollbild|Full screen)/.test(b.textContent!.trim()));

describe('<offen-map> full screen', () => {
  afterEach(async () => {
    if (document.fullscreenElement) await document.exitFullscreen();
  });

  it('enters full screen from the keyboard, says so on the button and in an attribute, and leaves again', async () => {
    const el = await fixture<OffenMap>(
      html`<offen-map src=${ANGEBOTE} tile-url=${tileTemplate(tileKey('fullscreen'))}></offen-map>`,
    );
    await ready(el);
    await until(() => fullscreenButton(el), 'no full-screen button');
    await expectAccessible(el);
    const button = fullscreenButton(el)!;
    expect(button.textContent!.trim()).to.equal('Vollbild');
    button.focus();
    // A real key press (browsers enter full screen only on a reader's action).
    await sendKeys({ press: 'Enter' });
    await until(() => el.fullscreen, 'not in full screen');
    expect(el.hasAttribute('fullscreen')).to.equal(true);
    expect(document.fullscreenElement).to.equal(el);
    // The map area (map, consent bar, attribution) fills the screen, not the whole widget.
    expect(el.shadowRoot!.fullscreenElement!.querySelector('[part~="map"]')).to.exist;
    expect(el.shadowRoot!.fullscreenElement!.querySelector('[part~="attribution"]')).to.exist;
    expect(button.textContent!.trim()).to.equal('Vollbild beenden');
    await expectAccessible(el);

    // Escape leaves full screen (also where the browser leaves the key to the page), and the state follows.
    await sendKeys({ press: 'Escape' });
    await until(() => !el.fullscreen, 'still in full screen');
    expect(el.hasAttribute('fullscreen')).to.equal(false);
    expect(button.textContent!.trim()).to.equal('Vollbild');

    // The button toggles back out as well.
    button.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.fullscreen, 'not in full screen again');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !el.fullscreen && !document.fullscreenElement, 'the button did not leave full screen');
  });

  it('is labelled in English on an English page', async () => {
    const wrapper = await fixture(
      html`<div lang="en"><offen-map src=${ANGEBOTE} tile-url=${tileTemplate(tileKey('fs-en'))}></offen-map></div>`,
    );
    const el = wrapper.querySelector('offen-map')!;
    await ready(el);
    await until(() => fullscreenButton(el));
    expect(fullscreenButton(el)!.textContent!.trim()).to.equal('Full screen');
  });
});
