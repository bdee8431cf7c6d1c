"""The public registration form: the date, who comes, and the consent to store it."""

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from events.models import EventDate
from home import form_fields
from home.form_protection import ProtectedFormMixin

from .services import bookable


def slot_label(event, slot):
    """The date as the event page writes it, and its places in the visitor's language."""
    when = render_to_string(
        "events/includes/when.html",
        {"occurrence": EventDate(page=event, start=slot.start, end=slot.end)},
    )
    if slot.places_left is None:
        return when
    if slot.places_left == 0:
        state = _("fully booked: waiting list")
    else:
        state = ngettext("%(count)s place left", "%(count)s places left", slot.places_left) % {
            "count": slot.places_left
        }
    return format_html('{} <span class="places">({})</span>', when, state)


class RegistrationForm(ProtectedFormMixin, forms.Form):
    date = forms.ChoiceField(label=_("Date"), widget=forms.RadioSelect)
    name = forms.CharField(
        label=_("Name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=form_fields.EMAIL_MAX_LENGTH,
        help_text=_("We send the confirmation and a link to cancel to this address."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = forms.CharField(
        label=_("Organisation or initiative (optional)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    people = form_fields.IntegerField(
        label=_("Number of people"), min_value=1, initial=1, widget=forms.NumberInput
    )
    needs = forms.CharField(
        label=_("Accessibility and other needs (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example step-free access, sign language, interpreting, childcare."),
    )
    spoken_language = forms.CharField(
        label=_("Language you would like to speak at the event (optional)"),
        max_length=100,
        required=False,
    )
    consent = forms.BooleanField(
        error_messages={"required": _("Please agree to the storing of your details to register.")},
    )

    # Shown in this order; the honeypot and the time stamp come with form_trap.html.
    PUBLIC_FIELDS = [
        "date",
        "name",
        "email",
        "organisation",
        "people",
        "needs",
        "spoken_language",
        "consent",
    ]

    def __init__(self, event, slots, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(s.key, slot_label(event, s)) for s in slots if bookable(event, s)]
        self.fields["date"].choices = choices
        if len(choices) == 1:
            self.fields["date"].initial = choices[0][0]
        if days := event.registration_closes_days:
            self.fields["date"].help_text = ngettext(
                "Registration closes %(days)s day before each date.",
                "Registration closes %(days)s days before each date.",
                days,
            ) % {"days": days}
        people = self.fields["people"]
        if (event.registration_max_people or 1) > 1:
            people.max_value = event.registration_max_people
            people.validators.append(MaxValueValidator(event.registration_max_people))
            people.widget.attrs["max"] = event.registration_max_people
            people.help_text = _("You included, at most %(max)s.") % {
                "max": event.registration_max_people
            }
        else:
            people.required = False
            people.widget = forms.HiddenInput()
        days = settings.REGISTRATION_RETENTION_DAYS
        self.fields["consent"].label = ngettext(
            "I agree that my details are stored to organise this event. They are deleted "
            "%(days)s day after the event, or at once when I cancel.",
            "I agree that my details are stored to organise this event. They are deleted "
            "%(days)s days after the event, or at once when I cancel.",
            days,
        ) % {"days": days}
