from django.apps import AppConfig


class PloneImportConfig(AppConfig):
    """Imports Plone exports (collective.exportimport, plone.exportimport) into the portal."""

    name = "plone_import"
    verbose_name = "Plone import"
    default_auto_field = "django.db.models.BigAutoField"
