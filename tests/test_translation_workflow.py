"""The translation workflow end to end, through the admin as an editor and a Turkish translator.

An editor publishes a German page; it is "missing" in every language (an
alias). The Turkish translator translates it — in wagtail-localize's editor or
with a PO file — and publishes it: "up to date". The editor changes the German
page: the Turkish one is "out of date" in the report and says so on the public
page. Adding a language is sync_languages.
"""

import re

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringSegment, Translation

from home.models import StandardPage
from locales.languages import DEFAULT_LANGUAGE, LANGUAGES
from tests.translation_helpers import editor, sync_languages, translated_text, translator

pytestmark = pytest.mark.django_db

OTHER_CODES = [language.code for language in LANGUAGES if language.code != DEFAULT_LANGUAGE]


# --------------------------------------------------------------------------- helpers


def page_form(title, intro, paragraph):
    return nested_form_data(
        {
            "title": title,
            "slug": "ueber-den-verband",
            "intro": intro,
            "body": streamfield([("paragraph", rich_text(f"<p>{paragraph}</p>"))]),
            "action-publish": "action-publish",
        }
    )


def publish_in_admin(client, parent, title, intro="Wer wir sind.", paragraph="Ein Absatz."):
    """An editor creates and publishes a StandardPage below parent through the admin."""
    url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", parent.pk])
    response = client.post(url, page_form(title, intro, paragraph))
    assert response.status_code == 302, response.context and response.context["form"].errors
    return StandardPage.objects.get(title=title, locale=parent.locale)


def republish_in_admin(client, page, intro, paragraph="Ein Absatz."):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(url, page_form(page.title, intro, paragraph))
    assert response.status_code == 302, response.context and response.context["form"].errors


def report_status(client, title, code):
    """The status the translation status report shows for an original in one language."""
    response = client.get(reverse("locales_translation_status"), {"language": code})
    assert response.status_code == 200
    html = response.content.decode()
    match = re.search(
        rf'<tr data-status="(\w+)">\s*<td class="title"><a [^>]*>{re.escape(title)}</a>', html
    )
    assert match, f"{title} is not in the report for {code}"
    return match[1]


def start_translation(client, page, code):
    """The translator's "Translate this page" on the German page, for their language."""
    locale = Locale.objects.get(language_code=code)
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    response = client.post(url, {"locales": [locale.pk]})
    assert response.status_code == 302
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def translate_in_editor(client, translation):
    """Type a translation for every string in wagtail-localize's editor (its API)."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        value = translated_text(translation.target_locale.language_code, segment.string.data)
        response = client.put(
            url, f"value={value}", content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code in (200, 201), response.content


def publish_translation(client, translation, capture):
    target = translation.get_target_instance()
    with capture(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"}
        )
    assert response.status_code == 302
    return Page.objects.get(pk=target.pk).specific


@pytest.fixture
def synced(tree):
    sync_languages()
    return tree


# --------------------------------------------------------------------------- languages


def test_sync_languages_adds_what_is_missing_and_is_safe_to_run_again(tree):
    Page.objects.filter(depth=2, locale__language_code="fa").delete()  # with its subtree
    Locale.objects.filter(language_code="fa").delete()
    output = sync_languages()
    assert "Created locale fa" in output
    assert set(Locale.objects.values_list("language_code", flat=True)) == {
        lang.code for lang in LANGUAGES
    }
    german = Locale.objects.get(language_code=DEFAULT_LANGUAGE)
    german_pages = Page.objects.filter(locale=german, depth__gt=1)
    for code in OTHER_CODES:
        in_language = Page.objects.filter(locale__language_code=code)
        assert set(in_language.values_list("translation_key", flat=True)) == set(
            german_pages.values_list("translation_key", flat=True)
        ), code
    # The Arabic home page is a real translation and stays one.
    assert Page.objects.get(pk=tree.ar_home.pk).alias_of_id is None

    pages = Page.objects.count()
    assert "Created 0 alias(es)" in sync_languages()
    assert Page.objects.count() == pages


def test_a_german_page_published_in_the_admin_exists_in_every_language(client, synced):
    client.force_login(editor())
    page = publish_in_admin(client, synced.home, "Über den Verband")
    assert page.live
    for code in OTHER_CODES:
        version = Page.objects.get(translation_key=page.translation_key, locale__language_code=code)
        assert version.alias_of_id == page.pk and version.live, code
        assert client.get(version.url).status_code == 200


# --------------------------------------------------------------------------- the whole flow


def test_editor_and_turkish_translator(client, synced, django_capture_on_commit_callbacks):
    redaktion, turkish = editor(), translator("tr")
    client.force_login(redaktion)
    page = publish_in_admin(client, synced.home, "Über den Verband")
    for code in OTHER_CODES:
        assert report_status(client, page.title, code) == "missing"

    # The translator opens the Turkish alias, starts the translation: a draft.
    client.force_login(turkish)
    alias = Page.objects.get(translation_key=page.translation_key, locale__language_code="tr")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[alias.pk]))
    assert response.status_code == 200
    assert reverse("wagtail_localize:submit_page_translation", args=[page.pk]) in (
        response.content.decode()
    )
    translation = start_translation(client, page, "tr")
    assert report_status(client, page.title, "tr") == "draft"
    assert report_status(client, page.title, "ar") == "missing"
    public = client.get(alias.url).content.decode()  # no longer an alias, but still German
    assert '<h1 lang="de" dir="ltr">' in public  # the German text, marked as such
    assert "notice-translation" in public

    # Translated in the editor and published: up to date, Turkish for visitors.
    translate_in_editor(client, translation)
    assert report_status(client, page.title, "tr") == "draft"  # not published yet
    turkish_page = publish_translation(client, translation, django_capture_on_commit_callbacks)
    assert turkish_page.title == translated_text("tr", page.title)
    assert report_status(client, page.title, "tr") == "up_to_date"
    public = client.get(turkish_page.url).content.decode()
    assert translated_text("tr", "Wer wir sind.") in public
    assert "notice-translation" not in public

    # The editor changes the German page: the Turkish one is out of date.
    client.force_login(redaktion)
    republish_in_admin(client, page, intro="Wer wir sind und was wir tun.")
    assert report_status(client, page.title, "tr") == "out_of_date"
    assert report_status(client, page.title, "ar") == "missing"
    public = client.get(turkish_page.url).content.decode()
    notice = re.search(r'<p class="notice notice-translation notice-outdated".*?</p>', public, re.S)
    assert notice, "no 'the German original was updated' notice"
    assert "Almanca" in notice[0]  # in Turkish
    assert f'href="{page.url}" hreflang="de"' in notice[0]  # the link's text is Turkish

    # The translator may not touch the German page …
    client.force_login(turkish)
    edit_german = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert client.get(edit_german).status_code in (302, 403)
    response = client.post(edit_german, page_form(page.title, "Übernommen!", "Absatz"))
    assert response.status_code in (302, 403)
    assert StandardPage.objects.get(pk=page.pk).intro == "Wer wir sind und was wir tun."

    # … but takes over the changed original, translates the new text and publishes.
    response = client.post(reverse("locales_update_from_original", args=[translation.pk]))
    assert response.status_code == 302
    assert report_status(client, page.title, "tr") == "out_of_date"  # visitors see the old text
    translate_in_editor(client, translation)
    turkish_page = publish_translation(client, translation, django_capture_on_commit_callbacks)
    assert turkish_page.intro == translated_text("tr", "Wer wir sind und was wir tun.")
    assert report_status(client, page.title, "tr") == "up_to_date"
    assert "notice-translation" not in client.get(turkish_page.url).content.decode()


def test_a_po_file_gives_the_same_result(client, synced, django_capture_on_commit_callbacks):
    client.force_login(editor())
    page = publish_in_admin(client, synced.home, "Über den Verband")
    client.force_login(translator("tr"))
    translation = start_translation(client, page, "tr")

    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    assert {entry.msgid for entry in po} >= {page.title, "Wer wir sind.", "Ein Absatz."}
    for entry in po:
        entry.msgstr = translated_text("tr", entry.msgid)
    upload = SimpleUploadedFile("tr.po", str(po).encode(), content_type="text/x-gettext")
    target = translation.get_target_instance()
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": upload, "next": reverse("wagtailadmin_pages:edit", args=[target.pk])},
    )
    assert response.status_code == 302
    assert report_status(client, page.title, "tr") == "draft"

    turkish_page = publish_translation(client, translation, django_capture_on_commit_callbacks)
    assert turkish_page.title == translated_text("tr", page.title)
    assert turkish_page.intro == translated_text("tr", "Wer wir sind.")
    assert translated_text("tr", "Ein Absatz.") in str(turkish_page.body)
    assert report_status(client, page.title, "tr") == "up_to_date"


def test_a_minor_change_keeps_translations_up_to_date(
    client, synced, django_capture_on_commit_callbacks
):
    redaktion = editor()
    client.force_login(redaktion)
    page = publish_in_admin(client, synced.home, "Über den Verband")
    client.force_login(translator("tr"))
    translation = start_translation(client, page, "tr")
    translate_in_editor(client, translation)
    turkish_page = publish_translation(client, translation, django_capture_on_commit_callbacks)

    client.force_login(redaktion)
    republish_in_admin(client, page, intro="Wer wir sind!")  # a typo fix
    assert report_status(client, page.title, "tr") == "out_of_date"
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    minor_url = reverse("locales_mark_change_minor", args=["home", "standardpage", page.pk])
    assert minor_url in edit  # the header button
    assert client.get(minor_url).status_code == 200
    assert client.post(minor_url).status_code == 302
    assert report_status(client, page.title, "tr") == "up_to_date"
    assert "notice-translation" not in client.get(turkish_page.url).content.decode()

    # The next change counts again.
    republish_in_admin(client, page, intro="Ganz neu.")
    assert report_status(client, page.title, "tr") == "out_of_date"
