"""Factories for guidance: the index, guidance pages, topics."""

import factory
import wagtail_factories

from home.factories import taxonomy_factory

from .models import GuidanceIndexPage, GuidancePage, GuidanceTopic


class GuidanceIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GuidanceIndexPage

    title = "Arbeitshilfen"


class GuidancePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GuidancePage

    title = "Vereinsgründung"
    intro = factory.LazyAttribute(lambda o: f"{o.title} Schritt für Schritt.")


GuidanceTopicFactory = taxonomy_factory(GuidanceTopic)
