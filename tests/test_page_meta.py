"""What every content page owes its readers: last updated, share links; a search box on
the 404 page and a language switcher on search results (issue 18, point 3)."""

import datetime
import re
from urllib.parse import quote

import pytest
from django.utils import timezone, translation
from wagtail.models import Page

from locales.languages import LANGUAGES

pytestmark = pytest.mark.django_db

CODES = [language.code for language in LANGUAGES]
ORIGINAL_DATE = timezone.make_aware(datetime.datetime(2026, 3, 2, 10, 0))
TRANSLATION_DATE = timezone.make_aware(datetime.datetime(2026, 5, 20, 10, 0))


def text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def last_updated(html):
    match = re.search(r'<p class="last-updated">(.*?)</p>', html, re.S)
    assert match, "no last-updated line"
    return match.group(1)


def every_attrs(html, tag):
    """The attributes of every <tag …> in html, as dicts."""
    return [
        dict(re.findall(r'([\w:-]+)="([^"]*)"', attrs))
        for attrs in re.findall(rf"<{tag}\b([^>]*)>", html)
    ]


def dated(page, when):
    Page.objects.filter(pk=page.pk).update(last_published_at=when)


def test_german_page_says_when_it_was_last_updated(client, tree):
    page = tree.standard("Beratung")
    dated(page, ORIGINAL_DATE)
    line = last_updated(client.get(page.url).content.decode())
    assert "Zuletzt aktualisiert" in line
    assert 'datetime="2026-03-02"' in line
    assert "2. März 2026" in text(line)


def test_translation_shows_the_german_originals_date_and_its_own(client, tree):
    page = tree.standard("Beratung")
    arabic = tree.translate(page, "ar", title="استشارة")
    dated(page, ORIGINAL_DATE)
    dated(arabic, TRANSLATION_DATE)
    line = last_updated(client.get(arabic.url).content.decode())
    with translation.override("ar"):
        from django.utils.translation import gettext

        assert gettext("Original (%(language)s) last updated") % {"language": "الألمانيّة"} in line
        assert gettext("This translation last updated") in line
    assert 'datetime="2026-03-02"' in line
    assert 'datetime="2026-05-20"' in line


@pytest.mark.parametrize("code", CODES)
def test_every_language_shows_last_updated_in_its_own_words(client, tree, code):
    page = tree.standard("Beratung")
    dated(page, ORIGINAL_DATE)
    if code != "de":
        tree.sync(code)
    version = tree.in_language(page, code)
    html = client.get(version.url).content.decode()
    with translation.override(code):
        from django.utils.translation import gettext

        label = gettext("Last updated")
        share = gettext("Share this page")
    if code != "en":
        assert label != "Last updated" and share != "Share this page", "untranslated"
    line = last_updated(html)
    assert label in line
    assert 'datetime="2026-03-02"' in line  # an alias: the German original's date
    assert share in html


def test_share_links_carry_the_page_address_and_load_nothing_elsewhere(client, tree):
    page = tree.standard("Beratung")
    html = client.get(page.url).content.decode()
    address = quote(page.full_url, safe="")
    share = re.search(r'<div class="share">.*?</div>', html, re.S).group(0)
    hrefs = [attrs["href"] for attrs in every_attrs(share, "a")]
    assert f"mailto:?subject=Beratung&amp;body={address}" in hrefs
    assert all(address in href for href in hrefs)
    # Nothing on the page is fetched from another host: no script, image, frame or style.
    sources = re.findall(r'<(?:script|img|iframe|video|source|track)\b[^>]*?src="([^"]+)"', html)
    sources += [link["href"] for link in every_attrs(html, "link") if link["rel"] != "alternate"]
    assert sources and all(not re.match(r"(https?:)?//", src) for src in sources), sources
    # The Web Share button waits, hidden, for a browser that has the API.
    assert re.search(r"<li hidden><button[^>]*class=\"share-button\"", html)
    assert '<script src="/static/js/site.js' in html


@pytest.mark.parametrize("code", ["de", "ar", "fa"])
def test_404_page_offers_the_search(client, tree, code):
    response = client.get(f"/{code}/gibt-es-nicht/")
    assert response.status_code == 404
    html = response.content.decode()
    with translation.override(code):
        from django.urls import reverse

        action = reverse("search")
    forms = [f for f in every_attrs(html, "form") if f.get("action") == action]
    assert len(forms) == 2  # the header's and the page's own
    assert 'id="not-found-search"' in html and 'for="not-found-search"' in html


@pytest.mark.parametrize("code", CODES)
def test_search_results_switch_language_and_keep_the_query(client, every_language_home, code):
    with translation.override(code):
        from django.urls import reverse

        path = reverse("search")
    html = client.get(path, {"q": "Verein Köln"}).content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    links = {a["hreflang"]: a["href"] for a in every_attrs(switcher, "a")}
    assert set(links) == set(CODES) - {code}
    for other, href in links.items():
        assert href == f"/{other}/search/?q=Verein+K%C3%B6ln"
    assert f'aria-current="true" lang="{code}"' in switcher


def test_empty_search_switches_to_the_empty_search(client, every_language_home):
    html = client.get("/de/search/").content.decode()
    assert 'href="/ar/search/"' in html
