// Widget-level timing of <offen-events>: from inserting the element to the first render of the next 20 events of a
// generated 500-event calendar (fetch, parse, lazy expansion, date text, Lit render), against the straightforward
// way a page would do it by hand: fetch, ical.js parse, expand every event over a year, sort, take 20, and build a
// plain DOM list with Intl. The data layer's own expansion ratios are in ics.bench.ts; the calendar generator is
// shared with it.
import ICAL from 'ical.js';
import '../../src/components/events/offen-events.js';
import type { OffenEvents } from '../../src/components/events/offen-events.component.js';
import { generateCalendar } from './ics.bench.js';
import { median, type BenchRow } from './bench-utils.js';

const RUNS = 7;
const SHOWN = 20;
/** The fixed clock of the benchmark (the generated calendar is built around it). */
const NOW = new Date('2026-03-01T00:00:00Z');
const HORIZON = new Date('2027-03-01T00:00:00Z');

/** A fresh URL per run, so no cache or request sharing helps either side. */
function calendarUrl(text: string): string {
  return URL.createObjectURL(new Blob([text], { type: 'text/calendar' }));
}

async function renderOurs(text: string, host: HTMLElement): Promise<number> {
  const url = calendarUrl(text);
  const start = performance.now();
  const el = document.createElement('offen-events') as OffenEvents;
  el.now = NOW;
  el.setAttribute('format', 'ics');
  el.setAttribute('limit', String(SHOWN));
  el.setAttribute('page-size', String(SHOWN));
  el.setAttribute('src', url);
  host.append(el);
  await el.updateComplete;
  await el.loadComplete;
  await el.updateComplete;
  const shown = el.shadowRoot!.querySelectorAll('[part~="item"]').length;
  const time = performance.now() - start;
  if (shown !== SHOWN) throw new Error(`offen-events showed ${shown} events, expected ${SHOWN}`);
  el.remove();
  URL.revokeObjectURL(url);
  return time;
}

interface Occurrence {
  title: string;
  start: Date;
  end: Date;
  location: string;
}

async function renderReference(text: string, host: HTMLElement): Promise<number> {
  const url = calendarUrl(text);
  const start = performance.now();
  const body = await (await fetch(url)).text();
  const calendar = new ICAL.Component(ICAL.parse(body));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const horizon = ICAL.Time.fromJSDate(HORIZON, true);
  const occurrences: Occurrence[] = [];
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    if (event.isRecurrenceException()) continue;
    if (!event.isRecurring()) {
      if (event.endDate.toJSDate() > NOW) {
        occurrences.push({
          title: event.summary,
          start: event.startDate.toJSDate(),
          end: event.endDate.toJSDate(),
          location: event.location,
        });
      }
      continue;
    }
    const iterator = event.iterator();
    for (let next = iterator.next(); next && next.compare(horizon) < 0; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      const end = details.endDate.toJSDate();
      if (end <= NOW) continue;
      occurrences.push({
        title: details.item.summary,
        start: details.startDate.toJSDate(),
        end,
        location: details.item.location,
      });
    }
  }
  occurrences.sort((a, b) => a.start.getTime() - b.start.getTime());
  const date = new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const time = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' });
  const list = document.createElement('ul');
  for (const occurrence of occurrences.slice(0, SHOWN)) {
    const item = document.createElement('li');
    const when = document.createElement('time');
    when.textContent = `${date.format(occurrence.start)}, ${time.format(occurrence.start)}–${time.format(occurrence.end)} Uhr`;
    const title = document.createElement('strong');
    title.textContent = occurrence.title;
    const place = document.createElement('span');
    place.textContent = occurrence.location;
    item.append(when, ' ', title, ' ', place);
    list.append(item);
  }
  host.append(list);
  list.getBoundingClientRect();
  const elapsed = performance.now() - start;
  if (list.children.length !== SHOWN) throw new Error(`reference showed ${list.children.length} events`);
  list.remove();
  URL.revokeObjectURL(url);
  return elapsed;
}

export default async function (): Promise<BenchRow[]> {
  const text = generateCalendar(500);
  const host = document.createElement('div');
  document.body.append(host);
  // Warm-up: loads the lazily imported parser chunk and lets the JIT settle on both sides.
  await renderOurs(text, host);
  await renderReference(text, host);
  const ours: number[] = [];
  const reference: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push(await renderOurs(text, host));
    reference.push(await renderReference(text, host));
  }
  host.remove();
  return [
    {
      name: 'first render of the next 20 of 500 events (element inserted → list shown)',
      ours: median(ours),
      reference: median(reference),
      unit: 'ms',
      goal: '< 1× (faster than ical.js expansion + plain DOM list)',
      refName: 'ical.js expand 1 year + sort + DOM list',
    },
  ];
}
