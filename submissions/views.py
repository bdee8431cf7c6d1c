"""The public event form (through Wagtail's ``before_serve_page`` hook) and the waiting image.

The page model renders the empty form by itself; sending it is handled here, so that
the models need not import the services that create pages and records.
"""

import logging
import mimetypes

from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render

from events.panels import CONTACT_PERMISSION
from home.form_protection import refusal

from .access import contact_initial
from .forms import EventSubmissionForm
from .models import EventSubmission, ProfileProposal
from .services import submit

logger = logging.getLogger(__name__)
RATE_LIMIT_SCOPE = "event-submission"
FORM_TEMPLATE = "submissions/event_submission_page.html"
LANDING_TEMPLATE = "submissions/event_submission_landing.html"


def serve_submission_form(page, request):
    if request.method != "POST":
        form = EventSubmissionForm(initial=contact_initial(request))
        return render(request, FORM_TEMPLATE, page.get_context(request, form=form))

    form = EventSubmissionForm(request.POST, request.FILES)
    context = page.get_context(request, form=form)
    context["image_lost"] = bool(request.FILES.get("image"))
    if refused := refusal(request, form, RATE_LIMIT_SCOPE):
        status, context["refusal"] = refused
        return render(request, FORM_TEMPLATE, context, status=status)
    if form.is_spam:
        # A bot filled in the honeypot: it sees the usual answer, nothing is stored.
        context["submission"] = EventSubmission(title=form.cleaned_data["title"])
        return render(request, LANDING_TEMPLATE, context)
    try:
        submission = submit(form, page)
    except DatabaseError:
        logger.exception("Event submission could not be stored")
        return render(request, "submission_failed.html", status=503)
    context["submission"] = submission
    return render(request, LANDING_TEMPLATE, context)


def private_file_response(user, field_file):
    """A file waiting in private storage, for users who see contact details only."""
    if not user.has_perm(CONTACT_PERMISSION):
        raise PermissionDenied
    if not field_file:
        raise Http404
    content_type = mimetypes.guess_type(field_file.name)[0] or "application/octet-stream"
    return FileResponse(field_file.open("rb"), content_type=content_type)


def submission_image_view(request, pk):
    """The image of an event submission, for moderators only."""
    if not request.user.has_perm(CONTACT_PERMISSION):
        raise PermissionDenied
    submission = get_object_or_404(EventSubmission, pk=pk)
    return private_file_response(request.user, submission.image_file)


def proposal_logo_view(request, pk):
    """The logo of a profile proposal, for moderators only."""
    if not request.user.has_perm(CONTACT_PERMISSION):
        raise PermissionDenied
    proposal = get_object_or_404(ProfileProposal, pk=pk)
    return private_file_response(request.user, proposal.logo_file)
