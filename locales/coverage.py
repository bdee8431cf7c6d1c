"""How much of Wagtail's and wagtail-localize's interface each admin language has.

The messages are those of the English catalogues of the installed Wagtail and
wagtail-localize apps (their source language). A message counts as translated into a
language when a non-fuzzy translation of every form exists in one of:

- the language's django.po of any installed app or of Django itself (Django merges them
  into one catalogue, so "Title" translated by Wagtail's core covers "Title" in its admin
  too); a JavaScript catalogue is served per package, so a djangojs message counts only
  in its own package's catalogue;
- the project's catalogue (LOCALE_PATHS: locales/locale/<code>/LC_MESSAGES/<domain>.po),
  which Django reads before the apps'.

Anything else Django shows in German, the fallback language. English is the source
language: Django gives English no fallback, so its msgids are its translations.
"""

from dataclasses import dataclass, field
from pathlib import Path

import django
import polib
from django.apps import apps
from django.conf import settings

UPSTREAM_PACKAGES = ("wagtail", "wagtail_localize")
DOMAINS = ("django", "djangojs")
SOURCE_LANGUAGE = "en"


@dataclass
class Catalogue:
    """One upstream app's catalogue of one domain (e.g. wagtail.admin, djangojs)."""

    app: str
    domain: str
    locale_dir: Path

    def path(self, code):
        return self.locale_dir / code / "LC_MESSAGES" / f"{self.domain}.po"

    @property
    def label(self):
        return f"{self.app} ({self.domain})"


@dataclass
class Coverage:
    code: str
    total: int = 0
    upstream: int = 0
    project: int = 0
    missing: dict = field(default_factory=dict)  # label -> [(msgctxt, msgid)]
    supplied: dict = field(default_factory=dict)  # label -> [(msgctxt, msgid)] ours fill

    def gaps(self):
        """msgids that upstream leaves untranslated, whether ours fill them or not."""
        found = {**self.missing}
        for label, keys in self.supplied.items():
            found[label] = found.get(label, []) + keys
        return {msgid for keys in found.values() for _, msgid in keys}

    @property
    def missing_count(self):
        return sum(len(keys) for keys in self.missing.values())

    @property
    def percent(self):
        return 100.0 * (self.total - self.missing_count) / self.total if self.total else 100.0


def upstream_catalogues():
    found = []
    for config in apps.get_app_configs():
        if config.name.split(".")[0] not in UPSTREAM_PACKAGES:
            continue
        locale_dir = Path(config.path) / "locale"
        for domain in DOMAINS:
            catalogue = Catalogue(config.name, domain, locale_dir)
            if catalogue.path(SOURCE_LANGUAGE).is_file():
                found.append(catalogue)
    return found


def merged_locale_dirs():
    """Every locale directory whose django.po Django merges into one catalogue."""
    ours = {Path(path).resolve() for path in settings.LOCALE_PATHS}
    dirs = [Path(config.path) / "locale" for config in apps.get_app_configs()]
    dirs = [path for path in dirs if path.resolve() not in ours]
    return [Path(django.__file__).parent / "conf" / "locale", *dirs]


def _key(entry):
    return (entry.msgctxt, entry.msgid)


def translated_keys(path):
    if not path.is_file():
        return set()
    return {_key(entry) for entry in polib.pofile(str(path)).translated_entries()}


def project_catalogue(code, domain):
    return Path(settings.LOCALE_PATHS[0]) / code / "LC_MESSAGES" / f"{domain}.po"


def coverage(code, catalogues=None):
    catalogues = catalogues or upstream_catalogues()
    result = Coverage(code)
    merged = {domain: set() for domain in DOMAINS}  # the django domain, merged by Django
    for locale_dir in merged_locale_dirs():
        merged["django"] |= translated_keys(locale_dir / code / "LC_MESSAGES" / "django.po")
    ours = {domain: translated_keys(project_catalogue(code, domain)) for domain in DOMAINS}
    for catalogue in catalogues:
        keys = [_key(e) for e in polib.pofile(str(catalogue.path(SOURCE_LANGUAGE)))]
        upstream = merged["django"] if catalogue.domain == "django" else set()
        upstream = upstream | translated_keys(catalogue.path(code))
        for key in keys:
            result.total += 1
            if code == SOURCE_LANGUAGE or key in upstream:
                result.upstream += 1
            elif key in ours[catalogue.domain]:
                result.project += 1
                result.supplied.setdefault(catalogue.label, []).append(key)
            else:
                result.missing.setdefault(catalogue.label, []).append(key)
    return result
