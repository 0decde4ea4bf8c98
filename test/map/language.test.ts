import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/map/offen-map.js';
import type { OffenMap } from '../../src/components/map/offen-map.js';
import { demoDataUrl } from '../helpers/server.js';
import { ready, tileKey, tileTemplate, until } from './helpers.js';

const zoomTitles = (el: OffenMap) =>
  [...el.shadowRoot!.querySelectorAll('.leaflet-control-zoom a')].map(
    (a) => `${a.getAttribute('title')}|${a.getAttribute('aria-label')}`,
  );
const attribution = (el: OffenMap) => el.shadowRoot!.querySelector('[part~="attribution"]')?.textContent?.trim() ?? '';

describe('<offen-map> language switch at runtime', () => {
  it('renames the zoom buttons and the attribution when the page language changes, and back', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="de">
        <offen-map src=${demoDataUrl('angebote.geojson')} tile-url=${tileTemplate(tileKey('lang'))}></offen-map>
      </div>`,
    );
    const el = wrapper.querySelector('offen-map')!;
    await ready(el);
    await until(() => zoomTitles(el).length === 2, 'no zoom buttons');
    expect(zoomTitles(el)).to.deep.equal(['Vergrößern|Vergrößern', 'Verkleinern|Verkleinern']);
    expect(attribution(el)).to.contain('OpenStreetMap-Mitwirkende');

    wrapper.lang = 'en';
    await until(() => zoomTitles(el)[0] === 'Zoom in|Zoom in', 'zoom buttons stayed German');
    expect(zoomTitles(el)).to.deep.equal(['Zoom in|Zoom in', 'Zoom out|Zoom out']);
    expect(attribution(el)).to.contain('OpenStreetMap contributors');
    expect(el.shadowRoot!.querySelector('[part~="list"]')!.getAttribute('aria-label')).to.equal('List of the offers');

    wrapper.lang = 'de';
    await until(() => zoomTitles(el)[0] === 'Vergrößern|Vergrößern', 'did not switch back');
    expect(attribution(el)).to.contain('OpenStreetMap-Mitwirkende');
  });
});
