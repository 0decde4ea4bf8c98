/**
 * Expected occurrences from python-dateutil's own RRULE tests, ported to RRULE text: every case of the YEARLY …
 * SECONDLY families in `dateutil/test/test_rrule.py` (repository dateutil/dateutil, commit
 * 0373c6f1795523a504489b0aebe01d6adeb92d10) except BYEASTER, which is not RFC 5545. Each case keeps its test name;
 * the rule parts are those of the `rrule(...)` call, the dates those of its expected list. DTSTART is 1997-09-02
 * 09:00 (a Tuesday) unless the case says otherwise.
 *
 * dateutil is © 2017- Paul Ganssle and dateutil contributors, © 2003-2011 Gustavo Niemeyer; its licence is
 * Apache-2.0 for contributions since 2017 and BSD-3-Clause for earlier code (see LICENSE in the repository). These
 * cases are data taken from it under those terms.
 */
export interface DateutilCase {
  name: string;
  rule: string;
  /** `YYYY-MM-DD HH:MM[:SS]`, wall clock */
  expected: string[];
  start?: string;
}

const C = (name: string, rule: string, expected: string[], start?: string): DateutilCase => ({
  name,
  rule,
  expected,
  start,
});

/** The time-part cases repeat for each frequency with the next period's date. */
function timeCases(freq: string, next: string): DateutilCase[] {
  return [
    C(`test${freq}ByHour`, `FREQ=${freq.toUpperCase()};COUNT=3;BYHOUR=6,18`, [
      '1997-09-02 18:00',
      `${next} 06:00`,
      `${next} 18:00`,
    ]),
    C(`test${freq}ByMinute`, `FREQ=${freq.toUpperCase()};COUNT=3;BYMINUTE=6,18`, [
      '1997-09-02 09:06',
      '1997-09-02 09:18',
      `${next} 09:06`,
    ]),
    C(`test${freq}BySecond`, `FREQ=${freq.toUpperCase()};COUNT=3;BYSECOND=6,18`, [
      '1997-09-02 09:00:06',
      '1997-09-02 09:00:18',
      `${next} 09:00:06`,
    ]),
    C(`test${freq}ByHourAndMinute`, `FREQ=${freq.toUpperCase()};COUNT=3;BYHOUR=6,18;BYMINUTE=6,18`, [
      '1997-09-02 18:06',
      '1997-09-02 18:18',
      `${next} 06:06`,
    ]),
    C(`test${freq}ByHourAndSecond`, `FREQ=${freq.toUpperCase()};COUNT=3;BYHOUR=6,18;BYSECOND=6,18`, [
      '1997-09-02 18:00:06',
      '1997-09-02 18:00:18',
      `${next} 06:00:06`,
    ]),
    C(`test${freq}ByMinuteAndSecond`, `FREQ=${freq.toUpperCase()};COUNT=3;BYMINUTE=6,18;BYSECOND=6,18`, [
      '1997-09-02 09:06:06',
      '1997-09-02 09:06:18',
      '1997-09-02 09:18:06',
    ]),
    C(
      `test${freq}ByHourAndMinuteAndSecond`,
      `FREQ=${freq.toUpperCase()};COUNT=3;BYHOUR=6,18;BYMINUTE=6,18;BYSECOND=6,18`,
      ['1997-09-02 18:06:06', '1997-09-02 18:06:18', '1997-09-02 18:18:06'],
    ),
  ];
}

/** The day-part cases that YEARLY, MONTHLY, WEEKLY and DAILY share (same expected dates at 09:00). */
function sharedDayCases(freq: string): DateutilCase[] {
  const f = freq.toUpperCase();
  const at9 = (dates: string[]) => dates.map((d) => `${d} 09:00`);
  return [
    C(
      `test${freq}ByMonthAndMonthDay`,
      `FREQ=${f};COUNT=3;BYMONTH=1,3;BYMONTHDAY=5,7`,
      at9(['1998-01-05', '1998-01-07', '1998-03-05']),
    ),
    C(
      `test${freq}ByMonthDayAndWeekDay`,
      `FREQ=${f};COUNT=3;BYMONTHDAY=1,3;BYDAY=TU,TH`,
      at9(['1998-01-01', '1998-02-03', '1998-03-03']),
    ),
    C(
      `test${freq}ByMonthAndMonthDayAndWeekDay`,
      `FREQ=${f};COUNT=3;BYMONTH=1,3;BYMONTHDAY=1,3;BYDAY=TU,TH`,
      at9(['1998-01-01', '1998-03-03', '2001-03-01']),
    ),
    C(
      `test${freq}ByYearDay`,
      `FREQ=${f};COUNT=4;BYYEARDAY=1,100,200,365`,
      at9(['1997-12-31', '1998-01-01', '1998-04-10', '1998-07-19']),
    ),
    C(
      `test${freq}ByYearDayNeg`,
      `FREQ=${f};COUNT=4;BYYEARDAY=-365,-266,-166,-1`,
      at9(['1997-12-31', '1998-01-01', '1998-04-10', '1998-07-19']),
    ),
    C(`test${freq}ByWeekNo`, `FREQ=${f};COUNT=3;BYWEEKNO=20`, at9(['1998-05-11', '1998-05-12', '1998-05-13'])),
    C(
      `test${freq}ByWeekNoAndWeekDay`,
      `FREQ=${f};COUNT=3;BYWEEKNO=1;BYDAY=MO`,
      at9(['1997-12-29', '1999-01-04', '2000-01-03']),
    ),
    C(
      `test${freq}ByWeekNoAndWeekDayLarge`,
      `FREQ=${f};COUNT=3;BYWEEKNO=52;BYDAY=SU`,
      at9(['1997-12-28', '1998-12-27', '2000-01-02']),
    ),
    C(
      `test${freq}ByWeekNoAndWeekDayLast`,
      `FREQ=${f};COUNT=3;BYWEEKNO=-1;BYDAY=SU`,
      at9(['1997-12-28', '1999-01-03', '2000-01-02']),
    ),
    C(
      `test${freq}ByWeekNoAndWeekDay53`,
      `FREQ=${f};COUNT=3;BYWEEKNO=53;BYDAY=MO`,
      at9(['1998-12-28', '2004-12-27', '2009-12-28']),
    ),
    C(`test${freq}ByMonthDay`, `FREQ=${f};COUNT=3;BYMONTHDAY=1,3`, at9(['1997-09-03', '1997-10-01', '1997-10-03'])),
  ];
}

/** Cases of the frequencies shorter than a day, whose expected lists are three consecutive periods. */
function subDailyDayCases(freq: string, unit: (base: string, i: number) => string): DateutilCase[] {
  const f = freq.toUpperCase();
  const run = (base: string, n = 3) => Array.from({ length: n }, (_, i) => unit(base, i));
  return [
    C(`test${freq}ByMonth`, `FREQ=${f};COUNT=3;BYMONTH=1,3`, run('1998-01-01 00')),
    C(`test${freq}ByMonthDay`, `FREQ=${f};COUNT=3;BYMONTHDAY=1,3`, run('1997-09-03 00')),
    C(`test${freq}ByMonthAndMonthDay`, `FREQ=${f};COUNT=3;BYMONTH=1,3;BYMONTHDAY=5,7`, run('1998-01-05 00')),
    C(`test${freq}ByWeekDay`, `FREQ=${f};COUNT=3;BYDAY=TU,TH`, run('1997-09-02 09')),
    C(`test${freq}ByNWeekDay`, `FREQ=${f};COUNT=3;BYDAY=1TU,-1TH`, run('1997-09-02 09')),
    C(`test${freq}ByMonthAndWeekDay`, `FREQ=${f};COUNT=3;BYMONTH=1,3;BYDAY=TU,TH`, run('1998-01-01 00')),
    C(`test${freq}ByMonthAndNWeekDay`, `FREQ=${f};COUNT=3;BYMONTH=1,3;BYDAY=1TU,-1TH`, run('1998-01-01 00')),
    C(`test${freq}ByMonthDayAndWeekDay`, `FREQ=${f};COUNT=3;BYMONTHDAY=1,3;BYDAY=TU,TH`, run('1998-01-01 00')),
    C(`test${freq}ByWeekNoAndWeekDay53`, `FREQ=${f};COUNT=3;BYWEEKNO=53;BYDAY=MO`, run('1998-12-28 00')),
  ];
}

const hours = (base: string, i: number) =>
  `${base.slice(0, 11)}${String(Number(base.slice(11)) + i).padStart(2, '0')}:00`;
const minutes = (base: string, i: number) => {
  const start = Number(base.slice(11)) * 60 + i;
  return `${base.slice(0, 11)}${String(Math.floor(start / 60)).padStart(2, '0')}:${String(start % 60).padStart(2, '0')}`;
};
const seconds = (base: string, i: number) => `${minutes(base, 0)}:${String(i).padStart(2, '0')}`;

export const DATEUTIL_CASES: DateutilCase[] = [
  // YEARLY
  C('testYearly', 'FREQ=YEARLY;COUNT=3', ['1997-09-02 09:00', '1998-09-02 09:00', '1999-09-02 09:00']),
  C('testYearlyInterval', 'FREQ=YEARLY;COUNT=3;INTERVAL=2', [
    '1997-09-02 09:00',
    '1999-09-02 09:00',
    '2001-09-02 09:00',
  ]),
  C('testYearlyIntervalLarge', 'FREQ=YEARLY;COUNT=3;INTERVAL=100', [
    '1997-09-02 09:00',
    '2097-09-02 09:00',
    '2197-09-02 09:00',
  ]),
  C('testYearlyByMonth', 'FREQ=YEARLY;COUNT=3;BYMONTH=1,3', [
    '1998-01-02 09:00',
    '1998-03-02 09:00',
    '1999-01-02 09:00',
  ]),
  C('testYearlyByWeekDay', 'FREQ=YEARLY;COUNT=3;BYDAY=TU,TH', [
    '1997-09-02 09:00',
    '1997-09-04 09:00',
    '1997-09-09 09:00',
  ]),
  C('testYearlyByNWeekDay', 'FREQ=YEARLY;COUNT=3;BYDAY=1TU,-1TH', [
    '1997-12-25 09:00',
    '1998-01-06 09:00',
    '1998-12-31 09:00',
  ]),
  C('testYearlyByNWeekDayLarge', 'FREQ=YEARLY;COUNT=3;BYDAY=3TU,-3TH', [
    '1997-12-11 09:00',
    '1998-01-20 09:00',
    '1998-12-17 09:00',
  ]),
  C('testYearlyByMonthAndWeekDay', 'FREQ=YEARLY;COUNT=3;BYMONTH=1,3;BYDAY=TU,TH', [
    '1998-01-01 09:00',
    '1998-01-06 09:00',
    '1998-01-08 09:00',
  ]),
  C('testYearlyByMonthAndNWeekDay', 'FREQ=YEARLY;COUNT=3;BYMONTH=1,3;BYDAY=1TU,-1TH', [
    '1998-01-06 09:00',
    '1998-01-29 09:00',
    '1998-03-03 09:00',
  ]),
  C('testYearlyByMonthAndNWeekDayLarge', 'FREQ=YEARLY;COUNT=3;BYMONTH=1,3;BYDAY=3TU,-3TH', [
    '1998-01-15 09:00',
    '1998-01-20 09:00',
    '1998-03-12 09:00',
  ]),
  C('testYearlyByMonthAndYearDay', 'FREQ=YEARLY;COUNT=4;BYMONTH=4,7;BYYEARDAY=1,100,200,365', [
    '1998-04-10 09:00',
    '1998-07-19 09:00',
    '1999-04-10 09:00',
    '1999-07-19 09:00',
  ]),
  C('testYearlyByMonthAndYearDayNeg', 'FREQ=YEARLY;COUNT=4;BYMONTH=4,7;BYYEARDAY=-365,-266,-166,-1', [
    '1998-04-10 09:00',
    '1998-07-19 09:00',
    '1999-04-10 09:00',
    '1999-07-19 09:00',
  ]),
  ...sharedDayCases('Yearly'),
  ...timeCases('Yearly', '1998-09-02'),
  C('testYearlyBySetPos', 'FREQ=YEARLY;COUNT=3;BYMONTHDAY=15;BYHOUR=6,18;BYSETPOS=3,-3', [
    '1997-11-15 18:00',
    '1998-02-15 06:00',
    '1998-11-15 18:00',
  ]),

  // MONTHLY
  C('testMonthly', 'FREQ=MONTHLY;COUNT=3', ['1997-09-02 09:00', '1997-10-02 09:00', '1997-11-02 09:00']),
  C('testMonthlyInterval', 'FREQ=MONTHLY;COUNT=3;INTERVAL=2', [
    '1997-09-02 09:00',
    '1997-11-02 09:00',
    '1998-01-02 09:00',
  ]),
  C('testMonthlyIntervalLarge', 'FREQ=MONTHLY;COUNT=3;INTERVAL=18', [
    '1997-09-02 09:00',
    '1999-03-02 09:00',
    '2000-09-02 09:00',
  ]),
  C('testMonthlyByMonth', 'FREQ=MONTHLY;COUNT=3;BYMONTH=1,3', [
    '1998-01-02 09:00',
    '1998-03-02 09:00',
    '1999-01-02 09:00',
  ]),
  C('testMonthlyByWeekDay', 'FREQ=MONTHLY;COUNT=3;BYDAY=TU,TH', [
    '1997-09-02 09:00',
    '1997-09-04 09:00',
    '1997-09-09 09:00',
  ]),
  C(
    'testMonthlyByWeekDay (third Monday)',
    'FREQ=MONTHLY;COUNT=3;BYDAY=+3MO',
    ['1997-09-15 00:00', '1997-10-20 00:00', '1997-11-17 00:00'],
    '1997-09-01 00:00',
  ),
  C('testMonthlyByNWeekDay', 'FREQ=MONTHLY;COUNT=3;BYDAY=1TU,-1TH', [
    '1997-09-02 09:00',
    '1997-09-25 09:00',
    '1997-10-07 09:00',
  ]),
  C('testMonthlyByNWeekDayLarge', 'FREQ=MONTHLY;COUNT=3;BYDAY=3TU,-3TH', [
    '1997-09-11 09:00',
    '1997-09-16 09:00',
    '1997-10-16 09:00',
  ]),
  C('testMonthlyByMonthAndWeekDay', 'FREQ=MONTHLY;COUNT=3;BYMONTH=1,3;BYDAY=TU,TH', [
    '1998-01-01 09:00',
    '1998-01-06 09:00',
    '1998-01-08 09:00',
  ]),
  C('testMonthlyByMonthAndNWeekDay', 'FREQ=MONTHLY;COUNT=3;BYMONTH=1,3;BYDAY=1TU,-1TH', [
    '1998-01-06 09:00',
    '1998-01-29 09:00',
    '1998-03-03 09:00',
  ]),
  C('testMonthlyByMonthAndNWeekDayLarge', 'FREQ=MONTHLY;COUNT=3;BYMONTH=1,3;BYDAY=3TU,-3TH', [
    '1998-01-15 09:00',
    '1998-01-20 09:00',
    '1998-03-12 09:00',
  ]),
  C('testMonthlyByMonthAndYearDay', 'FREQ=MONTHLY;COUNT=4;BYMONTH=4,7;BYYEARDAY=1,100,200,365', [
    '1998-04-10 09:00',
    '1998-07-19 09:00',
    '1999-04-10 09:00',
    '1999-07-19 09:00',
  ]),
  C('testMonthlyByMonthAndYearDayNeg', 'FREQ=MONTHLY;COUNT=4;BYMONTH=4,7;BYYEARDAY=-365,-266,-166,-1', [
    '1998-04-10 09:00',
    '1998-07-19 09:00',
    '1999-04-10 09:00',
    '1999-07-19 09:00',
  ]),
  ...sharedDayCases('Monthly'),
  ...timeCases('Monthly', '1997-10-02'),
  C('testMonthlyBySetPos', 'FREQ=MONTHLY;COUNT=3;BYMONTHDAY=13,17;BYHOUR=6,18;BYSETPOS=3,-3', [
    '1997-09-13 18:00',
    '1997-09-17 06:00',
    '1997-10-13 18:00',
  ]),

  // WEEKLY
  C('testWeekly', 'FREQ=WEEKLY;COUNT=3', ['1997-09-02 09:00', '1997-09-09 09:00', '1997-09-16 09:00']),
  C('testWeeklyInterval', 'FREQ=WEEKLY;COUNT=3;INTERVAL=2', [
    '1997-09-02 09:00',
    '1997-09-16 09:00',
    '1997-09-30 09:00',
  ]),
  C('testWeeklyIntervalLarge', 'FREQ=WEEKLY;COUNT=3;INTERVAL=20', [
    '1997-09-02 09:00',
    '1998-01-20 09:00',
    '1998-06-09 09:00',
  ]),
  C('testWeeklyByMonth', 'FREQ=WEEKLY;COUNT=3;BYMONTH=1,3', [
    '1998-01-06 09:00',
    '1998-01-13 09:00',
    '1998-01-20 09:00',
  ]),
  C('testWeeklyByWeekDay', 'FREQ=WEEKLY;COUNT=3;BYDAY=TU,TH', [
    '1997-09-02 09:00',
    '1997-09-04 09:00',
    '1997-09-09 09:00',
  ]),
  C('testWeeklyByNWeekDay', 'FREQ=WEEKLY;COUNT=3;BYDAY=1TU,-1TH', [
    '1997-09-02 09:00',
    '1997-09-04 09:00',
    '1997-09-09 09:00',
  ]),
  C('testWeeklyByMonthAndWeekDay', 'FREQ=WEEKLY;COUNT=3;BYMONTH=1,3;BYDAY=TU,TH', [
    '1998-01-01 09:00',
    '1998-01-06 09:00',
    '1998-01-08 09:00',
  ]),
  C('testWeeklyByMonthAndNWeekDay', 'FREQ=WEEKLY;COUNT=3;BYMONTH=1,3;BYDAY=1TU,-1TH', [
    '1998-01-01 09:00',
    '1998-01-06 09:00',
    '1998-01-08 09:00',
  ]),
  C('testWeeklyByMonthAndYearDay', 'FREQ=WEEKLY;COUNT=4;BYMONTH=1,7;BYYEARDAY=1,100,200,365', [
    '1998-01-01 09:00',
    '1998-07-19 09:00',
    '1999-01-01 09:00',
    '1999-07-19 09:00',
  ]),
  C('testWeeklyByMonthAndYearDayNeg', 'FREQ=WEEKLY;COUNT=4;BYMONTH=1,7;BYYEARDAY=-365,-266,-166,-1', [
    '1998-01-01 09:00',
    '1998-07-19 09:00',
    '1999-01-01 09:00',
    '1999-07-19 09:00',
  ]),
  ...sharedDayCases('Weekly'),
  ...timeCases('Weekly', '1997-09-09'),
  C('testWeeklyBySetPos', 'FREQ=WEEKLY;COUNT=3;BYDAY=TU,TH;BYHOUR=6,18;BYSETPOS=3,-3', [
    '1997-09-02 18:00',
    '1997-09-04 06:00',
    '1997-09-09 18:00',
  ]),

  // DAILY
  C('testDaily', 'FREQ=DAILY;COUNT=3', ['1997-09-02 09:00', '1997-09-03 09:00', '1997-09-04 09:00']),
  C('testDailyInterval', 'FREQ=DAILY;COUNT=3;INTERVAL=2', ['1997-09-02 09:00', '1997-09-04 09:00', '1997-09-06 09:00']),
  C('testDailyIntervalLarge', 'FREQ=DAILY;COUNT=3;INTERVAL=92', [
    '1997-09-02 09:00',
    '1997-12-03 09:00',
    '1998-03-05 09:00',
  ]),
  C('testDailyByMonth', 'FREQ=DAILY;COUNT=3;BYMONTH=1,3', ['1998-01-01 09:00', '1998-01-02 09:00', '1998-01-03 09:00']),
  C('testDailyByWeekDay', 'FREQ=DAILY;COUNT=3;BYDAY=TU,TH', [
    '1997-09-02 09:00',
    '1997-09-04 09:00',
    '1997-09-09 09:00',
  ]),
  C('testDailyByNWeekDay', 'FREQ=DAILY;COUNT=3;BYDAY=1TU,-1TH', [
    '1997-09-02 09:00',
    '1997-09-04 09:00',
    '1997-09-09 09:00',
  ]),
  C('testDailyByMonthAndWeekDay', 'FREQ=DAILY;COUNT=3;BYMONTH=1,3;BYDAY=TU,TH', [
    '1998-01-01 09:00',
    '1998-01-06 09:00',
    '1998-01-08 09:00',
  ]),
  C('testDailyByMonthAndNWeekDay', 'FREQ=DAILY;COUNT=3;BYMONTH=1,3;BYDAY=1TU,-1TH', [
    '1998-01-01 09:00',
    '1998-01-06 09:00',
    '1998-01-08 09:00',
  ]),
  C('testDailyByMonthAndYearDay', 'FREQ=DAILY;COUNT=4;BYMONTH=1,7;BYYEARDAY=1,100,200,365', [
    '1998-01-01 09:00',
    '1998-07-19 09:00',
    '1999-01-01 09:00',
    '1999-07-19 09:00',
  ]),
  C('testDailyByMonthAndYearDayNeg', 'FREQ=DAILY;COUNT=4;BYMONTH=1,7;BYYEARDAY=-365,-266,-166,-1', [
    '1998-01-01 09:00',
    '1998-07-19 09:00',
    '1999-01-01 09:00',
    '1999-07-19 09:00',
  ]),
  ...sharedDayCases('Daily'),
  ...timeCases('Daily', '1997-09-03'),
  C('testDailyBySetPos', 'FREQ=DAILY;COUNT=3;BYHOUR=6,18;BYMINUTE=15,45;BYSETPOS=3,-3', [
    '1997-09-02 18:15',
    '1997-09-03 06:45',
    '1997-09-03 18:15',
  ]),

  // HOURLY
  C('testHourly', 'FREQ=HOURLY;COUNT=3', ['1997-09-02 09:00', '1997-09-02 10:00', '1997-09-02 11:00']),
  C('testHourlyInterval', 'FREQ=HOURLY;COUNT=3;INTERVAL=2', [
    '1997-09-02 09:00',
    '1997-09-02 11:00',
    '1997-09-02 13:00',
  ]),
  C('testHourlyIntervalLarge', 'FREQ=HOURLY;COUNT=3;INTERVAL=769', [
    '1997-09-02 09:00',
    '1997-10-04 10:00',
    '1997-11-05 11:00',
  ]),
  ...subDailyDayCases('Hourly', hours),
  C('testHourlyByMonthAndMonthDayAndWeekDay', 'FREQ=HOURLY;COUNT=3;BYMONTH=1,3;BYMONTHDAY=1,3;BYDAY=TU,TH', [
    '1998-01-01 00:00',
    '1998-01-01 01:00',
    '1998-01-01 02:00',
  ]),
  C('testHourlyByYearDay', 'FREQ=HOURLY;COUNT=4;BYYEARDAY=1,100,200,365', [
    '1997-12-31 00:00',
    '1997-12-31 01:00',
    '1997-12-31 02:00',
    '1997-12-31 03:00',
  ]),
  C('testHourlyByYearDayNeg', 'FREQ=HOURLY;COUNT=4;BYYEARDAY=-365,-266,-166,-1', [
    '1997-12-31 00:00',
    '1997-12-31 01:00',
    '1997-12-31 02:00',
    '1997-12-31 03:00',
  ]),
  C('testHourlyByMonthAndYearDay', 'FREQ=HOURLY;COUNT=4;BYMONTH=4,7;BYYEARDAY=1,100,200,365', [
    '1998-04-10 00:00',
    '1998-04-10 01:00',
    '1998-04-10 02:00',
    '1998-04-10 03:00',
  ]),
  C('testHourlyByMonthAndYearDayNeg', 'FREQ=HOURLY;COUNT=4;BYMONTH=4,7;BYYEARDAY=-365,-266,-166,-1', [
    '1998-04-10 00:00',
    '1998-04-10 01:00',
    '1998-04-10 02:00',
    '1998-04-10 03:00',
  ]),
  C('testHourlyByWeekNo', 'FREQ=HOURLY;COUNT=3;BYWEEKNO=20', [
    '1998-05-11 00:00',
    '1998-05-11 01:00',
    '1998-05-11 02:00',
  ]),
  C('testHourlyByWeekNoAndWeekDay', 'FREQ=HOURLY;COUNT=3;BYWEEKNO=1;BYDAY=MO', [
    '1997-12-29 00:00',
    '1997-12-29 01:00',
    '1997-12-29 02:00',
  ]),
  C('testHourlyByWeekNoAndWeekDayLarge', 'FREQ=HOURLY;COUNT=3;BYWEEKNO=52;BYDAY=SU', [
    '1997-12-28 00:00',
    '1997-12-28 01:00',
    '1997-12-28 02:00',
  ]),
  C('testHourlyByWeekNoAndWeekDayLast', 'FREQ=HOURLY;COUNT=3;BYWEEKNO=-1;BYDAY=SU', [
    '1997-12-28 00:00',
    '1997-12-28 01:00',
    '1997-12-28 02:00',
  ]),
  C('testHourlyByHour', 'FREQ=HOURLY;COUNT=3;BYHOUR=6,18', [
    '1997-09-02 18:00',
    '1997-09-03 06:00',
    '1997-09-03 18:00',
  ]),
  C('testHourlyByMinute', 'FREQ=HOURLY;COUNT=3;BYMINUTE=6,18', [
    '1997-09-02 09:06',
    '1997-09-02 09:18',
    '1997-09-02 10:06',
  ]),
  C('testHourlyBySecond', 'FREQ=HOURLY;COUNT=3;BYSECOND=6,18', [
    '1997-09-02 09:00:06',
    '1997-09-02 09:00:18',
    '1997-09-02 10:00:06',
  ]),
  C('testHourlyByHourAndMinute', 'FREQ=HOURLY;COUNT=3;BYHOUR=6,18;BYMINUTE=6,18', [
    '1997-09-02 18:06',
    '1997-09-02 18:18',
    '1997-09-03 06:06',
  ]),
  C('testHourlyByHourAndSecond', 'FREQ=HOURLY;COUNT=3;BYHOUR=6,18;BYSECOND=6,18', [
    '1997-09-02 18:00:06',
    '1997-09-02 18:00:18',
    '1997-09-03 06:00:06',
  ]),
  C('testHourlyByMinuteAndSecond', 'FREQ=HOURLY;COUNT=3;BYMINUTE=6,18;BYSECOND=6,18', [
    '1997-09-02 09:06:06',
    '1997-09-02 09:06:18',
    '1997-09-02 09:18:06',
  ]),
  C('testHourlyByHourAndMinuteAndSecond', 'FREQ=HOURLY;COUNT=3;BYHOUR=6,18;BYMINUTE=6,18;BYSECOND=6,18', [
    '1997-09-02 18:06:06',
    '1997-09-02 18:06:18',
    '1997-09-02 18:18:06',
  ]),
  C('testHourlyBySetPos', 'FREQ=HOURLY;COUNT=3;BYMINUTE=15,45;BYSECOND=15,45;BYSETPOS=3,-3', [
    '1997-09-02 09:15:45',
    '1997-09-02 09:45:15',
    '1997-09-02 10:15:45',
  ]),

  // MINUTELY
  C('testMinutely', 'FREQ=MINUTELY;COUNT=3', ['1997-09-02 09:00', '1997-09-02 09:01', '1997-09-02 09:02']),
  C('testMinutelyInterval', 'FREQ=MINUTELY;COUNT=3;INTERVAL=2', [
    '1997-09-02 09:00',
    '1997-09-02 09:02',
    '1997-09-02 09:04',
  ]),
  C('testMinutelyIntervalLarge', 'FREQ=MINUTELY;COUNT=3;INTERVAL=1501', [
    '1997-09-02 09:00',
    '1997-09-03 10:01',
    '1997-09-04 11:02',
  ]),
  ...subDailyDayCases('Minutely', minutes),
  C('testMinutelyByHour', 'FREQ=MINUTELY;COUNT=3;BYHOUR=6,18', [
    '1997-09-02 18:00',
    '1997-09-02 18:01',
    '1997-09-02 18:02',
  ]),
  C('testMinutelyByMinute', 'FREQ=MINUTELY;COUNT=3;BYMINUTE=6,18', [
    '1997-09-02 09:06',
    '1997-09-02 09:18',
    '1997-09-02 10:06',
  ]),
  C('testMinutelyBySecond', 'FREQ=MINUTELY;COUNT=3;BYSECOND=6,18', [
    '1997-09-02 09:00:06',
    '1997-09-02 09:00:18',
    '1997-09-02 09:01:06',
  ]),
  C('testMinutelyByHourAndMinute', 'FREQ=MINUTELY;COUNT=3;BYHOUR=6,18;BYMINUTE=6,18', [
    '1997-09-02 18:06',
    '1997-09-02 18:18',
    '1997-09-03 06:06',
  ]),
  C('testMinutelyByHourAndSecond', 'FREQ=MINUTELY;COUNT=3;BYHOUR=6,18;BYSECOND=6,18', [
    '1997-09-02 18:00:06',
    '1997-09-02 18:00:18',
    '1997-09-02 18:01:06',
  ]),
  C('testMinutelyByMinuteAndSecond', 'FREQ=MINUTELY;COUNT=3;BYMINUTE=6,18;BYSECOND=6,18', [
    '1997-09-02 09:06:06',
    '1997-09-02 09:06:18',
    '1997-09-02 09:18:06',
  ]),
  C('testMinutelyByHourAndMinuteAndSecond', 'FREQ=MINUTELY;COUNT=3;BYHOUR=6,18;BYMINUTE=6,18;BYSECOND=6,18', [
    '1997-09-02 18:06:06',
    '1997-09-02 18:06:18',
    '1997-09-02 18:18:06',
  ]),
  C('testMinutelyBySetPos', 'FREQ=MINUTELY;COUNT=3;BYSECOND=15,30,45;BYSETPOS=3,-3', [
    '1997-09-02 09:00:15',
    '1997-09-02 09:00:45',
    '1997-09-02 09:01:15',
  ]),

  // SECONDLY
  C('testSecondly', 'FREQ=SECONDLY;COUNT=3', ['1997-09-02 09:00:00', '1997-09-02 09:00:01', '1997-09-02 09:00:02']),
  C('testSecondlyInterval', 'FREQ=SECONDLY;COUNT=3;INTERVAL=2', [
    '1997-09-02 09:00:00',
    '1997-09-02 09:00:02',
    '1997-09-02 09:00:04',
  ]),
  C('testSecondlyIntervalLarge', 'FREQ=SECONDLY;COUNT=3;INTERVAL=90061', [
    '1997-09-02 09:00:00',
    '1997-09-03 10:01:01',
    '1997-09-04 11:02:02',
  ]),
  ...subDailyDayCases('Secondly', seconds),
  C('testSecondlyByMonthAndMonthDayAndWeekDay', 'FREQ=SECONDLY;COUNT=3;BYMONTH=1,3;BYMONTHDAY=1,3;BYDAY=TU,TH', [
    '1998-01-01 00:00:00',
    '1998-01-01 00:00:01',
    '1998-01-01 00:00:02',
  ]),
  C('testSecondlyByYearDay', 'FREQ=SECONDLY;COUNT=4;BYYEARDAY=1,100,200,365', [
    '1997-12-31 00:00:00',
    '1997-12-31 00:00:01',
    '1997-12-31 00:00:02',
    '1997-12-31 00:00:03',
  ]),
  C('testSecondlyByYearDayNeg', 'FREQ=SECONDLY;COUNT=4;BYYEARDAY=-365,-266,-166,-1', [
    '1997-12-31 00:00:00',
    '1997-12-31 00:00:01',
    '1997-12-31 00:00:02',
    '1997-12-31 00:00:03',
  ]),
  C('testSecondlyByMonthAndYearDay', 'FREQ=SECONDLY;COUNT=4;BYMONTH=4,7;BYYEARDAY=1,100,200,365', [
    '1998-04-10 00:00:00',
    '1998-04-10 00:00:01',
    '1998-04-10 00:00:02',
    '1998-04-10 00:00:03',
  ]),
  C('testSecondlyByMonthAndYearDayNeg', 'FREQ=SECONDLY;COUNT=4;BYMONTH=4,7;BYYEARDAY=-365,-266,-166,-1', [
    '1998-04-10 00:00:00',
    '1998-04-10 00:00:01',
    '1998-04-10 00:00:02',
    '1998-04-10 00:00:03',
  ]),
  C('testSecondlyByWeekNo', 'FREQ=SECONDLY;COUNT=3;BYWEEKNO=20', [
    '1998-05-11 00:00:00',
    '1998-05-11 00:00:01',
    '1998-05-11 00:00:02',
  ]),
  C('testSecondlyByWeekNoAndWeekDay', 'FREQ=SECONDLY;COUNT=3;BYWEEKNO=1;BYDAY=MO', [
    '1997-12-29 00:00:00',
    '1997-12-29 00:00:01',
    '1997-12-29 00:00:02',
  ]),
  C('testSecondlyByWeekNoAndWeekDayLarge', 'FREQ=SECONDLY;COUNT=3;BYWEEKNO=52;BYDAY=SU', [
    '1997-12-28 00:00:00',
    '1997-12-28 00:00:01',
    '1997-12-28 00:00:02',
  ]),
  C('testSecondlyByWeekNoAndWeekDayLast', 'FREQ=SECONDLY;COUNT=3;BYWEEKNO=-1;BYDAY=SU', [
    '1997-12-28 00:00:00',
    '1997-12-28 00:00:01',
    '1997-12-28 00:00:02',
  ]),
];
