"""The admin's list of event submissions: read-only, contact data for moderators only.

Editors with the "view" permission see every submission with its status and
what was sent; the contact person's data and the image waiting for approval
need the permission "view contact details" (the Moderation group has it).
The submission's page is where a moderator decides: what was sent as a readable
summary (submissions.summary), and approve, reject with a message to the submitter, or
edit the draft event. Approve and reject post to Wagtail's own workflow action, which
checks the user's rights again and publishes with them.
"""

from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from events.panels import CONTACT_PERMISSION

from .forms import EventSubmissionForm
from .models import EventSubmission
from .summary import moment, summary_rows


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Submissions are records: nobody adds, edits or deletes them in the admin."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class SubmissionInspectView(InspectView):
    def get_fields(self):
        fields = super().get_fields()
        if not self.request.user.has_perm(CONTACT_PERMISSION):
            hidden = {*EventSubmission.CONTACT_FIELDS, "image_file"}
            fields = [name for name in fields if name not in hidden]
        return fields

    def get_page_display_value(self):
        page = self.object.page
        if page is None:
            return "-"
        return format_html(
            '<a href="{}">{}</a>', reverse("wagtailadmin_pages:edit", args=[page.pk]), page.title
        )

    def get_data_display_value(self):
        rows = summary_rows(EventSubmissionForm, self.object.data)
        return format_html("<dl>{}</dl>", format_html_join("", "<dt>{}</dt><dd>{}</dd>", rows))

    def get_language_display_value(self):
        return translation.get_language_info(self.object.language)["name_translated"]

    def get_created_at_display_value(self):
        return moment(self.object.created_at)

    def get_decided_at_display_value(self):
        return moment(self.object.decided_at)

    def get_last_date_display_value(self):
        return moment(self.object.last_date)

    def get_anonymised_at_display_value(self):
        return moment(self.object.anonymised_at)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["decision"] = decision(self.object, self.request.user, self.request.path)
        return context

    def get_image_file_display_value(self):
        if not self.object.image_file:
            return "-"
        url = reverse("submissions_image", args=[self.object.pk])
        return format_html(
            '<img src="{}" alt="{}" style="max-width: 30rem">', url, self.object.image_alt
        )


def decision(submission, user, back_url):
    """What the user may do with a waiting submission here: approve, reject, edit."""
    page = submission.page
    if page is None:
        return None
    can_edit = page.permissions_for_user(user).can_edit()
    task_state = page.current_workflow_task_state
    actions = task_state.task.specific.get_actions(page, user) if task_state else []
    names = {name for name, _label, _modal in actions}
    if not can_edit and not names:
        return None

    def action_url(name):
        if name not in names:
            return ""
        url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, name, task_state.pk])
        return f"{url}?next={back_url}"

    return {
        "approve_url": action_url("approve"),
        "reject_url": action_url("reject"),
        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]) if can_edit else "",
        "waiting": submission.status == EventSubmission.Status.SUBMITTED,
    }


class EventSubmissionViewSet(ModelViewSet):
    model = EventSubmission
    icon = "form"
    menu_label = _("Event submissions")
    add_to_admin_menu = True
    menu_order = 260
    inspect_view_enabled = True
    inspect_view_class = SubmissionInspectView
    inspect_view_fields_exclude = ["id"]
    inspect_template_name = "submissions/admin/inspect.html"
    copy_view_enabled = False
    exclude_form_fields = []  # Wagtail needs a form; the permission policy refuses every edit
    list_display = ["reference", "title", "organisation_name", "status", "language", "created_at"]
    list_filter = ["status", "language"]
    search_fields = ["reference", "title", "organisation_name"]
    search_backend_name = None

    @property
    def permission_policy(self):
        return ReadOnlyPermissionPolicy(self.model)


class WaitingSubmissionsSummaryItem(SummaryItem):
    """On the admin's dashboard: how many submissions wait for moderation."""

    order = 250
    template_name = "submissions/admin/summary_submissions.html"

    def is_shown(self):
        return self.request.user.has_perm("submissions.view_eventsubmission")

    def get_context_data(self, parent_context):
        waiting = EventSubmission.objects.filter(status=EventSubmission.Status.SUBMITTED)
        return {"waiting": waiting.count()}
