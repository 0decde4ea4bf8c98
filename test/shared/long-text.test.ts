import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/events/offen-events.js';
import '../../src/components/ideas/offen-ideas.js';
import '../../src/components/map/offen-map.js';
import { clampText, TEXT_LENGTH, TITLE_LENGTH } from '../../src/shared/display-text.js';
import { eventually } from '../helpers/wait.js';

const HOSTILE = 'x'.repeat(500_000);
const blobUrl = (text: string, type: string) => URL.createObjectURL(new Blob([text], { type }));

/** The lengths of the runs of the hostile character in the widget's shadow DOM text. */
function runs(el: Element): number[] {
  return [...(el.shadowRoot!.textContent ?? '').matchAll(/x+/g)].map((match) => match[0].length);
}
const longestRun = (el: Element) => Math.max(0, ...runs(el));

describe('text from data is bounded for display', () => {
  it('clamps with an ellipsis and never splits a surrogate pair', () => {
    expect(clampText('kurz', 10)).to.equal('kurz');
    expect(clampText('abcdefghijk', 5)).to.equal('abcd…');
    expect(clampText('abc😀defgh', 5)).to.equal('abc…');
    expect(clampText('abc😀defgh', 6)).to.equal('abc😀…');
    expect(clampText(undefined, 5)).to.equal(undefined);
  });

  it('shows at most a few hundred characters of a 500 KB idea title, event title and map title', async () => {
    const ideas = [
      { id: 'a', title: HOSTILE, description: 'kurz', category: 'Verkehr', votes: 1 },
      { id: 'b', title: 'Normal', description: HOSTILE, category: 'Verkehr', votes: 2 },
    ];
    const board = await fixture<HTMLElement>(
      html`<offen-ideas src=${blobUrl(JSON.stringify(ideas), 'application/json')}></offen-ideas>`,
    );
    const events = await fixture<HTMLElement>(
      html`<offen-events
        src=${blobUrl(`titel;beginn;beschreibung\n${HOSTILE};24.12.2026 18:00;kurz\nNormal;25.12.2026 10:00;${HOSTILE}\n`, 'text/csv')}
        from="2026-12-01"
        to="2026-12-31"
      ></offen-events>`,
    );
    const geojson = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: HOSTILE }, geometry: { type: 'Point', coordinates: [12.59, 52.14] } },
      ],
    };
    const map = await fixture<HTMLElement>(
      html`<offen-map src=${blobUrl(JSON.stringify(geojson), 'application/geo+json')} consent="none"></offen-map>`,
    );
    for (const el of [board, events, map]) {
      await eventually(() => longestRun(el) > 0, 'never rendered');
      // No text longer than TEXT_LENGTH; the title as TITLE_LENGTH characters (the last one an ellipsis).
      expect(longestRun(el), el.localName).to.be.at.most(TEXT_LENGTH - 1);
      expect(runs(el), el.localName).to.include(TITLE_LENGTH - 1);
      expect(el.shadowRoot!.textContent).to.contain('x…');
    }
  });
});
