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
from .models import EventIndexPage, EventPage, event_filter

# The feed keeps recently ended events, so subscribers still see last week's dates, and
# looks a year ahead (repeating events carry their rule, so later dates still show).
FEED_KEEPS_PAST = dt.timedelta(days=30)
FEED_LOOKS_AHEAD = dt.timedelta(days=366)


def calendar_response(content, filename, attachment=False):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def event_pages():
    return (
        public(EventPage.objects.live())
        .select_related("organiser")
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
    now = timezone.now()
    window = EventPage.objects.filter(
        event_dates__end__gte=now - FEED_KEEPS_PAST, event_dates__start__lte=now + FEED_LOOKS_AHEAD
    )
    pages = (
        with_source_language(event_pages())  # an alias's text may be Arabic (LANGUAGE=ar)
        .filter(locale=locale)
        .filter(event_filter(request.GET))
        .filter(pk__in=window.values("pk"))
        .order_by("pk")
    )
    name = "{} – {}".format(_("Integration Portal"), _("Events"))
    return calendar_response(calendar_bytes(pages, request, name), "events.ics")
