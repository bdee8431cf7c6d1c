"""Leichte Sprache and German Sign Language (BITV 2.0 § 4; issue 18, points 1 and 2).

Leichte Sprache is the language de-x-ls of locales/languages.py: editors write its pages
as translations of the German ones, with wagtail-localize and their own status.
"""

import csv
import io
import re

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, TranslationSource

from locales.languages import EASY_LANGUAGE
from tests.conftest import html_attrs
from tests.translation_helpers import editor, sync_languages, translate_with_localize

pytestmark = pytest.mark.django_db

LS = EASY_LANGUAGE


def get_html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def switcher(html):
    return re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)


@pytest.fixture
def easy_page(tree):
    """A German page and its version in Leichte Sprache, written by an editor."""
    page = tree.standard("Beratung", body=[("paragraph", RichText("<p>Wir beraten Vereine.</p>"))])
    easy = tree.translate(
        page,
        LS,
        title="Beratung in Leichter Sprache",
        body=[
            (
                "paragraph",
                RichText("<p>Wir helfen Ihnen. Die Hilfe kostet nichts. Fragen Sie!</p>"),
            ),
            (
                "hard_word",
                {
                    "word": "Verein",
                    "explanation": "In einem Verein sind Menschen.\nSie haben ein Ziel.",
                },
            ),
        ],
    )
    return page, easy


def test_leichte_sprache_has_its_own_address_and_language(client, every_language_home):
    html = get_html(client, f"/{LS}/")
    assert html_attrs(html, "html") == {"lang": LS, "dir": "ltr"}
    assert "easy-language" in html_attrs(html, "body")["class"]
    assert "Startseite" in html  # no text of its own yet: the German one, with the notice
    assert "Leichte Sprache" in re.search(
        r'<p class="notice notice-translation".*?</p>', html, re.S
    ).group(0)


def test_german_page_links_its_version_in_leichte_sprache(client, every_language_home, easy_page):
    page, easy = easy_page
    html = get_html(client, page.url)
    link = re.search(r'<p class="easy-language-link"><a ([^>]*)>([^<]*)</a>', html)
    assert link and f'href="{easy.url}"' in link.group(1) and f'hreflang="{LS}"' in link.group(1)
    assert link.group(2) == "Diese Seite in Leichter Sprache"
    assert f'hreflang="{LS}"' in switcher(html)
    assert f'<link rel="alternate" hreflang="{LS}" href="http://localhost{easy.url}">' in html


def test_pages_without_leichte_sprache_do_not_offer_it(client, every_language_home, tree):
    tree.sync(LS)
    page = tree.standard("Impressum")
    html = get_html(client, page.url)
    assert "easy-language-link" not in html
    assert f'hreflang="{LS}"' not in switcher(html)  # not even the alias
    assert 'hreflang="ar"' in switcher(html)


def test_leichte_sprache_page_puts_one_statement_on_each_line(
    client, every_language_home, easy_page
):
    page, easy = easy_page
    html = get_html(client, easy.url)
    assert "Wir helfen Ihnen.<br>Die Hilfe kostet nichts.<br>Fragen Sie!</p>" in html
    assert "easy-language" in html_attrs(html, "body")["class"]
    hard_word = re.search(r'<div class="hard-word" role="note">.*?</div>', html, re.S).group(0)
    assert "Schweres Wort erklärt" in hard_word
    assert "<dt>Verein</dt>" in hard_word
    assert "In einem Verein sind Menschen.<br>Sie haben ein Ziel." in hard_word
    # German pages keep their paragraphs as written.
    german = get_html(client, page.url)
    assert "easy-language" not in html_attrs(german, "body").get("class", "")


def test_leichte_sprache_has_its_own_translation_status(
    client, tree, django_capture_on_commit_callbacks
):
    sync_languages()
    page = tree.guidance_page("Vereinsgründung")
    tree.news_item("Neuer Vorstand")
    with django_capture_on_commit_callbacks(execute=True):
        translate_with_localize(page, tree.locales[LS])
    assert (
        Page.objects.get(translation_key=page.translation_key, locale__language_code=LS).alias_of_id
        is None
    )
    client.force_login(editor())
    response = client.get(reverse("locales_translation_status"), {"language": LS, "export": "csv"})
    rows = {
        row["title"]: row
        for row in csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
    }
    assert rows["Vereinsgründung"]["status"] == "up_to_date"
    assert rows["Vereinsgründung"]["language"] == LS
    assert rows["Neuer Vorstand"]["status"] == "missing"


def test_start_page_links_the_texts_in_leichte_sprache(
    client, every_language_home, easy_page, tree
):
    page, easy = easy_page
    without = tree.standard("Impressum")
    tree.home.body = [
        ("easy_language_links", {"title": "Leichte Sprache", "pages": [page, without]})
    ]
    tree.home.save_revision().publish()
    html = get_html(client, tree.home.url)
    section = re.search(r'<section class="easy-language-links".*?</section>', html, re.S).group(0)
    assert (
        f'<a href="{easy.url}" lang="{LS}" dir="ltr" hreflang="{LS}">'
        "Beratung in Leichter Sprache</a>" in section
    )
    assert "Impressum" not in section  # no version in Leichte Sprache: no link


# --------------------------------------------------------------------------- sign language


def make_file(title, name, content):
    return get_document_model().objects.create(title=title, file=ContentFile(content, name=name))


@pytest.fixture
def video_page(tree, settings, tmp_path):
    # On disk, as served in production: Wagtail serves documents from a local path.
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    video = make_file("DGS Willkommen", "willkommen.mp4", b"\x00\x00\x00\x18ftypmp42")
    captions = make_file(
        "DGS Willkommen Untertitel",
        "willkommen.vtt",
        b"WEBVTT\n\n00:00.000 --> 00:02.000\nWillkommen.\n",
    )
    block = {
        "title": "Willkommen",
        "video": video,
        "captions": captions,
        "transcript": "Willkommen im Portal.\nHier finden Sie Hilfe.",
    }
    tree.home.body = [("sign_language_video", block)]
    tree.home.save_revision().publish()
    return video, captions


@pytest.mark.parametrize("code", ["de", "ar"])
def test_sign_language_video_loads_nothing_before_play(
    client, every_language_home, video_page, code
):
    video, captions = video_page
    if code == "ar":  # the Arabic start page, translated: the same video
        home = every_language_home.ar_home
        home.body = every_language_home.home.body
        home.save_revision().publish()
    html = get_html(client, f"/{code}/")
    figure = re.search(r'<figure class="sign-language-video">.*?</figure>', html, re.S).group(0)
    attrs = html_attrs(figure, "video")
    assert attrs["preload"] == "none" and "controls" in figure and "autoplay" not in figure
    assert "poster" not in attrs
    assert html_attrs(figure, "source") == {"src": video.url, "type": "video/mp4"}
    track = html_attrs(figure, "track")
    assert track["kind"] == "captions" and track["src"] == captions.url and track["srclang"] == "de"
    assert " default" not in figure  # switched on by the play button (js/site.js)
    assert "Willkommen im Portal.<br>Hier finden Sie Hilfe." in figure
    assert "<summary" in figure
    # Both files come from this site.
    assert client.get(video.url).status_code == 200
    vtt = client.get(captions.url)
    assert vtt.status_code == 200 and vtt["Content-Type"].startswith("text/vtt")


def test_new_blocks_reach_translators(tree, video_page):
    tree.home.body = [
        *[(b.block_type, b.value) for b in tree.home.body],
        ("hard_word", {"word": "Verein", "explanation": "Menschen mit einem Ziel."}),
        ("easy_language_links", {"title": "Texte in Leichter Sprache", "pages": [tree.news]}),
    ]
    tree.home.save_revision().publish()
    source, _ = TranslationSource.get_or_create_from_instance(tree.home)
    strings = set(
        StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    )
    for text in [
        "Willkommen",
        "Willkommen im Portal.<br/>Hier finden Sie Hilfe.",
        "Verein",
        "Menschen mit einem Ziel.",
        "Texte in Leichter Sprache",
    ]:
        assert text in strings, text
