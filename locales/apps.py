from django.apps import AppConfig


class LocalesConfig(AppConfig):
    name = "locales"
    verbose_name = "Sprachen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import patches, roles, signals

        signals.connect()
        roles.connect()
        patches.apply()
