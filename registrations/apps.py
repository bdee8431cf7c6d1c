from django.apps import AppConfig


class RegistrationsConfig(AppConfig):
    name = "registrations"
    verbose_name = "Anmeldungen"

    def ready(self):
        from . import signals

        signals.connect()
