"""When an event takes place: a first date, a repeat rule, cancelled days and extra dates.

The schedule is stored the way RFC 5545 (iCalendar) describes it, so that calendar
feeds and imports carry it without translation:

- the first date is DTSTART (and, with its end, the length of every repetition),
- the repeat rule is an RRULE such as ``FREQ=WEEKLY;INTERVAL=2;BYDAY=TU``,
- cancelled days are EXDATEs: they remove the repetitions on those days,
- extra dates are RDATEs, each with its own start and end.

Times are wall-clock times of the series' time zone, Europe/Berlin unless an
imported calendar counts in another (UTC, America/New_York, …): an event "every
Tuesday at 18:00" takes place at 18:00 in winter and in summer. python-dateutil
expands the rules, for the listing, the feeds and the import alike (the one
engine); nothing here counts days by hand. Rules that repeat more often than
daily, or several times a day, are refused (``rule_problem``): their expansion
is unbounded in time and memory. Editors never see RRULE text: the admin form (events.forms)
turns its fields into a ``Rule`` and the ``Rule`` into RRULE text.
"""

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrulestr
from django.db import models
from django.utils.translation import gettext_lazy as _

BERLIN = ZoneInfo("Europe/Berlin")

# The table of expanded dates (events.models.EventDate) covers this much past and future;
# the daily command ``update_event_dates`` moves the window on.
WINDOW_PAST = relativedelta(months=24)
WINDOW_FUTURE = relativedelta(months=24)
# A safety net: at most this many dates of one series in one expansion.
MAX_OCCURRENCES = 5000
# Parts of an RRULE that repeat within a day: refused, like HOURLY and finer.
TIME_PARTS = ("BYHOUR", "BYMINUTE", "BYSECOND")
SUB_DAILY = ("HOURLY", "MINUTELY", "SECONDLY")

WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
WEEKDAY_CHOICES = [
    ("MO", _("Monday")),
    ("TU", _("Tuesday")),
    ("WE", _("Wednesday")),
    ("TH", _("Thursday")),
    ("FR", _("Friday")),
    ("SA", _("Saturday")),
    ("SU", _("Sunday")),
]


class Frequency(models.TextChoices):
    DAILY = "DAILY", _("daily")
    WEEKLY = "WEEKLY", _("weekly")
    MONTHLY = "MONTHLY", _("monthly")
    YEARLY = "YEARLY", _("yearly")


class MonthlyMode(models.TextChoices):
    DAY_OF_MONTH = "day", _("on the same day of the month (e.g. on the 14th)")
    NTH_WEEKDAY = "weekday", _("on the same weekday of the month (e.g. the second Tuesday)")
    LAST_WEEKDAY = "last", _("on the last weekday of that kind (e.g. the last Friday)")


def window(now=None):
    """(from, until): the stretch of time the table of expanded dates covers."""
    now = now or dt.datetime.now(BERLIN)
    return now - WINDOW_PAST, now + WINDOW_FUTURE


def berlin(value):
    """An aware datetime in Berlin time (a wall-clock time the clocks skip becomes a real one)."""
    return value.astimezone(dt.UTC).astimezone(BERLIN)


def zone_of(name):
    """The ZoneInfo of a series' time zone name ("" is Europe/Berlin)."""
    return ZoneInfo(name) if name else BERLIN


def local(value, zone=BERLIN):
    """An aware datetime in zone (a wall-clock time the clocks skip becomes a real one)."""
    return value.astimezone(dt.UTC).astimezone(zone)


def at_midnight(day, zone=BERLIN):
    return dt.datetime.combine(day, dt.time.min, tzinfo=zone)


def end_of_day(day, zone=BERLIN):
    """The last second of a day: where all-day dates end."""
    return dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=zone)


def wall_clock_plus(start, duration, zone=BERLIN):
    """start + duration on the wall clock: 18:00 + 2 h is 20:00 on the day clocks change, too."""
    naive = local(start, zone).replace(tzinfo=None) + duration
    return naive.replace(tzinfo=zone)


def wall_clock_length(start, end, zone=BERLIN):
    return local(end, zone).replace(tzinfo=None) - local(start, zone).replace(tzinfo=None)


# --- RRULE text ------------------------------------------------------------------------------


def rule_parts(text):
    """{"FREQ": "WEEKLY", "BYDAY": "TU", …} of RRULE text (with or without "RRULE:")."""
    text = (text or "").strip().upper().removeprefix("RRULE:")
    parts = {}
    for part in text.split(";"):
        name, sep, value = part.partition("=")
        if sep and name.strip():
            parts[name.strip()] = value.strip()
    return parts


def rule_text(parts):
    order = ["FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "COUNT", "UNTIL"]
    names = sorted(parts, key=lambda name: (order.index(name) if name in order else 99, name))
    return ";".join(f"{name}={parts[name]}" for name in names)


def parse_until(value, zone=BERLIN):
    """UNTIL as an aware datetime: UTC ("…Z"), floating (in zone) or a date (its last second)."""
    if len(value) == 8:
        return end_of_day(dt.datetime.strptime(value, "%Y%m%d").date(), zone)
    moment = dt.datetime.strptime(value.rstrip("Z"), "%Y%m%dT%H%M%S")
    return moment.replace(tzinfo=dt.UTC) if value.endswith("Z") else moment.replace(tzinfo=zone)


def format_until(moment, all_day):
    """UNTIL as RFC 5545 wants it: a date for all-day events, UTC time otherwise."""
    if all_day:
        return f"{berlin(moment):%Y%m%d}"
    return f"{moment.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}"


def normalise_rule(text, all_day, zone=BERLIN):
    """RRULE text in the stored form: upper case, no prefix, UNTIL in the form RFC 5545 asks."""
    parts = rule_parts(text)
    if "FREQ" not in parts:
        return ""
    if "UNTIL" in parts:
        parts["UNTIL"] = format_until(parse_until(parts["UNTIL"], zone), all_day)
    return rule_text(parts)


def rule_problem(text):
    """Why the portal refuses to expand an RRULE, or None.

    More often than daily (SECONDLY, MINUTELY, HOURLY) or several times a day
    (BYHOUR, BYMINUTE, BYSECOND): a rule without an end would give millions of dates.
    """
    parts = rule_parts(text)
    frequency = parts.get("FREQ", "")
    if frequency in SUB_DAILY:
        return _(
            "repeats “%(frequency)s”; only daily, weekly, monthly and yearly rules are kept"
        ) % {"frequency": frequency.lower()}
    if frequency not in Frequency.values:
        return _("has no valid FREQ (“%(frequency)s”)") % {"frequency": frequency}
    used = [name for name in TIME_PARTS if name in parts]
    if used:
        return _("repeats several times a day (%(parts)s); only daily and rarer rules are kept") % {
            "parts": ", ".join(used)
        }
    try:
        rrulestr(normalise_rule(text, False), dtstart=dt.datetime(2000, 1, 1, tzinfo=BERLIN))
    except (ValueError, TypeError, OverflowError) as error:
        return str(error)
    return None


@dataclass
class Rule:
    """A repeat rule as the admin form shows it: frequency, interval, weekdays, end."""

    frequency: str
    interval: int = 1
    weekdays: list = field(default_factory=list)
    monthly_mode: str = MonthlyMode.DAY_OF_MONTH
    until: dt.date | None = None
    count: int | None = None

    def to_rrule(self, first_start, all_day=False):
        """The RRULE text of this rule for a series that starts at first_start."""
        parts = {"FREQ": self.frequency}
        if self.interval and self.interval > 1:
            parts["INTERVAL"] = str(self.interval)
        if self.frequency == Frequency.WEEKLY and self.weekdays:
            parts["BYDAY"] = ",".join(code for code in WEEKDAY_CODES if code in self.weekdays)
        if self.frequency == Frequency.MONTHLY and self.monthly_mode != MonthlyMode.DAY_OF_MONTH:
            local = berlin(first_start)
            number = -1 if self.monthly_mode == MonthlyMode.LAST_WEEKDAY else nth_weekday(local)
            parts["BYDAY"] = f"{number}{WEEKDAY_CODES[local.weekday()]}"
        if self.count:
            parts["COUNT"] = str(self.count)
        elif self.until:
            parts["UNTIL"] = format_until(end_of_day(self.until), all_day)
        return rule_text(parts)

    @classmethod
    def from_rrule(cls, text):
        """The Rule for RRULE text, or None where the form cannot show the rule (imports)."""
        parts = rule_parts(text)
        if parts.get("FREQ") not in Frequency.values:
            return None
        if set(parts) - {"FREQ", "INTERVAL", "BYDAY", "COUNT", "UNTIL", "WKST"}:
            return None
        rule = cls(frequency=parts["FREQ"])
        try:
            rule.interval = int(parts.get("INTERVAL", "1"))
            rule.count = int(parts["COUNT"]) if "COUNT" in parts else None
            rule.until = berlin(parse_until(parts["UNTIL"])).date() if "UNTIL" in parts else None
        except ValueError:
            return None
        days = [day for day in parts.get("BYDAY", "").split(",") if day]
        if rule.frequency == Frequency.WEEKLY and all(day in WEEKDAY_CODES for day in days):
            rule.weekdays = days
        elif (
            rule.frequency == Frequency.MONTHLY and len(days) == 1 and days[0][-2:] in WEEKDAY_CODES
        ):
            number = days[0][:-2].lstrip("+")
            if number == "-1":
                rule.monthly_mode = MonthlyMode.LAST_WEEKDAY
            elif number in {"1", "2", "3", "4", "5"}:
                rule.monthly_mode = MonthlyMode.NTH_WEEKDAY
            else:
                return None
        elif days:
            return None
        return rule


def nth_weekday(day):
    """1 for the first Tuesday of a month, 2 for the second, …"""
    return (day.day - 1) // 7 + 1


def is_last_weekday(day):
    return (day + dt.timedelta(days=7)).month != day.month


# --- Expansion ---------------------------------------------------------------------------------


@dataclass
class Schedule:
    """The dates of one event.

    first: (start, end) of the first date, which the rule repeats;
    rule: RRULE text or "";
    exceptions: days (dates, in the series' zone) on which the repetitions are cancelled;
    extra: further (start, end) dates, which exceptions do not touch;
    all_day: the dates are whole days (start 00:00, end 23:59:59 of the last day);
    zone: the time zone whose wall clock the rule repeats ("": Europe/Berlin).
    """

    first: tuple | None
    rule: str = ""
    exceptions: frozenset = frozenset()
    extra: list = field(default_factory=list)
    all_day: bool = False
    zone: str = ""

    @property
    def tz(self):
        return BERLIN if self.all_day else zone_of(self.zone)

    @property
    def length(self):
        return wall_clock_length(*self.first, self.tz) if self.first else dt.timedelta(0)

    def rrule(self):
        """The dateutil rule for the repetitions of the first date, or None."""
        parts = rule_parts(self.rule)
        if not self.first or "FREQ" not in parts or rule_problem(self.rule):
            return None
        start = local(self.first[0], self.tz)
        if "UNTIL" in parts:
            parts["UNTIL"] = format_until(parse_until(parts["UNTIL"], self.tz), all_day=False)
        rule = rrulestr(rule_text(parts), dtstart=start)
        # RFC 5545 counts the first date as a repetition even where the rule would skip it.
        if "COUNT" in parts and rule.after(start, inc=True) != start:
            count = int(parts["COUNT"]) - 1
            rule = rule.replace(count=count) if count > 0 else None
        return rule

    def series_starts(self, after, before, rule=None):
        """Starts of the first date and its repetitions in [after, before], cancelled or not."""
        rule = rule or self.rrule()
        starts = set()
        if self.first and after <= self.first[0] <= before:
            starts.add(local(self.first[0], self.tz))
        if rule is not None:
            for number, start in enumerate(rule.xafter(after, inc=True)):
                if start > before or number >= MAX_OCCURRENCES:
                    break
                starts.add(local(start, self.tz))
        return sorted(starts)

    def is_cancelled(self, start):
        return local(start, self.tz).date() in self.exceptions

    def occurrences(self, after=None, before=None):
        """[(start, end)] of every date that overlaps [after, before), by start.

        Without bounds, the window of the table of expanded dates.
        """
        if after is None or before is None:
            after, before = window()
        if not self.first:
            return []
        length = self.length
        dates = {}
        for start in self.series_starts(after - length - dt.timedelta(days=1), before):
            if not self.is_cancelled(start):
                dates[berlin(start)] = berlin(wall_clock_plus(start, length, self.tz))
        for start, end in self.extra:
            dates[berlin(start)] = berlin(end)
        return [
            (start, end) for start, end in sorted(dates.items()) if end >= after and start < before
        ]

    def cancelled_starts(self):
        """Starts of the repetitions on cancelled days (EXDATE values)."""
        rule = self.rrule()
        starts = []
        for day in sorted(self.exceptions):
            day_starts = self.series_starts(
                at_midnight(day, self.tz), end_of_day(day, self.tz), rule
            )
            starts += [berlin(start) for start in day_starts]
        return starts

    def is_series_start(self, start, rule=None):
        """Whether start is the first date or one of its repetitions (before cancellations)."""
        if self.first and start == self.first[0]:
            return True
        rule = rule or self.rrule()
        return rule is not None and local(start, self.tz) in rule
