"""Factories for guidance: the index, guidance pages, topics."""

import factory
import wagtail_factories

from home.factories import TaxonomyFactory

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


class GuidanceTopicFactory(TaxonomyFactory):
    class Meta:
        model = GuidanceTopic
