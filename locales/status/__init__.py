"""Translation status of every German page and snippet in every language, in bulk.

wagtail-localize records what was submitted for translation (TranslationSource,
Translation) and the translated strings (StringTranslation), but not whether a
translation is current. This module combines those records with Wagtail's
page fields and its audit log (locales.changes) into one status per
original and language:

missing
    no translation: the language shows an alias of the German page, or nothing.
draft
    a translation has been started but what visitors see is not it yet: never
    published, unpublished changes or string edits, or strings untranslated.
out of date
    the German original changed (a change not marked minor) after the
    translation took over its text. A translation took over the text when it
    was last synchronised with the original (TranslationSource.last_updated_at)
    and published, whichever came first.
machine
    published and current, but some strings are machine translations nobody
    has edited or confirmed yet.
up to date
    published, current, complete and reviewed.

Everything is computed with a fixed number of queries: one per kind of data
(plus one per snippet model), never one per page, snippet or language.
"""

from .loading import section_pages, source_locale, target_locales, translatable_snippet_models
from .report import LanguageSummary, status_rows, summarise
from .rule import TRANSLATED, Original, Row, Status, Version, Work, decide
from .visitor import VisitorState, visitor_state

__all__ = [
    "TRANSLATED",
    "LanguageSummary",
    "Original",
    "Row",
    "Status",
    "Version",
    "VisitorState",
    "Work",
    "decide",
    "section_pages",
    "source_locale",
    "status_rows",
    "summarise",
    "target_locales",
    "translatable_snippet_models",
    "visitor_state",
]
