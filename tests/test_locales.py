"""locales: prefixes, redirects, lang/dir, hreflang, the switcher, aliases, 404, cookies."""

import re

import pytest
from wagtail.models import Page

from locales.languages import LANGUAGES
from tests.conftest import hreflang_links, html_attrs

pytestmark = pytest.mark.django_db


def get_html(client, url, status=200, **headers):
    response = client.get(url, **headers)
    assert response.status_code == status, url
    return response.content.decode()


def switcher_links(html):
    """{language code: href} of the links in the language switcher."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    assert nav, "no language switcher"
    return dict(
        (code, href) for href, code in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', nav[0])
    )


# --------------------------------------------------------------------------- every page type


def test_every_page_type_renders_in_german(client, one_of_each, page_type, page_asserts):
    page = one_of_each[page_type]
    page_asserts.assertPageIsRenderable(page)
    assert page.url.startswith("/de/")
    html = get_html(client, page.url)
    assert html_attrs(html, "html") == {"lang": "de", "dir": "ltr"}
    assert page.title in html
    assert "notice-translation" not in html


def test_every_page_type_renders_as_arabic_translation(client, tree, one_of_each, page_type):
    page = one_of_each[page_type]
    if page_type == "HomePage":
        translation = tree.ar_home
    else:
        translation = tree.translate(page, "ar", title=f"ترجمة {page.title}")
    assert translation.url.startswith("/ar/")
    assert translation.alias_of_id is None and translation.live
    html = get_html(client, translation.url)
    assert html_attrs(html, "html") == {"lang": "ar", "dir": "rtl"}
    assert translation.title in html
    assert "notice-translation" not in html
    assert set(hreflang_links(html)) == {"de", "ar", "x-default"}


def test_every_page_type_renders_as_alias(client, tree, one_of_each, page_type):
    """Not yet translated: the German text under /ar/ (the home page under /fa/, as Arabic has
    a real home page), with a note, a link to the original and lang="de" on the content."""
    code = "fa" if page_type == "HomePage" else "ar"
    tree.sync(code)
    page = one_of_each[page_type]
    alias = tree.in_language(page, code)
    assert alias.alias_of_id == page.pk
    assert alias.url.startswith(f"/{code}/")
    html = get_html(client, alias.url)
    assert html_attrs(html, "html") == {"lang": code, "dir": "rtl"}
    assert page.title in html
    notice = re.search(r'<p class="notice notice-translation" role="note">.*?</p>', html, re.S)
    assert notice, "no 'not yet translated' note"
    assert f'<a href="{page.url}" lang="de" hreflang="de">' in notice[0]
    assert '<div class="page-content" lang="de" dir="ltr">' in html
    assert code not in hreflang_links(html)


# --------------------------------------------------------------------------- addresses


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        (None, "/de/"),
        ("tr", "/tr/"),
        ("tr-TR,tr;q=0.9,en;q=0.5", "/tr/"),
        ("ar", "/ar/"),
        ("fa-IR", "/fa/"),
        ("xx", "/de/"),
        ("fr-FR,fr;q=0.9", "/de/"),
    ],
)
def test_root_redirects_to_the_best_language(client, tree, accept_language, expected):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_redirect_target_answers_in_that_language(client, every_language_home):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="tr", follow=True)
    assert response.redirect_chain == [("/tr/", 302)]
    assert html_attrs(response.content.decode(), "html")["lang"] == "tr"


def test_page_urls_carry_the_language_prefix(tree):
    organisation = tree.organisation("Kulturbrücke")
    translation = tree.translate(organisation, "ar", title="جسر الثقافة")
    tree.sync("tr")
    assert tree.home.url == "/de/"
    assert tree.ar_home.url == "/ar/"
    assert organisation.url == "/de/organisationen/kulturbrucke/"
    assert translation.url == "/ar/organisationen/kulturbrucke/"
    assert tree.in_language(organisation, "tr").url == "/tr/organisationen/kulturbrucke/"


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_html_lang_and_direction(client, every_language_home, language):
    html = get_html(client, f"/{language.code}/")
    assert html_attrs(html, "html") == {"lang": language.code, "dir": language.direction}


# --------------------------------------------------------------------------- hreflang and switcher


@pytest.fixture
def news_in_three_languages(tree):
    """A German news item, its real Arabic translation and a Turkish alias; English has only
    a home page (its other pages deleted by hand, breaking the invariant that
    check_languages reports); Russian, Ukrainian and Farsi have nothing."""
    item = tree.news_item("Neue Beratungszeiten")
    tree.translate(item, "ar", title="مواعيد استشارة جديدة")
    tree.translate(tree.home, "en", title="Home")
    for page in Page.objects.filter(depth=3, locale__language_code="en"):
        page.delete()
    Page.objects.filter(depth=2, locale__language_code__in=["ru", "uk", "fa"]).delete()
    return item


def test_hreflang_lists_real_translations_and_x_default(client, news_in_three_languages):
    links = hreflang_links(get_html(client, "/de/aktuelles/neue-beratungszeiten/"))
    assert links == {
        "de": "http://localhost/de/aktuelles/neue-beratungszeiten/",
        "ar": "http://localhost/ar/aktuelles/neue-beratungszeiten/",
        "x-default": "http://localhost/de/aktuelles/neue-beratungszeiten/",
    }


def test_alias_page_gets_the_same_hreflang_links_and_none_for_itself(
    client, news_in_three_languages
):
    links = hreflang_links(get_html(client, "/tr/aktuelles/neue-beratungszeiten/"))
    assert set(links) == {"de", "ar", "x-default"}


def test_language_switcher_links_the_same_page_or_the_home_page(client, news_in_three_languages):
    html = get_html(client, "/de/aktuelles/neue-beratungszeiten/")
    assert switcher_links(html) == {
        "en": "/en/?untranslated=1",
        "tr": "/tr/aktuelles/neue-beratungszeiten/",
        "ar": "/ar/aktuelles/neue-beratungszeiten/",
    }
    assert '<span aria-current="true" lang="de" dir="ltr">Deutsch</span>' in html
    assert 'lang="ar" dir="rtl">العربية</a>' in html


def test_language_switcher_on_a_translation_links_back_to_german(client, news_in_three_languages):
    links = switcher_links(get_html(client, "/ar/aktuelles/neue-beratungszeiten/"))
    assert links["de"] == "/de/aktuelles/neue-beratungszeiten/"
    assert "ar" not in links  # the current language is not a link


def test_home_page_explains_an_untranslated_page(client, news_in_three_languages):
    note = '<p class="notice" role="status">'
    assert note in get_html(client, "/en/?untranslated=1")
    assert note not in get_html(client, "/en/")


# --------------------------------------------------------------------------- errors and privacy


@pytest.mark.parametrize(("code", "direction"), [("ar", "rtl"), ("de", "ltr"), ("tr", "ltr")])
def test_404_page_in_the_visitors_language(client, every_language_home, code, direction):
    html = get_html(client, f"/{code}/does-not-exist/", status=404)
    assert html_attrs(html, "html") == {"lang": code, "dir": direction}
    assert 'class="site-header"' in html  # the site's layout, not a bare error page
    assert f'action="/{code}/search/"' in html
    assert "Traceback" not in html


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/de/",
        "/ar/",
        "/de/organisationen/",
        "/de/veranstaltungen/",
        "/de/aktuelles/?page=2",
        "/de/handreichungen/?topic=x",
        "/de/search/?q=Verein",
        "/de/does-not-exist/",
        "/sitemap.xml",
        "/robots.txt",
    ],
)
def test_anonymous_visitors_get_no_cookies(client, tree, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code in {200, 302, 404}
    assert not response.cookies
