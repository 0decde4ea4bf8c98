import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import type { EventItem } from '../../src/components/events/event-model.js';
import { escapeText, eventToIcs, foldLine, icsFileName } from '../../src/components/events/ics-export.js';

const now = new Date('2026-11-26T09:15:00Z');

function event(overrides: Partial<EventItem>): EventItem {
  return {
    id: '1',
    title: 'Sommerfest',
    start: new Date('2027-07-03T13:00:00Z'),
    end: new Date('2027-07-03T20:00:00Z'),
    allDay: false,
    cancelled: false,
    ...overrides,
  };
}

function parse(text: string): ICAL.Event {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zone = calendar.getFirstSubcomponent('vtimezone');
  if (zone) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent('vevent');
  expect(vevent, 'a VEVENT').to.exist;
  return new ICAL.Event(vevent!);
}

describe('ics export', () => {
  it('escapes TEXT values', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).to.equal('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets without splitting UTF-8 characters', () => {
    const line = `DESCRIPTION:${'Grüße aus Bad Belzig – '.repeat(12)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).to.be.greaterThan(1);
    for (const [i, part] of physical.entries()) {
      expect(new TextEncoder().encode(part).length).to.be.at.most(75);
      if (i > 0) expect(part.startsWith(' ')).to.equal(true);
      expect(part).not.to.contain('\uFFFD');
    }
    expect(physical.map((p, i) => (i ? p.slice(1) : p)).join('')).to.equal(line);
  });

  it('writes a timed event with TZID=Europe/Berlin that ical.js reads back to the same event', () => {
    const source = event({
      title: 'Sommerfest; mit Musik, Tanz & "Grill"',
      location: 'Burg Eisenhardt, Wittenberger Str. 14, 14806 Bad Belzig',
      description: 'Zeile eins\nZeile zwei mit Backslash \\ und Umlauten äöüß. '.repeat(4),
      category: 'Kultur',
      url: 'https://www.bad-belzig.de/sommerfest',
      uid: 'sommerfest-2027@bad-belzig.example',
    });
    const text = eventToIcs(source, { now, timeZone: 'Europe/Berlin' });
    expect(text.endsWith('\r\n')).to.equal(true);
    expect(text.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).to.be.at.most(75);
    expect(text).to.contain('DTSTART;TZID=Europe/Berlin:20270703T150000');
    expect(text).to.contain('BEGIN:VTIMEZONE');
    expect(text).to.contain('DTSTAMP:20261126T091500Z');

    const parsed = parse(text);
    expect(parsed.summary).to.equal(source.title);
    expect(parsed.location).to.equal(source.location);
    expect(parsed.description).to.equal(source.description);
    expect(parsed.uid).to.contain('sommerfest-2027@bad-belzig.example');
    expect(parsed.startDate.toJSDate().toISOString()).to.equal('2027-07-03T13:00:00.000Z');
    expect(parsed.endDate.toJSDate().toISOString()).to.equal('2027-07-03T20:00:00.000Z');
    expect(parsed.startDate.zone?.tzid).to.equal('Europe/Berlin');
    expect(parsed.component.getFirstPropertyValue('url')).to.equal('https://www.bad-belzig.de/sommerfest');
    expect(parsed.component.getFirstPropertyValue('categories')).to.equal('Kultur');
  });

  it('writes winter times with the standard offset', () => {
    const text = eventToIcs(event({ start: new Date('2026-12-05T17:00:00Z'), end: null }), {
      now,
      timeZone: 'Europe/Berlin',
    });
    expect(text).to.contain('DTSTART;TZID=Europe/Berlin:20261205T180000');
    expect(parse(text).startDate.toJSDate().toISOString()).to.equal('2026-12-05T17:00:00.000Z');
  });

  it('writes all-day events as VALUE=DATE with an exclusive end', () => {
    const text = eventToIcs(
      event({ start: new Date('2027-06-12T00:00:00Z'), end: new Date('2027-06-14T00:00:00Z'), allDay: true }),
      { now, timeZone: 'Europe/Berlin' },
    );
    expect(text).to.contain('DTSTART;VALUE=DATE:20270612');
    expect(text).to.contain('DTEND;VALUE=DATE:20270614');
    expect(text).not.to.contain('VTIMEZONE');
    const parsed = parse(text);
    expect(parsed.startDate.isDate).to.equal(true);
    expect(parsed.startDate.toString()).to.equal('2027-06-12');
    expect(parsed.endDate.toString()).to.equal('2027-06-14');
  });

  it('writes UTC times for other zones, marks cancelled events and drops unsafe URLs', () => {
    const text = eventToIcs(event({ cancelled: true, url: 'javascript:alert(1)' }), {
      now,
      timeZone: 'America/New_York',
    });
    expect(text).to.contain('DTSTART:20270703T130000Z');
    expect(text).to.contain('STATUS:CANCELLED');
    expect(text).not.to.contain('javascript');
    expect(parse(text).startDate.toJSDate().toISOString()).to.equal('2027-07-03T13:00:00.000Z');
  });

  it('gives each occurrence of a series its own UID', () => {
    const a = eventToIcs(event({ uid: 'serie@x' }), { now, timeZone: 'Europe/Berlin' });
    const b = eventToIcs(event({ uid: 'serie@x', start: new Date('2027-07-10T13:00:00Z') }), {
      now,
      timeZone: 'Europe/Berlin',
    });
    expect(parse(a).uid).not.to.equal(parse(b).uid);
  });

  it('names the file after the title', () => {
    expect(icsFileName({ title: 'Sitzung der SVV: Haushalt 2027' })).to.equal('Sitzung-der-SVV-Haushalt-2027.ics');
    expect(icsFileName({ title: '<>' })).to.equal('termin.ics');
  });
});
