"""The admin's list of profile proposals; each one's page shows the diff against the live
entry, and approve and reject for users who may moderate proposals (Moderation)."""

from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from events.panels import CONTACT_PERMISSION

from .admin_views import ReadOnlyPermissionPolicy
from .models import ProfileProposal
from .profile_views import MODERATE_PERMISSION, decide_view
from .profiles import diff_rows
from .summary import moment
from .views import proposal_logo_view


class ProposalInspectView(InspectView):
    def get_fields(self):
        hidden = {"data", "logo_file"}
        if not self.request.user.has_perm(CONTACT_PERMISSION):
            hidden |= set(ProfileProposal.CONTACT_FIELDS)
        return [name for name in super().get_fields() if name not in hidden]

    def get_organisation_display_value(self):
        page = self.object.organisation
        if page is None:
            return _("A new organisation applies for an entry")
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        return format_html('<a href="{}">{}</a>', url, page.title)

    def get_created_at_display_value(self):
        return moment(self.object.created_at)

    def get_decided_at_display_value(self):
        return moment(self.object.decided_at)

    def get_anonymised_at_display_value(self):
        return moment(self.object.anonymised_at)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        proposal, user = self.object, self.request.user
        context["diff"] = diff_rows(proposal)
        if proposal.logo_file and user.has_perm(CONTACT_PERMISSION):
            context["logo_url"] = reverse("submissions_proposal_logo", args=[proposal.pk])
        if proposal.status == ProfileProposal.Status.SUBMITTED and user.has_perm(
            MODERATE_PERMISSION
        ):
            context["approve_url"] = reverse(
                "submissions_proposal_decide", args=[proposal.pk, "approve"]
            )
            context["reject_url"] = reverse(
                "submissions_proposal_decide", args=[proposal.pk, "reject"]
            )
        return context


class ProfileProposalViewSet(ModelViewSet):
    model = ProfileProposal
    icon = "group"
    menu_label = _("Profile proposals")
    add_to_admin_menu = True
    menu_order = 261
    inspect_view_enabled = True
    inspect_view_class = ProposalInspectView
    inspect_view_fields_exclude = ["id"]
    inspect_template_name = "submissions/admin/proposal_inspect.html"
    copy_view_enabled = False
    exclude_form_fields = []
    list_display = ["reference", "name", "organisation", "status", "language", "created_at"]
    list_filter = ["status", "language"]
    search_fields = ["reference", "name"]
    search_backend_name = None

    @property
    def permission_policy(self):
        return ReadOnlyPermissionPolicy(self.model)


def admin_urls():
    return [
        path(
            "submissions/proposals/<int:pk>/logo/",
            proposal_logo_view,
            name="submissions_proposal_logo",
        ),
        path(
            "submissions/proposals/<int:pk>/<str:action>/",
            decide_view,
            name="submissions_proposal_decide",
        ),
    ]
