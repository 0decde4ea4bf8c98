import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import ICAL from 'ical.js';
import type { TemplateResult } from 'lit';
import '../../src/components/data/offen-data.js';
import type { OffenData } from '../../src/components/data/offen-data.component.js';
import '../../src/components/events/offen-events.js';
import type { OffenEvents } from '../../src/components/events/offen-events.component.js';
import type { EventSelectDetail } from '../../src/components/events/offen-events.component.js';
import { expectAccessible } from '../helpers/axe.js';
import { corpusUrl, demoDataUrl, faultUrl, fixtureUrl } from '../helpers/server.js';
import { eventsHarness } from './harness.js';

/** Thursday, 26 November 2026, 11:00 in Berlin. */
const NOW = new Date('2026-11-26T10:00:00Z');
const TERMINE = demoDataUrl('termine.ics');

async function show(template: TemplateResult): Promise<OffenEvents> {
  const el = await fixture<OffenEvents>(template);
  await el.loadComplete;
  await el.updateComplete;
  return el;
}

interface Shown {
  title: string;
  when: string;
  cancelled: boolean;
}

function items(el: OffenEvents): Shown[] {
  return eventsHarness(el)
    .events()
    .map(({ title, when, cancelled }) => ({ title, when, cancelled }));
}

const titles = (el: OffenEvents) => items(el).map((i) => i.title);
const whens = (el: OffenEvents) => items(el).map((i) => i.when);

describe('<offen-events> with an ICS feed', () => {
  it('lists upcoming events in Berlin time with Heute, Morgen, all-day ranges and EXDATEs skipped', async () => {
    const el = await show(
      html`<offen-events src=${TERMINE} .now=${NOW} group-by="none" page-size="20" limit="13"></offen-events>`,
    );
    expect(items(el).slice(0, 13)).to.deep.equal([
      { title: 'Lesung: Sagen aus dem Hohen Fläming', when: 'Heute, 19:00–21:00 Uhr', cancelled: false },
      { title: 'Wochenmarkt auf dem Marktplatz', when: 'Morgen, 08:00–13:00 Uhr', cancelled: false },
      { title: 'Weihnachtsmarkt auf der Burg Eisenhardt', when: 'Fr., 4. Dez. – So., 6. Dez. 2026', cancelled: false },
      { title: 'Wochenmarkt auf dem Marktplatz', when: 'Fr., 4. Dez. 2026, 08:00–13:00 Uhr', cancelled: false },
      { title: 'Repair-Café', when: 'Sa., 5. Dez. 2026, 10:00–13:00 Uhr', cancelled: false },
      { title: 'Wochenmarkt auf dem Marktplatz', when: 'Fr., 11. Dez. 2026, 08:00–13:00 Uhr', cancelled: false },
      { title: 'Adventskonzert in der Marienkirche', when: 'So., 13. Dez. 2026, 17:00–18:30 Uhr', cancelled: true },
      { title: 'Wochenmarkt auf dem Marktplatz', when: 'Fr., 18. Dez. 2026, 08:00–13:00 Uhr', cancelled: false },
      // 25 Dec and 1 Jan are EXDATEs of the weekly market.
      { title: 'Repair-Café', when: 'Sa., 2. Jan. 2027, 10:00–13:00 Uhr', cancelled: false },
      { title: 'Wochenmarkt auf dem Marktplatz', when: 'Fr., 8. Jan. 2027, 08:00–13:00 Uhr', cancelled: false },
      { title: 'Wochenmarkt auf dem Marktplatz', when: 'Fr., 15. Jan. 2027, 08:00–13:00 Uhr', cancelled: false },
      { title: 'Neujahrsempfang der Stadt Bad Belzig', when: 'Fr., 15. Jan. 2027, 19:00–22:00 Uhr', cancelled: false },
      { title: 'Tag der offenen Tür im Rathaus Wiesenburg', when: 'Sa., 16. Jan. 2027, ganztägig', cancelled: false },
    ]);
    const concert = eventsHarness(el).events()[6];
    expect(concert.element.querySelector('[part~="cancelled-badge"]')!.textContent).to.equal('abgesagt');
    await expectAccessible(el);
  });

  it('shows the same instants in America/New_York when told, whatever the machine zone is', async () => {
    const el = await show(
      html`<offen-events src=${TERMINE} .now=${NOW} timezone="America/New_York" group-by="none" limit="3">
      </offen-events>`,
    );
    // 19:00 in Berlin is 13:00 in New York; 08:00 Friday in Berlin is 02:00 Friday there.
    expect(whens(el)).to.deep.equal([
      'Heute, 13:00–15:00 Uhr',
      'Morgen, 02:00–07:00 Uhr',
      'Fr., 4. Dez. – So., 6. Dez. 2026',
    ]);
  });

  it('never shows an EXDATE occurrence of the weekly market', async () => {
    const el = await show(
      html`<offen-events src=${TERMINE} .now=${NOW} range="all" from="2026-12-19" to="2027-01-07"></offen-events>`,
    );
    expect(titles(el)).to.deep.equal(['Repair-Café']);
    expect(whens(el)).to.deep.equal(['Sa., 2. Jan. 2027, 10:00–13:00 Uhr']);
  });

  it('lists past events newest first', async () => {
    const el = await show(html`<offen-events src=${TERMINE} .now=${NOW} range="past" limit="5"></offen-events>`);
    expect(items(el).map((i) => `${i.when} ${i.title}`)).to.deep.equal([
      'Fr., 20. Nov. 2026, 08:00–13:00 Uhr Wochenmarkt auf dem Marktplatz',
      'Fr., 13. Nov. 2026, 08:00–13:00 Uhr Wochenmarkt auf dem Marktplatz',
      'Sa., 7. Nov. 2026, 10:00–13:00 Uhr Repair-Café',
      'Fr., 6. Nov. 2026, 08:00–13:00 Uhr Wochenmarkt auf dem Marktplatz',
      'Mi., 4. Nov. 2026, 18:00–21:00 Uhr Sitzung der Stadtverordnetenversammlung',
    ]);
  });

  it('limits to the next N days and groups by month', async () => {
    const el = await show(html`<offen-events src=${TERMINE} .now=${NOW} days="10"></offen-events>`);
    const headings = eventsHarness(el).groupHeadings();
    expect(headings.map((h) => h.textContent!.trim())).to.deep.equal(['November 2026', 'Dezember 2026']);
    expect(headings.map((h) => [h.getAttribute('role'), h.getAttribute('aria-level')])).to.deep.equal([
      ['heading', '3'],
      ['heading', '3'],
    ]);
    expect(titles(el)).to.deep.equal([
      'Lesung: Sagen aus dem Hohen Fläming',
      'Wochenmarkt auf dem Marktplatz',
      'Weihnachtsmarkt auf der Burg Eisenhardt',
      'Wochenmarkt auf dem Marktplatz',
      'Repair-Café',
    ]);
  });

  it('groups by day with Heute and Morgen in the heading', async () => {
    const el = await show(html`<offen-events src=${TERMINE} .now=${NOW} days="2" group-by="day"></offen-events>`);
    const headings = eventsHarness(el)
      .groupHeadings()
      .map((h) => h.textContent!.trim());
    expect(headings).to.deep.equal(['Heute, Donnerstag, 26. November 2026', 'Morgen, Freitag, 27. November 2026']);
  });

  it('downloads an .ics for one event that ical.js reads back to the same event', async () => {
    const el = await show(html`<offen-events src=${TERMINE} .now=${NOW} limit="1"></offen-events>`);
    let href = '';
    let fileName = '';
    el.shadowRoot!.addEventListener(
      'click',
      (event) => {
        const anchor = event.target as HTMLAnchorElement;
        if (anchor.localName !== 'a' || !anchor.download) return;
        href = anchor.href;
        fileName = anchor.download;
        event.preventDefault();
      },
      { capture: true },
    );
    eventsHarness(el).events()[0].addToCalendar!.click();
    expect(href).to.match(/^blob:/);
    expect(fileName).to.equal('Lesung-Sagen-aus-dem-Hohen-Fläming.ics');
    const text = await (await fetch(href)).text();
    expect(text).to.contain('\r\n');
    expect(text.replace(/\r\n/g, '')).not.to.match(/\n/);
    const calendar = new ICAL.Component(ICAL.parse(text));
    ICAL.TimezoneService.register(calendar.getFirstSubcomponent('vtimezone')!);
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.summary).to.equal('Lesung: Sagen aus dem Hohen Fläming');
    expect(event.location).to.equal('Stadtbibliothek, Straße der Einheit 5, 14806 Bad Belzig');
    expect(event.description).to.equal(
      'Eine Lesung für Erwachsene und Jugendliche.\nEintritt frei; Anmeldung erbeten.',
    );
    expect(event.startDate.toJSDate().toISOString()).to.equal('2026-11-26T18:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).to.equal('2026-11-26T20:00:00.000Z');
    expect(event.startDate.zone?.tzid).to.equal('Europe/Berlin');
    expect(event.uid).to.contain('lesung-bibliothek-2026@beispiel.offen');
  });

  it('offers a webcal: subscription for the feed', async () => {
    const el = await show(html`<offen-events src=${TERMINE} .now=${NOW} limit="2"></offen-events>`);
    const link = eventsHarness(el).subscribeLink()!;
    expect(link.getAttribute('href')).to.equal(TERMINE.replace(/^http:/, 'webcal:'));
    expect(link.textContent!.trim()).to.equal('Kalender abonnieren');
  });

  it('filters by category and search text, announcing the count', async () => {
    const el = await show(
      html`<offen-events src=${TERMINE} .now=${NOW} to="2027-01-31" page-size="30"></offen-events>`,
    );
    const list = eventsHarness(el);
    expect([...list.categorySelect()!.options].map((o) => o.textContent!.trim())).to.deep.equal([
      'Alle Kategorien',
      'Kultur',
      'Markt',
      'Umwelt',
      'Verwaltung',
    ]);
    list.choose('Kultur');
    await el.updateComplete;
    expect(el.getAttribute('category')).to.equal('Kultur');
    expect(titles(el)).to.deep.equal(['Lesung: Sagen aus dem Hohen Fläming', 'Adventskonzert in der Marienkirche']);
    expect(list.countText()).to.match(/^2 von \d+ Terminen$/);

    list.choose('');
    list.search('burg eisenhardt');
    await el.updateComplete;
    expect(titles(el)).to.deep.equal([
      'Weihnachtsmarkt auf der Burg Eisenhardt',
      'Neujahrsempfang der Stadt Bad Belzig',
    ]);
    await expectAccessible(el);
  });

  it('pages with "Mehr anzeigen" and moves focus to the first new event', async () => {
    const el = await show(html`<offen-events src=${TERMINE} .now=${NOW} page-size="3"></offen-events>`);
    expect(items(el)).to.have.length(3);
    const list = eventsHarness(el);
    const more = list.moreButton()!;
    expect(more.textContent!.trim()).to.equal('Mehr anzeigen');
    more.click();
    await el.updateComplete;
    expect(items(el)).to.have.length(6);
    // The focus is on the fourth event, the first new one (not on one of its buttons).
    expect(list.focusedEvent()?.element).to.equal(list.events()[3].element);
    expect(el.shadowRoot!.activeElement).to.equal(list.events()[3].element);
  });

  it('compact layout: date badge, title button that opens details and fires offen-select', async () => {
    const el = await show(html`<offen-events src=${TERMINE} .now=${NOW} layout="compact" limit="2"></offen-events>`);
    const list = eventsHarness(el);
    const [badge] = list.dateBadges();
    expect(badge.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Do. 26 Nov.');
    const button = list.events()[0].titleButton!;
    const details = el.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)!;
    expect(details.hidden).to.equal(true);
    await expectAccessible(el);
    setTimeout(() => button.click());
    const event = (await oneEvent(el, 'offen-select')) as CustomEvent<EventSelectDetail>;
    expect(event.detail.event.title).to.equal('Lesung: Sagen aus dem Hohen Fläming');
    expect(event.detail.id).to.equal(event.detail.event.id);
    expect(event.detail.record?.id).to.equal(event.detail.event.id);
    expect(event.detail.expanded).to.equal(true);
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(details.hidden).to.equal(false);
    expect(details.textContent).to.contain('Stadtbibliothek');
    await expectAccessible(el);
  });

  it('links locations to a map search only when map-url is set', async () => {
    const plain = await show(html`<offen-events src=${TERMINE} .now=${NOW} limit="1"></offen-events>`);
    expect(eventsHarness(plain).events()[0].element.querySelector('[part~="location"] a')).to.equal(null);
    const el = await show(
      html`<offen-events
        src=${TERMINE}
        .now=${NOW}
        limit="1"
        map-url="https://www.openstreetmap.org/search?query={location}"
      ></offen-events>`,
    );
    expect(
      eventsHarness(el).events()[0].element.querySelector<HTMLAnchorElement>('[part~="location"] a')!.href,
    ).to.equal(
      'https://www.openstreetmap.org/search?query=Stadtbibliothek%2C%20Stra%C3%9Fe%20der%20Einheit%205%2C%2014806%20Bad%20Belzig',
    );
  });

  it('says "Keine anstehenden Termine" when nothing is ahead', async () => {
    const el = await show(html`<offen-events src=${TERMINE} .now=${new Date('2029-06-01T10:00:00Z')}></offen-events>`);
    expect(eventsHarness(el).emptyText()).to.equal('Keine anstehenden Termine');
    await expectAccessible(el);
  });

  it('shows an error with a retry button when the feed is missing', async () => {
    const url = faultUrl(`status/404?events=${Math.random()}`);
    const el = await fixture<OffenEvents>(html`<offen-events src=${url} .now=${NOW}></offen-events>`);
    const list = eventsHarness(el);
    await waitUntil(() => list.state() === 'error');
    expect(list.errorText()).to.contain('Status 404');
    expect(list.retryButton()!.textContent!.trim()).to.equal('Erneut versuchen');
    await expectAccessible(el);
  });
});

describe('<offen-events> with real ICS corpus files', () => {
  it('expands the FabLab Cottbus Repair Café (monthly, first Saturday) between single events', async () => {
    const el = await show(
      html`<offen-events
        src=${corpusUrl('fablab-cottbus-events.ics')}
        .now=${NOW}
        range="all"
        from="2018-02-01"
        to="2018-04-30"
        group-by="none"
      ></offen-events>`,
    );
    expect(items(el).map((i) => `${i.when} | ${i.title}`)).to.deep.equal([
      'Sa., 3. Feb. 2018, 14:00–17:00 Uhr | Repair Café',
      'Sa., 3. März 2018, 14:00–17:00 Uhr | Repair Café',
      'Sa., 31. März 2018, 17:00–19:00 Uhr | Vereinssitzung',
      'Sa., 7. Apr. 2018, 14:00–17:00 Uhr | Repair Café',
      'Mi., 18. Apr. 2018, 18:00–20:00 Uhr | Let’s play: Kompass',
    ]);
  });

  it('shows the FabLab all-day event as a calendar day in any zone', async () => {
    for (const zone of ['Europe/Berlin', 'America/New_York']) {
      const el = await show(
        html`<offen-events
          src=${corpusUrl('fablab-cottbus-events.ics')}
          .now=${NOW}
          timezone=${zone}
          range="all"
          from="2018-06-09"
          to="2018-06-09"
        ></offen-events>`,
      );
      expect(items(el)).to.deep.include({
        title: 'Lab geschlossen: Wir sind auf dem Karlstraßenfest',
        when: 'Sa., 9. Juni 2018, ganztägig',
        cancelled: false,
      });
    }
  });

  it('skips the EXDATEs of the machBar Potsdam weekly school visits', async () => {
    const el = await show(
      html`<offen-events
        src=${corpusUrl('machbar-potsdam-google-calendar.ics')}
        .now=${NOW}
        range="all"
        from="2019-02-25"
        to="2019-03-17"
        q="Montessori"
      ></offen-events>`,
    );
    // Thursdays from 28 Feb and Fridays from 1 Mar; 7 and 8 March are EXDATEs.
    expect(whens(el)).to.deep.equal([
      'Do., 28. Feb. 2019, 08:30–14:30 Uhr',
      'Fr., 1. März 2019, 08:30–14:30 Uhr',
      'Do., 14. März 2019, 08:30–14:30 Uhr',
      'Fr., 15. März 2019, 08:30–14:30 Uhr',
    ]);
  });

  it('writes the machBar multi-day all-day CODEWEEK as a day range', async () => {
    const el = await show(
      html`<offen-events
        src=${corpusUrl('machbar-potsdam-google-calendar.ics')}
        .now=${NOW}
        range="all"
        from="2017-10-01"
        to="2017-10-31"
        q="codeweek"
      ></offen-events>`,
    );
    expect(whens(el)).to.deep.equal(['Sa., 7. Okt. – So., 22. Okt. 2017']);
  });
});

describe('<offen-events> with JSON', () => {
  it('finds records in an envelope, picks the German title and reads German dates as all-day', async () => {
    const el = await show(
      html`<offen-events
        src=${fixtureUrl('json-envelope-veranstaltungen.json')}
        path="result.records"
        location-field="adresse.ort"
        .now=${NOW}
        range="all"
        group-by="none"
      ></offen-events>`,
    );
    expect(items(el).map((i) => `${i.when} | ${i.title}`)).to.deep.equal([
      'So., 3. Mai 2026, ganztägig | Kräutermarkt Wiesenburg',
      'Sa., 17. Okt. 2026, ganztägig | Night of the museums',
      'Do., 24. Dez. 2026, ganztägig | Burgfest Bad Belzig',
    ]);
    const places = eventsHarness(el)
      .events()
      .map((e) => e.location);
    expect(places).to.deep.equal(['Ort: Wiesenburg/Mark', 'Ort: Bad Belzig', 'Ort: Bad Belzig']);
  });
});

describe('<offen-events> with OParl', () => {
  const huertgenwald = () => new URL('/oparl-test/huertgenwald/body/1/meeting', location.href).href;

  it('follows the relative next link of the Bad Belzig sample and marks the cancelled meeting', async () => {
    const el = await fixture<OffenEvents>(
      html`<offen-events
        src=${demoDataUrl('oparl/meeting.json')}
        .now=${NOW}
        group-by="none"
        limit="4"
      ></offen-events>`,
    );
    const load = (await oneEvent(el, 'offen-load')) as CustomEvent<{ meta: { pages?: number; format: string } }>;
    expect(load.detail.meta.format).to.equal('oparl');
    expect(load.detail.meta.pages).to.equal(2);
    await el.updateComplete;
    expect(items(el)).to.deep.equal([
      {
        title: '14. Sitzung – Haupt- und Finanzausschuss',
        when: 'Mi., 2. Dez. 2026, 17:30–19:30 Uhr',
        cancelled: false,
      },
      {
        title: '15. Sitzung – Stadtverordnetenversammlung Bad Belzig',
        when: 'Mi., 9. Dez. 2026, 18:00–21:00 Uhr',
        cancelled: false,
      },
      {
        title: '16. Sitzung – Ausschuss für Bauen, Stadtentwicklung und Umwelt',
        when: 'Mi., 20. Jan. 2027, 17:30–19:30 Uhr',
        cancelled: true,
      },
      {
        title: '17. Sitzung – Stadtverordnetenversammlung Bad Belzig',
        when: 'Mi., 27. Jan. 2027, 18:00–21:00 Uhr',
        cancelled: false,
      },
    ]);
    const [first, , cancelled] = eventsHarness(el).events();
    // The title names the committee already: the entry does not repeat it as its category.
    expect(first.category).to.equal('');
    // The meeting's state is a labelled state beside the date, not a description.
    expect(first.state).to.equal('Status: eingeladen');
    expect(first.description).to.equal('');
    expect(cancelled.state, 'a cancelled meeting repeats "abgesagt"').to.equal('');
    expect(first.link!.href).to.equal('https://ratsinfo.beispiel.bad-belzig.invalid/sitzung/14');
    expect(first.addToCalendar).to.exist;
    expect(eventsHarness(el).subscribeLink()).to.equal(null);
    await expectAccessible(el);
  });

  it('shows Hürtgenwald meetings of a window in order, with the committee as category and the web page as link', async () => {
    const el = await show(
      html`<offen-events
        src=${huertgenwald()}
        .now=${NOW}
        range="all"
        from="2007-01-01"
        to="2007-02-28"
        group-by="none"
      ></offen-events>`,
    );
    expect(items(el).map((i) => `${i.when} | ${i.title}`)).to.deep.equal([
      'Di., 23. Jan. 2007, 18:00–19:00 Uhr | Ausschuss für Jugend, Kultur und Vereine (2. 1. Sitzung)',
      'Di., 30. Jan. 2007, 18:00–19:00 Uhr | Ausschuss für Wirtschaft, Tourismus und Landwirtschaft (3. 3. Sitzung)',
      'Do., 1. Feb. 2007, 18:00–19:00 Uhr | Haupt- und Finanzausschuss (4. 7. Sitzung)',
    ]);
    const events = eventsHarness(el).events();
    // The committee is the category (the filter's options); each title names it already, so no entry repeats it.
    expect(events.map((e) => e.category)).to.deep.equal(['', '', '']);
    // Meetings of 2007 are over on the clock (2026): nothing to add to a calendar.
    expect(events.map((e) => e.addToCalendar)).to.deep.equal([null, null, null]);
    const link = events[0].link!;
    expect(link.href).to.equal(
      'https://sdnetrim.kdvz-frechen.de/rim4220/tops/?__=UGhVM0hpd2NXNFdFcExjZcNCX_UtW9yJvFvECTZ1HIc',
    );
  });

  it('starts the demo council list today: this month first, no calendar button and a state for past meetings', async () => {
    /** Friday, 4 December 2026, 10:00 in Berlin: meeting 14 (2 December) is over, 15 (9 December) ahead. */
    const friday = new Date('2026-12-04T09:00:00Z');
    const upcoming = await show(
      html`<offen-events src=${demoDataUrl('oparl/meeting.json')} format="oparl" .now=${friday}></offen-events>`,
    );
    const harness = eventsHarness(upcoming);
    expect(harness.groupHeadings()[0].textContent!.trim()).to.equal('Dezember 2026');
    expect(titles(upcoming)[0]).to.equal('15. Sitzung – Stadtverordnetenversammlung Bad Belzig');
    expect(harness.events().every((e) => e.addToCalendar || e.cancelled)).to.equal(true);

    const past = await show(
      html`<offen-events
        src=${demoDataUrl('oparl/meeting.json')}
        format="oparl"
        range="past"
        limit="2"
        group-by="none"
        .now=${friday}
      ></offen-events>`,
    );
    const [latest, before] = eventsHarness(past).events();
    expect([latest.title, before.title]).to.deep.equal([
      '14. Sitzung – Haupt- und Finanzausschuss',
      '13. Sitzung – Ausschuss für Bauen, Stadtentwicklung und Umwelt',
    ]);
    expect(latest.addToCalendar, 'a past meeting offers "Zum Kalender hinzufügen"').to.equal(null);
    expect(before.state).to.equal('Status: durchgeführt');
    expect(before.description).to.equal('');
    await expectAccessible(past);
  });

  it('shows the next Hürtgenwald meetings from the last page relative to the clock', async () => {
    const el = await show(
      html`<offen-events
        src=${huertgenwald()}
        .now=${new Date('2021-11-15T12:00:00Z')}
        limit="3"
        group-by="none"
      ></offen-events>`,
    );
    expect(items(el).map((i) => `${i.when} | ${i.title}`)).to.deep.equal([
      'Morgen, 18:30–20:00 Uhr | Ausschuss für Tourismus, Kultur und Ehrenamt (5. Sitzung)',
      'Do., 18. Nov. 2021, 17:00–18:30 Uhr | Ausschuss für Gemeindeentwicklung und Nachhaltigkeit (7. Sitzung)',
      'Do., 18. Nov. 2021, 18:30–20:00 Uhr | Generationenausschuss (5. Sitzung)',
    ]);
  });
});

describe('<offen-events> with CSV', () => {
  it('reads German date strings as Berlin time and date-only cells as all-day', async () => {
    const el = await show(
      html`<offen-events
        src=${fixtureUrl('events-bad-belzig.csv')}
        .now=${NOW}
        range="all"
        group-by="none"
      ></offen-events>`,
    );
    expect(items(el).map((i) => `${i.when} | ${i.title}`)).to.deep.equal([
      'Mo., 10. Aug. 2020, 16:00–18:00 Uhr | Bürgersprechstunde',
      'Di., 11. Aug. 2020, 18:00–21:00 Uhr | Sommerkino im Burghof',
      'Fr., 14. Aug. 2020, 10:00 Uhr | Stadtradeln: Auftakt',
      'Sa., 15. Aug. – So., 16. Aug. 2020 | Flohmarkt im Schlosspark',
      'Sa., 22. Aug. 2020, 14:00–17:00 Uhr | Sommerfest der Kita',
    ]);
    const link = eventsHarness(el)
      .events()
      .find((e) => e.link)!.link!;
    expect(link.href).to.equal('https://www.bad-belzig.de/beispiel/sommerkino');
    await expectAccessible(el);
  });

  it('takes the upcoming window relative to the injected clock', async () => {
    const el = await show(
      html`<offen-events
        src=${fixtureUrl('events-bad-belzig.csv')}
        .now=${new Date('2020-08-14T12:00:00Z')}
        group-by="none"
      ></offen-events>`,
    );
    expect(whens(el)).to.deep.equal(['Morgen – So., 16. Aug. 2020', 'Sa., 22. Aug. 2020, 14:00–17:00 Uhr']);
  });

  it('maps fields by attribute: the Kiel budget dates (DD.MM.YYYY) become all-day entries', async () => {
    const el = await show(
      html`<offen-events
        src=${corpusUrl('kiel-haushalt-2017-cp1252-TRUNCATED.csv')}
        .now=${NOW}
        range="all"
        title-field="Sachkonto-Bez"
        category-field="Produktbereich-Bez"
        limit="2"
        group-by="none"
      ></offen-events>`,
    );
    expect(items(el)).to.deep.equal([
      // The first two rows of the file, in file order (equal dates keep it).
      { title: 'Erstattungen von verbundenen Unternehmen,', when: 'So., 1. Jan. 2017, ganztägig', cancelled: false },
      {
        title: 'Ertr. a.d. Auflös./Herabsetzung d. Pensionsrückst.',
        when: 'So., 1. Jan. 2017, ganztägig',
        cancelled: false,
      },
    ]);
  });

  it('reports a field that does not exist, naming the fields there are', async () => {
    const el = await fixture<OffenEvents>(
      html`<offen-events src=${fixtureUrl('events-bad-belzig.csv')} .now=${NOW} title-field="Name"></offen-events>`,
    );
    const error = (await oneEvent(el, 'offen-error')) as CustomEvent<{ kind: string }>;
    expect(error.detail.kind).to.equal('mapping');
    await el.updateComplete;
    expect(eventsHarness(el).errorText()).to.contain('Titel, Beginn, Ende');
  });

  it('renders markup in the data as text and drops javascript: links', async () => {
    const el = await show(
      html`<offen-events src=${fixtureUrl('events-xss.csv')} .now=${NOW} range="all"></offen-events>`,
    );
    const root = el.shadowRoot!;
    expect(root.querySelector('img, script, b')).to.equal(null);
    expect(titles(el)).to.deep.equal(['<img src=x onerror="window.__xss=1">']);
    expect(root.textContent).to.contain('<script>window.__xss=2</script>');
    expect(root.textContent).to.contain('<b>fett</b>');
    expect(root.querySelector('a[href^="javascript"]')).to.equal(null);
    expect(eventsHarness(el).events()[0].link).to.equal(null);
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
    await expectAccessible(el);
  });
});

describe('<offen-events> inside <offen-data>', () => {
  it('shows the shared dataset and shares its category filter', async () => {
    const data = await fixture<OffenData>(
      html`<offen-data src=${fixtureUrl('events-bad-belzig.csv')}>
        <offen-events .now=${NOW} range="all" group-by="none"></offen-events>
      </offen-data>`,
    );
    await data.loadComplete;
    const el = data.querySelector('offen-events')!;
    await waitUntil(() => items(el).length === 5, 'the shared events render');
    data.setFilter({ category: ['Kultur'] });
    await waitUntil(() => items(el).length === 2, 'the shared filter applies');
    expect(titles(el)).to.deep.equal(['Sommerkino im Burghof', 'Sommerfest der Kita']);
    expect(el.getAttribute('category')).to.equal('Kultur');
  });
});

describe('<offen-events> language', () => {
  it('follows an English page', async () => {
    // The element's own lang counts like an ancestor's (fixture() of a plain div would wait for an animation
    // frame, which a background test page may never get).
    const el = await show(
      html`<offen-events lang="en-GB" src=${TERMINE} .now=${NOW} limit="2" group-by="none"></offen-events>`,
    );
    expect(whens(el)).to.deep.equal(['Today, 19:00–21:00', 'Tomorrow, 8:00–13:00']);
    expect(eventsHarness(el).events()[0].addToCalendar!.textContent).to.contain('Add to calendar');
  });
});
