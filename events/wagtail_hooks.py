from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import import_calendar_view, import_targets
from .submission_admin import (
    EventSubmissionViewSet,
    WaitingSubmissionsSummaryItem,
    submission_image_view,
)


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("events/import/", import_calendar_view, name="events_import_calendar")]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(import_targets(request.user))


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import calendar"),
        reverse("events_import_calendar"),
        icon_name="calendar-alt",
        order=250,
    )


@hooks.register("register_admin_viewset")
def register_submission_viewset():
    return EventSubmissionViewSet("event_submissions")


@hooks.register("register_admin_urls")
def register_submission_image_url():
    return [
        path(
            "events/submissions/<int:pk>/image/",
            submission_image_view,
            name="events_submission_image",
        )
    ]


@hooks.register("construct_homepage_summary_items")
def add_waiting_submissions(request, summary_items):
    summary_items.append(WaitingSubmissionsSummaryItem(request))
