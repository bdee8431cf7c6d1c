"""The Wagtail admin's "Import calendar" view: a partner's .ics file or URL into draft events.

A file is imported at once; an address is downloaded and imported by the task worker
(events.tasks), and the page lists the editor's recent downloads with their reports.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist

from locales.languages import DEFAULT_LANGUAGE

from .importer import (
    MAX_DOWNLOAD,
    CalendarImportError,
    check_public_address,
    import_calendar,
    too_large,
)
from .models import EventIndexPage
from .tasks import import_from_url

DOWNLOADS_KEY = "events_calendar_downloads"  # the session's ids of queued downloads


def import_targets(user):
    """German event indexes below which the user may add events."""
    indexes = EventIndexPage.objects.filter(locale__language_code=DEFAULT_LANGUAGE)
    return [index.pk for index in indexes if index.permissions_for_user(user).can_add_subpage()]


class ImportForm(forms.Form):
    parent = forms.ModelChoiceField(
        label=gettext_lazy("Import into"), queryset=EventIndexPage.objects.none()
    )
    file = forms.FileField(label=gettext_lazy("iCalendar file (.ics)"), required=False)
    url = forms.URLField(
        label=gettext_lazy("Or the calendar's address"), required=False, assume_scheme="https"
    )
    skip_invalid = forms.BooleanField(
        label=gettext_lazy("Skip events that cannot be read"),
        required=False,
        help_text=gettext_lazy(
            "Otherwise nothing is imported when one event of the calendar cannot be read."
        ),
    )

    def __init__(self, targets, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = EventIndexPage.objects.filter(pk__in=targets)

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("file")) == bool(cleaned.get("url")):
            raise forms.ValidationError(_("Choose a file or give an address (one of the two)."))
        return cleaned

    def clean_url(self):
        url = self.cleaned_data.get("url")
        if url:
            try:
                check_public_address(url)
            except CalendarImportError as error:
                raise forms.ValidationError(str(error)) from error
        return url

    def calendar(self):
        """(bytes, name) of the chosen file."""
        upload = self.cleaned_data["file"]
        if upload.size > MAX_DOWNLOAD:  # checked before the file is read
            raise too_large(MAX_DOWNLOAD)
        return upload.read(), upload.name


def import_calendar_view(request):
    targets = import_targets(request.user)
    if not targets:
        raise PermissionDenied
    form = ImportForm(targets, request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid() and form.cleaned_data.get("url"):
        return queue_download(request, form)
    if request.method == "POST" and form.is_valid():
        try:
            data, name = form.calendar()
            report = import_calendar(
                data,
                form.cleaned_data["parent"],
                user=request.user,
                source_name=name,
                skip_invalid=form.cleaned_data["skip_invalid"],
            )
        except CalendarImportError as error:
            form.add_error(None, error.lines)
        else:
            messages.success(request, report.summary())
    return TemplateResponse(
        request,
        "events/admin/import_calendar.html",
        {
            "form": form,
            "report": report,
            "downloads": recent_downloads(request),
            "page_title": _("Import calendar"),
        },
    )


def queue_download(request, form):
    url = form.cleaned_data["url"]
    result = import_from_url.enqueue(url, form.cleaned_data["parent"].pk, request.user.pk)
    request.session[DOWNLOADS_KEY] = [result.id, *request.session.get(DOWNLOADS_KEY, [])][:5]
    messages.success(
        request, _("The calendar at %(url)s is being downloaded and imported.") % {"url": url}
    )
    return redirect(request.path)


def recent_downloads(request):
    """The editor's last downloads: address, whether done, and the report or the error."""
    downloads = []
    for result_id in request.session.get(DOWNLOADS_KEY, []):
        try:
            result = import_from_url.get_result(result_id)
        except (TaskResultDoesNotExist, NotImplementedError):
            continue  # pruned, or a backend that keeps no results
        finished = result.status == TaskResultStatus.SUCCESSFUL
        outcome = (result.return_value or {}) if finished else {}
        state = outcome.get("summary") or outcome.get("error") or STATES[result.status]
        downloads.append({"url": result.args[0], "state": state, "lines": outcome.get("lines")})
    return downloads


STATES = {
    TaskResultStatus.READY: gettext_lazy("waiting to be downloaded"),
    TaskResultStatus.RUNNING: gettext_lazy("being imported"),
    TaskResultStatus.FAILED: gettext_lazy(
        "The download failed (the calendar server could not be reached, or an error); "
        "it was given up."
    ),
    TaskResultStatus.SUCCESSFUL: "",
}
