from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import FeedbackEntriesView, FeedbackSummaryView
from .reading_report import reading_report


@hooks.register("before_serve_page")
def mark_page_view(page, request, serve_args, serve_kwargs):
    """The page being served, for readers.page_views.PageViewMiddleware to count."""
    if not getattr(request, "is_preview", False):
        request.viewed_page_id = page.pk


@hooks.register("register_admin_urls")
def register_feedback_urls():
    return [
        path("reports/reading/", reading_report, name="readers_reading"),
        path("reports/feedback/", FeedbackSummaryView.as_view(), name="readers_feedback"),
        path(
            "reports/feedback/results/",
            FeedbackSummaryView.as_view(results_only=True),
            name="readers_feedback_results",
        ),
        path(
            "reports/feedback/answers/",
            FeedbackEntriesView.as_view(),
            name="readers_feedback_entries",
        ),
        path(
            "reports/feedback/answers/results/",
            FeedbackEntriesView.as_view(results_only=True),
            name="readers_feedback_entries_results",
        ),
    ]


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("readers.view_pagefeedback")


@hooks.register("register_reports_menu_item")
def register_feedback_menu_item():
    return FeedbackMenuItem(
        _("Page feedback"), reverse("readers_feedback"), icon_name="help", order=9200
    )


class ReadingMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("readers.view_pageviewday")


@hooks.register("register_reports_menu_item")
def register_reading_menu_item():
    return ReadingMenuItem(
        _("Reading and translation"), reverse("readers_reading"), icon_name="view", order=9150
    )
