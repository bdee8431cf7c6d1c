"""The one list of content languages.

Adding a language is one line here plus `python manage.py sync_languages`
(which creates the Wagtail locale, its aliases and its translator group) and
an interface catalogue under locale/; see README.md ("Adding a language").
"""

from dataclasses import dataclass

from django.conf.locale import LANG_INFO
from django.utils.translation import get_language
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Language:
    code: str
    english_name: str
    native_name: str
    direction: str = "ltr"
    # A variant of another language (Leichte Sprache of German): its pages are written by
    # editors as translations of the German ones, its interface speaks the base language.
    variant_of: str = ""

    @property
    def is_easy_language(self):
        return self.code == EASY_LANGUAGE

    @property
    def name(self):
        """The language's name in the visitor's language ("Arabisch" on a German page)."""
        return language_name(self.code) or self.native_name


LANGUAGES = [
    Language("de", "German", "Deutsch"),
    Language("en", "English", "English"),
    Language("tr", "Turkish", "Türkçe"),
    Language("ar", "Arabic", "العربية", "rtl"),
    Language("ru", "Russian", "Русский"),
    Language("uk", "Ukrainian", "Українська"),
    Language("fa", "Persian", "فارسی", "rtl"),
    # Leichte Sprache (BITV 2.0 § 4): a private-use subtag of German, valid BCP 47.
    Language("de-x-ls", "Leichte Sprache", "Leichte Sprache", variant_of="de"),
]
EASY_LANGUAGE = "de-x-ls"

DEFAULT_LANGUAGE = LANGUAGES[0].code
BY_CODE = {language.code: language for language in LANGUAGES}


def get_language_info(code):
    """The Language for a code such as "ar" or "de-at"; the default language if unknown."""
    return BY_CODE.get(code) or BY_CODE.get(code.split("-")[0]) or BY_CODE[DEFAULT_LANGUAGE]


# Languages with an interface catalogue of their own (locales/locale/<code>/); a variant
# reads its base language's (gettext falls back from de_X-ls to de by itself).
INTERFACE_LANGUAGES = [language for language in LANGUAGES if not language.variant_of]


def language_name(code):
    """The name of the language code in the active language, from Django's catalogues
    (and ours, which fill their gaps); None for a code Django does not know, or whose
    name nobody has translated into the active language yet."""
    info = LANG_INFO.get((code or "").lower())
    if info is None or "name" not in info:
        return None
    name = _(info["name"])
    if name == info["name"] and not (get_language() or "").startswith("en"):
        return None
    return name


def django_languages():
    """LANGUAGES for Django settings: (code, native name)."""
    return [(language.code, language.native_name) for language in LANGUAGES]


def admin_languages():
    """WAGTAILADMIN_PERMITTED_LANGUAGES: the languages the admin can speak."""
    return [(language.code, language.native_name) for language in INTERFACE_LANGUAGES]
