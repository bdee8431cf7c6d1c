"""Page views without tracking (readers.page_views): counted once per view, cache hits too."""

import re
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from readers.models import PageViewDay

from .translation_helpers import editor

BROWSER = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0"}


@pytest.fixture
def pages(tree):
    news = tree.news_item("Neuer Vorstand gewählt")
    tree.sync("ar")
    return {"de": news, "ar": tree.in_language(news, "ar")}


def flush():
    out = StringIO()
    call_command("flush_page_views", stdout=out)
    return out.getvalue()


def views(page):
    return {row.date: row.views for row in PageViewDay.objects.filter(page=page)}


def test_counted_once_per_view_also_from_the_page_cache(client, pages):
    statuses = [client.get(pages["ar"].url, headers=BROWSER)["X-Page-Cache"] for _ in range(3)]
    assert statuses == ["miss", "hit", "hit"]
    client.get(pages["de"].url, headers=BROWSER)
    assert "Moved 4 page view(s)" in flush()
    assert views(pages["ar"]) == {timezone.localdate(): 3}
    assert PageViewDay.objects.get(page=pages["ar"]).language == "ar"
    assert views(pages["de"]) == {timezone.localdate(): 1}
    assert "Moved 0" in flush()  # moved once, not twice
    client.get(pages["ar"].url, headers=BROWSER)
    flush()
    assert views(pages["ar"]) == {timezone.localdate(): 4}


def test_a_browser_showing_its_copy_again_is_one_view(client, pages):
    """A revisit that the browser revalidates (304 from the page cache) is a view, once;
    neither the PDF of the page nor its 304 counts as a view of the page."""
    first = client.get(pages["ar"].url, headers=BROWSER)
    again = client.get(pages["ar"].url, headers={**BROWSER, "If-None-Match": first["ETag"]})
    assert again.status_code == 304 and again["X-Page-Cache"] == "hit"
    pdf = f"{pages['ar'].url.rstrip('/')}.pdf"
    etag = client.get(pdf, headers=BROWSER)["ETag"]
    client.get(pdf, headers={**BROWSER, "If-None-Match": etag})
    flush()
    assert views(pages["ar"]) == {timezone.localdate(): 2}


@override_settings(PAGE_CACHE_SECONDS=0)
def test_counted_without_the_page_cache(client, pages):
    for _ in range(2):
        client.get(pages["de"].url, headers=BROWSER)
    flush()
    assert views(pages["de"]) == {timezone.localdate(): 2}


def test_not_counted_bots_errors_heads_and_nothing_stored_about_readers(client, pages):
    client.get(pages["de"].url, headers={"User-Agent": "Googlebot/2.1"})
    client.get(pages["de"].url)  # no user agent
    client.head(pages["de"].url, headers=BROWSER)
    client.get("/de/gibt-es-nicht/", headers=BROWSER)
    assert "Moved 0" in flush()
    response = client.get(pages["de"].url, headers=BROWSER)
    assert not response.cookies
    fields = {field.name for field in PageViewDay._meta.get_fields()}
    assert fields == {"id", "page", "language", "date", "views"}


def test_losing_the_cache_loses_counts_not_pages(client, pages):
    client.get(pages["de"].url, headers=BROWSER)
    cache.clear()
    assert client.get(pages["de"].url, headers=BROWSER).status_code == 200
    flush()
    assert views(pages["de"]) == {timezone.localdate(): 1}


def test_editors_see_views_beside_translation_status(client, pages, tree):
    call_command("setup_roles", stdout=StringIO(), stderr=StringIO())
    for _ in range(3):
        client.get(pages["ar"].url, headers=BROWSER)
    client.get(pages["de"].url, headers=BROWSER)
    flush()
    client.force_login(editor())
    html = client.get("/admin/reports/reading/", {"language": "ar"}).content.decode()
    table = re.search(r'<table class="listing" id="reading-report">.*?</table>', html, re.S)
    rows = re.findall(r"<tr>(.*?)</tr>", table.group(0), re.S)
    cells = [re.findall(r"<td>(.*?)</td>", row, re.S) for row in rows]
    first = [re.sub(r"<[^>]+>", "", cell).strip() for cell in cells[1]]
    assert first[:4] == ["Neuer Vorstand gewählt", "العربية", "3", "1"]
    assert first[4] == "fehlt"  # missing: Arabic readers read the German text
