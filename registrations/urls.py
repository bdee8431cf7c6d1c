"""Inside the language prefix: /de/events/12/register/, /ar/registration/cancel/<signed>/."""

from django.urls import path

from . import views

urlpatterns = [
    path("events/<int:page_id>/register/", views.register, name="registration_register"),
    path("registration/cancel/<str:token>/", views.cancel, name="registration_cancel"),
]
