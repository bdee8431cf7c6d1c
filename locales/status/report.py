"""The status report: a row per original and language, and a summary per language."""

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page

from ..languages import get_language_info
from .loading import (
    apply_changes,
    apply_sources,
    load_work,
    page_originals,
    page_versions,
    snippet_versions,
    source_locale,
    target_locales,
    translatable_snippet_models,
)
from .rule import TRANSLATED, Row, Status, decide


def status_rows(codes=None, model=None, section=None):
    """Rows for every German original in every target language.

    codes limits the languages, model the type (Page: every page type), section
    the pages to one section below the German home page (and so leaves out snippets).
    """
    source = source_locale()
    targets = target_locales(codes)
    originals, versions = [], {}
    if model is None or issubclass(model, Page):
        content_type = None
        if model is not None and model is not Page:
            content_type = ContentType.objects.get_for_model(model)
        pages, keys = page_originals(source, content_type, section)
        originals += pages
        versions.update(page_versions(keys, targets))
    for snippet_model in translatable_snippet_models():
        if section is None and model in (None, snippet_model):
            found, found_versions = snippet_versions(snippet_model, source, targets)
            originals += found
            versions.update(found_versions)
    apply_changes(originals, versions, source, targets)
    apply_sources(originals, source)
    work = load_work(source, targets)
    rows = []
    for locale in targets:
        for original in originals:
            version = versions.get((original.key, locale.id))
            item = work.get((original.source_id, locale.id))
            rows.append(Row(original, locale, decide(original, version, item), version, item))
    return rows


@dataclass
class LanguageSummary:
    language: Any
    locale: Locale
    counts: Counter
    total: int

    @property
    def translated(self):
        return sum(self.counts[status] for status in TRANSLATED)

    @property
    def share(self):
        """Percentage of originals with a current translation."""
        return round(100 * self.translated / self.total) if self.total else 100

    @property
    def out_of_date(self):
        return self.counts[Status.OUT_OF_DATE]


def summarise(rows):
    """One LanguageSummary per language that has rows, in the order of the language list."""
    by_locale = defaultdict(Counter)
    locales = {}
    for row in rows:
        by_locale[row.locale.id][row.status] += 1
        locales[row.locale.id] = row.locale
    return [
        LanguageSummary(
            language=get_language_info(locale.language_code),
            locale=locale,
            counts=by_locale[locale_id],
            total=sum(by_locale[locale_id].values()),
        )
        for locale_id, locale in locales.items()
    ]
