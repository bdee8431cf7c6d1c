"""The admin's two-factor pages: enter a code, set up an authenticator app, manage devices."""

from base64 import b32encode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from accounts.forms import TokenForm
from accounts.two_factor import two_factor_required


class NextMixin:
    """Goes on to the page the user first asked for, if it is on this site."""

    def get_success_url(self):
        target = self.request.POST.get("next") or self.request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(
            target, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return target
        return reverse("wagtailadmin_home")

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=self.request.GET.get("next", ""), **kwargs)


class VerifyView(NextMixin, FormView):
    """After the password: the code from one of the user's devices."""

    template_name = "accounts/verify.html"
    form_class = TokenForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "verify": self.match}

    def match(self, token):
        # match_token locks the devices while it checks, so a code counts once.
        return match_token(self.request.user, token)

    def form_valid(self, form):
        otp_login(self.request, form.device)
        return super().form_valid(form)


class SetupView(NextMixin, FormView):
    """A new authenticator app: a QR code (made here, no outside service) and a first code."""

    template_name = "accounts/setup.html"
    form_class = TokenForm

    @cached_property
    def device(self):
        """The user's device being set up; the same key until it is confirmed."""
        device = TOTPDevice.objects.devices_for_user(self.request.user, confirmed=False).first()
        return device or TOTPDevice.objects.create(
            user=self.request.user, name="authenticator", confirmed=False
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "verify": self.confirm}

    def confirm(self, token):
        with transaction.atomic():
            device = TOTPDevice.objects.select_for_update().get(pk=self.device.pk)
            return device if device.verify_token(token) else None

    def form_valid(self, form):
        form.device.confirmed = True
        form.device.save(update_fields=["confirmed"])
        otp_login(self.request, form.device)
        messages.success(self.request, _("Two-factor login is set up."))
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        key = b32encode(self.device.bin_key).decode()
        return super().get_context_data(
            qr_code=segno.make(self.device.config_url, error="m").svg_data_uri(scale=5),
            secret=" ".join(key[i : i + 4] for i in range(0, len(key), 4)),
            issuer=settings.OTP_TOTP_ISSUER,
            **kwargs,
        )


class ManageView(WagtailAdminTemplateMixin, TemplateView):
    """The user's own devices: whether two-factor login is required, add or remove one."""

    template_name = "accounts/manage.html"
    page_title = _("Two-factor login")
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailadmin_account"), "label": _("Account")},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            devices=TOTPDevice.objects.devices_for_user(user, confirmed=True),
            required=two_factor_required(user),
            **kwargs,
        )


@require_POST
def remove_device(request, pk):
    """Removes one of the user's own devices (a lost phone); required users set up a new one."""
    device = TOTPDevice.objects.filter(pk=pk, user=request.user).first()
    if device is None:
        raise PermissionDenied
    device.delete()
    messages.success(request, _("The authenticator app was removed."))
    return redirect("accounts_two_factor")


class ResetView(WagtailAdminTemplateMixin, TemplateView):
    """A superuser removes another user's devices (a lost phone); they set up anew at login."""

    template_name = "accounts/reset.html"
    page_title = _("Reset two-factor login")
    header_icon = "key"

    def dispatch(self, request, user_id):
        if not request.user.is_superuser:
            raise PermissionDenied
        self.person = get_object_or_404(get_user_model(), pk=user_id)
        return super().dispatch(request, user_id)

    def get_page_subtitle(self):
        return self.person.get_username()

    def get_context_data(self, **kwargs):
        devices = TOTPDevice.objects.devices_for_user(self.person, confirmed=True)
        return super().get_context_data(person=self.person, devices=devices, **kwargs)

    def post(self, request, user_id):
        TOTPDevice.objects.filter(user=self.person).delete()
        name = self.person.get_username()
        messages.success(request, _("The two-factor login of %(name)s was reset.") % {"name": name})
        return redirect("wagtailusers_users:index")


manage = ManageView.as_view()
reset = ResetView.as_view()
verify = VerifyView.as_view()
setup = SetupView.as_view()
