"""The embeddable listings (syndication/embed.py): /<lang>/embed/events/ and …/organisations/."""

import re

import pytest

from home.models import FieldOfAction

from .conftest import html_attrs, make_term


@pytest.fixture
def listed(one_of_each, tree):
    tree.organisation("Sportverein Nord")
    tree.event("Lauftreff", organiser=None)
    tree.sync("ar")
    return one_of_each


def embed(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200
    return response, response.content.decode()


def assert_embeddable(response):
    assert not response.cookies  # no session, CSRF or language cookie
    assert "Set-Cookie" not in response
    assert "X-Frame-Options" not in response
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors *" in csp
    assert "script-src 'self'" in csp


def test_events_embed_applies_filters(client, listed):
    response, html = embed(client, "/de/embed/events/", target_group="frauen")
    assert_embeddable(response)
    assert "Interkulturelles Frühstück" in html and "Lauftreff" not in html
    _, html = embed(client, "/de/embed/events/")
    assert "Interkulturelles Frühstück" in html and "Lauftreff" in html
    _, html = embed(client, "/de/embed/events/", organiser="elternverein-mitte")
    assert "Lauftreff" not in html
    # links open the portal's page in the embedding window; "all events" keeps the filters
    assert (
        'href="http://localhost/de/veranstaltungen/lauftreff/" target="_top"'
        in embed(client, "/de/embed/events/")[1]
    )
    _, html = embed(client, "/de/embed/events/", target_group="frauen")
    assert 'href="/de/veranstaltungen/?target_group=frauen" target="_top"' in html


def test_organisations_embed_applies_filters(client, listed):
    response, html = embed(client, "/de/embed/organisations/", field="bildung")
    assert_embeddable(response)
    assert "Elternverein Mitte" in html and "Sportverein Nord" not in html
    _, html = embed(client, "/de/embed/organisations/")
    assert "Elternverein Mitte" in html and "Sportverein Nord" in html


def test_arabic_embed_is_right_to_left_with_german_entries_marked(client, listed):
    make_term(FieldOfAction, "Sport", ar="رياضة")
    response, html = embed(client, "/ar/embed/events/")
    assert_embeddable(response)
    assert html_attrs(html, "html") == {"lang": "ar", "dir": "rtl"}
    assert "الفعاليات القادمة" in html  # "Upcoming events"
    # an alias shows the German title, marked as German
    assert re.search(
        r'<a href="[^"]+/ar/veranstaltungen/lauftreff/" target="_top" lang="de" dir="ltr">', html
    )
    _, html = embed(client, "/ar/embed/organisations/")
    assert html_attrs(html, "html") == {"lang": "ar", "dir": "rtl"}


def test_no_third_party_requests(client, listed):
    for path in ("/de/embed/events/", "/ar/embed/organisations/"):
        _, html = embed(client, path)
        sources = re.findall(r'(?:src|href)="([^"]+)"', html)
        loaded = re.findall(r'<(?:link|script|img)[^>]+(?:src|href)="([^"]+)"', html)
        assert loaded and all(url.startswith("/") for url in loaded), loaded
        assert all(url.startswith(("/", "http://localhost/")) for url in sources), sources
        assert "<script" not in html


def test_other_pages_stay_unframeable(client, listed):
    response = client.get("/de/veranstaltungen/")
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_embed_is_cached_and_follows_changes(client, listed, tree):
    assert embed(client, "/de/embed/events/")[0]["X-Page-Cache"] == "miss"
    hit = embed(client, "/de/embed/events/")[0]
    assert hit["X-Page-Cache"] == "hit"
    assert_embeddable(hit)  # a cached copy may still be framed (seen refused in a browser)
    tree.event("Neues Treffen")
    _, html = embed(client, "/de/embed/events/")
    assert "Neues Treffen" in html


def test_embed_refuses_posts_and_missing_sections(client, listed, tree):
    assert client.post("/de/embed/events/").status_code == 405
    tree.events.unpublish()
    assert client.get("/de/embed/events/").status_code == 404
