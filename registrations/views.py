"""The public side: registering on the event page, and cancelling through the e-mailed link.

The form is shown on the event page (templatetags.registration_tags) and posted
here; a form with mistakes is shown again on the event page, with the error summary
and everything typed kept. Protected like every public form (home.form_protection):
CSRF, honeypot, fill time, rate limit per client address.
"""

import logging

from django.db import DatabaseError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from events.models import EventDate, EventPage
from home.form_protection import refusal

from . import services
from .forms import RegistrationForm
from .models import Registration

logger = logging.getLogger(__name__)
RATE_LIMIT_SCOPE = "event-registration"


def event_page_again(request, page, form, status, refused=None):
    """The event page with the posted form: its mistakes, or why it was refused."""
    context = page.get_context(request)
    context.update(registration_form=form, refusal=refused)
    return TemplateResponse(request, page.get_template(request), context, status=status)


@require_http_methods(["GET", "POST"])
def register(request, page_id):
    page = get_object_or_404(EventPage.objects.live().public(), pk=page_id)
    if not page.registration_enabled:
        raise Http404
    if request.method != "POST":
        return redirect(page.url + "#registration")
    event = services.source_event(page)
    form = RegistrationForm(event, services.slots(event), request.POST)
    if refused := refusal(request, form, RATE_LIMIT_SCOPE):
        status, message = refused
        return event_page_again(request, page, form, status, message)
    if form.is_spam:  # the honeypot was filled in: the usual answer, nothing stored
        fake = Registration(status=Registration.Status.CONFIRMED, email=form.cleaned_data["email"])
        return registered(request, page, fake)
    try:
        registration = services.register(page, form.cleaned_data, get_language())
    except services.RegistrationRefused as refused:
        form.add_error("date", str(refused.args[0]))
        return event_page_again(request, page, form, 409)
    except DatabaseError:
        logger.exception("Registration could not be stored")
        return render(request, "submission_failed.html", status=503)
    return registered(request, page, registration)


def registered(request, page, registration):
    start, end = registration.start, registration.end
    context = {
        "event": page,
        "occurrence": EventDate(page=page, start=start, end=end) if start else None,
        "registration": registration,
        "position": services.waiting_position(registration) if registration.pk else None,
    }
    return render(request, "registrations/registered.html", context)


@require_http_methods(["GET", "POST"])
def cancel(request, token):
    registration = services.from_token(token)
    if registration is None:
        return render(request, "registrations/cancel.html", {"invalid": True}, status=404)
    event = registration.event.localized
    context = {
        "registration": registration,
        "event": event,
        "occurrence": EventDate(page=event, start=registration.start, end=registration.end),
    }
    if request.method == "POST":  # a GET never cancels: mail scanners open links
        services.cancel(registration.pk)
        context["cancelled"] = True
    return render(request, "registrations/cancel.html", context)
