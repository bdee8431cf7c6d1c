from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from . import page_cache

        page_cache.connect()
        from . import tasks  # noqa: F401  (connects the retry of failed tasks)
