from django.urls import path
from wagtail import hooks

from .admin_views import EventSubmissionViewSet, WaitingSubmissionsSummaryItem
from .models import EventSubmissionPage
from .profile_admin import ProfileProposalViewSet, admin_urls
from .views import serve_submission_form, submission_image_view


@hooks.register("before_serve_page")
def serve_event_submission_form(page, request, serve_args, serve_kwargs):
    """The public form's GET and POST (the page model renders only the empty form)."""
    if isinstance(page, EventSubmissionPage):
        return serve_submission_form(page, request)
    return None


@hooks.register("register_admin_viewset")
def register_submission_viewset():
    return EventSubmissionViewSet("event_submissions")


@hooks.register("register_admin_urls")
def register_submission_image_url():
    return [
        path(
            "events/submissions/<int:pk>/image/",
            submission_image_view,
            name="submissions_image",
        )
    ]


@hooks.register("register_admin_viewset")
def register_proposal_viewset():
    return ProfileProposalViewSet("profile_proposals")


@hooks.register("register_admin_urls")
def register_proposal_urls():
    return admin_urls()


@hooks.register("construct_homepage_summary_items")
def add_waiting_submissions(request, summary_items):
    summary_items.append(WaitingSubmissionsSummaryItem(request))
