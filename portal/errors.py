"""Error pages that render without the database: 400, 500, and 503 while the database is down."""

import logging
import sys
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)


def error_page(template_name, status):
    """The page in the active language, rendered without the request (no context processors)."""
    return HttpResponse(render_to_string(template_name), status=status)


def server_error(request):
    """handler500: a database that does not answer is a 503 with Retry-After, not a 500.

    Django calls it while handling the exception, so sys.exc_info() names it.
    """
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_ERRORS):
        response = error_page("503.html", 503)
        response["Retry-After"] = str(settings.RETRY_AFTER_SECONDS)
        return response
    return error_page("500.html", 500)


class DatabaseOutageFilter(logging.Filter):
    """One log record a minute for a database that does not answer, not one per request.

    On the logger django.request: during an outage every request fails the same way,
    and a traceback per request would bury everything else in the log.
    """

    interval = 60

    def __init__(self):
        super().__init__()
        self.last_report = None
        self.suppressed = 0

    def filter(self, record):
        error = record.exc_info[1] if record.exc_info else None
        if not isinstance(error, DATABASE_ERRORS):
            return True
        now = time.monotonic()
        if self.last_report is not None and now - self.last_report < self.interval:
            self.suppressed += 1
            return False
        if self.suppressed:
            record.msg = f"{record.msg} (and {self.suppressed} more since the last report)"
        self.last_report, self.suppressed = now, 0
        return True
