"""locales: prefixes, redirects, lang/dir, hreflang, the switcher, aliases, 404, cookies."""

import re

import pytest
from bs4 import BeautifulSoup
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
    a real home page), with a note and a link to the original. Each run of German content
    carries lang="de" dir="ltr"; the visitor's interface around it (labels, dates, the
    note and its link) stays Arabic or Farsi."""
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
    assert f'<a href="{page.url}" hreflang="de">' in notice[0]  # its text is the visitor's
    assert 'class="page-content" lang=' not in html  # not the whole page: each run
    soup = BeautifulSoup(html, "html.parser")
    title = soup.find("h1")
    assert title.get_text(strip=True) == page.title
    assert (title.get("lang"), title.get("dir")) == ("de", "ltr")
    assert rtl_text_in_ltr_elements(soup) == []
    assert code not in hreflang_links(html)


# Arabic script: Arabic, Arabic Supplement and Extended-A, presentation forms.
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
RTL_CODES = {language.code for language in LANGUAGES if language.direction == "rtl"}


def nearest_lang(element):
    while element is not None and not element.get("lang"):
        element = element.parent
    return element.get("lang") if element is not None else None


def rtl_text_in_ltr_elements(soup):
    """Text in Arabic script inside an element whose nearest lang is a left-to-right language."""
    body = soup.body
    for hidden in body.find_all(["script", "style", "template"]):
        hidden.decompose()
    wrong = []
    for text in body.find_all(string=ARABIC_SCRIPT):
        lang = nearest_lang(text.parent)
        if (lang or "").split("-")[0] not in RTL_CODES:
            wrong.append(f"{text.strip()[:60]!r} in <{text.parent.name}> of lang={lang!r}")
    return wrong


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


# --------------------------------------------------------------------------- runs of text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "توقيع اتفاقية بين Verbund der Migrantenorganisationen Mittelstadt e. V. والمدينة",
            'توقيع اتفاقية بين <bdi dir="ltr">Verbund der Migrantenorganisationen Mittelstadt'
            " e. V.</bdi> والمدينة",
        ),
        ("جمعية مسجلة (e. V.) ذات نفع عام", 'جمعية مسجلة (<bdi dir="ltr">e. V.</bdi>) ذات نفع عام'),
        ("وفق المادة 16 من القانون", "وفق المادة 16 من القانون"),  # numbers need no help
        ("راسلونا على info@example.org اليوم", "راسلونا على info@example.org اليوم"),  # one word
        ("Verbund e. V. <b>", "Verbund e. V. &lt;b&gt;"),  # no right-to-left text: as it was
        ("عربي <b>A B</b>", 'عربي <bdi dir="ltr">&lt;b&gt;A B&lt;/b&gt;</bdi>'),  # escaped
    ],
)
def test_latin_runs_in_right_to_left_text_are_isolated(text, expected):
    from locales.templatetags.locales_tags import isolate_latin

    assert isolate_latin(text) == expected


def test_rich_text_keeps_its_tags_when_latin_runs_are_isolated():
    from django.utils.safestring import mark_safe

    from locales.templatetags.locales_tags import isolate_latin

    html = mark_safe('<p>وفق <a href="https://example.org/a b">BITV 2.0</a> &amp; المزيد</p>')
    assert isolate_latin(html) == (
        '<p>وفق <a href="https://example.org/a b"><bdi dir="ltr">BITV 2.0</bdi></a>'
        " &amp; المزيد</p>"
    )
