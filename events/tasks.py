"""Calendar downloads in the task worker, not in the editor's request.

A partner's calendar server may be slow (up to the 20 s timeout) or down. The admin's
"Import calendar" queues import_from_url; the worker downloads and imports. While the
partner's server cannot be reached (or answers with a server error) the download is
tried again later (portal.tasks retries OSErrors); what is wrong with the address or the
calendar itself is reported, not retried. The report is the task's return value, and
the import page lists it.
"""

from urllib.error import HTTPError

from django.contrib.auth import get_user_model
from django.utils import translation
from django_tasks import task
from wagtail.users.models import UserProfile

from .importer import CalendarImportError, fetch, import_calendar
from .models import EventIndexPage


def transient(error):
    cause = error.__cause__
    if isinstance(cause, HTTPError):
        return cause.code >= 500
    return isinstance(cause, OSError)


@task(priority=10)  # before bulk work, as portal.tasks.PERSON_WAITS
def import_from_url(url, parent_id, user_id):
    """Download the calendar at url and import it below the event index: the report."""
    parent = EventIndexPage.objects.get(pk=parent_id)
    user = get_user_model().objects.filter(pk=user_id).first()
    language = UserProfile.get_for_user(user).get_preferred_language() if user else None
    with translation.override(language or translation.get_language()):
        try:
            data = fetch(url)
            report = import_calendar(data, parent, user=user, source_name=url)
        except CalendarImportError as error:
            if transient(error):
                raise error.__cause__ from error  # the queue tries again later
            return {"error": str(error)}
        return {"summary": str(report.summary()), "lines": [str(line) for line in report.lines()]}
