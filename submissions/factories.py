"""Factories for submissions: the public event form page."""

import wagtail_factories

from .models import EventSubmissionPage


class EventSubmissionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventSubmissionPage

    title = "Veranstaltung melden"
