"""The registration form on the event page: {% registration_section page %}."""

from django import template
from django.urls import reverse

from registrations.forms import RegistrationForm
from registrations.services import slots, source_event

register = template.Library()


@register.inclusion_tag("registrations/section.html", takes_context=True)
def registration_section(context, page):
    if not getattr(page, "registration_enabled", False):
        return {"show": False}
    form = context.get("registration_form")
    if form is None:
        event = source_event(page)
        form = RegistrationForm(event, slots(event))
    return {
        "show": True,
        "form": form,
        "refusal": context.get("refusal"),
        "action": reverse("registration_register", args=[page.pk]),
        "csrf_token": context.get("csrf_token"),
        "request": context.get("request"),
        "settings": context.get("settings"),
        "fields": [form[name] for name in form.PUBLIC_FIELDS if not form[name].is_hidden],
    }
