"""Reading a calendar's VEVENTs into ImportedEvent: dates, rules, overrides and texts.

How iCalendar maps onto an event's schedule is described in events.importer, which
saves what is read here. Nothing here touches the database.
"""

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from itertools import islice
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import rrulestr
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from .recurrence import (
    BERLIN,
    SUB_DAILY,
    Frequency,
    Schedule,
    at_midnight,
    berlin,
    end_of_day,
    local,
    normalise_rule,
    rule_parts,
    rule_problem,
    zone_of,
)

# Dates of a rule finer than daily that are imported one by one; more refuse the event.
MAX_SINGLE_DATES = 500
# Longest DESCRIPTION, and longest SUMMARY, LOCATION, URL, CONTACT … (characters).
MAX_DESCRIPTION = 100_000
MAX_SHORT_TEXT = 2_000
EARLIEST_YEAR, LATEST_YEAR = 1900, 2200


class InvalidEvent(Exception):  # noqa: N818 - a message for the report, not a bug
    """One VEVENT cannot be imported; the message names the event and the property."""


def describe(component):
    """“Summary” (UID …): how messages name an event."""
    summary = Truncator(text(component, "SUMMARY") or _("untitled")).chars(60)
    uid = Truncator(text(component, "UID") or "?").chars(80)
    return _("“%(summary)s” (UID %(uid)s)") % {"summary": summary, "uid": uid}


def broken(component, name, error):
    return InvalidEvent(
        _("%(event)s: %(property)s cannot be read: %(error)s")
        % {"event": describe(component), "property": name, "error": error}
    )


# What reading a broken value of a calendar raises (icalendar's errors are ValueErrors).
UNREADABLE = (ValueError, TypeError, AttributeError, KeyError, IndexError, OverflowError, OSError)


def prop(component, name, read):
    """read(property) of component's property name; a broken value names event and property."""
    try:
        return read(component[name])
    except UNREADABLE as error:
        raise broken(component, name, error) from error


def moment(component, name):
    """The DATE or DATE-TIME of a property, within the years the portal handles."""
    value = prop(component, name, lambda found: found.dt)
    if not isinstance(value, dt.date) or isinstance(value, dt.timedelta):
        raise broken(component, name, _("not a date"))
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise broken(
            component,
            name,
            _("the year must lie between %(first)d and %(last)d")
            % {"first": EARLIEST_YEAR, "last": LATEST_YEAR},
        )
    return value


def zone_name(value):
    """The series' time zone of a DTSTART: "" for Berlin, floating times and dates."""
    tzinfo = getattr(value, "tzinfo", None)
    if tzinfo is None:
        return ""
    if value.utcoffset() == dt.timedelta(0) and tzinfo in (dt.UTC, ZoneInfo("UTC")):
        return "UTC"
    name = getattr(tzinfo, "key", "") or ""
    try:
        ZoneInfo(name)
    except (ValueError, OSError, ZoneInfoNotFoundError):  # OSError: a folder such as "Europe"
        return ""
    return "" if name == BERLIN.key else name


def in_zone(value, zone):
    """A DATE or DATE-TIME value as an aware datetime in zone (dates at midnight; floating
    times are the zone's wall clock, so a floating 10:00 never moves by the UTC offset)."""
    if not isinstance(value, dt.datetime):
        return at_midnight(value, zone)
    if value.tzinfo is None:
        return value.replace(tzinfo=zone)
    return local(value, zone)


def is_date(value):
    return not isinstance(value, dt.datetime)


def start_and_end(component, notes):
    """(start, end) of a VEVENT by RFC 5545 3.6.1; the end has DTSTART's value type.

    No DTEND nor DURATION: a DATE lasts the day, a DATE-TIME ends where it starts.
    """
    if "DTSTART" not in component:
        raise InvalidEvent(_("%(event)s: DTSTART is missing.") % {"event": describe(component)})
    start = moment(component, "DTSTART")
    if "DTEND" in component:
        end = moment(component, "DTEND")
        name = "DTEND"
    elif "DURATION" in component:
        duration = prop(component, "DURATION", lambda found: found.dt)
        if not isinstance(duration, dt.timedelta) or duration < dt.timedelta(0):
            raise broken(component, "DURATION", _("not a positive duration"))
        end, name = start + duration, "DURATION"
    else:
        end, name = (start + dt.timedelta(days=1) if is_date(start) else start), ""
    if not is_date(start) and not is_date(end) and (start.tzinfo is None) != (end.tzinfo is None):
        # A floating start with a zoned end, or the reverse: the end takes the start's form.
        end = (
            in_zone(end, BERLIN).replace(tzinfo=None)
            if start.tzinfo is None
            else in_zone(end, start.tzinfo)
        )
    if is_date(start) != is_date(end):
        notes.append(
            _("%(event)s: DTSTART and %(property)s mix DATE and DATE-TIME; read by DTSTART’s type.")
            % {"event": describe(component), "property": name}
        )
        end = (
            end.date() + dt.timedelta(days=int(end.time() != dt.time.min))
            if is_date(start)
            else dt.datetime.combine(end, dt.time.min, tzinfo=start.tzinfo)
        )
    return start, end


def as_row(start, end, all_day, zone):
    """(start, end) for an EventOccurrence of an event that is (or is not) all-day."""
    if all_day:
        first = start if is_date(start) else in_zone(start, BERLIN).date()
        last = end - dt.timedelta(days=1) if is_date(end) else in_zone(end, BERLIN).date()
        # DTEND = DTSTART on a DATE is a day, not an end before the beginning.
        return at_midnight(first), end_of_day(max(first, last))
    start, end = in_zone(start, zone), in_zone(end, zone)
    return berlin(start), berlin(max(start, end))


def values_of(component, name):
    """Every value of a property that may repeat and hold lists (EXDATE, RDATE)."""
    properties = component.get(name)
    if properties is None:
        return []
    if not isinstance(properties, list):
        properties = [properties]
    try:
        values = [value.dt for found in properties for value in found.dts]
    except (ValueError, TypeError, AttributeError) as error:
        raise broken(component, name, error) from error
    for value in values:
        first = value[0] if isinstance(value, tuple) else value
        if not isinstance(first, dt.date):
            raise broken(component, name, _("not a date"))
    return values


def text(component, name):
    return str(component.get(name, "") or "").strip()


def limited_text(component, name, limit):
    value = text(component, name)
    if len(value) > limit:
        raise InvalidEvent(
            _("%(event)s: %(property)s is longer than %(limit)d characters.")
            % {"event": describe(component), "property": name, "limit": limit}
        )
    return value


def synthetic_uid(component):
    """For VEVENTs without a UID: the same for the same start and summary."""
    name = "DTSTART" if "DTSTART" in component else "RECURRENCE-ID"
    start = component.get(name)
    written = start.to_ical() if hasattr(start, "to_ical") else str(start).encode()
    key = f"{written!r}|{text(component, 'SUMMARY')}"
    return f"{hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()[:20]}@import"


@dataclass
class ImportedEvent:
    """One UID of the calendar in the portal's terms."""

    uid: str
    title: str
    description: str
    location: str
    cancelled: bool
    all_day: bool
    first: tuple
    zone: str = ""
    rule: str = ""
    exceptions: set = field(default_factory=set)
    extra: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    url: str = ""
    contact: str = ""
    organizer: tuple = ("", "")  # (name, address)
    categories: list = field(default_factory=list)
    sequence: int | None = None
    modified: dt.datetime | None = None

    def schedule(self):
        return Schedule(
            first=self.first,
            rule=self.rule,
            exceptions=frozenset(self.exceptions),
            extra=list(self.extra),
            all_day=self.all_day,
            zone=self.zone,
        )


def read_event(uid, master, overrides):
    """An ImportedEvent from the VEVENT without RECURRENCE-ID and those with one."""
    notes = []
    start, end = start_and_end(master, notes)
    all_day = is_date(start)
    zone = "" if all_day else zone_name(start)
    event = ImportedEvent(
        uid=uid,
        title=limited_text(master, "SUMMARY", MAX_SHORT_TEXT),
        description=limited_text(master, "DESCRIPTION", MAX_DESCRIPTION),
        location=limited_text(master, "LOCATION", MAX_SHORT_TEXT),
        cancelled=text(master, "STATUS").upper() == "CANCELLED",
        all_day=all_day,
        first=as_row(start, end, all_day, zone_of(zone)),
        zone=zone,
        notes=notes,
    )
    read_details(event, master)
    read_rule(event, master, start, end - start)
    for changed in overrides:
        read_override(event, changed, end - start)
    if not event.rule:
        event.zone = ""
    return event


def read_details(event, master):
    """URL, CONTACT, ORGANIZER, CATEGORIES, SEQUENCE and LAST-MODIFIED."""
    event.url = limited_text(master, "URL", MAX_SHORT_TEXT)
    event.contact = limited_text(master, "CONTACT", MAX_SHORT_TEXT)
    if "ORGANIZER" in master:
        organizer = master["ORGANIZER"]
        name = str(organizer.params.get("CN", "")).strip()
        address = str(organizer).strip().removeprefix("mailto:").removeprefix("MAILTO:")
        event.organizer = (name[:MAX_SHORT_TEXT], address[:MAX_SHORT_TEXT])
    if "CATEGORIES" in master:
        found = master["CATEGORIES"]
        found = found if isinstance(found, list) else [found]
        labels = [str(label).strip() for part in found for label in getattr(part, "cats", [])]
        event.categories = list(dict.fromkeys(label for label in labels if label))
    if "SEQUENCE" in master:
        event.sequence = prop(master, "SEQUENCE", lambda found: int(found))
        if not 0 <= event.sequence < 2**31:
            raise broken(master, "SEQUENCE", _("out of range"))
    if "LAST-MODIFIED" in master:
        modified = moment(master, "LAST-MODIFIED")
        if isinstance(modified, dt.datetime):
            event.modified = in_zone(modified, dt.UTC)


def read_rule(event, master, start, length):
    """RRULE, EXDATE and RDATE; a rule finer than daily becomes single dates if it ends soon."""
    zone = zone_of(event.zone)
    rules = master.get("RRULE")
    if isinstance(rules, list):
        raise InvalidEvent(
            _("%(event)s: RRULE appears %(number)d times; one rule per event is supported.")
            % {"event": describe(master), "number": len(rules)}
        )
    if rules is not None:
        rule = prop(master, "RRULE", lambda found: found.to_ical().decode())
        rule = rule.replace("\\;", ";").replace("\\,", ",")  # a broken value comes escaped
        problem = rule_problem(rule)
        if problem is None:
            event.rule = normalise_rule(rule, event.all_day, zone)
        else:
            event.extra += few_dates(master, rule, problem, start, length, event)
    event.exceptions = {in_zone(value, zone).date() for value in values_of(master, "EXDATE")}
    for value in values_of(master, "RDATE"):
        if isinstance(value, tuple):  # PERIOD: (start, end) or (start, duration)
            extra_start, until = value
            extra_end = extra_start + until if isinstance(until, dt.timedelta) else until
        else:
            if is_date(value) and not event.all_day:  # a DATE in a timed series: its start time
                value = dt.datetime.combine(value, in_zone(start, zone).timetz())
            extra_start, extra_end = value, value + length
        event.extra.append(as_row(extra_start, extra_end, event.all_day, zone))


def few_dates(master, rule, problem, start, length, event):
    """The dates of a rule the portal does not keep as a rule (hourly …), if it ends within
    MAX_SINGLE_DATES dates; otherwise the event is refused (never cut off silently)."""
    parts = rule_parts(rule)
    refused = InvalidEvent(
        _("%(event)s: RRULE %(problem)s (at most %(number)d dates of such a rule are imported).")
        % {"event": describe(master), "problem": problem, "number": MAX_SINGLE_DATES}
    )
    if parts.get("FREQ") not in (*Frequency.values, *SUB_DAILY):
        raise broken(master, "RRULE", problem)
    if "COUNT" not in parts and "UNTIL" not in parts:
        raise refused
    zone = zone_of(event.zone)
    try:
        dates = rrulestr(normalise_rule(rule, False, zone), dtstart=in_zone(start, zone))
        starts = list(islice(dates, MAX_SINGLE_DATES + 1))
    except (ValueError, TypeError, OverflowError) as error:
        raise broken(master, "RRULE", error) from error
    if len(starts) > MAX_SINGLE_DATES:
        raise refused
    return [as_row(begin, begin + length, event.all_day, zone) for begin in starts[1:]]


def read_override(event, changed, length):
    """A changed or cancelled occurrence (RECURRENCE-ID)."""
    zone = zone_of(event.zone)
    original = moment(changed, "RECURRENCE-ID")
    day = in_zone(original, zone).date()
    if text(changed, "STATUS").upper() == "CANCELLED":
        event.exceptions.add(day)
        return
    if "DTSTART" in changed:
        start, end = start_and_end(changed, event.notes)
    else:
        start, end = original, original + length
    moved = as_row(start, end, event.all_day, zone)
    if moved != as_row(original, original + length, event.all_day, zone):
        event.exceptions.add(day)
        event.extra.append(moved)
    summary = text(changed, "SUMMARY")
    if summary and summary != event.title:
        event.notes.append(
            _("%(title)s: the date on %(day)s is called “%(summary)s” in the calendar.")
            % {"title": event.title, "day": day.isoformat(), "summary": summary}
        )


def read_events(calendar):
    """(ImportedEvents, messages about VEVENTs that cannot be imported), in calendar order."""
    groups, problems = {}, []
    for component in calendar.walk("VEVENT"):
        if "DTSTART" not in component and "RECURRENCE-ID" not in component:
            problems.append(_("%(event)s: DTSTART is missing.") % {"event": describe(component)})
            continue
        try:
            uid = text(component, "UID") or synthetic_uid(component)
        except (ValueError, TypeError) as error:
            problems.append(str(broken(component, "DTSTART", error)))
            continue
        group = groups.setdefault(uid, {"master": None, "overrides": []})
        if "RECURRENCE-ID" in component:
            group["overrides"].append(component)
        elif group["master"] is None:
            group["master"] = component
    events = []
    for uid, group in groups.items():
        master, overrides = group["master"], group["overrides"]
        if master is None:  # only changed occurrences: the first one stands for the event
            master, overrides = overrides[0], overrides[1:]
        try:
            events.append(read_event(uid, master, overrides))
        except InvalidEvent as error:
            problems.append(str(error))
        except UNREADABLE as error:  # a value that passed the checks above and still fails
            problems.append(str(broken(master, "VEVENT", error)))
    return events, problems
