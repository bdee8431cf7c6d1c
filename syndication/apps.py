from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    """Content that travels: the read API and the embeddable listings (sits on top, like portal)."""

    name = "syndication"
    verbose_name = "Syndication"
