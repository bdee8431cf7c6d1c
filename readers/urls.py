from django.urls import path

from .feedback import send_feedback

urlpatterns = [path("feedback/", send_feedback, name="page_feedback")]
