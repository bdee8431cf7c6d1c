"""The feedback form on content pages and the address it is sent to.

Cache-safe: the form in the page is the same for every reader (no CSRF token, no
cookie), so the whole-page cache keeps storing the page. The POST endpoint is
therefore exempt from Django's CSRF check and protected otherwise:

- the honeypot, the signed fill-time stamp (at least FORM_MIN_FILL_SECONDS, at most
  FORM_MAX_AGE_SECONDS old) and the per-address rate limits of every public form
  (home.form_protection);
- a post whose Origin header names another site is refused (browsers send it with
  every cross-site form post);
- only live, public pages of the types in PAGE_FEEDBACK_PAGE_TYPES take answers.

A forged post could at worst add an anonymous answer, which is what anyone can do
anyway; nobody's session or rights are involved, which is what CSRF protects.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from home.form_protection import refusal

from .forms import FeedbackForm
from .models import PageFeedback

THANKS_PARAM = "feedback"


def takes_feedback(page):
    """True for live, public pages of the types in PAGE_FEEDBACK_PAGE_TYPES."""
    if page is None or not page.live:
        return False
    model = page.specific_class
    name = f"{model._meta.app_label}.{model.__name__}" if model else ""
    return name in settings.PAGE_FEEDBACK_PAGE_TYPES


def _foreign_origin(request):
    origin = request.headers.get("Origin")
    return bool(origin) and urlsplit(origin).netloc != request.get_host()


def _failed(request, page, status, message):
    context = {"message": message, "page": page}
    return TemplateResponse(request, "readers/feedback_failed.html", context, status=status)


@csrf_exempt
@require_POST
def send_feedback(request):
    form = FeedbackForm(request.POST)
    page_id = request.POST.get("page", "")
    page = Page.objects.filter(pk=page_id).first() if page_id.isdigit() else None
    if _foreign_origin(request) or not takes_feedback(page) or page.get_view_restrictions():
        return _failed(request, None, 400, _("This page does not take feedback."))
    refused = refusal(request, form, "page-feedback")
    if refused is not None:
        status, message = refused
        errors = form.non_field_errors() or form.errors.get("helpful")
        message = message or (errors[0] if errors else _("Please choose yes or no."))
        return _failed(request, page, status, message)
    if not form.is_spam:
        PageFeedback.objects.create(
            page=page,
            language=page.locale.language_code,
            helpful=form.cleaned_data["helpful"],
            comment=form.cleaned_data["comment"].strip(),
        )
    return HttpResponseRedirect(f"{page.url}?{THANKS_PARAM}=thanks#page-feedback")
