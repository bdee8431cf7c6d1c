"""Error pages that render without the database: 400, 500, and 503 while the database is down."""

import logging
import sys

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
