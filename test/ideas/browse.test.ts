import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/data/offen-data.js';
import type { OffenIdeas } from '../../src/components/ideas/offen-ideas.component.js';
import type { Dataset } from '../../src/data/types.js';
import { expectAccessible } from '../helpers/axe.js';
import { fixtureUrl } from '../helpers/server.js';
import { NOW, apiUrl, boardName, cardOf, control, createBoard, titles, until } from './helpers.js';
import { ideasHarness } from './harness.js';

// test/fixtures/ideas-board.json, newest first (created 24.06., 20.06., 01.06., 10.05., 01.04., 15.03.2026).
const NEWEST = [
  'Obstbäume an Feldwegen',
  'Spielplatz Lübnitz erneuern',
  'Bücherschrank am Markt',
  'Radweg nach Wiesenburg',
  'Mehr Mülleimer im Kurpark',
  'Busverbindung am Abend',
];

describe('<offen-ideas> browsing', () => {
  it('shows every published idea as a card with status, category, votes, comments and relative date', async () => {
    const el = await createBoard(boardName('cards'));
    expect(titles(el)).to.deep.equal(NEWEST);
    expect(ideasHarness(el).countText()).to.equal('6 Ideen');
    const card = cardOf(el, 'Obstbäume an Feldwegen');
    expect(card.headingLevel).to.equal('3');
    expect(card.meta).to.deep.equal(['In Umsetzung', 'Umwelt', 'vor 3 Tagen', 'von NABU']);
    expect(card.status).to.equal('In Umsetzung');
    expect(card.category).to.equal('Umwelt');
    expect(card.votes).to.equal('8 Stimmen');
    expect(card.comments).to.equal('3 Kommentare');
    expect(card.date).to.deep.equal({ text: 'vor 3 Tagen', datetime: '2026-06-24T12:00:00.000Z' });
    expect(cardOf(el, 'Radweg nach Wiesenburg').status).to.equal('Angenommen');
    expect(cardOf(el, 'Mehr Mülleimer im Kurpark').status).to.equal('Abgelehnt');
    expect(cardOf(el, 'Busverbindung am Abend').date!.text).to.equal('vor 3 Monaten');
    // Without vote-url the count is shown, but there is nothing to press.
    expect(
      ideasHarness(el)
        .cards()
        .some((c) => c.voteButton),
    ).to.equal(false);
  });

  it('sorts by most votes and most discussed', async () => {
    const el = await createBoard(boardName('sort'));
    ideasHarness(el).choose('Sortieren', 'votes');
    await el.updateComplete;
    expect(titles(el)).to.deep.equal([
      'Radweg nach Wiesenburg',
      'Busverbindung am Abend',
      'Mehr Mülleimer im Kurpark',
      'Bücherschrank am Markt',
      'Obstbäume an Feldwegen',
      'Spielplatz Lübnitz erneuern',
    ]);
    expect(el.getAttribute('sort')).to.equal('votes');
    el.sort = 'comments';
    await el.updateComplete;
    expect(titles(el)).to.deep.equal([
      'Busverbindung am Abend',
      'Bücherschrank am Markt',
      'Obstbäume an Feldwegen',
      'Radweg nach Wiesenburg',
      'Mehr Mülleimer im Kurpark',
      'Spielplatz Lübnitz erneuern',
    ]);
  });

  it('filters by category and by several statuses at once', async () => {
    const el = await createBoard(boardName('filter'));
    const board = ideasHarness(el);
    expect([...board.filterField('Kategorie').options].map((o) => o.textContent)).to.deep.equal([
      'Alle',
      'Kultur',
      'Soziales',
      'Umwelt',
      'Verkehr',
    ]);
    board.choose('Kategorie', 'Verkehr');
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Radweg nach Wiesenburg', 'Busverbindung am Abend']);
    expect(el.getAttribute('category')).to.equal('Verkehr');

    el.category = '';
    await el.updateComplete;
    // Everything but rejected: five statuses ticked.
    for (const status of ['Eingereicht', 'In Prüfung', 'Angenommen', 'In Umsetzung', 'Umgesetzt'])
      board.check(board.statusBox(status));
    await el.updateComplete;
    expect(el.getAttribute('status')).to.equal('submitted,in-review,accepted,in-progress,done');
    expect(titles(el)).to.have.length(5);
    expect(titles(el)).not.to.include('Mehr Mülleimer im Kurpark');

    el.status = 'rejected,done';
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Bücherschrank am Markt', 'Mehr Mülleimer im Kurpark']);
    expect(board.statusBox('Umgesetzt').checked).to.equal(true);
    expect(board.statusBox('Angenommen').checked).to.equal(false);

    // Status words of the page's language work as well.
    el.status = 'Umgesetzt';
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Bücherschrank am Markt']);
    expect(board.statusBox('Umgesetzt').checked).to.equal(true);
  });

  it('searches titles and descriptions, ignoring case and accents', async () => {
    const el = await createBoard(boardName('search'));
    const board = ideasHarness(el);
    board.search('WIESENBURG');
    await el.updateComplete;
    // "Radweg nach Wiesenburg" (title) and "Busverbindung am Abend" (description: "nach Wiesenburg").
    expect(titles(el)).to.deep.equal(['Radweg nach Wiesenburg', 'Busverbindung am Abend']);
    expect(el.q).to.equal('WIESENBURG');
    board.search('mulleimer');
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Mehr Mülleimer im Kurpark']);
    board.search('gibt es nicht');
    await el.updateComplete;
    expect(board.emptyText()).to.equal('Keine Idee passt zu Ihrer Auswahl.');
    expect(board.countText()).to.equal('0 Ideen');
  });

  it('pages with "Mehr anzeigen" and moves focus to the first new idea', async () => {
    const el = await createBoard(boardName('paging'), { attrs: { 'page-size': '4' } });
    expect(titles(el)).to.deep.equal(NEWEST.slice(0, 4));
    const board = ideasHarness(el);
    expect(board.moreButton()!.textContent!.trim()).to.equal('Mehr anzeigen (noch 2)');
    board.more();
    await until(() => titles(el).length === 6);
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement!.textContent!.trim()).to.equal(NEWEST[4]);
    expect(board.moreButton()).to.equal(null);
  });

  it('opens an idea in place with its whole text, safe links and keyboard handling', async () => {
    const el = await createBoard(boardName('open'));
    const button = cardOf(el, 'Obstbäume an Feldwegen').titleButton;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    setTimeout(() => button.click());
    const event = await oneEvent(el, 'offen-select');
    expect(event.detail.id).to.equal('b-6');
    expect(event.detail.record?.values.id).to.equal('b-6');
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const open = cardOf(el, 'Obstbäume an Feldwegen');
    expect(open.text).to.contain('Nicht klicken: javascript:alert(1)');
    const links = [...open.textElement!.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.org/obst']);
    expect(links[0].textContent).to.equal('https://example.org/obst');
    await expectAccessible(el);

    button.focus();
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.activeElement).to.equal(button);
    // Closed again: the short summary, without the links of the whole text.
    expect(cardOf(el, 'Obstbäume an Feldwegen').textElement!.querySelectorAll('a')).to.have.length(0);
  });

  it('shows a compact list with layout="list"', async () => {
    const el = await createBoard(boardName('list'), { attrs: { layout: 'list', 'heading-level': '2' } });
    expect(titles(el)).to.deep.equal(NEWEST);
    const cards = ideasHarness(el).cards();
    expect(cards.map((c) => c.headingLevel)).to.deep.equal(Array(6).fill('2'));
    // The compact list hides the summaries.
    expect(getComputedStyle(cards[0].textElement!).display).to.equal('none');
  });

  it('speaks English when the page does', async () => {
    const el = await createBoard(boardName('english'), { lang: 'en' });
    expect(ideasHarness(el).countText()).to.equal('6 ideas');
    const card = cardOf(el, 'Obstbäume an Feldwegen');
    expect(card.status).to.equal('In progress');
    expect(card.date!.text).to.equal('3 days ago');
    expect(card.votes).to.equal('8 votes');
  });

  it('shows the empty state with an invitation', async () => {
    const board = boardName('empty');
    await control(board, { seed: 'ideas-empty.json' });
    const el = await createBoard(board);
    expect(ideasHarness(el).emptyText()).to.equal('Noch keine Ideen – machen Sie den Anfang!');
    await expectAccessible(el);
  });

  it('shows an error with a retry button, and the retry loads the ideas', async () => {
    const board = boardName('error');
    await control(board, { fail: { list: { status: 503 } } });
    const events: string[] = [];
    const el = await createBoard(board);
    el.addEventListener('offen-load', () => events.push('load'));
    const shown = ideasHarness(el);
    expect(shown.state()).to.equal('error');
    expect(shown.errorText()).to.contain('Status 503');
    await expectAccessible(el);
    await control(board, { fail: { list: null } });
    shown.retryButton()!.click();
    await until(() => titles(el).length === 6, 'ideas after retry');
    expect(events).to.deep.equal(['load']);
  });

  it('shows ideas with coordinates on <offen-map> behind a list/map toggle', async () => {
    const el = await createBoard(boardName('map'));
    const board = ideasHarness(el);
    const [listButton, mapButton] = board.viewButtons();
    expect([listButton, mapButton].map((b) => b.textContent!.trim())).to.deep.equal(['Liste', 'Karte']);
    expect(listButton.getAttribute('aria-pressed')).to.equal('true');
    expect(board.map()).to.equal(null);
    mapButton.click();
    await until(() => board.map(), 'map element', 10_000);
    expect(mapButton.getAttribute('aria-pressed')).to.equal('true');
    expect(customElements.get('offen-map')).not.to.equal(undefined);
    const map = board.map() as HTMLElement & { data?: Dataset };
    const dataset = map.data!;
    // Only "Radweg nach Wiesenburg" has coordinates in the fixture.
    expect(dataset.records.map((r) => [r.id, r.values.title, r.values.status])).to.deep.equal([
      ['b-1', 'Radweg nach Wiesenburg', 'Angenommen'],
    ]);
    expect(dataset.records[0].geometry).to.deep.equal({ type: 'Point', coordinates: [12.52, 52.13] });
    expect(board.cards()).to.have.length(0);
    await (map as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    await expectAccessible(el);
    listButton.click();
    await el.updateComplete;
    expect(titles(el)).to.have.length(6);
  });

  it('explains a field mapping that does not fit, and fires offen-error', async () => {
    const errors: string[] = [];
    const wrapper = await fixture<HTMLDivElement>(
      html`<div @offen-error=${(e: CustomEvent<{ kind: string }>) => errors.push(e.detail.kind)}></div>`,
    );
    const el = document.createElement('offen-ideas');
    el.setAttribute('title-field', 'Überschrift');
    el.src = fixtureUrl('ideas-german.csv');
    wrapper.append(el);
    await el.updateComplete;
    await el.loadComplete;
    await el.updateComplete;
    const error = ideasHarness(el).errorText();
    expect(error).to.contain('Kein Feld für „title“ gefunden.');
    expect(error).to.contain('Titel');
    expect(errors).to.deep.equal(['mapping']);
    el.removeAttribute('title-field');
    await el.updateComplete;
    expect(titles(el)).to.have.length(3);
    expect(errors).to.deep.equal(['mapping']);
  });

  it('reads coordinates and dates through the data layer: lat-field/lon-field in decimal comma, created-field', async () => {
    const url = fixtureUrl('ideas-coordinates-dates.csv');
    // The board's own source, and a board inside <offen-data> that reads the shared dataset.
    const own = document.createElement('offen-ideas');
    own.setAttribute('lat-field', 'Nord');
    own.setAttribute('lon-field', 'Ost');
    own.setAttribute('created-field', 'Eingang');
    own.now = NOW;
    own.src = url;
    (await fixture<HTMLDivElement>(html`<div lang="de"></div>`)).append(own);
    const shared = await fixture<HTMLElement>(
      html`<offen-data src=${url} lang="de">
        <offen-ideas lat-field="Nord" lon-field="Ost" created-field="Eingang" .now=${NOW}></offen-ideas>
      </offen-data>`,
    );
    const inside = shared.querySelector('offen-ideas')!;
    for (const el of [own, inside]) {
      await el.updateComplete;
      await until(() => titles(el).length === 3, 'three ideas');
      const created = (title: string) => cardOf(el, title).date;
      // 26.06.2026 23:00 is Berlin summer time (UTC+2), whatever the machine's zone; "gestern" is no date.
      expect(created('Bank am Springbach')).to.deep.equal({
        text: 'vor 15 Stunden',
        datetime: '2026-06-26T21:00:00.000Z',
      });
      expect(created('Fahrradständer am Bahnhof')).to.equal(undefined);
      expect(created('Trinkbrunnen im Kurpark')!.datetime).to.equal('2026-06-24T00:00:00.000Z');
      const board = ideasHarness(el);
      board.viewButtons()[1].click();
      await until(() => board.map(), 'map element', 10_000);
      const map = board.map() as HTMLElement & { data?: Dataset };
      expect(map.data!.records.map((r) => [r.values.title, r.geometry])).to.deep.equal([
        ['Bank am Springbach', { type: 'Point', coordinates: [12.58233, 52.14012] }],
        ['Fahrradständer am Bahnhof', { type: 'Point', coordinates: [12.57889, 52.13472] }],
      ]);
    }
  });

  it('passes axe-core on the board with filters', async () => {
    const el = await createBoard(boardName('axe'), { vote: true, submit: true });
    await expectAccessible(el);
  });
});

describe('<offen-ideas> reads participation platforms without mapping attributes', () => {
  async function load(file: string, attrs: Record<string, string> = {}): Promise<OffenIdeas> {
    const el = await fixture<OffenIdeas>(html`<offen-ideas .now=${NOW}></offen-ideas>`);
    for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
    el.src = fixtureUrl(file);
    await el.updateComplete;
    await el.loadComplete;
    await el.updateComplete;
    return el;
  }

  it('Decidim proposals: translated title and body, state, voteCount, publishedAt, category', async () => {
    // The GraphQL answer nests the list; `path` points at it (a source attribute, not a field mapping).
    const el = await load('ideas-decidim.json', { path: 'data.component.proposals.nodes' });
    expect(titles(el)).to.deep.equal([
      'Wasserspielplatz im Stadtpark',
      'Zebrastreifen an der Grundschule',
      'Parkhaus am Bahnhof',
    ]);
    const park = cardOf(el, 'Wasserspielplatz im Stadtpark');
    expect(park.status).to.equal('In Prüfung');
    expect(park.votes).to.equal('17 Stimmen');
    expect(park.comments).to.equal('4 Kommentare');
    expect(park.text).to.equal('Ein flacher Wasserlauf mit Pumpe für Kinder.');
    expect(park.category).to.equal('Freizeit');
    expect(park.date!.text).to.equal('vor 2 Wochen');
    // Decidim's "withdrawn" counts as rejected unless status-map says otherwise.
    expect(cardOf(el, 'Parkhaus am Bahnhof').status).to.equal('Abgelehnt');
    // Coordinates make the list/map toggle appear.
    expect(ideasHarness(el).viewButtons()).to.have.length(2);
  });

  it('status-map maps another vocabulary', async () => {
    const el = await load('ideas-decidim.json', {
      path: 'data.component.proposals.nodes',
      'status-map': 'evaluating:accepted, withdrawn:submitted',
    });
    expect(cardOf(el, 'Wasserspielplatz im Stadtpark').status).to.equal('Angenommen');
    expect(cardOf(el, 'Parkhaus am Bahnhof').status).to.equal('Eingereicht');
  });

  it('CONSUL proposals: summary, cached_votes_up, comments_count, public_created_at, tags', async () => {
    const el = await load('ideas-consul.json', { sort: 'votes' });
    expect(titles(el)).to.deep.equal(['Solardächer auf Schulen', 'Mehr Bänke in der Fußgängerzone']);
    const solar = cardOf(el, 'Solardächer auf Schulen');
    expect(solar.votes).to.equal('340 Stimmen');
    expect(solar.comments).to.equal('31 Kommentare');
    expect(solar.text).to.equal('Alle Schuldächer mit Photovoltaik belegen.');
    expect(solar.category).to.equal('Umwelt');
    expect(cardOf(el, 'Mehr Bänke in der Fußgängerzone').category).to.equal('Soziales');
  });

  it('adhocracy+ ideas: name, positive_rating_count, comment_count, created, category', async () => {
    const el = await load('ideas-adhocracy.json');
    expect(titles(el)).to.deep.equal(['Jugendtreff länger öffnen', 'Gemeinschaftsgarten am Wasserturm']);
    const garden = cardOf(el, 'Gemeinschaftsgarten am Wasserturm');
    expect(garden.votes).to.equal('21 Stimmen');
    expect(garden.comments).to.equal('6 Kommentare');
    expect(garden.category).to.equal('Umwelt');
    expect(garden.date!.text).to.equal('vor 2 Wochen');
  });
});

describe('<offen-ideas> sources', () => {
  it('reads a German semicolon CSV with German column names, statuses and dates', async () => {
    const el = await fixture<OffenIdeas>(
      // A date without a time is midnight in some zone; 26 days later reads "vor 4 Wochen" in every zone.
      html`<offen-ideas
        src=${fixtureUrl('ideas-german.csv')}
        .now=${new Date('2026-07-20T12:00:00Z')}
        sort="votes"
      ></offen-ideas>`,
    );
    await el.loadComplete;
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Bänke am Hagelberg', 'Ladesäulen am Rathaus', 'Hundewiese']);
    const benches = cardOf(el, 'Bänke am Hagelberg');
    expect(benches.status).to.equal('Umgesetzt');
    expect(benches.date!.text).to.equal('vor 4 Wochen');
    expect(benches.votes).to.equal('14 Stimmen');
    expect(benches.comments).to.equal('2 Kommentare');
    expect(benches.author).to.equal('von Heimatverein');
    expect(cardOf(el, 'Ladesäulen am Rathaus').status).to.equal('In Prüfung');
    expect(cardOf(el, 'Hundewiese').status).to.equal('Abgelehnt');
  });

  it('shows the ideas of a parent <offen-data> and shares its filter', async () => {
    const board = boardName('shared');
    const data = await fixture<HTMLElement & { loadComplete: Promise<unknown>; filterState: object }>(
      html`<offen-data src=${apiUrl(board, '/ideas')} path="ideas"
        ><offen-ideas .now=${NOW} category="Umwelt"></offen-ideas
      ></offen-data>`,
    );
    await data.loadComplete;
    const el = data.querySelector('offen-ideas')!;
    await until(() => titles(el).length > 0, 'ideas from <offen-data>');
    expect(titles(el)).to.deep.equal(['Obstbäume an Feldwegen', 'Mehr Mülleimer im Kurpark']);
    const shown = ideasHarness(el);
    shown.check(shown.statusBox('Abgelehnt'));
    await el.updateComplete;
    expect(data.filterState).to.deep.include({ status: ['rejected'] });
    expect(titles(el)).to.deep.equal(['Mehr Mülleimer im Kurpark']);
  });
});

describe('<offen-ideas> renders untrusted data as text', () => {
  it('shows XSS payloads in every field literally and runs none of them', async () => {
    const board = boardName('xss');
    await control(board, { seed: 'ideas-xss.json' });
    const el = await createBoard(board, { vote: true, submit: true });
    const root = el.shadowRoot!;
    const shown = ideasHarness(el);
    shown.cards()[0].titleButton.click();
    await el.updateComplete;
    expect(root.querySelectorAll('img, script, svg, b, i')).to.have.length(0);
    const [card] = shown.cards();
    expect(card.title).to.equal('<img src=x onerror="window.__xss=1">Titel');
    expect(card.category).to.equal('<b onclick="window.__xss=6">Kat</b>');
    expect(card.author).to.equal('von "><svg onload="window.__xss=7">');
    expect(card.text).to.contain('<script>window.__xss=2</script>');
    const hrefs = [...root.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal(['https://example.org/ok']);
    expect(root.querySelectorAll('[onerror], [onclick], [onload], [onmouseover]')).to.have.length(0);
    // The category from the data also reaches the form's select as text.
    const options = [...shown.formField<HTMLSelectElement>('Kategorie').options].map((o) => o.value);
    expect(options).to.include('<b onclick="window.__xss=6">Kat</b>');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
  });
});
