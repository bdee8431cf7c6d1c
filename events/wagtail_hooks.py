from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import import_calendar_view, import_targets


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
