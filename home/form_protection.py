"""Protection for the public forms: a honeypot, a minimum fill time and a rate limit.

Every public form (the event submission in events/, the form builder's FormPage
here) mixes in ProtectedFormMixin and asks refusal() before it stores anything:

- the honeypot is a text field that people never see; a bot that fills it in
  gets a normal-looking answer and nothing is stored;
- the form carries a signed time stamp from when it was first shown; sending it
  back sooner than FORM_MIN_FILL_SECONDS, or later than FORM_MAX_AGE_SECONDS, is
  refused with a message, keeping the input (a fresh stamp comes with it);
- each client address may send FORM_RATE_LIMIT submissions per
  FORM_RATE_LIMIT_PERIOD seconds, and FORM_POST_LIMIT posts of any kind (mistakes
  included, so a flood of invalid posts is stopped before it is even validated),
  counted in the cache, so it works across app servers when the cache is Redis.
  With the cache gone nothing is counted: the form stays open (portal/cache.py
  logs that). The address is read as django-axes reads it for the login lockout
  (one proxy configuration for both).
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


def _stamp_problem(token):
    """Why a stamp from started_token() is refused: "too_fast", "expired", "invalid", or None."""
    try:
        started = int(_signer().unsign(token, max_age=settings.FORM_MAX_AGE_SECONDS))
    except signing.SignatureExpired:
        return "expired"
    except (signing.BadSignature, ValueError):
        return "invalid"
    if time.time() - started < settings.FORM_MIN_FILL_SECONDS:
        return "too_fast"
    return None


class ProtectedFormMixin(forms.Form):
    """Adds the honeypot and the fill-time stamp to a form.

    After is_valid(), ``is_spam`` tells whether the honeypot was filled in; the
    view then shows the confirmation without storing anything.
    """

    # Named like a field bots love to fill in; people never see it (see the template).
    website = forms.CharField(
        label=_("Leave this field empty"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_started = forms.CharField(widget=forms.HiddenInput, max_length=100, required=False)

    too_fast_message = _("That was very fast. Please check your entries and send the form again.")
    expired_message = _(
        "This form was open for a long time. Please check your entries and send it again."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial[STARTED_FIELD] = started_token()

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get(HONEYPOT_FIELD))

    def clean(self):
        cleaned_data = super().clean()
        problem = _stamp_problem(cleaned_data.get(STARTED_FIELD, ""))
        if problem is None:
            return cleaned_data
        if problem != "too_fast":
            # A fresh stamp, so that the next try is measured from now.
            self.data = self.data.copy()
            self.data[self.add_prefix(STARTED_FIELD)] = started_token()
        message = self.expired_message if problem == "expired" else self.too_fast_message
        self.add_error(None, forms.ValidationError(message, code=problem))
        return cleaned_data

    def protection_field_names(self):
        return [HONEYPOT_FIELD, STARTED_FIELD]


def _rate_key(request, scope):
    address = get_client_ip_address(request) or "unknown"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]  # no plain addresses in the cache
    return f"form-rate:{scope}:{digest}"


def rate_limit_exceeded(request, scope, limit=None):
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
    return count > (settings.FORM_RATE_LIMIT if limit is None else limit)


RATE_LIMIT_MESSAGE = _(
    "You have sent this form several times in a short time. Please wait an hour and try "
    "again, or write to us by e-mail."
)


def refusal(request, form, scope):
    """Why a posted protected form is shown again: (HTTP status, message), or None.

    Mistakes answer 400 (the form shows them); over a rate limit, 429 with a message.
    Every post counts towards FORM_POST_LIMIT, checked first; only valid forms towards
    the lower FORM_RATE_LIMIT, so correcting a few mistakes locks nobody out.
    """
    if rate_limit_exceeded(request, f"{scope}:posts", settings.FORM_POST_LIMIT):
        return 429, RATE_LIMIT_MESSAGE
    if not form.is_valid():
        return 400, None
    if rate_limit_exceeded(request, scope):
        return 429, RATE_LIMIT_MESSAGE
    return None
