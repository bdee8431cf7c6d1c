"""Translation status: the rule, the bulk computation, the report, its export and the dashboard."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from home.models import FieldOfAction
from locales.languages import LANGUAGES
from locales.status import (
    Original,
    Status,
    Version,
    Work,
    decide,
    status_rows,
    summarise,
    visitor_state,
)
from locales.templatetags.locales_tags import content_language
from tests.conftest import make_term
from tests.translation_helpers import (
    editor,
    sync_languages,
    translate_strings,
    translate_with_localize,
    translator,
)

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def ago(minutes):
    return NOW - timedelta(minutes=minutes)


# --------------------------------------------------------------------------- the rule


def original(changed=60, synced=None, segments=4):
    return Original(
        key="k",
        pk=1,
        title="Seite",
        model=Page,
        is_page=True,
        changed_at=ago(changed) if changed is not None else None,
        synced_at=ago(synced) if synced is not None else None,
        segments=segments,
    )


def version(published=30, **fields):
    return Version(pk=2, published_at=ago(published) if published is not None else None, **fields)


@pytest.mark.parametrize(
    ("case", "args", "expected"),
    [
        ("no version", (original(), None, None), Status.MISSING),
        ("an alias", (original(), version(alias_of_id=1), None), Status.MISSING),
        ("never published", (original(), version(live=False), None), Status.DRAFT),
        ("translated by hand", (original(), version(), None), Status.UP_TO_DATE),
        ("original changed since", (original(changed=10), version(), None), Status.OUT_OF_DATE),
        (
            "unpublished changes",
            (original(), version(has_unpublished_changes=True), None),
            Status.DRAFT,
        ),
        ("complete", (original(synced=40), version(), Work(1, translated=4)), Status.UP_TO_DATE),
        (
            "strings missing",
            (original(synced=40), version(), Work(1, translated=3)),
            Status.DRAFT,
        ),
        (
            "strings edited since publishing",
            (original(synced=40), version(), Work(1, translated=4, last_edit=ago(5))),
            Status.DRAFT,
        ),
        (
            "machine strings",
            (original(synced=40), version(), Work(1, translated=4, machine=1)),
            Status.MACHINE,
        ),
        (
            "published after a sync that predates the change",
            (original(changed=20, synced=40), version(published=10), Work(1, translated=4)),
            Status.OUT_OF_DATE,
        ),
        (
            "synced after the change, new strings not translated yet",
            (original(changed=20, synced=15), version(published=30), Work(1, translated=3)),
            Status.OUT_OF_DATE,
        ),
        (
            "synced after the change, translated, published",
            (original(changed=20, synced=15), version(published=10), Work(1, translated=4)),
            Status.UP_TO_DATE,
        ),
        ("every change minor", (original(changed=None), version(), None), Status.UP_TO_DATE),
    ],
)
def test_the_rule(case, args, expected):
    assert decide(*args) == expected, case


# --------------------------------------------------------------------------- in bulk


def statuses():
    return {(row.original.title, row.locale.language_code): row.status for row in status_rows()}


def test_pages_and_snippets_in_every_state(tree, django_capture_on_commit_callbacks):
    sync_languages()
    aliased = tree.guidance_page("Nur deutsch")
    by_hand = tree.guidance_page("Von Hand übersetzt")
    machine = tree.guidance_page("Maschinell übersetzt")
    for page in (aliased, by_hand, machine):
        page.save_revision().publish()
    tree.sync("tr")
    tree.translate(by_hand, "tr", title="Elle çevrildi")
    with django_capture_on_commit_callbacks(execute=True):
        translate_with_localize(machine, tree.locales["tr"], translation_type="machine")
    term = make_term(FieldOfAction, "Sport", tr="Spor")

    found = statuses()
    assert found[("Nur deutsch", "tr")] == Status.MISSING
    assert found[("Von Hand übersetzt", "tr")] == Status.UP_TO_DATE
    assert found[("Maschinell übersetzt", "tr")] == Status.MACHINE
    assert found[("Sport", "tr")] == Status.UP_TO_DATE
    assert found[("Sport", "ar")] == Status.MISSING
    assert found[("Startseite", "ar")] == Status.UP_TO_DATE  # the fixture's Arabic home page

    by_hand.title = "Von Hand übersetzt"
    by_hand.save_revision().publish()
    term.name = "Sport und Bewegung"
    term.save()
    found = statuses()
    assert found[("Von Hand übersetzt", "tr")] == Status.OUT_OF_DATE
    assert found[("Sport und Bewegung", "tr")] == Status.OUT_OF_DATE


def test_share_per_language(tree):
    sync_languages()
    translated = tree.guidance_page("Übersetzt")
    translated.save_revision().publish()
    tree.translate(translated, "tr", title="Çevrildi")
    summaries = {summary.language.code: summary for summary in summarise(status_rows())}
    assert list(summaries) == [language.code for language in LANGUAGES[1:]]  # Leichte Sprache too
    turkish = summaries["tr"]
    assert turkish.counts[Status.UP_TO_DATE] == 1
    assert turkish.total == sum(turkish.counts.values())
    assert turkish.share == round(100 / turkish.total)
    assert summaries["ar"].counts[Status.UP_TO_DATE] == 1  # the Arabic home page


def count_queries(function):
    with CaptureQueriesContext(connection) as queries:
        function()
    return len(queries)


def test_queries_do_not_grow_with_rows(
    tree, client, admin_user, django_capture_on_commit_callbacks
):
    """The bulk computation and the report cost the same however many pages there are."""
    sync_languages()
    client.force_login(admin_user)
    url = reverse("locales_translation_status")

    def add_pages(count):
        for number in range(count):
            page = tree.guidance_page(f"Seite {count}-{number}")
            page.save_revision().publish()
            with django_capture_on_commit_callbacks(execute=True):
                translate_with_localize(page, tree.locales["tr"])
            make_term(FieldOfAction, f"Feld {count}-{number}", tr=f"Alan {number}")

    add_pages(2)
    client.get(url)  # warm caches (content types, site root paths)
    few = count_queries(status_rows), count_queries(lambda: client.get(url))
    add_pages(6)
    many = count_queries(status_rows), count_queries(lambda: client.get(url))
    assert few == many


# --------------------------------------------------------------------------- the report


@pytest.fixture
def report_content(tree, django_capture_on_commit_callbacks):
    sync_languages()
    page = tree.guidance_page("Vereinsgründung")
    page.save_revision().publish()
    news = tree.news_item("Neuer Vorstand")
    news.save_revision().publish()
    tree.sync("tr")
    with django_capture_on_commit_callbacks(execute=True):
        translate_with_localize(page, tree.locales["tr"])
    make_term(FieldOfAction, "Bildung", tr="Eğitim")
    return page, news


def rows_of(response):
    return response.content.decode().count("<tr data-status=")


def test_report_is_in_the_reports_menu_and_filters(client, report_content, tree):
    page, news = report_content
    client.force_login(editor())
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("locales_translation_status") in home  # menu and dashboard panel
    assert 'id="translation-status-section"' in home

    url = reverse("locales_translation_status")
    everything = rows_of(client.get(url))
    turkish = client.get(url, {"language": "tr"})
    assert 0 < rows_of(turkish) < everything
    up_to_date = client.get(url, {"language": "tr", "status": "up_to_date"}).content.decode()
    assert "Vereinsgründung" in up_to_date and "Bildung" in up_to_date
    assert "Neuer Vorstand" not in up_to_date
    news_only = client.get(url, {"type": "news.newspage"}).content.decode()
    assert news_only.count("<tr data-status=") == len(LANGUAGES) - 1
    assert "Neuer Vorstand" in news_only
    section = client.get(url, {"section": str(tree.guidance.pk)}).content.decode()
    assert "Vereinsgründung" in section and "Neuer Vorstand" not in section
    assert "Bildung" not in section  # snippets belong to no section


def test_report_links_each_row_to_where_it_is_translated(client, report_content):
    page, news = report_content
    turkish_translator = translator("tr")
    client.force_login(turkish_translator)
    html = client.get(reverse("locales_translation_status"), {"language": "tr"}).content.decode()
    turkish_page = page.get_translation(Locale.objects.get(language_code="tr"))
    assert reverse("wagtailadmin_pages:edit", args=[turkish_page.pk]) in html
    turkish_news = news.get_translation(turkish_page.locale)
    assert reverse("wagtailadmin_pages:edit", args=[turkish_news.pk]) in html  # the alias
    term = FieldOfAction.objects.get(name="Eğitim")
    assert reverse("wagtailsnippets_home_fieldofaction:edit", args=[term.pk]) in html
    # The edit view of the Turkish translation is wagtail-localize's editor.
    response = client.get(reverse("wagtailadmin_pages:edit", args=[turkish_page.pk]))
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]

    arabic = client.get(reverse("locales_translation_status"), {"language": "ar"}).content.decode()
    assert "button-small" not in arabic  # no actions: not the translator's language


def test_report_exports_csv(client, report_content):
    client.force_login(editor())
    response = client.get(
        reverse("locales_translation_status"), {"language": "tr", "export": "csv"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    by_title = {row["title"]: row for row in rows}
    assert by_title["Vereinsgründung"]["status"] == "up_to_date"
    assert by_title["Vereinsgründung"]["language"] == "tr"
    assert by_title["Neuer Vorstand"]["status"] == "missing"
    assert by_title["Vereinsgründung"]["translate"].startswith("http://testserver/admin/pages/")
    assert by_title["Bildung"]["type"] == str(FieldOfAction._meta.verbose_name)


# --------------------------------------------------------------------------- visitors


def notice(client, page):
    html = client.get(page.url).content.decode()
    found = re.search(
        r'<p class="notice notice-translation[^"]*" role="note">(.*?)</p>', html, re.S
    )
    return found[1] if found else None


def test_visitors_are_told_what_is_not_translated(client, tree, django_capture_on_commit_callbacks):
    page = tree.guidance_page("Vereinsgründung")
    page.save_revision().publish()
    turkish = tree.locales["tr"]
    source, _ = TranslationSource.get_or_create_from_instance(page)
    Translation.objects.create(source=source, target_locale=turkish)
    translate_strings(source, turkish, skip={"intro"})
    with django_capture_on_commit_callbacks(execute=True):
        translation, _ = source.create_or_update_translation(
            turkish, publish=True, fallback=True, copy_parent_pages=True
        )
    text = notice(client, translation)
    assert text and "Almanca" in text and "Vereinsgründung" not in text  # "parts are German"
    # Fresh from the database: wagtail-localize turned the Turkish alias into it.
    assert content_language(Page.objects.get(pk=translation.pk).specific).code == "tr"

    translate_strings(source, turkish)
    with django_capture_on_commit_callbacks(execute=True):
        source.create_or_update_translation(turkish, publish=True)
    assert notice(client, translation) is None


def test_a_started_translation_shows_the_german_text_as_german(
    client, tree, django_capture_on_commit_callbacks
):
    page = tree.guidance_page("Vereinsgründung")
    page.save_revision().publish()
    tree.sync("tr")
    turkish = tree.locales["tr"]
    source, _ = TranslationSource.get_or_create_from_instance(page)
    Translation.objects.create(source=source, target_locale=turkish)
    with django_capture_on_commit_callbacks(execute=True):
        translation, _ = source.create_or_update_translation(turkish, publish=False, fallback=True)
    translation = Page.objects.get(pk=translation.pk)
    assert translation.alias_of_id is None and translation.live  # wagtail-localize's doing
    assert content_language(translation).code == "de"
    text = notice(client, translation)
    assert text and "henüz" in text  # "not yet translated into Türkçe"


def test_the_visitor_notice_costs_one_query(
    tree, django_assert_num_queries, django_capture_on_commit_callbacks
):
    page = tree.guidance_page("Vereinsgründung")
    page.save_revision().publish()
    by_hand = Page.objects.get(pk=tree.translate(page, "tr", title="Dernek").pk)
    with django_assert_num_queries(1):  # the original with its change times
        visitor_state(by_hand)
    with django_capture_on_commit_callbacks(execute=True):
        _, with_localize = translate_with_localize(page, tree.locales["ar"])
    with_localize = Page.objects.get(pk=with_localize.pk)
    with django_assert_num_queries(1):  # … with its strings
        visitor_state(with_localize)


# --------------------------------------------------------------------------- the history


def history_lines(client, snippet):
    """The lines of the snippet's history in the admin, newest first."""
    meta = snippet._meta
    url = reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:history", args=[snippet.pk])
    response = client.get(url)
    assert response.status_code == 200
    body = re.search(r"<tbody>(.*?)</tbody>", response.content.decode(), re.S)[1]
    return [" ".join(re.sub(r"<[^>]+>", " ", row).split()) for row in body.split("<tr")[1:]]


def test_one_history_line_per_save(client, tree, django_capture_on_commit_callbacks):
    """Wagtail logs the saves of its snippet views itself; the change log adds a line only
    for saves it does not log (wagtail-localize, imports), and one for the minor mark."""
    sync_languages()
    client.force_login(editor())
    add = reverse("wagtailsnippets_home_fieldofaction:add") + "?locale=de"
    assert client.post(add, {"name": "Sport", "slug": "sport"}).status_code == 302
    term = FieldOfAction.objects.get(slug="sport", locale__language_code="de")
    assert len(history_lines(client, term)) == 1
    translate_with_localize(term, tree.locales["tr"])
    assert statuses()[("Sport", "tr")] == Status.UP_TO_DATE

    edit = reverse("wagtailsnippets_home_fieldofaction:edit", args=[term.pk])
    assert client.post(edit, {"name": "Sport und Bewegung", "slug": "sport"}).status_code == 302
    assert len(history_lines(client, term)) == 2
    assert statuses()[("Sport und Bewegung", "tr")] == Status.OUT_OF_DATE

    minor = reverse("locales_mark_change_minor", args=["home", "fieldofaction", term.pk])
    assert client.post(minor).status_code == 302
    assert len(history_lines(client, term)) == 3
    assert statuses()[("Sport und Bewegung", "tr")] == Status.UP_TO_DATE

    term.name = "Sport"
    term.save()  # as an import saves it
    assert len(history_lines(client, term)) == 4
    assert statuses()[("Sport", "tr")] == Status.OUT_OF_DATE
