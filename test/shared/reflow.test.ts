import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/chart/offen-chart.js';
import '../../src/components/events/offen-events.js';
import '../../src/components/ideas/offen-ideas.js';
import '../../src/components/map/offen-map.js';
import { demoDataUrl } from '../helpers/server.js';
import { eventually } from '../helpers/wait.js';

/**
 * The elements (in shadow roots too) whose right edge passes the box's, by how much. What an ancestor clips
 * (overflow hidden, as Leaflet's container does with its drawing layers) cannot push the page sideways.
 */
function overflowing(box: HTMLElement): string[] {
  const right = box.getBoundingClientRect().right + 0.5;
  const found: string[] = [];
  const visit = (root: ParentNode) => {
    for (const el of root.children) {
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      if (rect.width > 0 && rect.right > right && style.visibility !== 'hidden') {
        found.push(`${el.localName}.${[...el.classList].join('.')} +${Math.round(rect.right - right)}px`);
      }
      if (style.overflowX === 'hidden' || style.overflowX === 'clip') continue;
      if (el.shadowRoot) visit(el.shadowRoot);
      visit(el);
    }
  };
  visit(box);
  return found;
}

for (const width of [320, 375]) {
  describe(`every widget at ${width} px`, () => {
    const cases = {
      map: html`<offen-map src=${demoDataUrl('angebote.geojson')} consent="required"></offen-map>`,
      events: html`<offen-events src=${demoDataUrl('termine.ics')} from="2026-01-01" to="2026-12-31"></offen-events>`,
      council: html`<offen-events
        src=${demoDataUrl('oparl/meeting.json')}
        format="oparl"
        group-by="month"
        from="2026-01-01"
        to="2026-12-31"
      ></offen-events>`,
      chart: html`<offen-chart src=${demoDataUrl('haushalt.csv')}></offen-chart>`,
      ideas: html`<offen-ideas src=${demoDataUrl('ideen.json')} submit-url="/ideas-api/ideas"></offen-ideas>`,
    };
    for (const [name, template] of Object.entries(cases)) {
      it(`${name}: nothing sticks out sideways`, async () => {
        const box = await fixture<HTMLDivElement>(
          html`<div style="width: ${width}px; overflow: auto">${template}</div>`,
        );
        const el = box.firstElementChild!;
        await eventually(
          () =>
            !!el.shadowRoot &&
            el.shadowRoot.querySelector('[data-state="loading"]') === null &&
            el.shadowRoot.childElementCount > 0,
          'never rendered',
        );
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(overflowing(box)).to.deep.equal([]);
        expect(box.scrollWidth).to.be.at.most(box.clientWidth);
      });
    }
  });
}
