"""Machine translation: configured from the environment, routed per language, marked as unreviewed.

The services are replaced by fake translators (configured through settings);
nothing here calls the network.
"""

import json

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.strings import StringValue

from locales.machine_translation import (
    DEEPL_LANGUAGES,
    LIBRETRANSLATE_LANGUAGES,
    LanguageRouter,
    translator_setting,
)
from locales.status import Status, status_rows
from tests.translation_helpers import sync_languages, translator

pytestmark = pytest.mark.django_db


class FakeService(BaseMachineTranslator):
    """Answers with the service's name and the target language in front of the text."""

    def translate(self, source_locale, target_locale, strings):
        prefix = f"{self.display_name}:{target_locale.language_code}:"
        return {string: StringValue(prefix + string.data) for string in strings}

    def can_translate(self, source_locale, target_locale):
        return source_locale.language_code != target_locale.language_code


class FakeDeepL(FakeService):
    display_name = "FakeDeepL"


class FakeLibre(FakeService):
    display_name = "FakeLibre"


FAKES = {
    "CLASS": "locales.machine_translation.LanguageRouter",
    "OPTIONS": {
        "SERVICES": [
            {"CLASS": f"{__name__}.FakeDeepL", "LANGUAGES": DEEPL_LANGUAGES},
            {"CLASS": f"{__name__}.FakeLibre", "LANGUAGES": LIBRETRANSLATE_LANGUAGES},
        ]
    },
}


def locale(code):
    return Locale(language_code=code)


# --------------------------------------------------------------------------- configuration


def test_no_service_configured_means_no_translator():
    assert translator_setting({}) is None
    assert translator_setting({"DEEPL_AUTH_KEY": "", "LIBRETRANSLATE_URL": ""}) is None


def test_services_come_from_the_environment():
    deepl = translator_setting({"DEEPL_AUTH_KEY": "key:fx"})
    assert deepl["CLASS"] == "locales.machine_translation.LanguageRouter"
    [service] = deepl["OPTIONS"]["SERVICES"]
    assert service["OPTIONS"] == {"AUTH_KEY": "key:fx"}
    assert "fa" not in service["LANGUAGES"]  # DeepL has no Farsi

    both = translator_setting(
        {"DEEPL_AUTH_KEY": "key", "LIBRETRANSLATE_URL": "https://lt.example.org/"}
    )
    deepl_service, libre_service = both["OPTIONS"]["SERVICES"]
    assert libre_service["OPTIONS"] == {
        "LIBRETRANSLATE_URL": "https://lt.example.org",
        "API_KEY": "",
    }
    router = LanguageRouter(both["OPTIONS"])  # the real classes load without calling anyone
    assert router.display_name == "DeepL / LibreTranslate"


def test_each_language_goes_to_a_service_that_knows_it():
    router = LanguageRouter(FAKES["OPTIONS"])
    german = locale("de")
    assert router.service_for(german, locale("tr")).display_name == "FakeDeepL"
    assert router.service_for(german, locale("fa")).display_name == "FakeLibre"
    assert not router.can_translate(german, locale("pl"))
    assert not router.can_translate(german, locale("de"))
    [(string, value)] = router.translate(german, locale("fa"), [StringValue("Hallo")]).items()
    assert value.data == "FakeLibre:fa:Hallo"
    assert router.display_name == "FakeLibre"  # what wagtail-localize records as the tool


# --------------------------------------------------------------------------- in the admin


@pytest.fixture
def started(tree, client, django_capture_on_commit_callbacks):
    """A German page whose Turkish and Farsi translations have been started."""
    page = tree.guidance_page("Vereinsgründung")
    page.save_revision().publish()
    sync_languages()
    translations = {}
    for code in ("tr", "fa"):
        client.force_login(translator(code))
        url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        client.post(url, {"locales": [tree.locales[code].pk]})
        translations[code] = Translation.objects.get(
            source__object_id=page.translation_key, target_locale__language_code=code
        )
    return page, translations


def editor_props(client, translation):
    target = translation.get_target_instance()
    response = client.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    assert response.status_code == 200
    return json.loads(response.context["props"])


def test_no_button_without_a_service(client, started, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
    page, translations = started
    assert editor_props(client, translations["fa"])["machineTranslator"] is None


def test_machine_translations_count_as_not_reviewed(
    client, started, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = FAKES
    page, translations = started
    client.force_login(translator("tr", "turkish-2"))
    translation = translations["tr"]
    assert editor_props(client, translation)["machineTranslator"]["name"] == (
        "FakeDeepL / FakeLibre"
    )

    next_url = reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    assert client.post(url, {"next": next_url}).status_code == 302
    strings = StringTranslation.objects.filter(locale=translation.target_locale)
    assert strings.count() == StringSegment.objects.filter(source=translation.source).count()
    assert set(strings.values_list("translation_type", "tool_name")) == {("machine", "FakeDeepL")}
    assert strings.get(context__path="title").data == "FakeDeepL:tr:Vereinsgründung"

    with django_capture_on_commit_callbacks(execute=True):
        client.post(next_url, {"action": "publish"})
    assert row_status(page, "tr") == Status.MACHINE
    report = client.get(reverse("locales_translation_status"), {"language": "tr"})
    assert "machine" in report.content.decode()

    # A person edits one string: it is reviewed; the others still are not.
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    edit = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    client.put(edit, "value=Dernek kurmak", content_type="application/x-www-form-urlencoded")
    assert strings.get(context__path="title").translation_type == "manual"
    assert strings.filter(translation_type="machine").exists()

    # … and confirms the rest; published again, the translation is up to date.
    confirm = reverse("locales_confirm_machine_translations", args=[translation.pk])
    assert client.post(confirm).status_code == 302
    assert not strings.filter(translation_type="machine").exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(next_url, {"action": "publish"})
    assert row_status(page, "tr") == Status.UP_TO_DATE


def test_farsi_is_translated_by_the_other_service(client, started, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = FAKES
    page, translations = started
    client.force_login(translator("fa", "farsi-2"))
    translation = translations["fa"]
    client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    tools = StringTranslation.objects.filter(locale=translation.target_locale).values_list(
        "tool_name", flat=True
    )
    assert set(tools) == {"FakeLibre"}


def test_a_translator_may_not_machine_translate_another_language(client, started, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = FAKES
    page, translations = started
    client.force_login(translator("tr", "turkish-3"))
    client.post(reverse("wagtail_localize:machine_translate", args=[translations["fa"].pk]))
    assert not StringTranslation.objects.filter(locale__language_code="fa").exists()
    confirm = reverse("locales_confirm_machine_translations", args=[translations["fa"].pk])
    assert client.post(confirm).status_code in (302, 403)


def row_status(page, code):
    [row] = [
        row
        for row in status_rows(codes=[code], model=Page)
        if row.original.key == page.translation_key
    ]
    return row.status
