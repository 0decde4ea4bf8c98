import { expect } from '@open-wc/testing';
import { loadDataset } from '../../src/data/load.js';
import type { DataRecord, Dataset } from '../../src/data/types.js';
import { fixtureUrl } from '../helpers/server.js';

// What real exports do that the spec does not say, each as a small case in ics-export-cases.ics (written by us
// after the patterns of Outlook, Google, Confluence and holiday-calendar exports). Expected instants worked out by
// hand: Europe/Berlin is UTC+2 in summer, UTC+1 from 25 October 2026.

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

describe('iCalendar: cases from real exports (ics-export-cases.ics)', () => {
  let dataset: Dataset;
  const of = (uid: string): DataRecord[] => dataset.records.filter((r) => r.values.uid === uid);
  const starts = (uid: string) => of(uid).map((r) => iso(r.values.start));
  const shown = (uid: string) => of(uid).map((r) => `${iso(r.values.start)} ${r.values.title}`);

  before(async () => {
    dataset = await loadDataset({
      url: fixtureUrl('ics-export-cases.ics'),
      window: { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-06-01T00:00:00Z') },
    });
  });

  it('reads dates written without VALUE=DATE (DTSTART:20261225) as all-day dates, as holiday feeds mean them', () => {
    const christmas = of('weihnachten-2026@offen.test')[0].values;
    expect([iso(christmas.start), iso(christmas.end), christmas.allDay]).to.deep.equal([
      '2026-12-25T00:00:00.000Z',
      '2026-12-26T00:00:00.000Z',
      true,
    ]);
    const newYear = of('neujahr-2027@offen.test')[0].values;
    expect([iso(newYear.start), iso(newYear.end), newYear.allDay]).to.deep.equal([
      '2027-01-01T00:00:00.000Z',
      '2027-01-02T00:00:00.000Z',
      true,
    ]);
  });

  it('matches an Outlook override of an all-day series (RECURRENCE-ID at midnight in its own zone) by its date', () => {
    expect(shown('projektwoche@offen.test')).to.deep.equal([
      '2026-05-25T00:00:00.000Z Projektwoche',
      '2026-05-26T00:00:00.000Z Projektwoche',
      '2026-05-27T00:00:00.000Z Projektwoche',
      '2026-05-29T00:00:00.000Z Projektwoche',
      '2026-05-31T00:00:00.000Z Projektwoche (verschoben)',
    ]);
  });

  it('matches an override whose RECURRENCE-ID is written in another zone (UTC) by its instant', () => {
    expect(shown('ortsbeirat@offen.test')).to.deep.equal([
      '2026-06-01T16:00:00.000Z Ortsbeirat',
      '2026-06-09T16:00:00.000Z Ortsbeirat (Dienstag)',
      '2026-06-15T16:00:00.000Z Ortsbeirat',
    ]);
  });

  it('expands only the copy of a UID with the highest SEQUENCE', () => {
    expect(shown('chorprobe@offen.test')).to.deep.equal([
      '2026-07-02T17:00:00.000Z Chorprobe',
      '2026-07-09T17:00:00.000Z Chorprobe',
      '2026-07-16T17:00:00.000Z Chorprobe',
      '2026-07-23T17:00:00.000Z Chorprobe',
    ]);
  });

  it('among copies with the same SEQUENCE takes the later LAST-MODIFIED, wherever it stands in the file', () => {
    expect(shown('lesung@offen.test')).to.deep.equal(['2026-07-20T17:00:00.000Z Lesung mit Autorin']);
  });

  it('keeps different events that share a UID and differ in their start', () => {
    expect(shown('termin@offen.test')).to.deep.equal([
      '2026-07-21T08:00:00.000Z Sprechstunde A',
      '2026-07-22T08:00:00.000Z Sprechstunde B',
    ]);
  });

  it('gives RDATE;VALUE=PERIOD occurrences the end (or duration) of their period', () => {
    expect(of('perioden@offen.test').map((r) => [iso(r.values.start), iso(r.values.end)])).to.deep.equal([
      ['2026-08-01T08:00:00.000Z', '2026-08-01T10:00:00.000Z'],
      ['2026-08-05T08:00:00.000Z', '2026-08-05T15:00:00.000Z'],
      ['2026-08-10T08:00:00.000Z', '2026-08-10T11:00:00.000Z'],
    ]);
  });

  it('applies a RANGE=THISANDFUTURE override to its occurrence and every later one (values, time and length)', () => {
    expect(
      of('sprechstunde@offen.test').map((r) => [iso(r.values.start), iso(r.values.end), r.values.location]),
    ).to.deep.equal([
      ['2026-09-02T15:00:00.000Z', '2026-09-02T16:00:00.000Z', 'Rathaus'],
      ['2026-09-09T15:00:00.000Z', '2026-09-09T16:00:00.000Z', 'Rathaus'],
      ['2026-09-17T14:00:00.000Z', '2026-09-17T15:30:00.000Z', 'Stadtbibliothek'],
      ['2026-09-24T14:00:00.000Z', '2026-09-24T15:30:00.000Z', 'Stadtbibliothek'],
      ['2026-10-01T14:00:00.000Z', '2026-10-01T15:30:00.000Z', 'Stadtbibliothek'],
    ]);
  });

  it('reads COUNT=-1 as a rule without end, not as a series that stops at DTSTART', () => {
    expect(starts('markt@offen.test').slice(0, 4)).to.deep.equal([
      '2026-10-01T06:00:00.000Z',
      '2026-11-01T07:00:00.000Z',
      '2026-12-01T07:00:00.000Z',
      '2027-01-01T07:00:00.000Z',
    ]);
    expect(of('markt@offen.test')).to.have.length(8); // October 2026 … May 2027
  });

  it('keeps two overrides moved to the same start as two events, with ids of their own', () => {
    const training = of('training@offen.test');
    expect(training.map((r) => `${iso(r.values.start)} ${r.values.title}`)).to.deep.equal([
      '2026-10-07T16:00:00.000Z Training (Halle 1)',
      '2026-10-07T16:00:00.000Z Training (Halle 2)',
      '2026-10-19T16:00:00.000Z Training',
    ]);
    expect(new Set(training.map((r) => r.id)).size).to.equal(3);
  });

  it('counts a DTSTART the rule does not match as the first of COUNT occurrences (three, not four)', () => {
    expect(starts('vortrag@offen.test')).to.deep.equal([
      '2026-11-03T09:00:00.000Z',
      '2026-11-05T09:00:00.000Z',
      '2026-11-12T09:00:00.000Z',
    ]);
  });

  it('reads an Outlook VTIMEZONE on its own (GMT Standard Time): the spring gap, the doubled hour, winter', () => {
    // 01:30 on 29 March does not exist in London: read with the offset from before the gap (RFC 5545 §3.3.5).
    expect(starts('gmt-luecke@offen.test')).to.deep.equal(['2026-03-29T01:30:00.000Z']);
    // 01:30 on 25 October happens twice: the first one (summer time) is meant.
    expect(starts('gmt-doppelt@offen.test')).to.deep.equal(['2026-10-25T00:30:00.000Z']);
    expect(starts('gmt-winter@offen.test')).to.deep.equal(['2026-12-01T09:30:00.000Z']);
  });

  it('reads every event of the file', () => {
    expect(dataset.meta.unreadableEvents).to.equal(undefined);
  });
});
