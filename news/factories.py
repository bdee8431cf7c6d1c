"""Factories for news: the index, news items and press releases, categories."""

import factory
import wagtail_factories
from django.utils import timezone

from home.factories import taxonomy_factory

from .models import NewsCategory, NewsIndexPage, NewsPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Aktuelles"


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsPage

    title = "Neuer Vorstand gewählt"
    date = factory.LazyFunction(timezone.localdate)
    teaser = factory.LazyAttribute(lambda o: f"{o.title}: Meldung.")


NewsCategoryFactory = taxonomy_factory(NewsCategory)
