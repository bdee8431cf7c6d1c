from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo portal of the fictional town Mittelstadt, as data files (see README.md)."""

    name = "demo"
    verbose_name = "Demo content"
