from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    """Content that travels: read API, embeddable listings, PDFs (sits on top, like portal)."""

    name = "syndication"
    verbose_name = "Syndication"
