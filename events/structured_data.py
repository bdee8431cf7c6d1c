"""schema.org data for an event page: one Event per date, for search engines.

The template renders the result with the ``json_ld`` filter (portal's
structured_data tags), which escapes it for a <script type="application/ld+json">.
"""

from django.utils.translation import get_language

from locales.utils import absolute_url

from .recurrence import berlin

SHARE_RENDITION = "fill-1200x630"

EVENT_STATUS = {
    "scheduled": "EventScheduled",
    "cancelled": "EventCancelled",
    "postponed": "EventPostponed",
    "moved_online": "EventMovedOnline",
}


def schema(name):
    return f"https://schema.org/{name}"


def moment(value, all_day):
    """ISO 8601 with the Berlin offset, or only the day for all-day dates."""
    local = berlin(value)
    return local.date().isoformat() if all_day else local.isoformat()


def share_image_url(image, request):
    """The absolute URL of the image people see when they share a page, or ""."""
    if image is None:
        return ""
    return absolute_url(image.get_rendition(SHARE_RENDITION).url, request)


def location(page, url):
    if page.status == page.Status.MOVED_ONLINE:
        return {"@type": "VirtualLocation", "url": page.online_url or url}
    place = {"@type": "Place", "name": page.venue_name or page.title}
    if page.venue_address:
        place["address"] = ", ".join(line.strip() for line in page.venue_address.splitlines())
    return place


def event_json_ld(page, request, occurrences, organiser=None, image_url=""):
    """{"@graph": [Event, …]}: the event once for each of the given dates."""
    url = page.get_full_url(request)
    event = {
        "@type": "Event",
        "name": page.title,
        "description": page.teaser,
        "url": url,
        "inLanguage": get_language(),
        "eventStatus": schema(EVENT_STATUS[page.status]),
        "eventAttendanceMode": schema(
            "OnlineEventAttendanceMode"
            if page.status == page.Status.MOVED_ONLINE
            else "OfflineEventAttendanceMode"
        ),
        "location": location(page, url),
        "isAccessibleForFree": page.is_free,
    }
    if organiser is not None:
        event["organizer"] = {
            "@type": "Organization",
            "name": organiser.title,
            "url": organiser.get_full_url(request),
        }
    if image_url:
        event["image"] = [image_url]
    return {
        "@graph": [
            {
                **event,
                "startDate": moment(occurrence.start, page.all_day),
                "endDate": moment(occurrence.end, page.all_day),
            }
            for occurrence in occurrences
        ]
    }
