"""The status rule: what one original and one version in a language add up to
(see locales.status for the statuses)."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from ..languages import get_language_info
from ..permissions import snippet_url


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
