"""The demo content: `load_demo_content` runs twice without duplicates, and every page renders.

Loading takes a while, so the module loads it once (in a transaction rolled back at the end)
and its tests share the result. Marked `demo_content`; `make test` runs it with the rest.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site, Workflow
from wagtail.snippets.models import get_snippet_models

from demo.management.commands.load_demo_content import DEMO_SITE_URL
from home.models import FormPage, HomePage
from locales.languages import LANGUAGES
from submissions.models import EventSubmissionPage
from tests.conftest import PAGE_TYPES

pytestmark = [pytest.mark.demo_content, pytest.mark.django_db]


def counts():
    """How many of each thing the demo content creates."""
    result = {
        "pages": Page.objects.count(),
        "aliases": Page.objects.filter(alias_of__isnull=False).count(),
        "locales": Locale.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "users": get_user_model().objects.count(),
        "sites": Site.objects.count(),
    }
    for snippet_model in get_snippet_models():
        result[snippet_model._meta.label] = snippet_model.objects.count()
    return result


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The counts after loading the demo content once; rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", verbosity=0)
        yield counts()
        transaction.set_rollback(True)


def test_demo_content_creates_every_kind_of_thing(demo):
    assert demo["locales"] == len(LANGUAGES)
    assert demo["images"] > 0 and demo["documents"] > 0 and demo["users"] > 0
    assert demo["aliases"] > 0
    assert all(number > 0 for label, number in demo.items() if "." in label), demo


def test_second_run_creates_no_duplicates(demo):
    call_command("load_demo_content", verbosity=0)
    assert counts() == demo


def test_site_root_is_the_german_home_page(demo):
    site = Site.objects.get(is_default_site=True)
    assert Site.objects.count() == 1
    root = site.root_page.specific
    assert isinstance(root, HomePage)
    assert root.locale.language_code == "de"
    assert not Page.objects.filter(depth=2).exclude(content_type=root.content_type).exists()


def test_absolute_urls_reach_the_demo_where_make_run_serves_it(demo, client):
    assert Site.objects.get(is_default_site=True).root_url == DEMO_SITE_URL
    rss = client.get("/de/feeds/news.rss").content.decode()
    links = re.findall(r"<link>([^<]+)</link>", rss)
    assert links and all(link.startswith(DEMO_SITE_URL + "/de/") for link in links), links


def test_every_language_has_a_home_page(demo):
    homes = HomePage.objects.filter(depth=2).values_list("locale__language_code", flat=True)
    assert sorted(homes) == sorted(language.code for language in LANGUAGES)


def sitemap_paths(client):
    """The paths of the pages in the sitemaps that the index /sitemap.xml lists."""

    def locations(path):
        response = client.get(path)
        assert response.status_code == 200
        found = re.findall(r"<loc>([^<]+)</loc>", response.content.decode())
        return [urlsplit(url)._replace(scheme="", netloc="").geturl() for url in found]

    return [page for sitemap in locations("/sitemap.xml") for page in locations(sitemap)]


def test_every_page_in_the_sitemap_renders(demo, client):
    paths = sitemap_paths(client)
    assert {path.split("/")[1] for path in paths} >= {"de", "en", "tr", "ar"}
    failures = [(path, status) for path in paths if (status := client.get(path).status_code) != 200]
    assert not failures


def test_aliases_of_every_page_type_render(demo, client):
    """One alias per page type in Farsi (right-to-left, no real translations)."""
    aliases = {}
    for page in Page.objects.filter(locale__language_code="fa", alias_of__isnull=False):
        aliases.setdefault(page.specific_class.__name__, page)
    assert set(aliases) == set(PAGE_TYPES)
    for page in aliases.values():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert '<html lang="fa" dir="rtl">' in response.content.decode()


def test_demo_forms_are_ready_for_organisations(demo, client):
    """The Arabic sign-up form asks in Arabic; a moderator and the workflow exist;
    the footer links the event form in the visitor's language."""
    arabic_sign_up = FormPage.objects.get(locale__language_code="ar", alias_of__isnull=True)
    assert "اسم الجمعية أو المبادرة" in client.get(arabic_sign_up.url).content.decode()
    moderator = get_user_model().objects.get(username="moderation")
    assert moderator.groups.filter(name="Moderation").exists()
    assert Workflow.objects.filter(name="Moderation", active=True).exists()
    turkish_form = EventSubmissionPage.objects.get(locale__language_code="tr")
    turkish_home = Page.objects.get(depth=2, locale__language_code="tr")
    assert f'href="{turkish_form.url}"' in client.get(turkish_home.url).content.decode()


def test_translation_status_shows_every_state(demo):
    """Translated through wagtail-localize from PO files: up to date, out of date (the
    imprint changed in German after Turkish and Arabic were translated; English has the new
    text), missing (Russian, Ukrainian and Farsi have no PO files)."""
    from locales.status import Status, status_rows

    states = {(row.title, row.locale.language_code): row.status for row in status_rows()}
    assert states["Impressum", "en"] == Status.UP_TO_DATE
    assert states["Impressum", "tr"] == states["Impressum", "ar"] == Status.OUT_OF_DATE
    assert states["Impressum", "ru"] == Status.MISSING
    assert states["Datenschutz", "ar"] == Status.UP_TO_DATE
    assert {state for (_, code), state in states.items() if code == "fa"} == {Status.MISSING}
