"""Which of the site's languages an exported item belongs to.

Plone writes a language code ("de", "pt-br"), "##DEFAULT##" or nothing. An
item without its own language takes the language of the language root folder
(LRF) it sits in, whose id is its language code, and outside any the site's
default language. Codes are mapped with --language-map, then checked against
the site's language list (locales/languages.py) and its Wagtail locales.
"""

from wagtail.models import Locale

from locales.languages import DEFAULT_LANGUAGE, LANGUAGES

from .errors import ImportAbort

UNSET = {"", "##default##", "none", "null"}


def parse_language_map(values):
    """{'pt-br': 'pt'} from ["pt-br=pt", "es=en,fr=en"]; targets must be site languages."""
    mapping = {}
    for value in values or []:
        for pair in value.split(","):
            if not pair.strip():
                continue
            source, sep, target = pair.partition("=")
            source, target = normalise(source), normalise(target)
            if not sep or not source or not target:
                raise ImportAbort(f"--language-map {pair!r}: write it as plone-code=site-code")
            if target not in site_codes():
                raise ImportAbort(
                    f"--language-map {pair!r}: {target!r} is not one of the site's languages "
                    f"({', '.join(sorted(site_codes()))})"
                )
            mapping[source] = target
    return mapping


def site_codes():
    return {language.code for language in LANGUAGES}


def normalise(code):
    return (code or "").strip().lower().replace("_", "-")


def raw_language(item):
    """The item's own language code, or None when it has none ("##DEFAULT##", empty)."""
    value = item.get("language")
    if isinstance(value, dict):  # plone.restapi with expanded vocabularies: {title, token}
        value = value.get("token")
    if not isinstance(value, str) or normalise(value) in UNSET:
        return None
    return normalise(value)


class LanguageResolver:
    """Turns Plone language codes into the site's language codes, or says why it cannot."""

    def __init__(self, language_map=None):
        self.language_map = language_map or {}
        self.codes = site_codes()
        self.locales = set(Locale.objects.values_list("language_code", flat=True))
        self.default = DEFAULT_LANGUAGE

    def resolve(self, code):
        """(site code, None) or (None, error message) for a Plone code."""
        base = code.split("-")[0]
        mapped = self.language_map.get(code) or self.language_map.get(base)
        if mapped:
            site_code = mapped
        elif code in self.codes:
            site_code = code
        elif base in self.codes:
            site_code = base  # "de-at" on a site that has "de"
        else:
            return None, (
                f"unknown language {code!r}: the site has {', '.join(sorted(self.codes))}; "
                f"map it with --language-map {code}=<one of these>"
            )
        if site_code not in self.locales:
            return None, (
                f"the site has no locale for {site_code!r} yet: "
                "run `python manage.py sync_languages` first"
            )
        return site_code, None
