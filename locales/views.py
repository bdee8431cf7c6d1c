"""Admin views of the translation workflow: the status report and three small actions.

The report lists every German page and snippet in every language with its
status (locales.status) and links each row to the place where it is
translated. The actions serve translators and editors where wagtail-localize
has nothing: refresh a translation from a changed original without publishing
anything, confirm machine translations, and mark a change of an original as
minor so that it does not make translations out of date.
"""

import django_filters
from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page, TranslatableMixin, get_page_models
from wagtail_localize.models import StringTranslation, Translation

from .changes import latest_change, mark_minor
from .languages import DEFAULT_LANGUAGE, LANGUAGES
from .permissions import can_edit, edit_url, editable_locale_ids
from .status import (
    Status,
    section_pages,
    source_locale,
    status_rows,
    summarise,
    translatable_snippet_models,
)

# --------------------------------------------------------------------------- the report


def language_choices():
    return [(lang.code, lang.native_name) for lang in LANGUAGES if lang.code != DEFAULT_LANGUAGE]


def type_choices():
    """Page types and translatable snippet types, labelled with their names.

    capfirst, not str.capitalize: "gesprochene Sprache" must not become "Gesprochene sprache".
    """
    models = [m for m in get_page_models() if m is not Page] + translatable_snippet_models()
    choices = [(m._meta.label_lower, capfirst(m._meta.verbose_name)) for m in models]
    return sorted(choices, key=lambda choice: choice[1].casefold())


def section_choices():
    return [(str(page.pk), page.title) for page in section_pages(source_locale())]


class StatusFilterSet(WagtailFilterSet):
    """Filters for the report; they select what status_rows computes, not a queryset."""

    language = django_filters.ChoiceFilter(label=gettext_lazy("Language"), choices=language_choices)
    status = django_filters.ChoiceFilter(label=gettext_lazy("Status"), choices=Status.choices)
    type = django_filters.ChoiceFilter(label=gettext_lazy("Type"), choices=type_choices)
    section = django_filters.ChoiceFilter(label=gettext_lazy("Section"), choices=section_choices)

    class Meta:
        model = Locale  # not translatable, so Wagtail adds no locale filter of its own
        fields = []


class TranslationStatusReportView(ReportView):
    """Reports → Translation status: every original in every language, with the share
    translated per language. The CSV/XLSX export uses stable codes (language "tr",
    status "out_of_date") and English headings, for spreadsheets and scripts."""

    page_title = gettext_lazy("Translation status")
    header_icon = "wagtail-localize-language"
    results_template_name = "locales/admin/status_report_results.html"
    index_url_name = "locales_translation_status"
    index_results_url_name = "locales_translation_status_results"
    filterset_class = StatusFilterSet
    paginate_by = 100
    export_filename = "translation-status"
    list_export = [
        "title",
        "kind",
        "section",
        "language_code",
        "status",
        "translated_strings",
        "total_strings",
        "machine_strings",
        "original_changed_at",
        "published_at",
        "original_link",
        "translate_link",
    ]
    export_headings = {
        "title": "title",
        "kind": "type",
        "section": "section",
        "language_code": "language",
        "status": "status",
        "translated_strings": "translated strings",
        "total_strings": "strings",
        "machine_strings": "machine-translated strings",
        "original_changed_at": "original changed",
        "published_at": "translation published",
        "original_link": "original",
        "translate_link": "translate",
    }

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "queryset": Locale.objects.none()}

    @cached_property
    def filter_values(self):
        return self.filters.form.cleaned_data if self.filters.is_valid() else {}

    @cached_property
    def all_rows(self):
        """Rows for the chosen language, type and section, whatever their status."""
        values = self.filter_values
        section = None
        if values.get("section"):
            section = section_pages(source_locale()).filter(pk=values["section"]).first()
        return status_rows(
            codes=[values["language"]] if values.get("language") else None,
            model=apps.get_model(values["type"]) if values.get("type") else None,
            section=section,
        )

    def get_queryset(self):
        status = self.filter_values.get("status")
        return [row for row in self.all_rows if not status or row.status == status]

    def filter_queryset(self, rows):
        return rows  # status_rows has applied the filters

    def decorate_paginated_queryset(self, rows):
        """Actions the user may take, judged by language (no query per row)."""
        allowed = editable_locale_ids(self.request.user)
        edits_originals = source_locale().id in allowed
        for row in rows:
            row.may_translate = row.locale.id in allowed
            row.may_mark_minor = edits_originals and row.status == Status.OUT_OF_DATE
            row.original_link = self.request.build_absolute_uri(row.original.edit_url)
            row.translate_link = self.request.build_absolute_uri(row.translate_url)
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summaries"] = summarise(self.all_rows)
        return context


# --------------------------------------------------------------------------- actions


def target_of(translation):
    try:
        return translation.get_target_instance()
    except ObjectDoesNotExist as error:
        raise Http404 from error


@require_POST
def update_from_original(request, translation_id):
    """Take over the original's current text into a translation; publishes nothing.

    Unlike wagtail-localize's "Sync translated pages" (which may publish every
    language), a translator may do this for their own language.
    """
    translation = get_object_or_404(Translation, id=translation_id, enabled=True)
    target = target_of(translation)
    if not can_edit(request.user, target):
        raise PermissionDenied
    try:
        translation.source.update_from_db()
    except ObjectDoesNotExist as error:  # the original has been deleted
        raise Http404 from error
    messages.success(request, _("The translation now has the current text of the original."))
    return redirect(edit_url(target))


@require_POST
def confirm_machine_translations(request, translation_id):
    """A person has read the machine translations of this translation and accepts them."""
    translation = get_object_or_404(Translation, id=translation_id, enabled=True)
    target = target_of(translation)
    if not can_edit(request.user, target):
        raise PermissionDenied
    StringTranslation.objects.filter(
        context__object_id=translation.source.object_id,
        locale_id=translation.target_locale_id,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    ).update(
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        last_translated_by=request.user,
    )
    messages.success(request, _("The machine translations are marked as reviewed."))
    return redirect(
        get_valid_next_url_from_request(request) or reverse("locales_translation_status")
    )


def original_of(app_label, model_name, pk):
    """A German page or snippet from the URL."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    if not issubclass(model, TranslatableMixin):
        raise Http404
    if issubclass(model, Page):
        model = Page
    obj = get_object_or_404(model, pk=pk)
    if obj.locale.language_code != DEFAULT_LANGUAGE:
        raise Http404
    return obj.specific if isinstance(obj, Page) else obj


def mark_change_minor(request, app_label, model_name, pk):
    """Confirm, then record that the last change of an original needs no re-translation."""
    original = original_of(app_label, model_name, pk)
    if not can_edit(request.user, original):
        raise PermissionDenied
    if request.method == "POST":
        with transaction.atomic():
            mark_minor(original, request.user)
        messages.success(
            request, _("The change is marked as minor; the translations stay up to date.")
        )
        return redirect(
            get_valid_next_url_from_request(request) or reverse("locales_translation_status")
        )
    latest = latest_change(original)
    return TemplateResponse(
        request,
        "locales/admin/mark_change_minor.html",
        {"original": original, "change": latest, "next": get_valid_next_url_from_request(request)},
    )
