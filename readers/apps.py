from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadersConfig(AppConfig):
    """What readers tell editors, without tracking: page feedback (sits on home and locales)."""

    name = "readers"
    verbose_name = _("Readers")
