"""The public event submission form: what an organisation may send, and every check on it.

Everything is plain text: HTML or script typed into a field is stored as typed
and shown escaped. Dates are Europe/Berlin wall-clock dates; a series ("every
N weeks/months until …") is expanded with events.recurrence, the same code
that expands the events editors enter.
"""

import datetime as dt

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage

from events.recurrence import Frequency, Rule, Schedule
from home import form_fields
from home.form_fields import western_digits
from home.form_protection import ProtectedFormMixin
from home.models import SOURCE_LANGUAGE, SpokenLanguage, TargetGroup
from locales.utils import translation_map
from organisations.models import OrganisationPage

MAX_DATES = 60  # dates of one submission, repetitions included
MORE_DATES_MAX_LENGTH = MAX_DATES * 20  # a date per line, with room for spaces
MAX_YEARS_AHEAD = 2
IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
DATE_FORMATS = ["%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"]


class Repeat:
    ONCE = "once"
    DATES = "dates"
    WEEKS = "weeks"
    MONTHS = "months"
    CHOICES = [
        (ONCE, _("Once")),
        (DATES, _("On several dates")),
        (WEEKS, _("Every few weeks")),
        (MONTHS, _("Every few months")),
    ]
    FREQUENCY = {WEEKS: Frequency.WEEKLY, MONTHS: Frequency.MONTHLY}


def parse_date(text):
    text = western_digits(text.strip())
    for date_format in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, date_format).date()
        except ValueError:
            continue
    return None


def validate_image(upload):
    """Refuse what is not a JPEG, PNG, WebP or GIF image, too large, or a decompression bomb.

    Pillow reads only the header to learn the size, so a bomb is refused before
    anything is decompressed. Returns the file extension for the format.
    """
    limit = settings.EVENT_SUBMISSION_MAX_IMAGE_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The image is larger than %(limit)s MB. Please choose a smaller file."),
            code="too_large",
            params={"limit": limit >> 20},
        )
    too_many_pixels = ValidationError(
        _("The image has too many pixels. Please choose one of at most %(pixels)s megapixels."),
        code="too_many_pixels",
        params={"pixels": settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS // 1_000_000},
    )
    try:
        upload.seek(0)
        with PILImage.open(upload) as image:
            width, height = image.size
            if width * height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
                raise too_many_pixels
            image_format = image.format
            image.verify()
    except PILImage.DecompressionBombError as error:
        raise too_many_pixels from error
    except (PILImage.UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("This file is not an image. Please choose a JPEG, PNG or WebP file."),
            code="not_an_image",
        ) from error
    finally:
        upload.seek(0)
    if image_format not in IMAGE_FORMATS:
        raise ValidationError(
            _("Images of this kind cannot be shown. Please choose a JPEG, PNG or WebP file."),
            code="unsupported_format",
        )
    return IMAGE_FORMATS[image_format]


class LocalizedLabels:
    """Choices from German objects, labelled in the visitor's language (set .labels)."""

    labels = {}  # translation key -> the object in the visitor's language

    def label_from_instance(self, obj):
        return str(self.labels.get(obj.translation_key, obj))


class LocalizedChoiceField(LocalizedLabels, forms.ModelChoiceField):
    pass


class LocalizedMultipleChoiceField(LocalizedLabels, forms.ModelMultipleChoiceField):
    pass


def text_area(rows=4, **attrs):
    return forms.Textarea(attrs={"rows": rows, **attrs})


phone_validator = RegexValidator(
    r"^[0-9+()/\-. ]{3,40}$",
    _("Please enter a phone number with digits, spaces and + ( ) / - only."),
)


def consent_field(label):
    """The consent every public form asks for; label: what it is for, in the form's words."""
    return forms.BooleanField(
        label=label,
        error_messages={"required": _("Please agree to the privacy notice to send the form.")},
    )


class ContactForm(ProtectedFormMixin, forms.Form):
    """What every public submission form ends with: the contact person and the consent.

    A subclass declares privacy_consent (consent_field()), lists its own fields in
    SECTIONS (one fieldset each) and ends the list with CONTACT_SECTIONS; the fields take
    the order of SECTIONS, so the error summary lists them as the page shows them.
    """

    contact_name = forms.CharField(
        label=_("Name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    contact_email = forms.EmailField(
        label=_("E-mail"),
        max_length=form_fields.EMAIL_MAX_LENGTH,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    contact_phone = form_fields.PhoneField(
        label=_("Phone (optional)"),
        max_length=40,
        required=False,
        validators=[phone_validator],
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )

    CONTACT_SECTIONS = [
        (_("Contact person (not published)"), ["contact_name", "contact_email", "contact_phone"]),
        (_("Privacy"), ["privacy_consent"]),
    ]
    SECTIONS = CONTACT_SECTIONS

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # The honeypot and the time stamp first, as ProtectedFormMixin declares them.
        cls.field_order = [
            *ProtectedFormMixin.base_fields,
            *(name for _title, names in cls.SECTIONS for name in names),
        ]

    def sections(self):
        return [(title, [self[name] for name in names]) for title, names in self.SECTIONS]

    def organisation_choices(self):
        """The organisation field's choices: the directory's German entries, labelled in the
        visitor's language."""
        organisations = (
            OrganisationPage.objects.live()
            .filter(**SOURCE_LANGUAGE)
            .only("id", "title", "translation_key", "locale")  # a choice needs no more
            .order_by("title")
        )
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].labels = translation_map(organisations)

    def term_choices(self, fields):
        """Taxonomy choices ({field name: model}): German terms, labelled in the visitor's
        language."""
        for name, model in fields.items():
            terms = model.objects.filter(**SOURCE_LANGUAGE)
            self.fields[name].queryset = terms
            self.fields[name].labels = translation_map(terms)


class EventSubmissionForm(ContactForm):
    organisation = LocalizedChoiceField(
        label=_("Organisation"),
        queryset=OrganisationPage.objects.none(),
        required=False,
        empty_label=_("– not in the list –"),
        help_text=_("Choose your organisation from our directory."),
    )
    organisation_name = forms.CharField(
        label=_("Name of the organisation, if it is not in the list"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    title = forms.CharField(label=_("Title of the event"), max_length=120)
    description = forms.CharField(
        label=_("Description"),
        max_length=5000,
        widget=text_area(6),
        help_text=_("What happens, for whom, and what participants should bring."),
    )
    target_groups = LocalizedMultipleChoiceField(
        label=_("Target groups"),
        queryset=TargetGroup.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = LocalizedMultipleChoiceField(
        label=_("Languages spoken at the event"),
        queryset=SpokenLanguage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    first_date = form_fields.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The first date if the event takes place more than once."),
    )
    start_time = form_fields.TimeField(
        label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_time = form_fields.TimeField(
        label=_("End time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    repeat = forms.ChoiceField(
        label=_("How often does the event take place?"),
        choices=Repeat.CHOICES,
        initial=Repeat.ONCE,
        widget=forms.RadioSelect,
    )
    more_dates = forms.CharField(
        label=_("Further dates"),
        max_length=MORE_DATES_MAX_LENGTH,
        required=False,
        widget=text_area(3),
        help_text=_("For several dates: one date per line, for example 24.12.2027."),
    )
    repeat_interval = form_fields.IntegerField(
        label=_("Every how many weeks or months?"),
        min_value=1,
        max_value=12,
        required=False,
        help_text=_("1 for every week or month, 2 for every second one, and so on."),
    )
    repeat_until = form_fields.DateField(
        label=_("Repeats until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    venue_name = forms.CharField(label=_("Venue"), max_length=200)
    venue_address = forms.CharField(
        label=_("Address of the venue"),
        max_length=300,
        widget=text_area(3, autocomplete="street-address"),
    )
    accessibility = forms.CharField(
        label=_("Accessibility of the venue"),
        max_length=1000,
        required=False,
        widget=text_area(3),
        help_text=_("Step-free access, accessible toilet, hearing loop, …"),
    )
    registration = forms.CharField(
        label=_("Registration"),
        max_length=1000,
        required=False,
        widget=text_area(3),
        help_text=_("Whether and how people register, and by when."),
    )
    is_free = forms.BooleanField(label=_("Free of charge for participants"), required=False)
    costs = forms.CharField(label=_("Costs"), max_length=300, required=False)
    image = forms.FileField(
        label=_("Image (optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    image_alt = forms.CharField(
        label=_("Short description of the image for blind visitors"),
        max_length=250,
        required=False,
    )
    image_rights = forms.BooleanField(
        label=_("We hold the rights to this image and may let the portal publish it."),
        required=False,
    )
    # Field groups for the template (one fieldset each).
    SECTIONS = [
        (_("Organisation"), ["organisation", "organisation_name"]),
        (_("The event"), ["title", "description", "target_groups", "languages"]),
        (
            _("Dates"),
            [
                "first_date",
                "start_time",
                "end_time",
                "repeat",
                "more_dates",
                "repeat_interval",
                "repeat_until",
            ],
        ),
        (_("Venue"), ["venue_name", "venue_address", "accessibility"]),
        (_("Registration and costs"), ["registration", "is_free", "costs"]),
        (_("Image"), ["image", "image_alt", "image_rights"]),
        *ContactForm.CONTACT_SECTIONS,
    ]
    privacy_consent = consent_field(
        _(
            "I have read the privacy notice and agree that my details are stored to check "
            "this event."
        )
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation_choices()
        self.term_choices({"target_groups": TargetGroup, "languages": SpokenLanguage})
        self.image_extension = None

    # Single fields ---------------------------------------------------------------------------

    def clean_first_date(self):
        day = self.cleaned_data["first_date"]
        check_day(day)
        return day

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if upload:
            self.image_extension = validate_image(upload)
        return upload

    # Across fields ---------------------------------------------------------------------------

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("organisation") and not cleaned.get("organisation_name", "").strip():
            self.add_error(
                "organisation_name",
                _("Choose your organisation from the list or enter its name."),
            )
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The end time must be after the start time."))
        self.check_schedule(cleaned)
        if cleaned.get("image"):
            if not cleaned.get("image_alt", "").strip():
                self.add_error("image_alt", _("Please describe the image in a few words."))
            if not cleaned.get("image_rights"):
                self.add_error("image_rights", _("Please confirm that the image may be published."))
        return cleaned

    def check_schedule(self, cleaned):
        repeat, first = cleaned.get("repeat"), cleaned.get("first_date")
        if repeat == Repeat.DATES:
            cleaned["extra_dates"] = self.parse_more_dates(first)
        elif repeat in Repeat.FREQUENCY:
            if not cleaned.get("repeat_interval"):
                self.add_error("repeat_interval", _("Enter every how many weeks or months."))
            until = cleaned.get("repeat_until")
            if until is None:
                self.add_error("repeat_until", _("Enter the last day of the series."))
            elif first and until <= first:
                self.add_error("repeat_until", _("The series must end after its first date."))
            elif first and until > years_later(first, MAX_YEARS_AHEAD):
                self.add_error(
                    "repeat_until",
                    _("A series may run for at most two years. Please send a new one later."),
                )
        if self.errors or not first:
            return
        count = len(self.occurrences())
        if count > MAX_DATES:
            self.add_error(
                "repeat_interval" if repeat in Repeat.FREQUENCY else "more_dates",
                _("These are %(count)s dates; at most %(max)s are possible in one submission.")
                % {"count": count, "max": MAX_DATES},
            )

    def parse_more_dates(self, first):
        lines = [
            line for line in self.cleaned_data.get("more_dates", "").splitlines() if line.strip()
        ]
        if not lines:
            self.add_error("more_dates", _("Enter at least one further date, one per line."))
            return []
        if len(lines) >= MAX_DATES:  # refused before any line is read
            self.add_error(
                "more_dates",
                _("These are %(count)s dates; at most %(max)s are possible in one submission.")
                % {"count": len(lines) + 1, "max": MAX_DATES},
            )
            return []
        days, problems = [], []
        for number, line in enumerate(lines, start=1):
            day = parse_date(line)
            if day is None:
                problems.append(
                    _("Line %(number)s (“%(text)s”) is not a date such as 24.12.2027.")
                    % {"number": number, "text": line.strip()[:40]}
                )
                continue
            try:
                check_day(day)
            except ValidationError as error:
                problems.append(
                    _("Line %(number)s: %(problem)s")
                    % {"number": number, "problem": " ".join(error.messages)}
                )
                continue
            if day != first and day not in days:
                days.append(day)
        for problem in problems:
            self.add_error("more_dates", problem)
        return sorted(days)

    # Results ---------------------------------------------------------------------------------

    def first_occurrence(self):
        data = self.cleaned_data
        tz = timezone.get_default_timezone()
        start = dt.datetime.combine(data["first_date"], data["start_time"], tzinfo=tz)
        end = dt.datetime.combine(data["first_date"], data["end_time"], tzinfo=tz)
        return start, end

    def extra_occurrences(self):
        data = self.cleaned_data
        start, end = self.first_occurrence()
        return [
            (start.replace(**ymd(day)), end.replace(**ymd(day)))
            for day in data.get("extra_dates", [])
        ]

    def rule_text(self):
        data = self.cleaned_data
        frequency = Repeat.FREQUENCY.get(data["repeat"])
        if frequency is None:
            return ""
        rule = Rule(
            frequency=frequency, interval=data["repeat_interval"], until=data["repeat_until"]
        )
        return rule.to_rrule(self.first_occurrence()[0])

    def occurrences(self):
        """Every (start, end) the submission asks for, repetitions included."""
        first = self.first_occurrence()
        schedule = Schedule(
            first=first, rule=self.rule_text(), extra=self.extra_occurrences(), all_day=False
        )
        return schedule.occurrences()


def years_later(day, years):
    """The same day some years later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def ymd(day):
    return {"year": day.year, "month": day.month, "day": day.day}


def check_day(day):
    """A day an event may be announced for: from today, and at most two years ahead."""
    today = timezone.localdate()
    if day < today:
        raise ValidationError(_("This date is in the past."), code="past")
    if day > years_later(today, MAX_YEARS_AHEAD):
        raise ValidationError(_("Dates more than two years ahead cannot be announced yet."))
