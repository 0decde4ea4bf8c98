import { expect } from '@open-wc/testing';
import {
  formatBadge,
  formatEventWhen,
  formatGroupLabel,
  type DateTextOptions,
} from '../../src/components/events/event-format.js';
import { dayKey, floating, parseDateAttribute, zonedInstant } from '../../src/components/events/zoned-time.js';

const berlin: DateTextOptions = { locale: 'de-DE', lang: 'de', timeZone: 'Europe/Berlin' };
const newYork: DateTextOptions = { locale: 'de-DE', lang: 'de', timeZone: 'America/New_York' };
const english: DateTextOptions = { locale: 'en-GB', lang: 'en', timeZone: 'Europe/Berlin' };
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('event date text', () => {
  // 11 Aug 2020 18:00–21:00 in Berlin (CEST, UTC+2) is 16:00–19:00 UTC.
  const evening = { start: new Date('2020-08-11T16:00:00Z'), end: new Date('2020-08-11T19:00:00Z'), allDay: false };

  it('writes a German time range in Europe/Berlin', () => {
    expect(formatEventWhen(evening, berlin)).to.equal('Di., 11. Aug. 2020, 18:00–21:00 Uhr');
  });

  it('takes the zone from the options, not from the machine', () => {
    // The same instants are 12:00–15:00 in New York (EDT, UTC−4).
    expect(formatEventWhen(evening, newYork)).to.equal('Di., 11. Aug. 2020, 12:00–15:00 Uhr');
    const machineZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const other = machineZone === 'Europe/Berlin' ? newYork : berlin;
    expect(formatEventWhen(evening, other)).not.to.equal(formatEventWhen(evening, { ...other, timeZone: machineZone }));
  });

  it('crosses the date line of the zone: 23:30 in Berlin is the previous day in New York', () => {
    const late = { start: new Date('2026-12-01T22:30:00Z'), end: null, allDay: false };
    expect(formatEventWhen(late, berlin)).to.equal('Di., 1. Dez. 2026, 23:30 Uhr');
    expect(formatEventWhen(late, newYork)).to.equal('Di., 1. Dez. 2026, 17:30 Uhr');
    const early = { start: new Date('2026-12-01T23:30:00Z'), end: null, allDay: false };
    expect(formatEventWhen(early, berlin)).to.equal('Mi., 2. Dez. 2026, 00:30 Uhr');
    expect(formatEventWhen(early, newYork)).to.equal('Di., 1. Dez. 2026, 18:30 Uhr');
  });

  it('writes all-day events as calendar days in every zone', () => {
    const single = { start: day('2018-06-09'), end: day('2018-06-10'), allDay: true };
    expect(formatEventWhen(single, berlin)).to.equal('Sa., 9. Juni 2018, ganztägig');
    expect(formatEventWhen(single, newYork)).to.equal('Sa., 9. Juni 2018, ganztägig');
    const range = { start: day('2017-10-07'), end: day('2017-10-23'), allDay: true };
    expect(formatEventWhen(range, berlin)).to.equal('Sa., 7. Okt. – So., 22. Okt. 2017');
    const newYear = { start: day('2026-12-30'), end: day('2027-01-02'), allDay: true };
    expect(formatEventWhen(newYear, berlin)).to.equal('Mi., 30. Dez. 2026 – Fr., 1. Jan. 2027');
  });

  it('writes multi-day timed events with both days', () => {
    const weekend = { start: new Date('2027-05-14T16:00:00Z'), end: new Date('2027-05-16T12:00:00Z'), allDay: false };
    expect(formatEventWhen(weekend, berlin)).to.equal('Fr., 14. Mai, 18:00 Uhr – So., 16. Mai 2027, 14:00 Uhr');
  });

  it('says Heute and Morgen relative to the injected clock in the zone', () => {
    // 26 Nov 2026, 23:30 in Berlin: "today" is the 26th there, but already the 27th in UTC.
    const now = new Date('2026-11-26T22:30:00Z');
    const tonight = { start: new Date('2026-11-26T22:45:00Z'), end: null, allDay: false };
    expect(formatEventWhen(tonight, { ...berlin, now })).to.equal('Heute, 23:45 Uhr');
    const tomorrow = { start: day('2026-11-27'), end: day('2026-11-28'), allDay: true };
    expect(formatEventWhen(tomorrow, { ...berlin, now })).to.equal('Morgen, ganztägig');
    expect(formatEventWhen(tomorrow, { ...newYork, now })).to.equal('Morgen, ganztägig');
    const later = { start: day('2026-11-28'), end: null, allDay: true };
    expect(formatEventWhen(later, { ...berlin, now })).to.equal('Sa., 28. Nov. 2026, ganztägig');
  });

  it('follows the page language', () => {
    expect(formatEventWhen(evening, english)).to.match(/^Tue,? 11 Aug 2020, 18:00–21:00$/);
    expect(formatEventWhen(evening, { ...english, now: new Date('2020-08-11T08:00:00Z') })).to.equal(
      'Today, 18:00–21:00',
    );
  });

  it('labels month and day groups and builds the date badge', () => {
    expect(formatGroupLabel('2026-11', berlin)).to.equal('November 2026');
    expect(formatGroupLabel('2026-11-27', { ...berlin, now: new Date('2026-11-26T10:00:00Z') })).to.equal(
      'Morgen, Freitag, 27. November 2026',
    );
    expect(formatBadge({ start: evening.start, allDay: false }, berlin)).to.deep.equal({
      weekday: 'Di.',
      day: '11',
      month: 'Aug.',
    });
  });
});

describe('zoned time', () => {
  it('finds the instant of a wall time on both sides of a DST change', () => {
    expect(zonedInstant({ year: 2026, month: 3, day: 29, hour: 1, minute: 0 }, 'Europe/Berlin').toISOString()).to.equal(
      '2026-03-29T00:00:00.000Z',
    );
    expect(zonedInstant({ year: 2026, month: 3, day: 29, hour: 3, minute: 0 }, 'Europe/Berlin').toISOString()).to.equal(
      '2026-03-29T01:00:00.000Z',
    );
    expect(
      zonedInstant({ year: 2026, month: 11, day: 26, hour: 0, minute: 0 }, 'America/New_York').toISOString(),
    ).to.equal('2026-11-26T05:00:00.000Z');
  });

  it('reads from/to attributes as days in the zone', () => {
    expect(parseDateAttribute('2026-12-01', 'Europe/Berlin')?.toISOString()).to.equal('2026-11-30T23:00:00.000Z');
    expect(parseDateAttribute('2026-12-01', 'Europe/Berlin', true)?.toISOString()).to.equal('2026-12-01T23:00:00.000Z');
    expect(parseDateAttribute('2026-12-01T18:30', 'Europe/Berlin')?.toISOString()).to.equal('2026-12-01T17:30:00.000Z');
    expect(parseDateAttribute('2026-12-01T18:30:00Z', 'Europe/Berlin')?.toISOString()).to.equal(
      '2026-12-01T18:30:00.000Z',
    );
    expect(parseDateAttribute('01.12.2026', 'Europe/Berlin')).to.equal(undefined);
  });

  it('gives calendar days and floating time in the zone', () => {
    const instant = new Date('2026-11-26T23:30:00Z');
    expect(dayKey(instant, 'Europe/Berlin')).to.equal('2026-11-27');
    expect(dayKey(instant, 'America/New_York')).to.equal('2026-11-26');
    expect(new Date(floating(instant, 'Europe/Berlin')).toISOString()).to.equal('2026-11-27T00:30:00.000Z');
  });
});
