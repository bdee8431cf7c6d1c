"""The public forms' protection (honeypot, fill time, rate limit), imported in this one place.

It lives in home.form_protection today and is being moved into an app of its own; when
it moves, only these imports change.
"""

from home.form_protection import ProtectedFormMixin, refusal  # noqa: F401
