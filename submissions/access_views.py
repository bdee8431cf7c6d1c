"""Public views of the personal links (submissions.access): ask for one, open it, and the
page of one's own submissions and proposals."""

from django import forms
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from home import form_fields
from home.form_protection import ProtectedFormMixin, refusal
from locales.utils import active_language_code

from .access import SESSION_KEY, contact_email, own_records, redeem, send_link

RATE_LIMIT_SCOPE = "access-link"


class AccessLinkForm(ProtectedFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=form_fields.EMAIL_MAX_LENGTH,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("The address you gave when you sent an event or a proposal."),
    )


def request_link(request):
    form = AccessLinkForm(request.POST or None)
    context = {"form": form}
    if request.method == "POST":
        if refused := refusal(request, form, RATE_LIMIT_SCOPE):
            status, context["refusal"] = refused
            return render(request, "submissions/access_request.html", context, status=status)
        if not form.is_spam:
            send_link(form.cleaned_data["email"], request, active_language_code())
        # The same answer whether the address is known or not.
        context["sent"] = True
    return render(request, "submissions/access_request.html", context)


def open_link(request, token):
    email = redeem(token)
    if email is None:
        return render(request, "submissions/access_invalid.html", status=410)
    request.session.cycle_key()
    request.session[SESSION_KEY] = email
    return redirect("submitter_records")


def own_page(request):
    email = contact_email(request)
    if not email:
        return redirect("submitter_link")
    submissions, proposals = own_records(email)
    context = {"email": email, "submissions": submissions, "proposals": proposals}
    return render(request, "submissions/access_records.html", context)
