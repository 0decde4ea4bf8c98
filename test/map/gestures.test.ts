import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/map/offen-map.js';
import type { OffenMap } from '../../src/components/map/offen-map.js';
import { expectAccessible } from '../helpers/axe.js';
import { demoDataUrl } from '../helpers/server.js';
import { ready, tileKey, tileTemplate, until } from './helpers.js';
import { mapHarness } from './harness.js';

const ANGEBOTE = demoDataUrl('angebote.geojson');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function angeboteMap(scrollZoom = false): Promise<OffenMap> {
  const el = await fixture<OffenMap>(
    html`<offen-map
      src=${ANGEBOTE}
      ?scroll-zoom=${scrollZoom}
      tile-url=${tileTemplate(tileKey('gestures'))}
      style="width: 900px"
    ></offen-map>`,
  );
  await ready(el);
  // Point markers, not any drawn id: the shapes of the file are tagged at once, the points drawn in slices after.
  await until(() => mapHarness(el).pointMarkers().length > 1, 'no point markers drawn');
  return el;
}

/** How far apart the first two markers are on screen: it grows when the map zooms in. */
function spread(el: OffenMap): number {
  const [a, b] = mapHarness(el)
    .pointMarkers()
    .slice(0, 2)
    .map((m) => m.getBoundingClientRect());
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** A wheel turn towards the reader (zoom in) over the middle of the map, as a mouse sends it. */
function wheel(el: OffenMap, init: WheelEventInit = {}): boolean {
  const area = mapHarness(el).mapArea()!;
  const box = area.getBoundingClientRect();
  const event = new WheelEvent('wheel', {
    deltaY: -500,
    clientX: box.x + box.width / 2,
    clientY: box.y + box.height / 2,
    bubbles: true,
    composed: true,
    cancelable: true,
    ...init,
  });
  area.querySelector('.leaflet-map-pane')!.dispatchEvent(event);
  return event.defaultPrevented;
}

const hint = (el: OffenMap) => el.shadowRoot!.querySelector('[part~="map"] ~ [role="status"]')!;

describe('<offen-map> gestures on an embedded map', () => {
  it('leaves the wheel to the page and shows a polite hint; Ctrl + wheel zooms', async () => {
    const el = await angeboteMap();
    const before = spread(el);
    expect(hint(el).textContent!.trim()).to.equal('');
    const prevented = wheel(el);
    await pause(300);
    expect(prevented, 'the page could not scroll').to.equal(false);
    expect(spread(el)).to.be.closeTo(before, 1);
    await until(() => hint(el).textContent!.includes('Strg gedrückt halten und scrollen'), 'no hint');
    expect(hint(el).closest('[aria-live="off"]')).to.equal(null);
    await expectAccessible(el);

    expect(wheel(el, { ctrlKey: true }), 'Ctrl + wheel scrolled the page').to.equal(true);
    await until(() => spread(el) > before * 1.5, 'Ctrl + wheel did not zoom');
  });

  it('zooms with the wheel alone with scroll-zoom, and shows no hint', async () => {
    const el = await angeboteMap(true);
    const before = spread(el);
    wheel(el);
    await until(() => spread(el) > before * 1.5, 'the wheel did not zoom');
    expect(hint(el).textContent!.trim()).to.equal('');
  });

  it('lets one finger scroll the page (with a hint in English) and keeps two-finger gestures for the map', async () => {
    const wrapper = await fixture(
      html`<div lang="en">
        <offen-map src=${ANGEBOTE} tile-url=${tileTemplate(tileKey('touch'))} style="width: 900px"></offen-map>
      </div>`,
    );
    const el = wrapper.querySelector('offen-map')!;
    await ready(el);
    const area = mapHarness(el).mapArea()!;
    expect(getComputedStyle(area).touchAction).to.equal('pan-x pan-y');
    const pane = area.querySelector('.leaflet-map-pane')!;
    const touch = (id: number, x: number) =>
      new Touch({ identifier: id, target: pane, clientX: x, clientY: 100, pageX: x, pageY: 100 });
    const send = (type: string, touches: Touch[]) =>
      pane.dispatchEvent(new TouchEvent(type, { touches, changedTouches: touches, bubbles: true, composed: true }));
    send('touchstart', [touch(1, 100)]);
    send('touchmove', [touch(1, 100)]);
    await until(() => hint(el).textContent!.includes('Use two fingers to move the map'), 'no touch hint');
    send('touchend', []);

    el.scrollZoom = true;
    await el.updateComplete;
    expect(getComputedStyle(area).touchAction, 'scroll-zoom lets Leaflet have every touch').to.equal('none');
  });
});
