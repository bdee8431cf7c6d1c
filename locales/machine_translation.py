"""Machine translation as an aid: DeepL where it knows the language, LibreTranslate elsewhere.

wagtail-localize takes one machine translator (WAGTAILLOCALIZE_MACHINE_TRANSLATOR).
No single service covers every language of the portal (DeepL has no Farsi),
so LanguageRouter hands each target language to the first configured service
that supports it. The settings build its configuration from the environment
with translator_setting(): DEEPL_AUTH_KEY switches DeepL on, LIBRETRANSLATE_URL
(and LIBRETRANSLATE_API_KEY) LibreTranslate; without either there is no
translator and wagtail-localize shows no machine-translation button.

Whatever a machine translates is stored with translation_type "machine" and
counts as not reviewed (locales.status) until a person edits or confirms it.
"""

from django.utils.module_loading import import_string
from wagtail_localize.machine_translators.base import BaseMachineTranslator

# Target languages each service supports, by the portal's language codes.
DEEPL_LANGUAGES = ["en", "tr", "ar", "ru", "uk"]
LIBRETRANSLATE_LANGUAGES = ["en", "tr", "ar", "ru", "uk", "fa"]


def translator_setting(environ):
    """WAGTAILLOCALIZE_MACHINE_TRANSLATOR for the services configured in environ, or None."""
    services = []
    if environ.get("DEEPL_AUTH_KEY"):
        services.append(
            {
                "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
                "OPTIONS": {"AUTH_KEY": environ["DEEPL_AUTH_KEY"]},
                "LANGUAGES": DEEPL_LANGUAGES,
            }
        )
    if environ.get("LIBRETRANSLATE_URL"):
        services.append(
            {
                "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
                "OPTIONS": {
                    "LIBRETRANSLATE_URL": environ["LIBRETRANSLATE_URL"].rstrip("/"),
                    "API_KEY": environ.get("LIBRETRANSLATE_API_KEY", ""),
                },
                "LANGUAGES": LIBRETRANSLATE_LANGUAGES,
            }
        )
    if not services:
        return None
    return {
        "CLASS": "locales.machine_translation.LanguageRouter",
        "OPTIONS": {"SERVICES": services},
    }


class LanguageRouter(BaseMachineTranslator):
    """Delegates each target language to the first service that lists it."""

    def __init__(self, options):
        super().__init__(options)
        self.services = [
            (import_string(service["CLASS"])(service.get("OPTIONS", {})), set(service["LANGUAGES"]))
            for service in options["SERVICES"]
        ]
        self.used = None

    @property
    def display_name(self):
        """The service that translated last (wagtail-localize records it with each string),
        before that the names of all services (for the button)."""
        if self.used is not None:
            return self.used.display_name
        return " / ".join(str(translator.display_name) for translator, _ in self.services)

    def service_for(self, source_locale, target_locale):
        """The first service that supports the target language and can translate the pair."""
        language = target_locale.language_code.split("-")[0]
        for translator, languages in self.services:
            if language in languages and translator.can_translate(source_locale, target_locale):
                return translator
        return None

    def can_translate(self, source_locale, target_locale):
        return self.service_for(source_locale, target_locale) is not None

    def translate(self, source_locale, target_locale, strings):
        self.used = self.service_for(source_locale, target_locale)
        return self.used.translate(source_locale, target_locale, strings)
