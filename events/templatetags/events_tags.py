from django import template

from events.models import upcoming_occurrences, with_localized_organisers
from locales.utils import active_locale

register = template.Library()


@register.inclusion_tag("events/includes/upcoming.html", takes_context=True)
def upcoming_events(context, limit=3):
    """The next dates of events in the visitor's language, for the home page."""
    occurrences = with_localized_organisers(list(upcoming_occurrences(active_locale().id)[:limit]))
    return {"occurrences": occurrences, "request": context.get("request")}
