"""The public form through which an organisation proposes changes to its entry, or applies
for one. Plain text only, checked like the event form (submissions.forms)."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from home.models import District, FieldOfAction, SpokenLanguage, TargetGroup
from organisations.models import OrganisationPage

from .forms import (
    ContactForm,
    LocalizedChoiceField,
    LocalizedMultipleChoiceField,
    consent_field,
    text_area,
    validate_image,
)

MAX_LINKS = 10
TERMS = {
    "fields_of_action": FieldOfAction,
    "target_groups": TargetGroup,
    "languages": SpokenLanguage,
}


def parse_links(text):
    """Lines "label address" as [(label, url)]; ValidationError naming the first bad line."""
    links = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        *words, url = line.split()
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError as error:
            raise ValidationError(
                _("Line %(number)s: please end the line with an address such as https://…")
                % {"number": number}
            ) from error
        links.append((" ".join(words)[:100] or url[:100], url))
    if len(links) > MAX_LINKS:
        raise ValidationError(_("Please give at most %(max)s links.") % {"max": MAX_LINKS})
    return links


class ProfileProposalForm(ContactForm):
    organisation = LocalizedChoiceField(
        label=_("Your organisation's entry"),
        queryset=OrganisationPage.objects.none(),
        required=False,
        empty_label=_("– a new organisation, not yet in the directory –"),
    )
    name = forms.CharField(
        label=_("Name of the organisation"),
        max_length=255,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    summary = forms.CharField(
        label=_("Short description"),
        max_length=400,
        widget=text_area(3),
        help_text=_("One or two sentences for the directory."),
    )
    description = forms.CharField(
        label=_("Description"), max_length=5000, required=False, widget=text_area(6)
    )
    fields_of_action = LocalizedMultipleChoiceField(
        label=_("Fields of action"),
        queryset=FieldOfAction.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    target_groups = LocalizedMultipleChoiceField(
        label=_("Target groups"),
        queryset=TargetGroup.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = LocalizedMultipleChoiceField(
        label=_("Languages spoken"),
        queryset=SpokenLanguage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    district = LocalizedChoiceField(
        label=_("District"), queryset=District.objects.none(), required=False
    )
    meeting_times = forms.CharField(
        label=_("Meeting and office times"), max_length=1000, required=False, widget=text_area(3)
    )
    # Not "website": that name is the honeypot's (home.form_protection).
    web_address = forms.URLField(
        label=_("Website"), max_length=200, required=False, assume_scheme="https"
    )
    links = forms.CharField(
        label=_("Social media and other links"),
        max_length=3000,
        required=False,
        widget=text_area(3),
        help_text=_("One per line: a name, then the address that begins with https://"),
    )
    contact_persons = forms.CharField(
        label=_("Contact persons to be published"),
        max_length=2000,
        required=False,
        widget=text_area(3),
        help_text=_("Name, role and how to reach them; our editors add them to the entry."),
    )
    logo = forms.FileField(
        label=_("Logo (optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    SECTIONS = [
        (_("Organisation"), ["organisation", "name"]),
        (_("About the organisation"), ["summary", "description", *TERMS, "district"]),
        (
            _("Times and links"),
            ["meeting_times", "web_address", "links", "contact_persons", "logo"],
        ),
        *ContactForm.CONTACT_SECTIONS,
    ]
    privacy_consent = consent_field(
        _(
            "I have read the privacy notice and agree that my details are stored to check "
            "this proposal."
        )
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation_choices()
        self.term_choices({**TERMS, "district": District})
        self.logo_extension = None

    def clean_logo(self):
        upload = self.cleaned_data.get("logo")
        if upload:
            self.logo_extension = validate_image(upload)
        return upload

    def clean_links(self):
        return parse_links(self.cleaned_data.get("links", ""))
