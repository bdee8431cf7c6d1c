from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import FeedbackEntriesView, FeedbackSummaryView


@hooks.register("register_admin_urls")
def register_feedback_urls():
    return [
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
