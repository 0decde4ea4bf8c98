import { expect } from '@open-wc/testing';
import { RecurrenceBudgetError, RuleIterator, StepCounter } from '../../src/data/calendar/recurrence.js';
import { parseRecurrenceRule, RuleError } from '../../src/data/calendar/rrule.js';
import { DATEUTIL_CASES } from './rrule-dateutil-cases.js';

// The recurrence engine on its own, on wall clocks (no zones): python-dateutil's RRULE cases, RFC 5545's WKST
// example, and the promise that jumping to a window gives the same occurrences as walking there from DTSTART.

/** `1997-09-02 09:00[:06]` → wall ms. */
function wall(text: string): number {
  const [date, time] = text.split(' ');
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi, s = 0] = time.split(':').map(Number);
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

function show(ms: number): string {
  const iso = new Date(ms).toISOString();
  const text = `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  return text.endsWith(':00') ? text.slice(0, -3) : text;
}

function take(rule: string, start: string | number, n: number, from?: number): string[] {
  const iterator = new RuleIterator(parseRecurrenceRule(rule), typeof start === 'number' ? start : wall(start), {
    from,
  });
  const found: string[] = [];
  for (let next = iterator.next(); next !== null && found.length < n; next = iterator.next()) found.push(show(next));
  return found;
}

describe('recurrence engine: python-dateutil’s rrule cases', () => {
  for (const c of DATEUTIL_CASES) {
    it(`${c.name}: ${c.rule}`, () => {
      // One more than expected is asked for, so a COUNT that is not kept shows.
      const found = take(c.rule, c.start ?? '1997-09-02 09:00', c.expected.length + 1);
      expect(found).to.deep.equal(c.expected.map((e) => show(wall(e))));
    });
  }
});

describe('recurrence engine: RFC 5545 examples', () => {
  it('WKST changes which weeks a biweekly rule with two weekdays uses (RFC 5545 §3.3.10)', () => {
    const rule = 'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU';
    expect(take(`${rule};WKST=MO`, '1997-08-05 09:00', 5)).to.deep.equal([
      '1997-08-05 09:00',
      '1997-08-10 09:00',
      '1997-08-19 09:00',
      '1997-08-24 09:00',
    ]);
    expect(take(`${rule};WKST=SU`, '1997-08-05 09:00', 5)).to.deep.equal([
      '1997-08-05 09:00',
      '1997-08-17 09:00',
      '1997-08-19 09:00',
      '1997-08-31 09:00',
    ]);
  });

  it('the last weekday of the month with BYSETPOS=-1 (RFC 5545 §3.8.5.3)', () => {
    expect(take('FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', '1997-09-30 09:00', 4)).to.deep.equal([
      '1997-09-30 09:00',
      '1997-10-31 09:00',
      '1997-11-28 09:00',
      '1997-12-31 09:00',
    ]);
  });

  it('every Friday the 13th (RFC 5545 §3.8.5.3), found years apart', () => {
    expect(take('FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13', '1997-09-02 09:00', 5)).to.deep.equal([
      '1998-02-13 09:00',
      '1998-03-13 09:00',
      '1998-11-13 09:00',
      '1999-08-13 09:00',
      '2000-10-13 09:00',
    ]);
  });

  it('YEARLY with BYMONTHDAY but no BYMONTH repeats in every month, not only DTSTART’s', () => {
    expect(take('FREQ=YEARLY;BYMONTHDAY=-1', '2026-01-10 08:00', 3)).to.deep.equal([
      '2026-01-31 08:00',
      '2026-02-28 08:00',
      '2026-03-31 08:00',
    ]);
  });
});

describe('recurrence engine: jumping to the window', () => {
  // The walk from DTSTART has to stay short enough for a test: sub-daily rules get a window days, not years, ahead.
  const start = Date.UTC(1970, 0, 1, 9, 30, 15);
  const days = (n: number) => start + n * 86_400_000 + 5_432_000;
  const rules: [string, number][] = [
    ['FREQ=SECONDLY;INTERVAL=7', days(3)],
    ['FREQ=SECONDLY;INTERVAL=7;BYMINUTE=0,59;BYDAY=SA', days(9)],
    ['FREQ=MINUTELY;INTERVAL=13;BYHOUR=9,17', days(40)],
    ['FREQ=HOURLY;INTERVAL=5;BYDAY=MO,FR', days(300)],
    ['FREQ=DAILY;INTERVAL=3;BYMONTH=2,7', days(2000)],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=SU', days(2000)],
    ['FREQ=MONTHLY;INTERVAL=5;BYDAY=-1FR', days(2000)],
    ['FREQ=YEARLY;INTERVAL=3;BYWEEKNO=1,-1;BYDAY=MO', days(3000)],
    ['FREQ=MINUTELY;COUNT=100000000;INTERVAL=11', days(60)],
    ['FREQ=WEEKLY;COUNT=5000;BYDAY=MO,TH', days(2000)],
    ['FREQ=MONTHLY;BYMONTHDAY=31;BYSETPOS=1', days(2000)],
  ];
  for (const [rule, from] of rules) {
    it(`${rule}: the same occurrences after the window start as a walk from DTSTART`, () => {
      const walked: string[] = [];
      const iterator = new RuleIterator(parseRecurrenceRule(rule), start);
      for (let next = iterator.next(); next !== null && walked.length < 10; next = iterator.next()) {
        if (next >= from) walked.push(show(next));
      }
      const jumped = take(rule, start, 1000, from)
        .filter((text) => wall(text) >= from)
        .slice(0, 10);
      expect(walked.length).to.equal(10);
      expect(jumped).to.deep.equal(walked);
    });
  }

  it('reaches 2026 from a SECONDLY DTSTART of 1970 in a few steps', () => {
    const counter = new StepCounter();
    const iterator = new RuleIterator(parseRecurrenceRule('FREQ=SECONDLY'), 0, {
      from: Date.UTC(2026, 11, 3, 10),
      counter,
    });
    expect(show(iterator.next()!)).to.equal('2026-12-03 10:00');
    expect(counter.steps).to.be.below(10);
  });

  it('counts a COUNT rule forward instead of walking it', () => {
    const counter = new StepCounter();
    const rule = 'FREQ=MINUTELY;COUNT=30000000'; // ends on 2027-01-15 at 07:59
    const iterator = new RuleIterator(parseRecurrenceRule(rule), Date.UTC(1970, 0, 1), {
      from: Date.UTC(2027, 0, 15, 7, 0),
      counter,
    });
    const last: string[] = [];
    for (let next = iterator.next(); next !== null; next = iterator.next()) last.push(show(next));
    // DTSTART's own period is always read (it decides what COUNT has left), then the rule skips to the window.
    expect(last.slice(0, 2)).to.deep.equal(['1970-01-01 00:00', '2027-01-15 07:00']);
    expect(last.length).to.equal(61);
    expect(last.at(-1)).to.equal('2027-01-15 07:59');
    expect(counter.steps).to.be.below(20_000);
  });
});

describe('recurrence engine: where a rule ends', () => {
  it('hands out every occurrence of the last period before its end (a week ending on Wednesday keeps Monday)', () => {
    const iterator = new RuleIterator(parseRecurrenceRule('FREQ=WEEKLY;BYDAY=MO,WE'), wall('2026-01-05 10:00'), {
      until: wall('2026-01-14 10:00'),
    });
    const found: string[] = [];
    for (let next = iterator.next(); next !== null; next = iterator.next()) found.push(show(next));
    expect(found).to.deep.equal(['2026-01-05 10:00', '2026-01-07 10:00', '2026-01-12 10:00', '2026-01-14 10:00']);
  });
});

describe('recurrence engine: rules that cannot be followed', () => {
  it('says at once that a rule names a day no month has (BYMONTH=2;BYMONTHDAY=30)', () => {
    expect(() => new RuleIterator(parseRecurrenceRule('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30'), 0)).to.throw(
      RecurrenceBudgetError,
    );
  });

  it('says at once that the steps of a rule never reach the hour it asks for (every 24 hours from 10:00, at 09:00)', () => {
    expect(
      () => new RuleIterator(parseRecurrenceRule('FREQ=HOURLY;INTERVAL=24;BYHOUR=9'), wall('2026-01-01 10:00')),
    ).to.throw(RecurrenceBudgetError);
  });

  it('says at once that BYYEARDAY or BYWEEKNO name no day of the BYMONTH months (day 366 in January, week 1 in June)', () => {
    for (const rule of ['FREQ=SECONDLY;BYYEARDAY=366;BYMONTH=1', 'FREQ=YEARLY;BYWEEKNO=1;BYMONTH=6']) {
      expect(() => new RuleIterator(parseRecurrenceRule(rule), wall('2026-01-01 10:00'))).to.throw(
        RecurrenceBudgetError,
      );
    }
  });

  it('keeps week numbers that reach into a neighbouring year (week 1 in December, the last week in January) as dateutil does', () => {
    // Expected: dateutil's rrulestr with DTSTART 2026-01-01 10:00.
    expect(take('FREQ=YEARLY;BYWEEKNO=1;BYMONTH=12', '2026-01-01 10:00', 4)).to.deep.equal([
      '2029-12-31 10:00',
      '2030-12-30 10:00',
      '2030-12-31 10:00',
      '2031-12-29 10:00',
    ]);
    expect(take('FREQ=YEARLY;BYWEEKNO=-1;BYMONTH=1', '2026-01-01 10:00', 4)).to.deep.equal([
      '2027-01-01 10:00',
      '2027-01-02 10:00',
      '2027-01-03 10:00',
      '2028-01-01 10:00',
    ]);
  });

  it('stops with a budget error where a rule matches nothing for longer than its budget', () => {
    const counter = new StepCounter();
    counter.limit = 5_000;
    // Week 1 never holds day 100 of the year, but only looking at the days shows it.
    const iterator = new RuleIterator(
      parseRecurrenceRule('FREQ=DAILY;BYWEEKNO=1;BYYEARDAY=100'),
      wall('2026-01-01 10:00'),
      {
        counter,
      },
    );
    expect(() => iterator.next()).to.throw(RecurrenceBudgetError);
    expect(counter.steps).to.be.at.most(5_001 + 400);
  });

  it('reads a rule that RFC 5545 forbids but that feeds contain (WEEKLY with BYWEEKNO) as dateutil does', () => {
    // BYWEEKNO is a day part, so DTSTART's weekday is not added: every day of week 20.
    expect(take('FREQ=WEEKLY;BYWEEKNO=20', '2026-01-05 18:00', 8).slice(6)).to.deep.equal([
      '2026-05-17 18:00',
      '2027-05-17 18:00',
    ]);
  });

  it('rejects values outside their range and parts without a value', () => {
    for (const rule of [
      'FREQ=DAILY;BYHOUR=25',
      'FREQ=SOMETIMES',
      'BYDAY=MO',
      'FREQ=MONTHLY;BYMONTHDAY=0',
      'FREQ=DAILY;COUNT',
    ]) {
      expect(() => parseRecurrenceRule(rule), rule).to.throw(RuleError);
    }
  });

  it('reads a COUNT below 1 as no COUNT, as the feeds that write it mean', () => {
    expect(parseRecurrenceRule('FREQ=DAILY;COUNT=-1').count).to.equal(undefined);
    expect(take('FREQ=DAILY;COUNT=0', '2026-01-01 10:00', 3)).to.have.length(3);
  });
});
