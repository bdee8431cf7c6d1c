"""Security headers that Django does not set by itself, and a clear answer to unreadable posts."""

import logging

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.exceptions import BadRequest, SuspiciousOperation
from django.http.multipartparser import MultiPartParserError

from portal.errors import error_page

logger = logging.getLogger(__name__)


class PortalCSPMiddleware(CSPMiddleware):
    """The strict policy everywhere; the Wagtail admin gets its own, looser one.

    Wagtail's admin still relies on inline scripts and styles, so it cannot run
    under the public policy. Visitors never load admin pages.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(settings.ADMIN_PATH_PREFIXES):
            return PolicyParts(config=settings.ADMIN_CONTENT_SECURITY_POLICY, nonce=parts.nonce)
        return parts


class PermissionsPolicyMiddleware:
    """Switch off browser features that no page of the site uses."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class UnreadableBodyMiddleware:
    """Answers a request body Django cannot read with the portal's 400 page.

    A form post in another charset than UTF-8, a broken multipart body, or one
    over DATA_UPLOAD_MAX_MEMORY_SIZE / DATA_UPLOAD_MAX_NUMBER_FIELDS fails when
    request.POST is first read, deep in the CSRF check, and ended in a 500 with a
    long traceback. Reading it here, after LocaleMiddleware, gives a 400 in the
    visitor's language and one log line.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST":
            try:
                request.POST  # noqa: B018 (parsed now, so a broken body fails here)
            except (BadRequest, SuspiciousOperation, MultiPartParserError, UnicodeError) as error:
                logger.warning("Unreadable request body on %s: %s", request.path, error)
                return error_page("400.html", 400)
        return self.get_response(request)
