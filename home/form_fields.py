"""Form fields for the public forms: bounded in length, and reading every digit people type.

Arabic and Farsi keyboards type Eastern Arabic (٠-٩) and Persian (۰-۹) digits;
the number, date, time and phone fields read them as 0-9. Each such field
refuses more than MAX_CHARS characters before parsing anything, so no post
costs more than a glance, whatever it carries.

PortalFormBuilder gives the form builder's pages (home.FormPage) the same
fields and a length limit on every text field.
"""

from django import forms
from django.core.validators import MaxLengthValidator
from wagtail.contrib.forms.forms import FormBuilder

DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
MAX_CHARS = 40  # a number, a date, a time or a phone number
TEXT_MAX_LENGTH = 5000  # a multi-line text
EMAIL_MAX_LENGTH = 254
URL_MAX_LENGTH = 2000


def western_digits(value):
    return value.translate(DIGITS) if isinstance(value, str) else value


class WesternDigitsMixin:
    """Reads Eastern Arabic and Persian digits as 0-9; refuses overlong input unparsed."""

    def to_python(self, value):
        if isinstance(value, str):
            MaxLengthValidator(MAX_CHARS)(value)  # Django's message, in every language
        return super().to_python(western_digits(value))


class DateField(WesternDigitsMixin, forms.DateField):
    pass


class TimeField(WesternDigitsMixin, forms.TimeField):
    pass


class DateTimeField(WesternDigitsMixin, forms.DateTimeField):
    pass


class IntegerField(WesternDigitsMixin, forms.IntegerField):
    pass


class DecimalField(WesternDigitsMixin, forms.DecimalField):
    pass


class PhoneField(WesternDigitsMixin, forms.CharField):
    pass


class PortalFormBuilder(FormBuilder):
    """Wagtail's form builder with bounded text fields and digit-reading number and date fields."""

    def create_multiline_field(self, field, options):
        return super().create_multiline_field(field, {**options, "max_length": TEXT_MAX_LENGTH})

    def create_hidden_field(self, field, options):
        return super().create_hidden_field(field, {**options, "max_length": 255})

    def create_email_field(self, field, options):
        return forms.EmailField(max_length=EMAIL_MAX_LENGTH, **options)

    def create_url_field(self, field, options):
        return super().create_url_field(field, {**options, "max_length": URL_MAX_LENGTH})

    def create_date_field(self, field, options):
        return DateField(**options)

    def create_datetime_field(self, field, options):
        return DateTimeField(**options)

    def create_number_field(self, field, options):
        return DecimalField(**options)
