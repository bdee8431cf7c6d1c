"""An editor panel on events that came through the public form: who sent it, and when."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

# The submissions app (above this one) defines the permission and the reverse relation.
CONTACT_PERMISSION = "submissions.view_contact_details"


class SubmissionPanel(Panel):
    """Shows the submissions behind an event (reference, status, contact for moderators)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Sent through the public form"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "events/admin/submission_panel.html"

        def is_shown(self):
            return bool(self.instance.pk) and self.instance.submissions.exists()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["submissions"] = self.instance.submissions.all()
            context["show_contact"] = self.request.user.has_perm(CONTACT_PERMISSION)
            return context
