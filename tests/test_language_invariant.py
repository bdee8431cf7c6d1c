"""Every page exists in every language, whatever made it (locales.aliases).

The observations of issue 12 as tests: pages made outside the page editor (a script's
add_child, import_plone, import_ics, the public form) existed in German only, and an
event sent through the Arabic form was published in Arabic only, missing from the
German, English and Turkish listings and the German calendar feed.
"""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, TaskState
from wagtail_localize.models import LocaleSynchronization

from events.importer import import_calendar
from events.models import EventDate, EventPage
from home.models import SpokenLanguage, TargetGroup
from locales.languages import LANGUAGES
from locales.patches import ORIGINALS
from news.models import NewsCategory
from plone_import.models import ImportedItem
from submissions.models import EventSubmission, EventSubmissionPage
from tests.conftest import make_term
from tests.submission_helpers import valid_data
from tests.test_translation_workflow import publish_in_admin
from tests.translation_helpers import editor, sync_languages, user_in

pytestmark = pytest.mark.django_db

CODES = {language.code for language in LANGUAGES}
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def versions(page):
    """{language code: version} of the page, translations and aliases."""
    found = Page.objects.filter(translation_key=page.translation_key).select_related("locale")
    return {version.locale.language_code: version.specific for version in found}


def get_html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def check_languages(*args):
    out = StringIO()
    call_command("check_languages", *args, stdout=out)
    return out.getvalue()


# --------------------------------------------------------------------------- whatever creates it


def test_a_page_added_by_a_script_exists_in_every_language(client, tree):
    event = tree.event("Sprachcafé", dates=((7,), (14,)), venue_name="Bürgerhaus")
    found = versions(event)
    assert set(found) == CODES
    for code, version in found.items():
        if code == "de":
            continue
        assert version.alias_of_id == event.pk and version.live, code
        assert version.get_parent().translation_key == tree.events.translation_key
        # The alias has its own copies of the dates: the source keeps its rows.
        assert version.occurrences.count() == 2 and version.venue_name == "Bürgerhaus"
        assert EventDate.objects.filter(page=version).count() == 2
    assert event.occurrences.count() == 2
    assert EventDate.objects.filter(page=event).count() == 2
    html = get_html(client, f"/en/veranstaltungen/{event.slug}/")
    assert "Sprachcafé" in html and "notice-translation" in html
    assert "Sprachcafé" in get_html(client, "/tr/veranstaltungen/")


def test_a_page_published_in_the_admin_gets_each_alias_once(client, tree):
    """wagtail-localize's after_create_page hook would add a second alias (locales.patches)."""
    sync_languages()  # setup_roles: the editors' group
    client.force_login(editor())
    page = publish_in_admin(client, tree.home, "Über den Verband")
    found = versions(page)
    assert set(found) == CODES and all(version.live for version in found.values())
    assert Page.objects.filter(translation_key=page.translation_key).count() == len(CODES)


def test_upstream_hook_still_makes_a_second_alias(tree):
    """Shows that locales.patches (4) is still needed: when this test fails, wagtail-localize
    checks for existing versions before it makes aliases, and the patch can go."""
    page = tree.standard("Kontakt")
    for version in versions(page).values():
        if version.locale.language_code != "de":
            LocaleSynchronization.objects.bulk_create(
                [LocaleSynchronization(locale=version.locale, sync_from=tree.locales["de"])]
            )
            break
    with pytest.raises(ValidationError, match="Translation key"), transaction.atomic():
        ORIGINALS["create_aliases_for_new_page"](page)


def test_imported_calendar_events_exist_in_every_language(client, tree):
    import_calendar((FIXTURES / "ics" / "partner_v1.ics").read_bytes(), tree.events)
    cafe = EventPage.objects.get(ical_uid="sprachcafe@partner.example", locale=tree.locales["de"])
    assert set(versions(cafe)) == CODES
    cafe.save_revision().publish()  # an editor reviews the draft; the aliases follow
    assert all(version.live for version in versions(cafe).values())
    assert "Sprachcafé" in get_html(client, f"/en/veranstaltungen/{cafe.slug}/")


def test_imported_plone_pages_exist_in_every_language(client, tree):
    export = FIXTURES / "plone" / "collective" / "Plone.json"
    call_command("import_plone", str(export), "--no-progress", stdout=StringIO())
    pages = [item.page for item in ImportedItem.objects.filter(page__isnull=False)]
    assert len(pages) > 5
    for page in pages:
        assert set(versions(page)) == CODES, page.url_path
    news = ImportedItem.objects.get(uid="uid-news-de").page
    assert news.live and news.title in get_html(client, f"/fa/aktuelles/{news.slug}/")


# --------------------------------------------------------------------------- a source in Arabic


@pytest.fixture
def arabic_form(tree, django_capture_on_commit_callbacks):
    """The submission form in Arabic (a translation), the roles and the terms it offers."""
    call_command("setup_roles", stdout=StringIO(), stderr=StringIO())
    tree.form = tree.add(
        tree.events, EventSubmissionPage(title="Veranstaltung melden", slug="melden")
    )
    tree.ar_events = tree.translate(tree.events, "ar", title="الفعاليات")
    # English and Turkish have their own events index, as on the real site.
    tree.translate(tree.events, "en", title="Events", slug="events")
    tree.translate(tree.events, "tr", title="Etkinlikler", slug="etkinlikler")
    tree.ar_form = tree.translate(tree.form, "ar", title="أعلن عن فعالية")
    tree.verein = tree.organisation("Elternverein Mitte")
    tree.frauen = make_term(TargetGroup, "Frauen", ar="نساء")
    tree.turkish = make_term(SpokenLanguage, "Türkisch", ar="التركية")
    tree.moderator = user_in("Moderation", "moderatorin")
    return tree


def submit_in_arabic(client, site, capture):
    data = valid_data(site, title="مقهى الآباء")
    data["description"] = "لقاء مفتوح للآباء والأمهات."
    with capture(execute=True):
        response = client.post(site.ar_form.url, data)
    assert response.status_code == 200, response.content.decode()[:2000]
    return EventSubmission.objects.get().page.specific


def approve(client, site, event, capture):
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(event.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    client.force_login(site.moderator)
    with capture(execute=True):
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[event.pk, "approve", task_state.pk]
        )
        response = client.post(url, {"comment": ""})
    assert response.status_code == 302
    client.logout()


LISTINGS = [
    "/de/veranstaltungen/",
    "/en/events/",
    "/tr/etkinlikler/",
    "/ar/veranstaltungen/",
    "/fa/veranstaltungen/",
    "/de/calendar/events.ics",
    "/en/calendar/events.ics",
]


def test_an_arabic_submission_is_the_source_and_reaches_every_language_after_approval(
    client, arabic_form, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    event = submit_in_arabic(client, arabic_form, capture)
    assert event.locale.language_code == "ar" and event.alias_of_id is None
    found = versions(event)
    assert set(found) == CODES
    assert all(v.alias_of_id == event.pk for code, v in found.items() if code != "ar")
    # Nothing is public before a moderator approves it, in any language.
    assert not any(version.live for version in found.values())
    for url in LISTINGS:
        assert "مقهى الآباء" not in get_html(client, url), url

    approve(client, arabic_form, event, capture)
    assert all(version.live for version in versions(event).values())
    for url in LISTINGS:
        assert "مقهى الآباء" in get_html(client, url), url
    # In the other languages' listings the card marks the title as Arabic.
    for url in [url for url in LISTINGS[:5] if not url.startswith("/ar/")]:
        assert re.search(
            r'<a href="[^"]+" lang="ar" dir="rtl">مقهى الآباء', get_html(client, url)
        ), url

    # The calendar feeds mark the text's language where it is not the feed's (RFC 5545).
    assert "SUMMARY;LANGUAGE=ar:مقهى الآباء" in get_html(client, "/de/calendar/events.ics")
    assert "SUMMARY:مقهى الآباء" in get_html(client, "/ar/calendar/events.ics")

    german = versions(event)["de"]
    html = get_html(client, german.url)
    # The German page says the text is not yet translated and marks it as Arabic.
    assert "notice-translation" in html
    # The link to the original is German interface text: hreflang, but no lang="ar".
    assert f'<a href="{event.url}" hreflang="ar">' in html
    assert '<h1 lang="ar" dir="rtl">مقهى الآباء' in html


# --------------------------------------------------------------------------- check and repair


def test_check_languages_reports_and_repairs_a_page_missing_in_a_language(tree):
    item = tree.news_item("Vorstand gewählt")
    assert "Every page exists in every language." in check_languages()
    versions(item)["uk"].delete()
    versions(tree.guidance)["fa"].delete()
    with pytest.raises(CommandError, match="2 page"):
        check_languages()
    output = check_languages("--repair")
    assert "/start/aktuelles/vorstand-gewahlt/" in output and "missing in uk" in output
    assert "Created 2 alias(es)" in output
    assert set(versions(item)) == CODES and set(versions(tree.guidance)) == CODES
    assert "Every page exists in every language." in check_languages()


def test_repair_gives_an_arabic_page_its_german_alias(tree):
    ar_events = tree.translate(tree.events, "ar", title="الفعاليات")
    event = tree.add(ar_events, EventPage(title="أمسية", slug="amsiya", teaser="…"))
    versions(event)["de"].delete()
    check_languages("--repair")
    german = versions(event)["de"]
    assert german.alias_of_id == event.pk
    assert german.get_parent().pk == tree.events.pk


def test_sync_languages_creates_what_a_new_language_lacks(tree):
    item = tree.news_item("Vorstand gewählt")
    # As if Ukrainian were a new line in locales/languages.py:
    Page.objects.filter(depth=2, locale=tree.locales["uk"]).delete()  # with its subtree
    tree.locales["uk"].delete()
    assert set(versions(item)) == CODES - {"uk"}
    out = StringIO()
    call_command("sync_languages", "--no-roles", stdout=out, stderr=out)
    assert "Created locale uk" in out.getvalue()
    assert set(versions(item)) == CODES
    assert set(versions(tree.home)) == CODES


# --------------------------------------------------------------------------- cost


def creation_queries(tree, number):
    with CaptureQueriesContext(connection) as captured:
        tree.news_item(f"Meldung {number}")
    return len(captured)


def test_a_new_page_with_its_aliases_costs_the_same_on_a_larger_site(tree):
    """Bounded: no query per page of the site (wagtail-localize's synctree reads them all)."""
    tree.news_item("Erste Meldung")  # the index has children (treebeard's first child is cheaper)
    small = creation_queries(tree, 0)
    for number in range(1, 15):
        tree.news_item(f"Ältere Meldung {number}")
    assert creation_queries(tree, 99) == small


# --------------------------------------------------------------------------- snippets


def test_a_term_written_in_arabic_is_offered_in_every_language(client, tree):
    """Snippets have no aliases: each language shows its translation, else the source,
    whatever language the source is in (locales.utils.localized_choices), marked with
    its language where that is not the visitor's."""
    make_term(NewsCategory, "Presse", ar="صحافة")
    NewsCategory.objects.create(name="شباب", slug="shabab", locale=tree.locales["ar"])
    arabic = '<option value="shabab" lang="ar" dir="rtl">شباب</option>'
    for code, press, shabab in (
        ("de", '<option value="presse">Presse</option>', arabic),
        ("en", '<option value="presse" lang="de" dir="ltr">Presse</option>', arabic),
        ("ar", '<option value="presse">صحافة</option>', '<option value="shabab">شباب</option>'),
    ):
        html = get_html(client, f"/{code}/aktuelles/")
        assert html.count(shabab) == 1 and html.count('value="shabab"') == 1, code
        assert press in html, code
        assert html.count('value="presse"') == 1, code
