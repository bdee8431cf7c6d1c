"""The whole-page cache: anonymous readers get stored pages until something they show changes.

Each test warms pages over HTTP, changes content the way editors do (publish,
unpublish, translate, delete, move, save a snippet or the site settings) and
asks again: the pages that show the change are rendered anew (X-Page-Cache:
miss and the new content), every other page still comes from the cache (hit).
"""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.db import OperationalError, connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from home.models import ContactPerson, SiteSettings
from locales.languages import LANGUAGES
from news.models import NewsCategory
from tests.conftest import make_contact, make_term
from tests.test_resilience import redis_gone  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def state(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response.get("X-Page-Cache")


def warm(client, urls):
    for url in urls:
        client.get(url)
    assert all(state(client, url) == "hit" for url in urls), [state(client, u) for u in urls]


def cold(client, urls):
    """The urls that are rendered again (not served from the cache)."""
    return {url for url in urls if state(client, url) != "hit"}


@pytest.fixture
def site(tree):
    """German pages of every listing, a news item with a category and a contact, in Turkish."""
    presse = make_term(NewsCategory, "Presse", tr="Basın")
    person = make_contact("Erika Beispiel")
    item = tree.news_item("Neue Beratungszeiten", categories=[presse], press_contact=person)
    other = tree.news_item("Sommerfest")
    organisation = tree.organisation("Kulturverein")
    event = tree.event("Elterncafé", organiser=organisation)
    guidance = tree.guidance_page("Vereinsgründung")
    tree.sync("tr")
    tree.item, tree.other, tree.person, tree.presse = item, other, person, presse
    tree.organisation_page, tree.event_page, tree.guidance_page_ = organisation, event, guidance
    pages = [tree.home, *(p for p in (tree.organisations, tree.events, tree.news, tree.guidance))]
    pages += [item, other, organisation, event, guidance]
    tree.urls = {
        code: [tree.in_language(page, code).url for page in pages] for code in ("de", "tr")
    }
    return tree


def everything(site):
    return site.urls["de"] + site.urls["tr"]


def test_a_stored_page_costs_no_query_and_carries_validators(client, site):
    url = site.item.url
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Last-Modified"] == first["Last-Modified"]
    assert second["Cache-Control"] == "public, max-age=0"
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.head(url).status_code == 200
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304


def test_publishing_a_news_item_renders_only_the_pages_that_show_it(client, site):
    warm(client, everything(site))
    site.item.title = "Geänderte Beratungszeiten"
    site.item.save_revision().publish()
    item_tr = site.in_language(site.item, "tr")
    expected = {
        site.item.url,
        site.news.url,
        site.home.url,
        item_tr.url,
        site.in_language(site.news, "tr").url,
        site.in_language(site.home, "tr").url,
    }
    assert cold(client, everything(site)) == expected
    assert "Geänderte Beratungszeiten" in client.get(site.news.url).content.decode()
    assert "Geänderte Beratungszeiten" in client.get(item_tr.url).content.decode()


def test_unpublishing_and_deleting_drop_the_page_from_its_listings(client, site):
    warm(client, everything(site))
    site.other.unpublish()
    assert "Sommerfest" not in client.get(site.news.url).content.decode()
    assert client.get(site.other.url).status_code == 404
    assert state(client, site.organisations.url) == "hit"
    site.item.delete()
    assert "Neue Beratungszeiten" not in client.get(site.news.url).content.decode()
    assert state(client, site.guidance.url) == "hit"


def test_an_event_is_shown_anew_on_its_organisers_page(client, site):
    warm(client, everything(site))
    site.event_page.title = "Elterncafé am Montag"
    site.event_page.save_revision().publish()
    assert "Elterncafé am Montag" in client.get(site.organisation_page.url).content.decode()
    assert state(client, site.guidance.url) == "hit"
    assert state(client, site.item.url) == "hit"
    # Renaming the organiser renders the event and the events listing again.
    warm(client, everything(site))
    site.organisation_page.title = "Kulturverein Mitte"
    site.organisation_page.save_revision().publish()
    assert "Kulturverein Mitte" in client.get(site.event_page.url).content.decode()
    assert state(client, site.events.url) == "miss"
    assert state(client, site.news.url) == "hit"


def test_translating_a_page_updates_its_language_versions_only(client, site):
    warm(client, everything(site))
    site.translate(site.guidance_page_, "tr", title="Dernek kurmak")
    item_tr = site.in_language(site.guidance_page_, "tr")
    assert "Dernek kurmak" in client.get(item_tr.url).content.decode()
    # The German page now links the Turkish translation in its language switcher.
    assert state(client, site.guidance_page_.url) == "miss"
    assert state(client, site.item.url) == "hit"
    assert state(client, site.organisation_page.url) == "hit"


def test_saving_a_snippet_renders_the_pages_that_show_it(client, site):
    warm(client, everything(site))
    person = ContactPerson.objects.get(pk=site.person.pk)
    person.name = "Erika Muster"
    person.save()
    assert "Erika Muster" in client.get(site.item.url).content.decode()
    item_tr = site.in_language(site.item, "tr")
    # The Turkish alias shows the person too; the listings of the item are rendered anew.
    listings = {
        site.in_language(page, code).url for page in (site.news, site.home) for code in ("de", "tr")
    }
    assert cold(client, everything(site)) == {item_tr.url} | listings
    turkish = NewsCategory.objects.get(translation_key=site.presse.translation_key, name="Basın")
    turkish.name = "Basın bülteni"
    turkish.save()
    assert "Basın bülteni" in client.get(item_tr.url).content.decode()
    assert state(client, site.organisation_page.url) == "hit"


def test_deleting_a_snippet_translation_renders_the_pages_that_showed_it(client, site):
    item_tr = site.in_language(site.item, "tr")
    client.get(item_tr.url)
    assert ">Presse<" not in client.get(item_tr.url).content.decode()  # the Turkish label
    NewsCategory.objects.get(translation_key=site.presse.translation_key, name="Basın").delete()
    assert ">Presse<" in client.get(item_tr.url).content.decode()  # the German one again


def test_a_new_main_section_appears_in_the_navigation_of_every_language(client, site):
    """A new German page exists at once in every language (an alias, locales.aliases), so
    every language's navigation shows it: no page may still come from the cache without it."""
    warm(client, everything(site))
    site.standard("Über uns", show_in_menus=True)
    assert cold(client, everything(site)) == set(everything(site))
    turkish = site.in_language(site.organisation_page, "tr")
    for url in (site.organisation_page.url, turkish.url):
        assert "Über uns" in client.get(url).content.decode(), url


def test_site_settings_change_the_footer_everywhere(client, site):
    warm(client, everything(site))
    imprint = site.standard("Impressum")
    warm(client, everything(site))
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.imprint_page = imprint
    settings.save()
    assert cold(client, everything(site)) == set(everything(site))
    assert "Impressum" in client.get(site.guidance.url).content.decode()


def test_moving_a_page_changes_addresses_so_everything_is_rendered_again(client, site):
    warm(client, everything(site))
    Page.objects.get(pk=site.other.pk).move(site.guidance, pos="last-child")
    unmoved = [url for url in everything(site) if "sommerfest" not in url]
    assert cold(client, unmoved) == set(unmoved)


def test_a_page_made_private_is_no_longer_served_from_the_cache(client, site):
    warm(client, everything(site))
    PageViewRestriction.objects.create(page=site.news, restriction_type="login")
    assert client.get(site.item.url).status_code == 302  # to the login, not the stored page
    assert client.get(site.news.url).status_code == 302


def test_logged_in_readers_and_previews_never_get_stored_pages(client, site, admin_user):
    client.get(site.item.url)
    client.force_login(admin_user)
    response = client.get(site.item.url)
    assert response.get("X-Page-Cache") is None
    assert "private" in response["Cache-Control"]
    client.logout()
    # what the logged-in editor saw was not stored for anonymous readers either
    assert state(client, site.item.url) == "hit"
    client.cookies["messages"] = "a message for this reader"
    assert state(client, site.item.url) is None


def test_form_pages_with_a_csrf_token_are_never_stored(client, one_of_each):
    for page_type in ("EventSubmissionPage", "FormPage"):
        url = one_of_each[page_type].url
        client.get(url)
        response = client.get(url)
        assert response.get("X-Page-Cache") is None
        assert "private" in response["Cache-Control"]
        assert "csrfmiddlewaretoken" in response.content.decode()


def test_search_results_are_stored_until_any_page_changes(client, site):
    url = "/de/search/?q=Sommerfest"
    client.get(url)
    assert state(client, url) == "hit"
    site.guidance_page_.save_revision().publish()
    assert state(client, url) == "miss"


def test_stored_pages_are_still_served_while_the_database_is_down(client, site, monkeypatch):
    def gone(self, *args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    client.get(site.item.url)
    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", gone)
    client.raise_request_exception = False
    assert state(client, site.item.url) == "hit"
    assert client.get(site.guidance.url).status_code == 503  # never stored: no database


def test_pages_are_served_without_redis_and_publishing_still_works(client, tree, redis_gone):  # noqa: F811
    item = tree.news_item("Ohne Cache")
    assert state(client, item.url) == "miss"
    assert state(client, item.url) == "miss"
    item.title = "Immer noch da"
    item.save_revision().publish()
    assert "Immer noch da" in client.get(item.url).content.decode()


# --------------------------------------------------------------------------- CDN purge


class PurgeRecorder(BaseHTTPRequestHandler):
    received = []

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        PurgeRecorder.received.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server():
    PurgeRecorder.received = []
    server = HTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", PurgeRecorder.received
    server.shutdown()
    server.server_close()


def test_publishing_purges_exactly_the_changed_pages_from_a_frontend_cache(
    client, site, settings, purge_server, django_capture_on_commit_callbacks
):
    location, received = purge_server
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location,
        }
    }
    response = client.get(site.organisation_page.url)
    assert (
        response["Cache-Control"]
        == f"public, max-age=0, s-maxage={settings.FRONTEND_CACHE_SECONDS}"
    )
    with django_capture_on_commit_callbacks(execute=True):
        site.item.save_revision().publish()
    purged = {path for host, path in received}
    assert {host for host, path in received} == {"localhost"}
    # The item, its listing and the home page, in every language (the item has an alias
    # in each); nothing else.
    assert purged == {
        site.in_language(page, language.code).url
        for page in (site.item, site.news, site.home)
        for language in LANGUAGES
    }
