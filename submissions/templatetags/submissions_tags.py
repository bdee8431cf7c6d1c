"""Template tags for the pages below which the public forms sit (events/ names no form)."""

from django import template

from ..models import EventSubmissionPage

register = template.Library()


@register.simple_tag
def submission_page_below(index):
    """The live form below an events index through which organisations announce events."""
    return EventSubmissionPage.objects.child_of(index).live().first()
