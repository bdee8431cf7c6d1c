"""What a visitor of a translated page is told: untranslated, partly, or out of date."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from ..changes import last_page_change
from ..languages import DEFAULT_LANGUAGE
from .loading import page_changed_at


@dataclass
class VisitorState:
    """What a visitor of a translated page should be told."""

    original: Any = None  # the page translated (German, or the source in another language)
    untranslated: bool = False  # nothing of the published page is translated
    partly_untranslated: bool = False
    original_changed_at: datetime | None = None  # set when the translation is out of date


def visitor_state(page):
    """The truth about one translated page (not an alias), in one query.

    The original is the page this one's translation follows (wagtail-localize's
    source, in any language: an event sent through the Arabic form is translated from
    Arabic, into German too); without one, the German page of the same key. With a
    source come its strings and those translated when this page was last published."""
    state = VisitorState()
    followed_sources = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"),
        locale=OuterRef("locale_id"),
        translations__target_locale=page.locale_id,
        translations__enabled=True,
    )
    candidates = (
        Page.objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
        .exclude(pk=page.pk)
        .select_related("locale")
        .annotate(
            last_change=last_page_change(),
            last_major_change=last_page_change(major_only=True),
            source_id=Subquery(followed_sources.values("id")[:1]),
            synced_at=Subquery(followed_sources.values("last_updated_at")[:1]),
        )
        .annotate(**published_strings(page))
    )
    # A German page is never its own fallback: the page itself is excluded above.
    followed = Q(source_id__isnull=False) | Q(locale__language_code=DEFAULT_LANGUAGE)
    original = candidates.filter(followed).order_by(F("source_id").asc(nulls_last=True)).first()
    if original is None:
        return state
    state.original = original
    changed_at = page_changed_at(
        original.last_change,
        original.last_major_change,
        original.first_published_at,
        original.last_published_at,
    )
    took_over = page.last_published_at
    if original.source_id is not None:
        took_over = min(filter(None, [took_over, original.synced_at]))
        total, done = original.strings_total or 0, original.strings_done or 0
        state.untranslated = total > 0 and done == 0
        state.partly_untranslated = 0 < done < total
    if changed_at and took_over and changed_at > took_over and not state.untranslated:
        state.original_changed_at = changed_at
    return state


def published_strings(page):
    """Annotations of a candidate original: the strings of its source (source_id), and how
    many of them were translated into page's language when page was last published."""
    translated_then = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale=page.locale_id,
        has_error=False,
    )
    if page.last_published_at:
        translated_then = translated_then.filter(created_at__lte=page.last_published_at)
    segments = StringSegment.objects.filter(source_id=OuterRef("source_id")).order_by()
    segments = segments.values("source_id")  # one group: the source's strings
    return {
        "strings_total": Subquery(segments.annotate(n=Count("id")).values("n")[:1]),
        "strings_done": Subquery(
            segments.annotate(n=Count("id", filter=Exists(translated_then))).values("n")[:1]
        ),
    }
