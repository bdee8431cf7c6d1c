"""Page feedback for editors: per page and language, then the answers of one of them."""

import django_filters
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from locales.languages import LANGUAGES

from .models import PageFeedback

LANGUAGE_CHOICES = [(language.code, language.native_name) for language in LANGUAGES]


class FeedbackFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(label=_("language"), choices=LANGUAGE_CHOICES)
    date_from = django_filters.DateFilter(label=_("from"), field_name="date", lookup_expr="gte")

    class Meta:
        model = PageFeedback
        fields = ["language"]


class EntryFilterSet(FeedbackFilterSet):
    page = django_filters.NumberFilter(label=_("page"), field_name="page_id")
    helpful = django_filters.BooleanFilter(label=_("helpful"))

    class Meta:
        model = PageFeedback
        fields = ["page", "language", "helpful"]


class FeedbackPermissionMixin:
    permission_policy = ModelPermissionPolicy(PageFeedback)
    any_permission_required = ["view"]


class FeedbackSummaryView(FeedbackPermissionMixin, ReportView):
    """One row per page and language: how many found it helpful, how many not, comments."""

    page_title = _("Page feedback")
    header_icon = "help"
    index_url_name = "readers_feedback"
    index_results_url_name = "readers_feedback_results"
    filterset_class = FeedbackFilterSet
    list_export = ["page_title", "language", "yes", "no", "comments"]
    columns = [
        TitleColumn("page_title", label=_("page"), get_url=lambda row: row["entries_url"]),
        Column("language", label=_("language")),
        Column("yes", label=_("helpful")),
        Column("no", label=_("not helpful")),
        Column("comments", label=_("comments")),
    ]

    def get_queryset(self):
        return (
            PageFeedback.objects.values("page_id", "page__title", "language")
            .annotate(
                yes=Count("pk", filter=Q(helpful=True)),
                no=Count("pk", filter=Q(helpful=False)),
                comments=Count("pk", filter=~Q(comment="")),
            )
            .order_by("-no", "page__title", "language")
        )

    def decorate_paginated_queryset(self, rows):
        for row in rows:
            row["page_title"] = row["page__title"]
            query = urlencode({"page": row["page_id"], "language": row["language"]})
            row["entries_url"] = f"{reverse('readers_feedback_entries')}?{query}"
        return rows


class FeedbackEntriesView(FeedbackPermissionMixin, ReportView):
    """The answers themselves, with their comments."""

    page_title = _("Page feedback: answers")
    header_icon = "help"
    index_url_name = "readers_feedback_entries"
    index_results_url_name = "readers_feedback_entries_results"
    filterset_class = EntryFilterSet
    list_export = ["page", "language", "date", "helpful", "comment"]
    columns = [
        Column("page", label=_("page")),
        Column("language", label=_("language")),
        DateColumn("date", label=_("date")),
        BooleanColumn("helpful", label=_("helpful")),
        Column("comment", label=_("comment")),
    ]

    def get_queryset(self):
        return PageFeedback.objects.select_related("page")
