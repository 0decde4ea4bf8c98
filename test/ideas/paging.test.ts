// The board pages in a paged source: the reference server's `next` links (test/servers/ideas.mjs serves a real
// offen-ideas API per board), one page at a time when the reader asks for more.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/ideas/offen-ideas.js';
import type { OffenIdeas } from '../../src/components/ideas/offen-ideas.component.js';
import { expectAccessible } from '../helpers/axe.js';

const NOW = new Date('2026-06-27T12:00:00Z');
const board = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
const api = (name: string, rest: string) => new URL(`/ideas-api/${name}${rest}`, location.href).href;

async function control(name: string, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(api(name, '/_control'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`control failed: ${response.status}`);
}

interface ListRequest {
  cursor: boolean;
  ifNoneMatch: boolean;
  status: number;
}
const listRequests = async (name: string): Promise<ListRequest[]> =>
  ((await (await fetch(api(name, '/_requests'), { cache: 'no-store' })).json()) as { lists: ListRequest[] }).lists;

async function createBoard(attrs: Record<string, string>, lang = 'de'): Promise<OffenIdeas> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
  const el = document.createElement('offen-ideas');
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
  el.now = NOW;
  el.path = 'ideas';
  wrapper.append(el);
  await el.updateComplete;
  await el.loadComplete;
  await el.updateComplete;
  return el;
}

// As a visitor reads the board: headings of the ideas, the count, the buttons by their text.
const root = (el: OffenIdeas) => el.shadowRoot!;
const titles = (el: OffenIdeas) =>
  [...root(el).querySelectorAll('li [role="heading"] button')].map((b) => b.textContent!.trim());
const count = (el: OffenIdeas) => root(el).querySelector('[role="status"].count')!.textContent!.trim();
const button = (el: OffenIdeas, text: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim().startsWith(text));
const alertText = (el: OffenIdeas) =>
  [...root(el).querySelectorAll('[role="alert"]')].map((a) => a.textContent!.replace(/\s+/g, ' ').trim());
const focused = (el: OffenIdeas) => root(el).activeElement?.textContent?.trim();
const until = (predicate: () => unknown, message: string) => waitUntil(predicate, message, { timeout: 8000 });

/** Presses a button the way a keyboard user does: focus, then activate. */
async function press(el: OffenIdeas, text: string): Promise<void> {
  const target = button(el, text);
  if (!target) throw new Error(`no button "${text}"`);
  target.focus();
  target.click();
  await el.updateComplete;
}

// test/fixtures/ideas-board.json newest first; the server pages it two at a time with ?limit=2.
const PAGE_1 = ['Obstbäume an Feldwegen', 'Spielplatz Lübnitz erneuern'];
const PAGE_2 = ['Bücherschrank am Markt', 'Radweg nach Wiesenburg'];
const PAGE_3 = ['Mehr Mülleimer im Kurpark', 'Busverbindung am Abend'];

describe('<offen-ideas> paging through a paged server', () => {
  it('shows the first page, loads the next on "Mehr anzeigen" with the focus on the first new idea, and stops at the last', async () => {
    const name = board('pages');
    const el = await createBoard({ src: api(name, '/ideas?limit=2'), 'page-size': '2' });
    expect(titles(el)).to.deep.equal(PAGE_1);
    expect(count(el)).to.equal('2 Ideen geladen');
    await expectAccessible(el);

    await press(el, 'Mehr anzeigen');
    await until(() => titles(el).length === 4, 'page 2 shown');
    expect(titles(el)).to.deep.equal([...PAGE_1, ...PAGE_2]);
    await until(() => focused(el) === PAGE_2[0], 'focus on the first idea of page 2');

    await press(el, 'Mehr anzeigen');
    await until(() => titles(el).length === 6, 'page 3 shown');
    expect(titles(el)).to.deep.equal([...PAGE_1, ...PAGE_2, ...PAGE_3]);
    await until(() => focused(el) === PAGE_3[0], 'focus on the first idea of page 3');
    // The last page has no next link: no button, and the count is of the whole board.
    expect(button(el, 'Mehr anzeigen')).to.equal(undefined);
    expect(count(el)).to.equal('6 Ideen');
    const requests = await listRequests(name);
    expect(requests.map((r) => r.cursor)).to.deep.equal([false, true, true]);
    await expectAccessible(el);
  });

  it("fills a page bigger than the server's from the next page, and searches and votes on every loaded page", async () => {
    const name = board('bigger');
    const el = await createBoard({
      src: api(name, '/ideas?limit=2'),
      'page-size': '3',
      'vote-url': api(name, '/votes'),
    });
    expect(titles(el)).to.deep.equal(PAGE_1);
    await press(el, 'Mehr anzeigen');
    await until(() => titles(el).length === 4, 'page 2 loaded');
    // Three more were asked for, but only four ideas are loaded so far: all of them, the focus on the third.
    await until(() => focused(el) === PAGE_2[0], 'focus on the first new idea');
    expect(button(el, 'Mehr anzeigen')!.textContent!.trim()).to.equal('Mehr anzeigen');

    const card = [...root(el).querySelectorAll('li')].find((li) => li.textContent!.includes('Radweg nach Wiesenburg'))!;
    const before = card.querySelector('.votes')!.textContent;
    card.querySelector<HTMLButtonElement>('[part="vote"]')!.click();
    await until(() => card.querySelector('[part="vote"]')!.getAttribute('aria-pressed') === 'true', 'voted');
    await until(() => card.querySelector('.votes')!.textContent !== before, 'count changed');

    const search = root(el).querySelector<HTMLInputElement>('input[type="search"]')!;
    search.value = 'Bücherschrank';
    search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await until(() => titles(el).length === 1, 'search applied');
    expect(titles(el)).to.deep.equal(['Bücherschrank am Markt']);
  });

  it('shows a failing next page as an error beside the list, keeps the ideas shown, and retries', async () => {
    const name = board('failing');
    const el = await createBoard({ src: api(name, '/ideas?limit=2'), 'page-size': '2' });
    await control(name, { fail: { page: { status: 500 } } });
    await press(el, 'Mehr anzeigen');
    await until(() => alertText(el).length > 0, 'error shown');
    expect(alertText(el)[0]).to.contain('Weitere Ideen konnten nicht geladen werden. Die gezeigten bleiben.');
    expect(alertText(el)[0]).to.contain('500');
    expect(titles(el)).to.deep.equal(PAGE_1);
    expect(button(el, 'Mehr anzeigen')).to.not.equal(undefined);
    await expectAccessible(el);

    await control(name, { fail: { page: null } });
    await press(el, 'Erneut versuchen');
    await until(() => titles(el).length === 4, 'page 2 after the retry');
    expect(alertText(el)).to.deep.equal([]);
    await until(() => focused(el) === PAGE_2[0], 'focus on the first new idea');
  });

  it('says so in English', async () => {
    const name = board('english');
    const el = await createBoard({ src: api(name, '/ideas?limit=2'), 'page-size': '2' }, 'en');
    expect(count(el)).to.equal('2 ideas loaded');
    await control(name, { fail: { page: { status: 404 } } });
    await press(el, 'Show more');
    await until(() => alertText(el).length > 0, 'error shown');
    expect(alertText(el)[0]).to.contain('More ideas could not be loaded. The ones shown stay.');
    expect(button(el, 'Try again')).to.not.equal(undefined);
  });

  it('revalidates a refresh with the ETag: the server answers 304 and the board stays', async () => {
    const name = board('etag');
    const el = await createBoard({ src: api(name, '/ideas'), refresh: '1' });
    expect(titles(el).length).to.equal(6);
    await until(async () => (await listRequests(name)).length >= 2, 'a refresh');
    const [first, refresh] = await listRequests(name);
    expect(first).to.deep.equal({ cursor: false, ifNoneMatch: false, status: 200 });
    expect(refresh).to.deep.equal({ cursor: false, ifNoneMatch: true, status: 304 });
    await el.updateComplete;
    expect(titles(el).length).to.equal(6);
    expect(count(el)).to.equal('6 Ideen');
  });
});
