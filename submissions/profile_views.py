"""The public form for profile proposals (/<language>/organisations/propose/), and the
admin's decision on one (approve or reject, for users who may moderate proposals)."""

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home.form_protection import refusal
from home.models import SOURCE_LANGUAGE
from organisations.models import OrganisationPage

from .access import contact_initial
from .models import ProfileProposal
from .profile_forms import ProfileProposalForm
from .profiles import approve, form_initial, reject, submit

logger = logging.getLogger(__name__)
RATE_LIMIT_SCOPE = "profile-proposal"
MODERATE_PERMISSION = "submissions.moderate_profileproposal"
FORM_TEMPLATE = "submissions/profile_proposal_form.html"


def chosen_organisation(request):
    """?organisation=<slug> of the German entry (the same slug in every language)."""
    slug = request.GET.get("organisation", "")[:255]
    if not slug:
        return None
    return OrganisationPage.objects.live().filter(slug=slug, **SOURCE_LANGUAGE).first()


def proposal_form(request):
    if request.method != "POST":
        organisation = chosen_organisation(request)
        initial = {
            **contact_initial(request),
            **(form_initial(organisation) if organisation else {}),
        }
        form = ProfileProposalForm(initial=initial)
        return render(request, FORM_TEMPLATE, {"form": form, "organisation": organisation})

    form = ProfileProposalForm(request.POST, request.FILES)
    context = {"form": form, "image_lost": bool(request.FILES.get("logo"))}
    if refused := refusal(request, form, RATE_LIMIT_SCOPE):
        status, context["refusal"] = refused
        return render(request, FORM_TEMPLATE, context, status=status)
    if form.is_spam:
        context["proposal"] = ProfileProposal(name=form.cleaned_data["name"])
    else:
        try:
            context["proposal"] = submit(form)
        except DatabaseError:
            logger.exception("Profile proposal could not be stored")
            return render(request, "submission_failed.html", status=503)
    return render(request, "submissions/profile_proposal_landing.html", context)


@require_POST
def decide_view(request, pk, action):
    """Approve or reject (with a message to the submitter) from the proposal's admin page."""
    if not request.user.has_perm(MODERATE_PERMISSION):
        raise PermissionDenied
    if action not in ("approve", "reject"):
        raise Http404
    proposal = get_object_or_404(ProfileProposal, pk=pk)
    back = reverse("profile_proposals:inspect", args=[proposal.pk])
    if proposal.status != ProfileProposal.Status.SUBMITTED:
        messages.error(request, _("This proposal has already been decided."))
        return redirect(back)
    if action == "approve":
        page = approve(proposal, request.user)
        messages.success(request, _("“%(title)s” has been published.") % {"title": page.title})
    else:
        reject(proposal, request.POST.get("comment", "").strip()[:2000])
        messages.success(request, _("The proposal has been rejected."))
    return redirect(back)
