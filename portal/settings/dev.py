"""Local development: debug on, a throw-away secret, e-mail printed (by the task worker)."""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"  # noqa: S105
EMAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)

# whitenoise serves from the finders here; there is no collected static/ folder.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The demo users of `make run` log in without an authenticator app unless asked to.
ADMIN_2FA_REQUIRED = env_bool("ADMIN_2FA_REQUIRED", False)
