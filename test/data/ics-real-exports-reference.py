"""Expected occurrences for test/data/ics-real-exports.test.ts, computed with python-dateutil 2.9 (rrulestr,
rruleset) and Python's zoneinfo -- an implementation independent of ours. Run: python3 test/data/ics-real-exports-reference.py
Each block prints the UTC starts (ISO, as Date.toISOString writes them) a visitor sees in the test's window."""
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr, rruleset

UTC = timezone.utc
BERLIN = ZoneInfo("Europe/Berlin")


def iso(value):
    if isinstance(value, date) and not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day, tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def between(values, start, end):
    return [v for v in values if start <= v < end]


def show(name, values):
    print(name)
    for value in values:
        print("  " + iso(value))


# Exchange 2010, all-day weekly series (DTSTART;VALUE=DATE:20260219). Outlook means local days: DTSTART is read as
# midnight in W. Europe Standard Time (Europe/Berlin), so the UTC UNTIL (22:00Z = midnight in Berlin) compares with it.
rule = rrulestr("FREQ=WEEKLY;UNTIL=20260817T220000Z;INTERVAL=1;BYDAY=TU,TH;WKST=MO", dtstart=datetime(2026, 2, 19, tzinfo=BERLIN))
days = [d.date() for d in rule]
show("exchange all-day: every date of the series (before the override)", days)

# Exchange 2010 with Windows zone names; their VTIMEZONE rules are those of Europe/Berlin and America/Los_Angeles.
pacific = ZoneInfo("America/Los_Angeles")
window = (datetime(2020, 10, 20, tzinfo=UTC), datetime(2020, 11, 10, tzinfo=UTC))
jira = rrulestr("FREQ=WEEKLY;UNTIL=20210309T080000Z;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR,SA;WKST=MO", dtstart=datetime(2020, 6, 9, 9, 0, tzinfo=BERLIN))
show("exchange zones: Log Yesterday's Jira time", between(list(jira), *window))
summary = rruleset()
summary.rrule(rrulestr("FREQ=WEEKLY;UNTIL=20210309T200000Z;INTERVAL=1;BYDAY=TU,TH,FR,SU;WKST=SU", dtstart=datetime(2020, 7, 7, 12, 0, tzinfo=pacific)))
for text in ["20200721", "20200723", "20200728", "20200813", "20200825", "20200903"]:
    summary.exdate(datetime(int(text[:4]), int(text[4:6]), int(text[6:]), 12, 0, tzinfo=pacific))
show("exchange zones: Not the actual summary either", between(list(summary), *window))
show("exchange zones: the same series in July (EXDATEs 21, 23, 28 July)", between(list(summary), datetime(2020, 7, 7, tzinfo=UTC), datetime(2020, 8, 1, tzinfo=UTC)))

# Google, Partyborn: last Friday of the month, 21:30 Berlin, from 26 November 2021.
karaoke = rrulestr("FREQ=MONTHLY;BYDAY=-1FR", dtstart=datetime(2021, 11, 26, 21, 30, tzinfo=BERLIN))
show("google partyborn: the rule", between(list(karaoke[:12]), datetime(2021, 11, 1, tzinfo=UTC), datetime(2022, 6, 1, tzinfo=UTC)))

# Google, override before its series: daily, three times, 10:00 in Denver.
denver = ZoneInfo("America/Denver")
show("google denver: the rule", list(rrulestr("FREQ=DAILY;COUNT=3", dtstart=datetime(2026, 2, 10, 10, 0, tzinfo=denver))))

# Nextcloud: weekly all-day on Wednesdays from 1 April 2020 (dates).
weekly = rrulestr("FREQ=WEEKLY;BYDAY=WE", dtstart=datetime(2020, 4, 1))
show("nextcloud: April to June 2020", [d.date() for d in between(list(weekly[:20]), datetime(2020, 4, 1), datetime(2020, 7, 1))])

# RESERVAS: every second day at 12:00 UTC from 1 September 2024 (UNTIL 2025 is outside the window), and one RDATE.
reservas = rruleset()
reservas.rrule(rrulestr("FREQ=DAILY;INTERVAL=2", dtstart=datetime(2024, 9, 1, 12, 0, tzinfo=UTC)))
reservas.rdate(datetime(2024, 9, 24, 9, 0, tzinfo=UTC))
show("reservas: September 2024", between(list(reservas[:40]), datetime(2024, 9, 1, tzinfo=UTC), datetime(2024, 10, 1, tzinfo=UTC)))
