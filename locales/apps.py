from django.apps import AppConfig


class LocalesConfig(AppConfig):
    name = "locales"
    verbose_name = "Sprachen"
