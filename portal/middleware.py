"""Security headers that Django does not set by itself."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


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
