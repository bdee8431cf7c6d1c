"""manage.py generate_content: a seeded site of N German pages with aliases in every language."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from events.models import EventPage
from guidance.models import GuidancePage
from locales.languages import LANGUAGES
from news.models import NewsPage
from organisations.models import OrganisationPage

pytestmark = pytest.mark.django_db


def german_titles():
    return sorted(Page.objects.filter(depth=4, locale__language_code="de").values_list("title"))


def test_generates_every_page_type_with_aliases_in_every_language(client, tree):
    client.get(tree.news.url)
    assert client.get(tree.news.url)["X-Page-Cache"] == "hit"
    call_command("generate_content", pages=8, seed=3)
    # Invalidation is paused while it runs; cached pages are dropped once at the end.
    assert client.get(tree.news.url)["X-Page-Cache"] == "miss"
    for model in (OrganisationPage, EventPage, NewsPage, GuidancePage):
        assert model.objects.filter(locale__language_code="de").count() == 2
    for language in LANGUAGES:
        assert Page.objects.filter(depth=4, locale__language_code=language.code).count() == 8
    event = EventPage.objects.filter(locale__language_code="de").first()
    assert event.organiser is not None
    assert client.get(event.url).status_code == 200
    assert client.get(event.get_translation(tree.locales["tr"]).url).status_code == 200


def test_the_same_seed_gives_the_same_site(tree):
    call_command("generate_content", pages=6, seed=7, no_aliases=True)
    first = german_titles()
    Page.objects.filter(depth=4).delete()
    call_command("generate_content", pages=6, seed=7, no_aliases=True)
    assert german_titles() == first
    call_command("generate_content", pages=6, seed=8, no_aliases=True)  # a second run adds
    assert len(german_titles()) == 12
