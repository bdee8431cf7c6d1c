"""Public forms of the submissions app, inside the language prefix."""

from django.urls import path

from .access_views import open_link, own_page, request_link
from .profile_views import proposal_form

urlpatterns = [
    path("organisations/propose/", proposal_form, name="profile_proposal"),
    path("organisations/my-link/", request_link, name="submitter_link"),
    path("organisations/my-link/<str:token>/", open_link, name="submitter_access"),
    path("organisations/mine/", own_page, name="submitter_records"),
]
