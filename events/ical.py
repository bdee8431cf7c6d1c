"""iCalendar (RFC 5545) for events: a .ics file per event and subscribable feeds.

Each event is one VEVENT for its first date with the repeat rule (RRULE) and
the cancelled repetitions (EXDATE), plus one VEVENT per extra date, so that
every calendar program shows the same dates as the site. Times carry
TZID=Europe/Berlin with a VTIMEZONE, or the zone an imported series repeats in
(UTC, America/New_York …, with its VTIMEZONE); all-day dates are DATE values.
"""

import datetime as dt

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar.parser.string import _escape_char, _foldline
from wagtail.models import Site

from locales.languages import DEFAULT_LANGUAGE
from locales.utils import active_language_code, source_language_code, translation_map

from .recurrence import BERLIN, berlin, local, zone_of

PRODID = "-//Integrationsportal//Veranstaltungen//DE"
TIMEZONE = "Europe/Berlin"
FOLD_AT = 75  # octets at which icalendar folds a content line (RFC 5545 3.1)


def berlin_vtimezone():
    """Europe/Berlin as a VTIMEZONE: the EU rules in force since 1996."""
    zone = icalendar.Timezone()
    zone.add("tzid", TIMEZONE)
    zone.add("x-lic-location", TIMEZONE)
    for kind, name, start, offset_from, offset_to, month in (
        (icalendar.TimezoneDaylight, "CEST", dt.datetime(1970, 3, 29, 2), 1, 2, 3),
        (icalendar.TimezoneStandard, "CET", dt.datetime(1970, 10, 25, 3), 2, 1, 10),
    ):
        part = kind()
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("tzoffsetfrom", dt.timedelta(hours=offset_from))
        part.add("tzoffsetto", dt.timedelta(hours=offset_to))
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        zone.add_component(part)
    return zone


def new_calendar(name):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    # No X-WR-TIMEZONE: readers that honour it (Google, python-recurring-ical-events) move
    # UTC times into that zone, so a series that repeats at 09:00 UTC would shift in summer.
    # Every time carries its TZID (or UTC) and the VTIMEZONE is included.
    calendar.add("refresh-interval", dt.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    calendar.add_component(berlin_vtimezone())
    return calendar


def calendar_bytes(pages, request, name):
    """A VCALENDAR with every date of the pages (EventPages with organiser selected)."""
    pages = list(pages)
    organisers = translation_map(page.organiser for page in pages if page.organiser)
    host = uid_domain()

    def organiser_of(page):
        return organisers.get(page.organiser.translation_key) if page.organiser else None

    calendar = new_calendar(name)
    if any(not page.all_day and zone_of(page.recurrence_timezone) != BERLIN for page in pages):
        # A series in another zone needs its VTIMEZONE: icalendar finds and writes it.
        for page in pages:
            for component in event_components(page, request, organiser_of(page), host):
                calendar.add_component(component)
        calendar.add_missing_timezones()
        return to_ical(calendar.content_lines())
    lines = calendar.content_lines()[:-2]  # up to END:VCALENDAR and the final ""
    for page in pages:
        lines += vevent_lines(page, request, organiser_of(page), host)
    return to_ical([*lines, "END:VCALENDAR"])


def to_ical(lines):
    """Content lines as bytes, as icalendar's to_ical() writes them (folded, CRLF after each),
    quicker: icalendar folds a line a character at a time (a third of a feed's time), and a
    line of fewer than 75 ASCII characters needs no folding."""
    folded = [
        line if len(line) < FOLD_AT and line.isascii() else _foldline(line)
        for line in lines
        if line
    ]
    return ("\r\n".join(folded) + "\r\n").encode()


def vevent_lines(page, request, organiser, host):
    """The content lines of the page's VEVENTs. An event of one date (most of them) is
    written here directly, ~10× quicker than through icalendar's objects and byte for byte
    what icalendar writes (tests/test_ics*.py); others go through event_components."""
    schedule = page.schedule()
    if schedule.first is None:
        return []
    first_cancelled = schedule.is_cancelled(schedule.first[0])
    if schedule.rule or schedule.extra or first_cancelled or schedule.cancelled_starts():
        return [
            line
            for component in event_components(page, request, organiser, host)
            for line in component.content_lines()
            if line
        ]
    shared = details(page, request, organiser)
    language = f";LANGUAGE={text_language(page)}" if text_language(page) else ""
    start, end = schedule.first
    if page.all_day:
        start_end = [
            f"DTSTART;VALUE=DATE:{berlin(start):%Y%m%d}",
            f"DTEND;VALUE=DATE:{berlin(end).date() + dt.timedelta(days=1):%Y%m%d}",
        ]
    else:
        start_end = [
            f"DTSTART;TZID={TIMEZONE}:{local(start):%Y%m%dT%H%M%S}",
            f"DTEND;TZID={TIMEZONE}:{local(end):%Y%m%dT%H%M%S}",
        ]
    stamp = f"{shared['dtstamp']:%Y%m%dT%H%M%SZ}"
    lines = [
        "BEGIN:VEVENT",
        f"SUMMARY{language}:{_escape_char(shared['summary'])}",
        *start_end,
        f"DTSTAMP:{stamp}",
        f"UID:{_escape_char(uid(page, host))}",
        "CLASS:PUBLIC",
        f"DESCRIPTION{language}:{_escape_char(shared['description'])}",
        f"LAST-MODIFIED:{stamp}",
    ]
    if "location" in shared:
        lines.append(f"LOCATION{language}:{_escape_char(shared['location'])}")
    lines += [f"STATUS:{_escape_char(shared['status'])}", f"URL:{shared['url']}", "END:VEVENT"]
    return lines


def uid_domain():
    """CALENDAR_UID_DOMAIN, else the default Site's host name: never the request's host, so a
    subscriber reaching the feed under two names gets the same UIDs, not duplicates."""
    if settings.CALENDAR_UID_DOMAIN:
        return settings.CALENDAR_UID_DOMAIN
    site = Site.objects.filter(is_default_site=True).only("hostname").first()
    return (site.hostname if site else "") or "localhost"


def uid(page, host, start=None):
    """The same in every language and every download, so calendars update instead of adding."""
    if start is None:
        return f"event-{page.translation_key}@{host}"
    return f"event-{page.translation_key}-{start.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}@{host}"


def add_dates(component, start, end, all_day, zone=BERLIN):
    """DTSTART and DTEND; a series in another zone (UTC, New York …) keeps its zone."""
    if all_day:
        component.add("dtstart", berlin(start).date())
        component.add("dtend", berlin(end).date() + dt.timedelta(days=1))
    else:
        component.add("dtstart", local(start, zone))
        component.add("dtend", local(end, zone))


def details(page, request, organiser):
    """The properties every VEVENT of the page shares."""
    url = page.get_full_url(request)
    summary = page.title
    if page.status != page.Status.SCHEDULED:
        summary = f"{page.get_status_display()}: {page.title}"
    lines = [page.teaser]
    if organiser is not None:
        lines.append(_("Organiser: %(name)s") % {"name": organiser.title})
    lines.append(url)
    if page.status == page.Status.MOVED_ONLINE:
        where = page.online_url
    else:
        where = ", ".join(
            part.strip()
            for part in [page.venue_name, *page.venue_address.splitlines()]
            if part.strip()
        )
    changed = page.last_published_at or page.latest_revision_created_at or timezone.now()
    properties = {
        "summary": summary,
        "description": "\n\n".join(line for line in lines if line),
        "url": url,
        "status": page.ical_status(),
        "class": "PUBLIC",
        "dtstamp": changed.astimezone(dt.UTC),
        "last-modified": changed.astimezone(dt.UTC),
    }
    if where:
        properties["location"] = where
    return properties


def text_language(page):
    """The language of the page's text where it is not the feed's (RFC 5545 LANGUAGE).

    An alias shows its source's text, which may be in any language: an event sent
    through the Arabic form is Arabic in the German feed until it is translated.
    """
    code = source_language_code(page) if page.alias_of_id else page.locale.language_code
    return None if code == active_language_code() else (code or DEFAULT_LANGUAGE)


def add_shared(component, shared, language):
    """The shared properties; the texts marked with their language where needed."""
    for name, value in shared.items():
        if language and name in ("summary", "description", "location"):
            component.add(name, value, parameters={"LANGUAGE": language})
        else:
            component.add(name, value)


def event_components(page, request, organiser, host):
    """The VEVENTs of one event page; host is the UIDs' domain (uid_domain())."""
    schedule = page.schedule()
    if schedule.first is None:
        return []
    shared = details(page, request, organiser)
    language = text_language(page)
    rule = schedule.rrule()
    cancelled = schedule.cancelled_starts()
    # An extra date on a repetition's start replaces that repetition.
    replaced = [
        berlin(start)
        for start, _end in schedule.extra
        if schedule.is_series_start(start, rule) and not schedule.is_cancelled(start)
    ]
    components = []
    first_cancelled = schedule.is_cancelled(schedule.first[0])
    if rule is not None or not first_cancelled:
        master = icalendar.Event()
        master.add("uid", uid(page, host))
        add_shared(master, shared, language)
        add_dates(master, *schedule.first, page.all_day, schedule.tz)
        if rule is not None:
            master.add("rrule", icalendar.vRecur.from_ical(page.recurrence_rule))
        exdates = sorted(set(cancelled + replaced))
        if exdates:
            values = [
                berlin(start).date() if page.all_day else local(start, schedule.tz)
                for start in exdates
            ]
            master.add("exdate", values)
        components.append(master)
    for start, end in schedule.extra:
        extra = icalendar.Event()
        extra.add("uid", uid(page, host, start))
        add_shared(extra, shared, language)
        add_dates(extra, start, end, page.all_day)
        components.append(extra)
    return components
