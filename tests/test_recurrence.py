"""Repeating events: rule kinds across daylight-saving changes, cancelled days, extra dates,
the rules the admin form writes and reads (the expanded dates: tests/test_event_dates.py).
"""

import dataclasses
import datetime as dt

import pytest

from events.recurrence import (
    Frequency,
    MonthlyMode,
    Rule,
    normalise_rule,
)
from tests.recurrence_helpers import (
    EVERYTHING,
    at,
    local,
    series,
)

pytestmark = pytest.mark.django_db


# --------------------------------------------------------------------------- rule kinds across DST

# (rule, first date, RRULE text, every date in Berlin time). The clocks go forward on
# 2027-03-28 and back on 2026-10-25 and 2027-10-31: the wall-clock time stays, the offset moves.
RULE_KINDS = {
    "daily": (
        Rule(Frequency.DAILY, count=4),
        at(2027, 3, 26),
        "FREQ=DAILY;COUNT=4",
        [
            "2027-03-26 18:00+0100–20:00",
            "2027-03-27 18:00+0100–20:00",
            "2027-03-28 18:00+0200–20:00",
            "2027-03-29 18:00+0200–20:00",
        ],
    ),
    "every second day": (
        Rule(Frequency.DAILY, interval=2, count=3),
        at(2027, 10, 29),
        "FREQ=DAILY;INTERVAL=2;COUNT=3",
        [
            "2027-10-29 18:00+0200–20:00",
            "2027-10-31 18:00+0100–20:00",
            "2027-11-02 18:00+0100–20:00",
        ],
    ),
    "weekly on two days": (
        Rule(Frequency.WEEKLY, weekdays=["TH", "TU"], count=4),
        at(2027, 3, 23),
        "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=4",
        [
            "2027-03-23 18:00+0100–20:00",
            "2027-03-25 18:00+0100–20:00",
            "2027-03-30 18:00+0200–20:00",
            "2027-04-01 18:00+0200–20:00",
        ],
    ),
    "every second week until a day": (
        Rule(Frequency.WEEKLY, interval=2, until=dt.date(2026, 11, 10)),
        at(2026, 10, 13),
        "FREQ=WEEKLY;INTERVAL=2;UNTIL=20261110T225959Z",
        [
            "2026-10-13 18:00+0200–20:00",
            "2026-10-27 18:00+0100–20:00",
            "2026-11-10 18:00+0100–20:00",
        ],
    ),
    "monthly on the day of the month": (
        Rule(Frequency.MONTHLY, count=3),
        at(2027, 9, 30),
        "FREQ=MONTHLY;COUNT=3",
        [
            "2027-09-30 18:00+0200–20:00",
            "2027-10-30 18:00+0200–20:00",
            "2027-11-30 18:00+0100–20:00",
        ],
    ),
    "monthly on the second Tuesday": (
        Rule(Frequency.MONTHLY, monthly_mode=MonthlyMode.NTH_WEEKDAY, count=3),
        at(2027, 2, 9),
        "FREQ=MONTHLY;BYDAY=2TU;COUNT=3",
        [
            "2027-02-09 18:00+0100–20:00",
            "2027-03-09 18:00+0100–20:00",
            "2027-04-13 18:00+0200–20:00",
        ],
    ),
    "monthly on the last Sunday": (
        Rule(Frequency.MONTHLY, monthly_mode=MonthlyMode.LAST_WEEKDAY, count=3),
        at(2027, 1, 31, 10),
        "FREQ=MONTHLY;BYDAY=-1SU;COUNT=3",
        [
            "2027-01-31 10:00+0100–12:00",
            "2027-02-28 10:00+0100–12:00",
            "2027-03-28 10:00+0200–12:00",
        ],
    ),
    "yearly": (
        Rule(Frequency.YEARLY, until=dt.date(2028, 12, 31)),
        at(2026, 10, 25),
        "FREQ=YEARLY;UNTIL=20281231T225959Z",
        [
            "2026-10-25 18:00+0100–20:00",
            "2027-10-25 18:00+0200–20:00",
            "2028-10-25 18:00+0200–20:00",
        ],
    ),
}


@pytest.mark.parametrize("kind", RULE_KINDS)
def test_rule_keeps_the_wall_clock_time_across_clock_changes(kind):
    rule, first, text, expected = RULE_KINDS[kind]
    assert rule.to_rrule(first) == text
    assert local(series(first, text).occurrences(*EVERYTHING)) == expected


@pytest.mark.parametrize("kind", RULE_KINDS)
def test_the_admin_form_reads_back_the_rule_it_wrote(kind):
    rule, _first, text, _expected = RULE_KINDS[kind]
    read = Rule.from_rrule(text)
    assert read == dataclasses.replace(rule, weekdays=read.weekdays)
    assert sorted(read.weekdays) == sorted(rule.weekdays)


def test_a_time_the_clocks_skip_moves_on_by_the_gap():
    """02:30 does not exist on 2027-03-28; RFC 5545 reads it with the offset before the gap."""
    dates = series(at(2027, 3, 21, 2, 30), "FREQ=WEEKLY;COUNT=3", hours=1).occurrences(*EVERYTHING)
    assert local(dates) == [
        "2027-03-21 02:30+0100–03:30",
        "2027-03-28 03:30+0200–04:30",
        "2027-04-04 02:30+0200–03:30",
    ]


def test_a_night_across_the_clock_change_ends_at_its_wall_clock_time():
    dates = series(at(2027, 10, 24, 1), "FREQ=WEEKLY;COUNT=2", hours=3).occurrences(*EVERYTHING)
    assert local(dates) == ["2027-10-24 01:00+0200–04:00", "2027-10-31 01:00+0200–04:00"]
    start, end = (moment.astimezone(dt.UTC) for moment in dates[1])
    assert end - start == dt.timedelta(hours=4)  # the clocks went back an hour in between


def test_count_includes_a_first_date_the_rule_would_skip():
    """RFC 5545: the first date is the first of COUNT dates even off the rule's weekdays."""
    dates = series(at(2027, 1, 4), "FREQ=WEEKLY;BYDAY=TU;COUNT=3").occurrences(*EVERYTHING)
    assert [start.date().isoformat() for start, _ in dates] == [
        "2027-01-04",
        "2027-01-05",
        "2027-01-12",
    ]


def test_cancelled_days_remove_repetitions_but_not_extra_dates():
    schedule = series(
        at(2027, 3, 2),
        "FREQ=WEEKLY;COUNT=5",
        exceptions=frozenset({dt.date(2027, 3, 16), dt.date(2027, 3, 23)}),
        extra=[(at(2027, 3, 16, 10), at(2027, 3, 16, 12)), (at(2027, 4, 20), at(2027, 4, 20, 21))],
    )
    assert local(schedule.occurrences(*EVERYTHING)) == [
        "2027-03-02 18:00+0100–20:00",
        "2027-03-09 18:00+0100–20:00",
        "2027-03-16 10:00+0100–12:00",  # moved to the morning: an extra date on a cancelled day
        "2027-03-30 18:00+0200–20:00",
        "2027-04-20 18:00+0200–21:00",
    ]
    assert [start.isoformat() for start in schedule.cancelled_starts()] == [
        "2027-03-16T18:00:00+01:00",
        "2027-03-23T18:00:00+01:00",
    ]


def test_the_first_date_can_be_cancelled_too():
    schedule = series(
        at(2027, 3, 2), "FREQ=WEEKLY;COUNT=2", exceptions=frozenset({dt.date(2027, 3, 2)})
    )
    assert local(schedule.occurrences(*EVERYTHING)) == ["2027-03-09 18:00+0100–20:00"]


def test_an_unbounded_rule_is_expanded_within_the_window_only():
    schedule = series(at(2027, 1, 1), "FREQ=DAILY")
    dates = schedule.occurrences(at(2027, 1, 1, 0), at(2027, 1, 31, 23))
    assert len(dates) == 31


@pytest.mark.parametrize(
    ("text", "all_day", "stored"),
    [
        ("rrule:freq=weekly;until=20270330", False, "FREQ=WEEKLY;UNTIL=20270330T215959Z"),
        ("FREQ=WEEKLY;UNTIL=20270330T215959Z", True, "FREQ=WEEKLY;UNTIL=20270330"),
        ("FREQ=DAILY;UNTIL=20270101T120000", False, "FREQ=DAILY;UNTIL=20270101T110000Z"),
        ("", False, ""),
        ("COUNT=3", False, ""),
    ],
)
def test_rules_are_stored_in_the_form_rfc_5545_asks_for(text, all_day, stored):
    assert normalise_rule(text, all_day) == stored


def test_rules_the_form_cannot_show_are_recognised():
    assert Rule.from_rrule("FREQ=MONTHLY;BYMONTHDAY=1,15") is None
    assert Rule.from_rrule("FREQ=HOURLY") is None
    assert Rule.from_rrule("") is None
