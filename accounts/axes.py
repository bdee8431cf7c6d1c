"""django-axes' lockout per user name and address, plus a lockout for password spraying.

Spraying tries one or two common passwords on many user names, staying below the lockout
per user name. django-axes counts failures per parameter set against one limit, so locking
"by address" would lock an office after one person's five typing errors. Instead this
handler counts the distinct user names that failed from the client's address within the
cool-off period: from AXES_SPRAYING_USERNAME_LIMIT on, the address is locked like a user
name (same limit, same cool-off, same lockout page); other addresses are not affected.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings


class SprayingLockoutHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None):
        failures = super().get_failures(request, credentials)
        if self.user_names_failed_from_address(request) >= settings.AXES_SPRAYING_USERNAME_LIMIT:
            return max(failures, get_failure_limit(request, credentials))
        return failures

    @staticmethod
    def user_names_failed_from_address(request):
        return (
            AccessAttempt.objects.filter(
                ip_address=request.axes_ip_address,
                attempt_time__gte=get_cool_off_threshold(request),
            )
            .values("username")
            .distinct()
            .count()
        )
