import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/events/offen-events.js';
import type { OffenEvents } from '../../src/components/events/offen-events.component.js';
import { expectAccessible } from '../helpers/axe.js';
import { fixtureUrl } from '../helpers/server.js';

/** Thursday, 3 December 2026, 11:00 in Berlin. */
const NOW = new Date('2026-12-03T10:00:00Z');

async function show(el: Promise<OffenEvents>): Promise<OffenEvents> {
  const element = await el;
  await element.loadComplete;
  await element.updateComplete;
  return element;
}

const text = (el: OffenEvents) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const titles = (el: OffenEvents) =>
  [...el.shadowRoot!.querySelectorAll('[part~="item"] .title-text')].map((t) => t.textContent!.trim());

describe('<offen-events> with rules that cannot be read', () => {
  it('lists what can be read and says how many events could not be read', async () => {
    const el = await show(
      fixture<OffenEvents>(
        html`<offen-events
          src=${fixtureUrl('ics-hostile-rules.ics')}
          .now=${NOW}
          limit="3"
          group-by="none"
        ></offen-events>`,
      ),
    );
    expect(titles(el)).to.deep.equal(['SECONDLY seit 1970', 'SECONDLY seit 1970', 'SECONDLY seit 1970']);
    expect(text(el)).to.include('4 Termine konnten nicht gelesen werden');
    await expectAccessible(el);
  });

  it('says it in English on an English page', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en">
        <offen-events src=${fixtureUrl('ics-hostile-rules.ics')} .now=${NOW} limit="3"></offen-events>
      </div>`,
    );
    const el = await show(Promise.resolve(wrapper.querySelector<OffenEvents>('offen-events')!));
    expect(text(el)).to.include('4 events could not be read');
  });

  it('shows the coming seconds of a FREQ=SECONDLY rule that began last month, not an empty list', async () => {
    const el = await show(
      fixture<OffenEvents>(
        html`<offen-events src=${fixtureUrl('ics-secondly-last-month.ics')} .now=${NOW} limit="5"></offen-events>`,
      ),
    );
    expect(titles(el)).to.have.length(5);
    const when = el.shadowRoot!.querySelector('[part~="date"]')!.getAttribute('datetime');
    expect(when).to.equal('2026-12-03T10:00:00.000Z');
    expect(text(el)).not.to.include('konnten nicht gelesen');
  });
});
