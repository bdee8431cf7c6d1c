from django import forms
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    """The six-digit code an authenticator app shows; checked against one or all devices."""

    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, *args, verify, **kwargs):
        super().__init__(*args, **kwargs)
        self.verify = verify
        self.device = None

    def clean_otp_token(self):
        token = "".join(self.cleaned_data["otp_token"].split())
        self.device = self.verify(token)
        if self.device is None:
            raise forms.ValidationError(
                _("This code is not valid. Enter the code your app shows now."), code="invalid"
            )
        return token
