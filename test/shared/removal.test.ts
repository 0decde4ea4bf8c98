import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/chart/offen-chart.js';
import '../../src/components/events/offen-events.js';
import '../../src/components/ideas/offen-ideas.js';
import '../../src/components/map/offen-map.js';
import { faultUrl } from '../helpers/server.js';
import { eventually } from '../helpers/wait.js';

/** What the test server saw for a key: requests, requests the client gave up before the answer, flaky requests. */
async function seen(key: string): Promise<{ count: number; aborted: number; flaky: number }> {
  return (await fetch(faultUrl(`count/${key}`))).json();
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let run = 0;
const keyFor = (name: string) => `removal-${name}-${Date.now().toString(36)}-${run++}`;

const TAGS = ['offen-map', 'offen-chart', 'offen-events', 'offen-ideas'] as const;

describe('removing a widget while it loads', () => {
  it('aborts each request of 32 widgets removed while their source loads, and none starts again', async () => {
    const keys = Array.from({ length: 32 }, (_, i) => keyFor(TAGS[i % 4]));
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const widgets = keys.map((key, i) => {
      const el = document.createElement(TAGS[i % 4]);
      el.setAttribute('src', faultUrl(`counted/${key}?delay=1500`));
      el.setAttribute('refresh', '1');
      host.append(el);
      return el;
    });
    // The browser sends six at a time to one server: wait until the first six have arrived …
    await eventually(
      async () => (await Promise.all(keys.map(seen))).filter((s) => s.count === 1).length >= 6,
      'the first requests never arrived',
      20_000,
    );
    for (const el of widgets) el.remove();
    await sleep(3000);
    // … then every request that reached the server was given up before its answer, the queued ones never left
    // the browser, and nothing asked again: not the retry, not the refresh timer.
    const after = await Promise.all(keys.map(seen));
    expect(after.filter((s) => s.count > 0).length).to.be.at.least(6);
    expect(after.map((s) => s.count <= 1 && s.aborted === s.count)).to.deep.equal(keys.map(() => true));
  });

  it('does not retry a failed request once the widget is gone', async () => {
    const key = keyFor('flaky');
    const el = document.createElement('offen-chart');
    el.setAttribute('src', faultUrl(`flaky/${key}`));
    await fixture(el);
    await eventually(async () => (await seen(key)).flaky === 1);
    // The first answer was a 500: the retry waits its back-off; the widget leaves meanwhile.
    el.remove();
    await sleep(2000);
    expect((await seen(key)).flaky).to.equal(1);
  });

  it('loads again when a removed widget comes back into the page', async () => {
    const key = keyFor('back');
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('offen-chart');
    el.setAttribute('src', faultUrl(`counted/${key}?delay=800`));
    host.append(el);
    await eventually(async () => (await seen(key)).count === 1);
    el.remove();
    await sleep(100);
    const loaded = oneEvent(el, 'offen-load');
    host.append(el);
    expect(((await loaded) as CustomEvent<{ count: number }>).detail.count).to.equal(1);
    expect(await seen(key)).to.deep.include({ count: 2, aborted: 1 });
  });
});
