"""The read API's addresses, outside the language prefixes (portal/urls.py includes them)."""

from django.urls import path

from .api import api_router

urlpatterns = [path("api/v2/", api_router.urls)]
