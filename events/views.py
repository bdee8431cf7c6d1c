"""Calendar downloads: one event's .ics and the subscribable feed of a language's events."""

import datetime as dt

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control

from home.cache import ALL, declare, page_tag
from home.listing import public
from locales.utils import active_locale, with_source_language

from .ical import calendar_bytes
from .models import EventDate, EventIndexPage, EventPage, event_filter

# The feed keeps recently ended events, so subscribers still see last week's dates, and
# looks a year ahead (repeating events carry their rule, so later dates still show). It
# holds the FEED_MAX_EVENTS events that come next in that window: each costs ~0.5 ms to
# write, so a large site's feed stays small and quick (issue 15; the listing's filters,
# e.g. ?organiser=…, give a calendar of one's own).
FEED_KEEPS_PAST = dt.timedelta(days=30)
FEED_LOOKS_AHEAD = dt.timedelta(days=366)
FEED_MAX_EVENTS = 100


def calendar_response(content, filename, attachment=False):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def event_pages():
    return (
        public(EventPage.objects.live())
        .select_related("organiser", "locale")
        .prefetch_related("occurrences", "exception_dates")
    )


@cache_control(public=True, max_age=600)
def event_calendar(request, page_id):
    """The .ics file of one event (in the language of its page)."""
    declare(request, [ALL, page_tag(page_id)])  # whole-page cache until the event changes
    page = get_object_or_404(event_pages(), pk=page_id)
    content = calendar_bytes([page], request, page.title)
    return calendar_response(content, f"{slugify(page.slug) or 'event'}.ics", attachment=True)


@cache_control(public=True, max_age=600)
def events_calendar(request):
    """Every event in the visitor's language, as a feed to subscribe to.

    The listing's filters work here too: ?organiser=…, ?target_group=…,
    ?language=…, ?district=…, ?free=1.
    """
    locale = active_locale()
    # Cached until an event of the language changes: each one bumps its index's tag.
    index_ids = EventIndexPage.objects.filter(locale=locale).values_list("pk", flat=True)
    declare(request, [ALL, *(page_tag(pk) for pk in index_ids)])
    pages = (
        with_source_language(event_pages())  # an alias's text may be Arabic (LANGUAGE=ar)
        .filter(locale=locale)
        .filter(event_filter(request.GET))
    )
    pages = _next_in_window(pages, FEED_MAX_EVENTS)
    name = "{} – {}".format(_("Integration Portal"), _("Events"))
    return calendar_response(calendar_bytes(pages, request, name), "events.ics")


def _next_in_window(pages, limit):
    """The first limit of pages (by their first date in the feed's window), read from the
    dates in order of their start (indexed), a chunk at a time: no scan of every event."""
    now = timezone.now()
    dates = (
        EventDate.objects.filter(
            page__in=pages.values("pk"),
            end__gte=now - FEED_KEEPS_PAST,
            start__lte=now + FEED_LOOKS_AHEAD,
        )
        .order_by("start", "page_id")
        .values_list("page_id", flat=True)
    )
    order = {}
    for page_id in dates.iterator(chunk_size=limit * 10):
        order.setdefault(page_id, len(order))
        if len(order) == limit:
            break
    return sorted(pages.filter(pk__in=order), key=lambda page: order[page.pk])
