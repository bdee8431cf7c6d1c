from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from accounts import views
from accounts.two_factor import SETUP, VERIFY


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-factor/", views.manage, name="accounts_two_factor"),
        path("two-factor/verify/", views.verify, name=VERIFY),
        path("two-factor/setup/", views.setup, name=SETUP),
        path("two-factor/<int:pk>/remove/", views.remove_device, name="accounts_two_factor_remove"),
        path("two-factor/reset/<int:user_id>/", views.reset, name="accounts_two_factor_reset"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("accounts_two_factor"),
        "label": _("Two-factor login"),
        "help_text": _("Set up or remove the authenticator app that confirms your log-ins."),
    }


@hooks.register("register_user_listing_buttons")
def reset_two_factor_button(user, request_user):
    if request_user.is_superuser:
        url = reverse("accounts_two_factor_reset", args=[user.pk])
        yield Button(_("Reset two-factor login"), url, icon_name="key", priority=100)
