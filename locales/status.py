"""Translation status of every German page and snippet in every language, in bulk.

wagtail-localize records what was submitted for translation (TranslationSource,
Translation) and the translated strings (StringTranslation), but not whether a
translation is current. This module combines those records with Wagtail's
page fields and the change log (models.ContentChange) into one status per
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

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Exists, F, Max, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from .languages import DEFAULT_LANGUAGE, LANGUAGES, get_language_info
from .models import ContentChange
from .permissions import snippet_url


class Status(models.TextChoices):
    MISSING = "missing", _("missing")
    DRAFT = "draft", _("draft")
    OUT_OF_DATE = "out_of_date", _("out of date")
    MACHINE = "machine", _("machine-translated, not reviewed")
    UP_TO_DATE = "up_to_date", _("up to date")


# Counted as translated in the share per language.
TRANSLATED = {Status.UP_TO_DATE, Status.MACHINE}


@dataclass
class Original:
    """A German page or snippet that visitors read."""

    key: Any  # translation_key
    pk: Any
    title: str
    model: type
    is_page: bool
    changed_at: datetime | None = None  # last change that needs re-translation
    first_published_at: datetime | None = None  # pages only
    last_published_at: datetime | None = None
    section: str = ""
    source_id: int | None = None  # wagtail-localize TranslationSource
    synced_at: datetime | None = None
    segments: int = 0

    @property
    def kind(self):
        return self.model._meta.verbose_name

    @property
    def edit_url(self):
        if self.is_page:
            return reverse("wagtailadmin_pages:edit", args=[self.pk])
        return snippet_url(self.model, "edit", self.pk)

    @property
    def minor_change_url(self):
        meta = self.model._meta
        return reverse("locales_mark_change_minor", args=[meta.app_label, meta.model_name, self.pk])


@dataclass
class Version:
    """The page or snippet with the original's translation key in another language."""

    pk: Any
    alias_of_id: int | None = None
    live: bool = True
    has_unpublished_changes: bool = False
    published_at: datetime | None = None


@dataclass
class Work:
    """wagtail-localize's translation of an original into one language."""

    translation_id: int
    translated: int = 0
    machine: int = 0
    last_edit: datetime | None = None


@dataclass
class Row:
    """The status of one original in one language, with what the report shows."""

    original: Original
    locale: Locale
    status: str
    version: Version | None = None
    work: Work | None = None

    @property
    def language(self):
        return get_language_info(self.locale.language_code)

    @property
    def status_label(self):
        return Status(self.status).label

    @property
    def title(self):
        return self.original.title

    @property
    def kind(self):
        return self.original.kind

    @property
    def section(self):
        return self.original.section

    @property
    def language_code(self):
        return self.locale.language_code

    @property
    def translated_strings(self):
        return self.work.translated if self.work else None

    @property
    def total_strings(self):
        return self.original.segments if self.work else None

    @property
    def machine_strings(self):
        return self.work.machine if self.work else None

    @property
    def original_changed_at(self):
        return self.original.changed_at

    @property
    def published_at(self):
        return self.version.published_at if self.version and not self.version.alias_of_id else None

    @property
    def translate_url(self):
        """Where this original is translated into this language."""
        if self.version is not None:
            if self.original.is_page:
                return reverse("wagtailadmin_pages:edit", args=[self.version.pk])
            return snippet_url(self.original.model, "edit", self.version.pk)
        if self.original.is_page:
            url = reverse("wagtail_localize:submit_page_translation", args=[self.original.pk])
        else:
            meta = self.original.model._meta
            url = reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[meta.app_label, meta.model_name, self.original.pk],
            )
        return f"{url}?select_locale={self.locale.language_code}"


# --------------------------------------------------------------------------- the decision


def decide(original, version, work):
    """The status of one original in one language; see the module docstring."""
    if version is None or version.alias_of_id:
        return Status.MISSING
    if not version.live:
        return Status.DRAFT
    took_over = version.published_at
    if work is not None and original.synced_at is not None:
        took_over = min(filter(None, [took_over, original.synced_at]))
    if original.changed_at and took_over and original.changed_at > took_over:
        return Status.OUT_OF_DATE
    if version.has_unpublished_changes:
        return Status.DRAFT
    if work is not None:
        unpublished_edits = (
            work.last_edit and version.published_at and work.last_edit > version.published_at
        )
        if work.translated < original.segments or unpublished_edits:
            return Status.DRAFT
        if work.machine:
            return Status.MACHINE
    return Status.UP_TO_DATE


# --------------------------------------------------------------------------- loading


def source_locale():
    return Locale.objects.get(language_code=DEFAULT_LANGUAGE)


def target_locales(codes=None):
    """Locales of the configured languages except German, in the order of the language list."""
    wanted = [lang.code for lang in LANGUAGES if lang.code != DEFAULT_LANGUAGE]
    if codes:
        wanted = [code for code in wanted if code in codes]
    by_code = {
        locale.language_code: locale for locale in Locale.objects.filter(language_code__in=wanted)
    }
    return [by_code[code] for code in wanted if code in by_code]


def section_pages(source):
    """The German sections: the pages directly below the German home page."""
    return Page.objects.filter(locale=source, depth=3, alias_of__isnull=True).order_by("path")


def page_originals(source, content_type=None, section=None):
    """Live German pages (apply_changes adds when they last changed)."""
    pages = Page.objects.filter(locale=source, alias_of__isnull=True, depth__gt=1, live=True)
    if content_type is not None:
        pages = pages.filter(content_type=content_type)
    if section is not None:
        pages = pages.filter(path__startswith=section.path)
    sections = {page.path: page.title for page in section_pages(source)}
    steplen = Page.steplen
    originals = []
    for page in pages.order_by("path").values(
        "id",
        "translation_key",
        "title",
        "content_type_id",
        "path",
        "first_published_at",
        "last_published_at",
    ):
        originals.append(
            Original(
                key=page["translation_key"],
                pk=page["id"],
                title=page["title"],
                model=ContentType.objects.get_for_id(page["content_type_id"]).model_class(),
                is_page=True,
                section=sections.get(page["path"][: steplen * 3], ""),
                first_published_at=page["first_published_at"],
                last_published_at=page["last_published_at"],
            )
        )
    return originals, pages.values("translation_key")


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def snippet_versions(model, source, targets):
    """German snippets of one model as originals, and their versions in the target languages."""
    originals, versions = [], {}
    objects = model.objects.filter(locale__in=[source, *targets])
    for obj in objects:
        if obj.locale_id == source.id:
            originals.append(
                Original(
                    key=obj.translation_key, pk=obj.pk, title=str(obj), model=model, is_page=False
                )
            )
        else:
            versions[(obj.translation_key, obj.locale_id)] = Version(pk=obj.pk)
    return originals, versions


def page_versions(keys, targets):
    versions = {}
    for page in Page.objects.filter(translation_key__in=keys, locale__in=targets).values(
        "id",
        "translation_key",
        "locale_id",
        "alias_of_id",
        "live",
        "has_unpublished_changes",
        "last_published_at",
    ):
        versions[(page["translation_key"], page["locale_id"])] = Version(
            pk=page["id"],
            alias_of_id=page["alias_of_id"],
            live=page["live"],
            has_unpublished_changes=page["has_unpublished_changes"],
            published_at=page["last_published_at"],
        )
    return versions


def page_changed_at(last, last_major, first_published_at, last_published_at):
    """When a German page last changed in a way that needs re-translation.

    Pages older than the change log count from their last publication; when
    every recorded change was minor, only the first publication counts.
    """
    if last is None:
        return last_published_at
    return last_major or first_published_at


def apply_changes(originals, versions, source, targets):
    """Fill in change times from the change log (one query)."""
    times = ContentChange.objects.filter(locale__in=[source, *targets]).latest_times()
    for original in originals:
        last, last_major = times.get((original.key, source.id), (None, None))
        if original.is_page:
            original.changed_at = page_changed_at(
                last, last_major, original.first_published_at, original.last_published_at
            )
        else:
            original.changed_at = last_major
    for (key, locale_id), version in versions.items():
        if version.published_at is None:  # snippets: their last save
            version.published_at = times.get((key, locale_id), (None, None))[0]


def apply_sources(originals, source):
    """Attach wagtail-localize's TranslationSource and its number of strings (two queries)."""
    sources = {
        row["object_id"]: row
        for row in TranslationSource.objects.filter(locale=source).values(
            "id", "object_id", "last_updated_at"
        )
    }
    totals = dict(
        StringSegment.objects.filter(source__locale=source)
        .values("source_id")
        .annotate(total=Count("id"))
        .values_list("source_id", "total")
    )
    for original in originals:
        row = sources.get(original.key)
        if row:
            original.source_id = row["id"]
            original.synced_at = row["last_updated_at"]
            original.segments = totals.get(row["id"], 0)


def load_work(source, targets):
    """{(source_id, locale_id): Work} for enabled wagtail-localize translations (two queries)."""
    work = {
        (row["source_id"], row["target_locale_id"]): Work(translation_id=row["id"])
        for row in Translation.objects.filter(
            source__locale=source, target_locale__in=targets, enabled=True
        ).values("id", "source_id", "target_locale_id")
    }
    segment = StringSegment.objects.filter(
        string_id=OuterRef("translation_of_id"),
        context_id=OuterRef("context_id"),
        source__locale=source,
    )
    strings = (
        StringTranslation.objects.filter(locale__in=targets, has_error=False)
        .annotate(source_id=Subquery(segment.values("source_id")[:1]))
        .filter(source_id__isnull=False)
        .values("source_id", "locale_id")
        .annotate(
            translated=Count("id"),
            machine=Count(
                "id", filter=Q(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE)
            ),
            last_edit=Max("updated_at"),
        )
    )
    for row in strings:
        item = work.get((row["source_id"], row["locale_id"]))
        if item is not None:
            item.translated = row["translated"]
            item.machine = row["machine"]
            item.last_edit = row["last_edit"]
    return work


# --------------------------------------------------------------------------- the report


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


# --------------------------------------------------------------------------- one page, for visitors


@dataclass
class VisitorState:
    """What a visitor of a translated page should be told."""

    original: Any = None  # the page translated (German, or the source in another language)
    untranslated: bool = False  # nothing of the published page is translated
    partly_untranslated: bool = False
    original_changed_at: datetime | None = None  # set when the translation is out of date


def last_change(major_only=False):
    """Subquery: the time of a page's last recorded change (or last change not marked minor)."""
    changes = ContentChange.objects.filter(
        translation_key=OuterRef("translation_key"), locale=OuterRef("locale_id")
    )
    if major_only:
        changes = changes.filter(minor=False)
    return Subquery(changes.order_by("-changed_at").values("changed_at")[:1])


def visitor_state(page):
    """The truth about one translated page (not an alias): one query, two for
    pages translated with wagtail-localize.

    The original is the page this one's translation follows (wagtail-localize's
    source, in any language: an event sent through the Arabic form is translated from
    Arabic, into German too); without one, the German page of the same key."""
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
            last_change=last_change(),
            last_major_change=last_change(major_only=True),
            source_id=Subquery(followed_sources.values("id")[:1]),
            synced_at=Subquery(followed_sources.values("last_updated_at")[:1]),
        )
    )
    # A German page has no other German version (one per translation key and locale), so
    # for it only a followed source can be the original.
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
        total, done = published_strings(original.source_id, page)
        state.untranslated = total > 0 and done == 0
        state.partly_untranslated = 0 < done < total
    if changed_at and took_over and changed_at > took_over and not state.untranslated:
        state.original_changed_at = changed_at
    return state


def published_strings(source_id, page):
    """(strings, strings translated when the page was last published) of a translation."""
    translated_then = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale=page.locale_id,
        has_error=False,
    )
    if page.last_published_at:
        translated_then = translated_then.filter(created_at__lte=page.last_published_at)
    counts = StringSegment.objects.filter(source_id=source_id).aggregate(
        total=Count("id"), done=Count("id", filter=Exists(translated_then))
    )
    return counts["total"], counts["done"]
