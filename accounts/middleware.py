"""Keeps a session that has passed only the password away from every page but the next step."""

from django.contrib.auth.views import redirect_to_login
from django.urls import reverse

from accounts.two_factor import pending_step

# Pages a session may open before its second factor: signing in and out, and what the
# admin's login-style pages load.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}


class TwoFactorMiddleware:
    """Sends a signed-in user who owes a code to the code entry or to the setup page.

    Needs django_otp's OTPMiddleware before it (user.is_verified()). It works on every
    view, not only the admin's, so that a half-signed-in session opens no private page or
    document either.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        step = pending_step(request.user)
        url_name = request.resolver_match.url_name
        if step is None or url_name == step or url_name in OPEN_URL_NAMES:
            return None
        return redirect_to_login(request.get_full_path(), reverse(step))
