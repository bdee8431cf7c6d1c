"""Public forms of the submissions app, inside the language prefix."""

from django.urls import path

from .profile_views import proposal_form

urlpatterns = [
    path("organisations/propose/", proposal_form, name="profile_proposal"),
]
