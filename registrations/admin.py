"""The organisers' view: registrations per event in the admin, and their CSV.

Registrations are personal data. Only users with the permission "view
registration" (setup_roles gives it to Redaktion and Moderation through
EDITOR_PERMISSIONS and MODERATOR_PERMISSIONS) see the list, filter it by event and
status, and download it (the index view's CSV/XLSX export, with the same filters).
Translators do not: they translate the event, not the list of who comes. Nobody
edits rows here; people cancel through their link (registrations.services).
"""

import datetime as dt

import django_filters
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.permission_policies import ModelPermissionPolicy

from events.models import EventPage

from .models import Registration

VIEW_PERMISSION = "registrations.view_registration"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Rows are written only by registering and cancelling."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


def events_with_registrations(request):
    return EventPage.objects.filter(
        pk__in=Registration.objects.values("event_id").distinct()
    ).order_by("title")


class RegistrationFilterSet(WagtailFilterSet):
    event = django_filters.ModelChoiceFilter(label=_("event"), queryset=events_with_registrations)

    class Meta:
        model = Registration
        fields = ["event", "status"]


class RegistrationIndexView(IndexView):
    def preprocess_field_value(self, field, value, export_format):
        """Local times, and no text a spreadsheet would run as a formula."""
        if isinstance(value, dt.datetime):
            return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
        value = super().preprocess_field_value(field, value, export_format)
        if isinstance(value, str) and value.startswith(FORMULA_START):
            return "'" + value
        return value


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Registrations")
    add_to_admin_menu = True
    menu_order = 265
    index_view_class = RegistrationIndexView
    inspect_view_enabled = True
    inspect_view_fields_exclude = ["id"]
    copy_view_enabled = False
    exclude_form_fields = []  # Wagtail needs a form; the permission policy refuses every edit
    filterset_class = RegistrationFilterSet
    list_display = ["name", "email", "people", "status", "start", "event", "organisation"]
    list_export = [
        "event",
        "start",
        "status",
        "name",
        "email",
        "organisation",
        "people",
        "needs",
        "spoken_language",
        "created_at",
    ]
    export_filename = "registrations"
    search_fields = ["name", "email", "organisation"]
    search_backend_name = None

    @property
    def permission_policy(self):
        return ViewOnlyPermissionPolicy(self.model)


def registrations_button(page, user):
    """On an event with registration: a button to its list, for those who may see it."""
    if not isinstance(page.specific_deferred, EventPage) or not user.has_perm(VIEW_PERMISSION):
        return None
    if not page.specific_deferred.registration_enabled:
        return None
    from .services import source_event

    url = reverse("registrations:index") + f"?event={source_event(page).pk}"
    return Button(_("Registrations"), url, icon_name="group", priority=90)
