from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Start und Gemeinsames"

    def ready(self):
        from . import signals

        signals.connect()
