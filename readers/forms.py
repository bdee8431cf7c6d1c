from django import forms
from django.utils.translation import gettext_lazy as _

from home.form_protection import ProtectedFormMixin


class FeedbackForm(ProtectedFormMixin, forms.Form):
    helpful = forms.TypedChoiceField(
        label=_("Was this page helpful?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("What could be better? (optional, please no names or contact details)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
    )
    page = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, **kwargs):
        # Its own ids: it shares content pages with other forms (the event's registration).
        kwargs.setdefault("auto_id", "feedback-%s")
        super().__init__(*args, **kwargs)
