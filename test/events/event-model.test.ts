import { expect } from '@open-wc/testing';
import {
  filterEvents,
  groupEvents,
  isOver,
  selectEvents,
  titleNamesCategory,
  type EventItem,
} from '../../src/components/events/event-model.js';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
let next = 0;
function event(
  title: string,
  start: Date,
  end: Date | null,
  allDay = false,
  extra: Partial<EventItem> = {},
): EventItem {
  return { id: String(next++), title, start, end, allDay, cancelled: false, ...extra };
}

describe('event selection', () => {
  // 26 Nov 2026, 23:30 in Berlin = 22:30 UTC; in New York it is still 17:30 on the 26th.
  const now = new Date('2026-11-26T22:30:00Z');
  const today = event('heute ganztägig', day('2026-11-26'), day('2026-11-27'), true);
  const yesterday = event('gestern ganztägig', day('2026-11-25'), day('2026-11-26'), true);
  const tomorrow = event('morgen ganztägig', day('2026-11-27'), null, true);
  const running = event('läuft noch', new Date('2026-11-26T20:00:00Z'), new Date('2026-11-26T23:00:00Z'));
  const over = event('vorbei', new Date('2026-11-26T18:00:00Z'), new Date('2026-11-26T20:00:00Z'));
  const noEnd = event('ohne Ende, begonnen', new Date('2026-11-26T22:00:00Z'), null);
  const all = [tomorrow, over, today, running, yesterday, noEnd];

  it('keeps running events and today’s all-day events as upcoming, in the zone of the widget', () => {
    const upcoming = selectEvents(all, { range: 'upcoming', now, timeZone: 'Europe/Berlin' });
    expect(upcoming.map((e) => e.title)).to.deep.equal(['heute ganztägig', 'läuft noch', 'morgen ganztägig']);
  });

  it('calls over exactly what the past range lists (no calendar button there)', () => {
    const over = all.filter((e) => isOver(e, now, 'Europe/Berlin')).map((e) => e.title);
    const past = selectEvents(all, { range: 'past', now, timeZone: 'Europe/Berlin' }).map((e) => e.title);
    expect([...over].sort()).to.deep.equal([...past].sort());
  });

  it('notices a title that names its category already (whole words, case and accents folded)', () => {
    const meeting = (title: string, category?: string) => event(title, now, null, false, { category });
    expect(
      titleNamesCategory(meeting('15. Sitzung – Stadtverordnetenversammlung', 'Stadtverordnetenversammlung'), 'de-DE'),
    ).to.equal(true);
    expect(
      titleNamesCategory(meeting('Haupt- und Finanzausschuss (4. Sitzung)', 'HAUPT- UND FINANZAUSSCHUSS'), 'de-DE'),
    ).to.equal(true);
    expect(titleNamesCategory(meeting('Ortsbeirat Lübnitz', 'Ortsbeirat Lubnitz'), 'de-DE')).to.equal(true);
    expect(titleNamesCategory(meeting('Sitzung des Bauausschusses', 'Bau'), 'de-DE')).to.equal(false);
    expect(titleNamesCategory(meeting('Wochenmarkt', 'Markt'), 'de-DE')).to.equal(false);
    expect(titleNamesCategory(meeting('Wochenmarkt'), 'de-DE')).to.equal(false);
  });

  it('lists the rest as past, newest first', () => {
    const past = selectEvents(all, { range: 'past', now, timeZone: 'Europe/Berlin' });
    expect(past.map((e) => e.title)).to.deep.equal(['ohne Ende, begonnen', 'vorbei', 'gestern ganztägig']);
  });

  it('decides "today" for all-day events by the zone: in Tokyo the 26th is already over', () => {
    const upcoming = selectEvents(all, { range: 'upcoming', now, timeZone: 'Asia/Tokyo' });
    expect(upcoming.map((e) => e.title)).to.deep.equal(['läuft noch', 'morgen ganztägig']);
  });

  it('cuts to a window and a limit', () => {
    const window = selectEvents(all, {
      range: 'all',
      now,
      timeZone: 'Europe/Berlin',
      from: new Date('2026-11-25T23:00:00Z'),
      to: new Date('2026-11-26T23:00:00Z'),
      limit: 3,
    });
    expect(window.map((e) => e.title)).to.deep.equal(['heute ganztägig', 'vorbei', 'läuft noch']);
  });

  it('filters by category and by text, and groups by month and day in the zone', () => {
    const a = event('Chorprobe', new Date('2026-11-30T23:30:00Z'), null, false, { category: 'Kultur' });
    const b = event('Ortsbeirat', new Date('2026-12-01T17:00:00Z'), null, false, {
      category: 'Verwaltung',
      location: 'Gemeindehaus Lübnitz',
    });
    expect(filterEvents([a, b], ['Kultur'], undefined, 'de-DE').map((e) => e.title)).to.deep.equal(['Chorprobe']);
    expect(filterEvents([a, b], [], 'lübnitz', 'de-DE').map((e) => e.title)).to.deep.equal(['Ortsbeirat']);
    // 23:30 UTC on 30 Nov is already 1 Dec in Berlin, but still November in New York.
    expect(groupEvents([a, b], 'month', 'Europe/Berlin').map((g) => g.key)).to.deep.equal(['2026-12']);
    expect(groupEvents([a, b], 'month', 'America/New_York').map((g) => g.key)).to.deep.equal(['2026-11', '2026-12']);
    expect(groupEvents([a, b], 'day', 'Europe/Berlin').map((g) => g.key)).to.deep.equal(['2026-12-01']);
  });
});
