"""Absolute URLs come from the Site record, never from the Host header a client sent.

A feed, calendar or sitemap fetched under another name (a second DNS name, an IP address,
a forged Host header behind a permissive proxy) must still point at the site's own address.
"""

import re

import pytest
from wagtail.models import Site

from home.factories import ImageFactory

pytestmark = pytest.mark.django_db

SITE = "https://portal.example.org"
OTHER_HOST = "other-name.example"


@pytest.fixture
def site(tree):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "portal.example.org", 443
    site.save()
    board = ImageFactory(title="Vorstand", file__width=40, file__height=30)
    tree.news_item("Neuer Vorstand", lead_image=board)
    tree.event("Elterncafé", image=ImageFactory(title="Café"))
    tree.translate(tree.news.get_children().first(), "en", title="New board")
    return tree


def absolute_urls(client, path):
    response = client.get(path, HTTP_HOST=OTHER_HOST)
    assert response.status_code == 200, path
    return set(re.findall(r"https?://[^\s\"'<>\\]+", response.content.decode()))


@pytest.mark.parametrize(
    "path",
    [
        "/de/feeds/news.rss",
        "/de/feeds/news.atom",
        "/de/calendar/events.ics",
        "/sitemap.xml",
        "/de/aktuelles/neuer-vorstand/",  # hreflang, canonical, JSON-LD, sharing image
        "/de/veranstaltungen/elterncafe/",
    ],
)
def test_absolute_urls_name_the_site_not_the_requested_host(client, site, path):
    own = {url for url in absolute_urls(client, path) if "example" in url}
    assert own, f"{path} names no address of the site"
    assert not [url for url in own if OTHER_HOST in url], own
    assert any(url.startswith(SITE + "/") for url in own), own
