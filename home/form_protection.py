"""Protection for the public forms: a honeypot, a minimum fill time and a rate limit.

Every public form (the event submission in events/, the form builder's FormPage
here) mixes in ProtectedFormMixin and asks refusal() before it stores anything:

- the honeypot is a text field that people never see; a bot that fills it in
  gets a normal-looking answer and nothing is stored;
- the form carries a signed time stamp from when it was first shown; sending it
  back sooner than FORM_MIN_FILL_SECONDS is refused with a message, keeping
  the input (the stamp survives re-displays after errors);
- each client address may send FORM_RATE_LIMIT submissions per
  FORM_RATE_LIMIT_PERIOD seconds, counted in the cache, so it works across app
  servers when the cache is Redis. The address is read as django-axes reads it
  for the login lockout (one proxy configuration for both).
"""

import hashlib
import time

from axes.helpers import get_client_ip_address
from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website"
STARTED_FIELD = "form_started"
_SIGNER_SALT = "home.form_protection.started"


def _signer():
    return signing.TimestampSigner(salt=_SIGNER_SALT)


def started_token():
    """A signed stamp of the current time, put into a fresh form."""
    return _signer().sign(str(int(time.time())))


def _started_at(token):
    """The time in a stamp from started_token(), or None for a missing or forged one."""
    try:
        return int(_signer().unsign(token))
    except (signing.BadSignature, ValueError):
        return None


class ProtectedFormMixin(forms.Form):
    """Adds the honeypot and the fill-time stamp to a form.

    After is_valid(), ``is_spam`` tells whether the honeypot was filled in; the
    view then shows the confirmation without storing anything.
    """

    # Named like a field bots love to fill in; people never see it (see the template).
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_started = forms.CharField(widget=forms.HiddenInput, required=False)

    too_fast_message = _("That was very fast. Please check your entries and send the form again.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial[STARTED_FIELD] = started_token()

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get(HONEYPOT_FIELD))

    def clean(self):
        cleaned_data = super().clean()
        token = cleaned_data.get(STARTED_FIELD, "")
        started = _started_at(token)
        if started is None or time.time() - started < settings.FORM_MIN_FILL_SECONDS:
            if started is None:
                # A fresh stamp, so that the next try is measured from now.
                self.data = self.data.copy()
                self.data[self.add_prefix(STARTED_FIELD)] = started_token()
            self.add_error(None, forms.ValidationError(self.too_fast_message, code="too_fast"))
        return cleaned_data

    def protection_field_names(self):
        return [HONEYPOT_FIELD, STARTED_FIELD]


def _rate_key(request, scope):
    address = get_client_ip_address(request) or "unknown"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]  # no plain addresses in the cache
    return f"form-rate:{scope}:{digest}"


def rate_limit_exceeded(request, scope):
    """Count one submission of this client for scope; True when it is over the limit."""
    key = _rate_key(request, scope)
    period = settings.FORM_RATE_LIMIT_PERIOD
    if cache.add(key, 1, period):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, period)
            count = 1
    return count > settings.FORM_RATE_LIMIT


RATE_LIMIT_MESSAGE = _(
    "You have sent this form several times in a short time. Please wait an hour and try "
    "again, or write to us by e-mail."
)


def refusal(request, form, scope):
    """Why a posted protected form is shown again: (HTTP status, message), or None.

    Mistakes answer 400 (the form shows them); over the rate limit, 429 with a message.
    Only valid forms count towards the limit, so correcting mistakes locks nobody out.
    """
    if not form.is_valid():
        return 400, None
    if rate_limit_exceeded(request, scope):
        return 429, RATE_LIMIT_MESSAGE
    return None
