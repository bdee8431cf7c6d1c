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
from icalendar.parser.string import _foldline
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
    calendar = new_calendar(name)
    host = uid_domain()
    zones = set()
    for page in pages:
        organiser = organisers.get(page.organiser.translation_key) if page.organiser else None
        for component in event_components(page, request, organiser, host):
            calendar.add_component(component)
        if not page.all_day:
            zones.add(zone_of(page.recurrence_timezone))  # as Schedule.tz
    if zones - {BERLIN}:
        calendar.add_missing_timezones()  # the VTIMEZONE of a series in another zone
    return to_ical(calendar)


def to_ical(calendar):
    """calendar.to_ical(), byte for byte, quicker: icalendar folds every line a character at
    a time (a third of a feed's time); a line of fewer than 75 ASCII characters needs none."""
    lines = [
        line if len(line) < FOLD_AT and line.isascii() else _foldline(line)
        for line in calendar.content_lines()
        if line
    ]
    return ("\r\n".join(lines) + "\r\n").encode()


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
