from django import template
from wagtail.models import Locale

from events.models import upcoming_occurrences
from locales.utils import translation_map

register = template.Library()


@register.inclusion_tag("events/includes/upcoming.html", takes_context=True)
def upcoming_events(context, limit=3):
    """The next dates of events in the visitor's language, for the home page."""
    occurrences = list(upcoming_occurrences(Locale.get_active().id)[:limit])
    organisers = translation_map(o.page.organiser for o in occurrences if o.page.organiser)
    for occurrence in occurrences:
        organiser = occurrence.page.organiser
        occurrence.localized_organiser = (
            organisers.get(organiser.translation_key) if organiser else None
        )
    return {"occurrences": occurrences, "request": context.get("request")}
