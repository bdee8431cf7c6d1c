"""The admin's screens speak the editor's and translator's language (issue 12, item 5).

Wagtail's own Turkish, Ukrainian and Farsi catalogues lacked some 350, 450 and 820
messages (`manage.py catalogue_coverage`), which Django showed in German, the fallback
language: a Turkish editor read "Filter anzeigen", "Sortieren nach" and "Seiten-/
Snippet-Typ". The project's catalogues supply them. Here every screen editors and
translators use is requested through the admin's URLs as a user whose admin language
is tr, uk or fa, and

- none of the German texts that Django would show for the messages we supply appears,
- the screen's key texts appear in the user's language.
"""

import json
import re
from pathlib import Path

import polib
import pytest
import wagtail
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from locales.coverage import coverage
from locales.languages import INTERFACE_LANGUAGES
from tests.translation_helpers import translate_with_localize

pytestmark = pytest.mark.django_db

CODES = ["tr", "uk", "fa"]


def wagtail_german(domain="django"):
    """{msgid: German text} of Wagtail's catalogues: what Django shows for a gap."""
    found = {}
    for path in Path(wagtail.__file__).parent.glob(f"**/locale/de/LC_MESSAGES/{domain}.po"):
        for entry in polib.pofile(str(path)).translated_entries():
            if not entry.msgid_plural:
                found.setdefault(entry.msgid, entry.msgstr)
    return found


GERMAN = wagtail_german()


def german_fallbacks(code):
    """{German text: msgid} Django would show for what upstream leaves untranslated in
    code (long enough not to occur by chance in German page content)."""
    gaps = coverage(code).gaps()
    return {
        text: msgid
        for msgid, text in GERMAN.items()
        if msgid in gaps and len(text) >= 12 and not set("%{<") & set(text)
    }


@pytest.fixture
def screens(tree, admin_user, django_capture_on_commit_callbacks):
    page = tree.standard("Beratung", intro="Wir beraten.")
    with django_capture_on_commit_callbacks(execute=True):
        _, turkish = translate_with_localize(page, tree.locales["tr"])
    return {
        "explorer": reverse("wagtailadmin_explore", args=[tree.home.pk]),
        "editor": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "history": reverse("wagtailadmin_pages:history", args=[page.pk]),
        "workflows": reverse("wagtailadmin_workflows:index"),
        "tasks": reverse("wagtailadmin_workflows:task_index"),
        "snippets": reverse("wagtailsnippets:index"),
        "images": reverse("wagtailimages:index"),
        "documents": reverse("wagtaildocs:index"),
        "locked_pages": reverse("wagtailadmin_reports:locked_pages"),
        "site_history": reverse("wagtailadmin_reports:site_history"),
        "aging_pages": reverse("wagtailadmin_reports:aging_pages"),
        "workflow_report": reverse("wagtailadmin_reports:workflow"),
        # A page translated with wagtail-localize: its edit view is the translation editor.
        "translation_editor": reverse("wagtailadmin_pages:edit", args=[turkish.pk]),
        "account": reverse("wagtailadmin_account"),
    }


def speaks(user, code):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = code
    profile.save()
    return user


# What each screen must say in the user's language: messages Wagtail's Turkish, Ukrainian
# or Farsi catalogue lacked (Django showed them in German).
KEY_TEXTS = {
    "explorer": ["Show filters", "Toggle breadcrumbs", "Page visibility: "],
    "editor": ["Content metrics", "Reading time", "View latest version", "Toggle status"],
    "history": ["Show filters", "Filter by"],
    "workflows": ["Add a workflow", "Show disabled"],
    "tasks": ["New workflow task", "Show disabled"],
    "snippets": ["Toggle breadcrumbs", "Show keyboard shortcuts"],
    "images": ["Show filters", "Usage count: (low to high)", "Grid layout"],
    "documents": ["Add tags to the selected documents", "Delete selected documents"],
    "locked_pages": ["Locked pages", "Show filters"],
    "site_history": ["Site history", "Date / Time"],
    "aging_pages": ["Last published before", "Show filters"],
    "workflow_report": ["No pages/snippets have been submitted for moderation yet"],
    "translation_editor": ["Toggle status", "Page visibility: ", "Locking: "],
    "account": ["Toggle section", "Save changes"],
}
# The admin's JavaScript (autosave, comments, the block editor), and what Django would
# show for them in German.
JS_TEXTS = ["Autosave in progress…", "Changes have been autosaved.", "Main menu", "(New)"]
GERMAN_JS = wagtail_german("djangojs")


@pytest.mark.parametrize("code", [language.code for language in INTERFACE_LANGUAGES])
def test_every_wagtail_message_is_translated(code):
    """`manage.py catalogue_coverage`: nothing of Wagtail's or wagtail-localize's left
    untranslated in any admin language, by upstream or by us."""
    result = coverage(code)
    assert not result.missing, f"{code}: {result.missing_count} missing {result.missing}"


def test_every_screen_speaks_tr_uk_and_fa(client, admin_user, screens):
    """One tree for the three languages (building it is the slow part)."""
    for code in CODES:
        client.force_login(speaks(admin_user, code))
        german = german_fallbacks(code)
        with translation.override(code):
            said = {name: [translation.gettext(t) for t in KEY_TEXTS[name]] for name in screens}
        for name, url in screens.items():
            response = client.get(url)
            assert response.status_code == 200, (code, name)
            html = response.content.decode()
            leaked = sorted(msgid for text, msgid in german.items() if text in html)
            assert not leaked, f"{code} {name}: in German: {leaked}"
            for msgid, text in zip(KEY_TEXTS[name], said[name], strict=True):
                assert text not in (msgid, GERMAN.get(msgid)), f"{code}: {msgid!r} untranslated"
                assert text in html, f"{code} {name}: {msgid!r} -> {text!r} not shown"
        js = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
        catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\});", js, re.S)[1])
        for msgid in JS_TEXTS:
            assert catalogue.get(msgid) not in (None, msgid, GERMAN_JS.get(msgid)), (code, msgid)
