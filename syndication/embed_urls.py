"""/<lang>/embed/…: the embeddable listings (syndication/embed.py), inside the language prefix."""

from django.urls import path

from . import embed

urlpatterns = [
    path("embed/events/", embed.events, name="embed_events"),
    path("embed/organisations/", embed.organisations, name="embed_organisations"),
]
