"""/sitemap.xml and /robots.txt."""

import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache

from portal.sitemaps import PageSitemap

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
BASE = "http://localhost"  # the default Site's hostname; the sitemap uses the site's root URL


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)  # noqa: S314 – our own sitemap, not untrusted input


def sitemap_files(client):
    """The sitemaps that the index /sitemap.xml lists: {location: [<url> elements]}."""
    index = xml(client, "/sitemap.xml")
    locations = [loc.text for loc in index.findall("s:sitemap/s:loc", NS)]
    assert all(location.startswith(f"{BASE}/") for location in locations)
    return {
        location: xml(client, location.removeprefix(BASE)).findall("s:url", NS)
        for location in locations
    }


def sitemap(client):
    """{location: {hreflang: href}} of every <url> in the sitemaps of /sitemap.xml."""
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link[@rel='alternate']", NS)
        }
        for urls in sitemap_files(client).values()
        for url in urls
    }


@pytest.fixture
def site_with_translations(tree):
    """German pages; a news item translated into Arabic; everything aliased into Turkish."""
    item = tree.news_item("Neue Beratungszeiten")
    tree.translate(item, "ar", title="مواعيد جديدة")
    tree.organisation("Kulturverein")
    draft = tree.guidance_page("Noch nicht fertig")
    draft.unpublish()
    tree.sync("tr")
    return tree


def test_sitemap_lists_every_live_page_that_is_a_real_translation(client, site_with_translations):
    assert set(sitemap(client)) == {
        f"{BASE}/de/",
        f"{BASE}/de/organisationen/",
        f"{BASE}/de/organisationen/kulturverein/",
        f"{BASE}/de/veranstaltungen/",
        f"{BASE}/de/aktuelles/",
        f"{BASE}/de/aktuelles/neue-beratungszeiten/",
        f"{BASE}/de/handreichungen/",
        f"{BASE}/ar/",
        f"{BASE}/ar/aktuelles/neue-beratungszeiten/",
    }


def test_sitemap_leaves_out_aliases_and_drafts(client, site_with_translations):
    locations = set(sitemap(client))
    assert not any(location.startswith(f"{BASE}/tr/") for location in locations)
    assert f"{BASE}/ar/aktuelles/" not in locations  # an alias created for the translation
    assert not any("noch-nicht-fertig" in location for location in locations)


def test_sitemap_links_the_translations_with_hreflang(client, site_with_translations):
    urls = sitemap(client)
    expected = {
        "de": f"{BASE}/de/aktuelles/neue-beratungszeiten/",
        "ar": f"{BASE}/ar/aktuelles/neue-beratungszeiten/",
        "x-default": f"{BASE}/de/aktuelles/neue-beratungszeiten/",
    }
    assert urls[f"{BASE}/de/aktuelles/neue-beratungszeiten/"] == expected
    assert urls[f"{BASE}/ar/aktuelles/neue-beratungszeiten/"] == expected
    assert urls[f"{BASE}/de/organisationen/kulturverein/"] == {
        "de": f"{BASE}/de/organisationen/kulturverein/",
        "x-default": f"{BASE}/de/organisationen/kulturverein/",
    }
    assert urls[f"{BASE}/ar/"] == {
        "de": f"{BASE}/de/",
        "ar": f"{BASE}/ar/",
        "x-default": f"{BASE}/de/",
    }


def test_sitemap_shows_a_published_translation_once_it_replaces_the_alias(client, tree):
    tree.sync("tr")
    assert f"{BASE}/tr/aktuelles/" not in sitemap(client)
    tree.translate(tree.news, "tr", title="Haberler", slug="haberler")
    assert f"{BASE}/tr/haberler/" in sitemap(client)


def test_a_large_site_is_split_into_sitemaps_of_limited_size(
    client, site_with_translations, monkeypatch
):
    everything = sitemap(client)
    monkeypatch.setattr(PageSitemap, "limit", 4)
    cache.clear()  # the sitemaps are cached until a page changes
    files = sitemap_files(client)
    assert len(files) == 3  # 9 pages, 4 a file
    assert all(len(urls) <= 4 for urls in files.values())
    assert sitemap(client) == everything  # the same pages and alternates, split up


def test_the_sitemap_follows_a_publication(client, site_with_translations):
    assert sitemap(client)  # now cached
    site_with_translations.news_item("Sommerfest")
    assert f"{BASE}/de/aktuelles/sommerfest/" in sitemap(client)


def test_robots_txt_points_to_the_sitemap(client, tree):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
