"""The notice on a translation names the language of its original, whatever it is.

Issue 12: "The German original was updated on …" was said on every out-of-date
translation, also when the page was written in Arabic (an event sent through the
Arabic form) and translated from Arabic into German, English and Turkish.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import Page, PageLogEntry

from home.models import StandardPage
from locales.languages import language_name
from tests.translation_helpers import translate_with_localize

pytestmark = pytest.mark.django_db

ARABIC_NAME = {"de": "Arabisch", "en": "Arabic", "tr": "Arapça"}
GERMAN_NAME = {"de": "Deutsch", "en": "German", "tr": "Almanca"}


def notice(html):
    found = re.search(r'<p class="notice notice-translation[^"]*".*?</p>', html, re.S)
    return found[0] if found else ""


def last_updated(html):
    return re.search(r'<p class="last-updated">.*?</p>', html, re.S)[0]


def changed_later(original):
    """A change of the original (not marked minor) after its translations were made."""
    PageLogEntry.objects.create(
        page=original,
        action="wagtail.publish",
        revision=original.latest_revision,
        label=original.title,
        timestamp=timezone.now() + timedelta(minutes=5),
    )


@pytest.fixture
def arabic_page(tree, django_capture_on_commit_callbacks):
    """An Arabic page translated from Arabic into German, English and Turkish."""
    page = tree.add(tree.ar_home, StandardPage(title="استشارة", slug="istishara", intro="مقدمة"))
    translations = {}
    with django_capture_on_commit_callbacks(execute=True):
        for code in ARABIC_NAME:
            _, translations[code] = translate_with_localize(page, tree.locales[code])
    changed_later(page)
    return page, translations


@pytest.mark.parametrize("code", list(ARABIC_NAME))
def test_an_out_of_date_translation_of_an_arabic_page_names_arabic(client, arabic_page, code):
    original, translations = arabic_page
    html = client.get(Page.objects.get(pk=translations[code].pk).url).content.decode()
    said = notice(html)
    assert "notice-outdated" in said
    assert ARABIC_NAME[code] in said and GERMAN_NAME[code] not in said
    assert 'hreflang="ar"' in said and original.url in said
    with translation.override(code):
        assert gettext("Read the original") in said
        assert language_name("ar") == ARABIC_NAME[code]
    meta = last_updated(html)
    assert ARABIC_NAME[code] in meta and GERMAN_NAME[code] not in meta


def test_a_translation_of_a_german_page_still_names_german(
    client, tree, django_capture_on_commit_callbacks
):
    page = tree.standard("Beratung", intro="Wir beraten.")
    with django_capture_on_commit_callbacks(execute=True):
        _, turkish = translate_with_localize(page, tree.locales["tr"])
    changed_later(page)
    said = notice(client.get(turkish.url).content.decode())
    assert "notice-outdated" in said and "Almanca" in said and 'hreflang="de"' in said


def test_the_german_original_itself_has_no_notice(client, arabic_page, tree):
    page = tree.standard("Beratung")
    assert "notice-translation" not in client.get(page.url).content.decode()
