from django.apps import AppConfig


class SubmissionsConfig(AppConfig):
    """Public submissions and their moderation; sits above events and organisations."""

    name = "submissions"
    verbose_name = "Einreichungen"

    def ready(self):
        from . import signals

        signals.connect()
