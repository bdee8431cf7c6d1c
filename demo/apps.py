from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "demo"
    verbose_name = "Demo content (the fictional town Mittelstadt, see demo/README.md)"
