from urllib.parse import urlencode

from django import template

from events.models import EventIndexPage, upcoming_occurrences, with_localized_organisers
from locales.languages import DEFAULT_LANGUAGE
from locales.utils import absolute_url, active_locale

register = template.Library()


@register.inclusion_tag("events/includes/upcoming.html", takes_context=True)
def upcoming_events(context, limit=3):
    """The next dates of events in the visitor's language, for the home page."""
    occurrences = with_localized_organisers(list(upcoming_occurrences(active_locale().id)[:limit]))
    return {"occurrences": occurrences, "request": context.get("request")}


@register.inclusion_tag("events/includes/calendar_links.html", takes_context=True)
def calendar_links(context, url, query="", subscribe="", download=""):
    """Two links for a calendar: subscribe (webcal:, the calendar app keeps it up to date)
    and download the .ics file once. The address is the Site's (locales.utils.absolute_url)."""
    if query:
        url = f"{url}?{query}"
    absolute = absolute_url(url, context.get("request"))
    return {
        "url": url,
        "webcal": "webcal:" + absolute.split(":", 1)[1],
        "subscribe": subscribe,
        "download": download,
    }


@register.simple_tag(takes_context=True)
def organiser_events(context, organisation):
    """For an organisation's page (organisations/ does not import events/): the events
    listing filtered to it in the page's language, and its calendar feed's query."""
    request = context.get("request")
    source = _original(request, organisation) or organisation.source_page()
    query = urlencode({"organiser": source.slug})
    index = _events_index(request, organisation.locale_id)
    return {
        "listing_url": f"{index.get_url(request)}?{query}" if index else "",
        "calendar_query": query,
        "organiser_slug": source.slug,
    }


def _events_index(request, locale_id):
    """The language's events index: among the menu pages routing found (home/routing.py),
    or one query."""
    _, menu = getattr(request, "menu_pages", (None, []))
    for page in menu:
        if page.locale_id == locale_id and page.specific_class is EventIndexPage:
            return page
    return EventIndexPage.objects.live().filter(locale_id=locale_id).first()


def _original(request, page):
    """The German original among the page's translations routing found, if it did."""
    key, translations, _homes = getattr(request, "page_translations", (None, [], []))
    if key != page.translation_key:
        return None
    return next((p for p in translations if p.locale.language_code == DEFAULT_LANGUAGE), None)
