"""Leichte Sprache (BITV 2.0 § 4): finding the pages editors wrote in it."""

import re

from django.utils.safestring import SafeData, mark_safe
from wagtail.models import Page

from locales.languages import EASY_LANGUAGE


def easy_language_versions(pages):
    """The live Leichte Sprache versions (not aliases) of pages, in their order; one query."""
    keys = [page.translation_key for page in pages if page is not None]
    if not keys:
        return []
    found = {
        page.translation_key: page
        for page in Page.objects.live()
        .public()
        .filter(
            translation_key__in=keys, locale__language_code=EASY_LANGUAGE, alias_of__isnull=True
        )
    }
    return [found[key] for key in dict.fromkeys(keys) if key in found]


# The end of a statement: . ! ? or : followed by a space and a capital letter. Texts in
# Leichte Sprache use no abbreviations ("z. B."), so a full stop ends a sentence.
STATEMENT_END = re.compile(r"(?<=[.!?:])\s+(?=[A-ZÄÖÜ0-9„\"])")
PARAGRAPH = re.compile(r"(<p\b[^>]*>)(.*?)(</p>)", re.S)


def one_statement_per_line(html):
    """Rendered rich text with every statement of a paragraph on a line of its own (<br>)."""
    if hasattr(html, "__html__") and not isinstance(html, SafeData):
        html = mark_safe(html.__html__())  # noqa: S308 (a RichText value renders itself)
    if not isinstance(html, SafeData):
        return html
    # Safe HTML in, the same HTML with <br> between statements out.
    return mark_safe(  # noqa: S308
        PARAGRAPH.sub(
            lambda m: m.group(1) + STATEMENT_END.sub("<br>", m.group(2)) + m.group(3), html
        )
    )
