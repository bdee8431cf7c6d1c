"""The Wagtail admin's "Import calendar" view: a partner's .ics file or URL into draft events."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from locales.languages import DEFAULT_LANGUAGE

from .importer import MAX_DOWNLOAD, CalendarImportError, fetch, import_calendar, too_large
from .models import EventIndexPage


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

    def calendar(self):
        """(bytes, name) of the chosen file or address."""
        upload = self.cleaned_data.get("file")
        if upload:
            if upload.size > MAX_DOWNLOAD:  # checked before the file is read
                raise too_large(MAX_DOWNLOAD)
            return upload.read(), upload.name
        return fetch(self.cleaned_data["url"]), self.cleaned_data["url"]


def import_calendar_view(request):
    targets = import_targets(request.user)
    if not targets:
        raise PermissionDenied
    form = ImportForm(targets, request.POST or None, request.FILES or None)
    report = None
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
        {"form": form, "report": report, "page_title": _("Import calendar")},
    )
