"""Who sees the sign-ups sent through form pages (home.FormPage) and their CSV export.

Wagtail shows a form's submissions to everyone who may edit the form page, so a
translator who translates the Turkish sign-up form would read the names and
addresses of everyone who signed up. Here the permission to view form
submissions decides instead (setup_roles gives it to Redaktion and Moderation),
for the form pages of every language: the people who signed up through the
Turkish form are the organisers' concern, not the translator's.
"""

from wagtail import hooks
from wagtail.contrib.forms.utils import get_form_types
from wagtail.models import Page

SIGN_UPS_PERMISSION = "wagtailforms.view_formsubmission"


@hooks.register("filter_form_submissions_for_user")
def sign_ups_for_those_who_need_them(user, editable_forms):
    if not user.has_perm(SIGN_UPS_PERMISSION):
        return editable_forms.none()
    return Page.objects.filter(content_type__in=get_form_types())
