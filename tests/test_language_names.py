"""Language names in the visitor's language, from Django's list of language names
(locales.languages.language_name), whatever the label's translations have reached.

Issue 12 saw "Arabisch, Deutsch, Türkisch" on an Arabic event page: the labels had no
Arabic translation, so the German ones were shown.
"""

import pytest

from home.models import SpokenLanguage
from tests.conftest import make_term, shared

pytestmark = pytest.mark.django_db


def spoken(name, code):
    term = make_term(SpokenLanguage, name)
    term.code = code
    term.save()
    return term


@shared
def event(tree):
    """One published event for the module's read-only tests."""
    languages = [
        spoken("Arabisch", "ar"),
        spoken("Türkisch", "tr"),
        make_term(SpokenLanguage, "Tigrinya"),
    ]
    page = tree.event("Sprachcafé")
    page.languages = languages
    page.save_revision().publish()
    return page


@pytest.mark.parametrize(
    "code, names",
    [
        ("ar", ["العربيّة", "التركيّة"]),
        ("fa", ["عربی", "ترکی"]),
        ("de", ["Arabisch", "Türkisch"]),
        ("tr", ["Arapça", "Türkçe"]),
    ],
)
def test_languages_spoken_at_an_event_are_named_in_the_visitors_language(
    client, event, code, names
):
    html = client.get(f"/{code}/veranstaltungen/{event.slug}/").content.decode()
    for name in names:
        # In the visitor's language: no lang="de" around it.
        assert f"<span>{name}</span>" in html, (code, name)
    if code != "de":
        assert "Arabisch" not in html and "Türkisch" not in html
        # A language Django does not know keeps its label, marked as German.
        assert '<span lang="de" dir="ltr">Tigrinya</span>' in html


def test_the_language_filter_offers_language_names_in_the_visitors_language(client, event):
    html = client.get("/fa/veranstaltungen/").content.decode()
    assert '<option value="arabisch">عربی</option>' in html
    assert '<option value="tigrinya" lang="de" dir="ltr">Tigrinya</option>' in html


def test_a_code_is_shared_by_every_translation_of_the_label(tree):
    arabic = spoken("Arabisch", "ar")
    copy = arabic.copy_for_translation(tree.locales["tr"])
    assert copy.code == "ar"
