"""Who owes a second factor, and what a signed-in session still has to do.

Two-factor login for the admin is django-otp with time-based codes (TOTP) from an
authenticator app. Members of the Moderation group (who see submitters' personal data)
and superusers must use it while settings.ADMIN_2FA_REQUIRED is on; everyone else may
set it up, and whoever has set it up is asked for a code at every login.
"""

from django.conf import settings
from django_otp import user_has_device

from locales.roles import MODERATION

VERIFY = "accounts_two_factor_verify"
SETUP = "accounts_two_factor_setup"


def two_factor_required(user):
    """Whether the user may not use the admin without a second factor."""
    if not settings.ADMIN_2FA_REQUIRED:
        return False
    return user.is_superuser or user.groups.filter(name=MODERATION).exists()


def pending_step(user):
    """The URL name of the step a signed-in user must take next, or None if none is due."""
    if not user.is_authenticated or user.is_verified():
        return None
    if user_has_device(user):
        return VERIFY
    if two_factor_required(user):
        return SETUP
    return None
