"""Listings other sites embed with one line of HTML: an iframe of /<lang>/embed/events/ or
/<lang>/embed/organisations/, with the portal's filters in the query string.

The pages reuse the index pages' own listings (the same filters, order and labels in the
visitor's language), set no cookie (no session, no CSRF token, no language cookie),
load nothing from other hosts, and may be framed by any site: only these two views
lift X-Frame-Options and CSP frame-ancestors (EMBED_FRAME_ANCESTORS). They go into the
whole-page cache like their index pages, dropped when an entry of the listing changes.
"""

from csp.decorators import csp_replace
from django.conf import settings
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from events.models import EventIndexPage
from home.cache import ALL, declare, page_tag
from organisations.models import OrganisationIndexPage


def _index(model):
    """The live, public index page of this type in the request's language."""
    index = model.objects.live().public().filter(locale__language_code=get_language()).first()
    if index is None:
        raise Http404
    return index


def embeddable(view):
    """Allowed in frames of other sites, for GET and HEAD only."""
    framed = csp_replace({"frame-ancestors": settings.EMBED_FRAME_ANCESTORS})
    return require_safe(xframe_options_exempt(framed(view)))


def _render(request, index, template, extra):
    declare(request, [ALL, page_tag(index.pk)])  # until an entry of the listing changes
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "index": index,
        "full_listing_url": index.get_url(request) + (f"?{query.urlencode()}" if query else ""),
        **index.listing(request),
        **extra,
    }
    return TemplateResponse(request, template, context)


@embeddable
def events(request):
    index = _index(EventIndexPage)
    return _render(request, index, "syndication/embed_events.html", {})


@embeddable
def organisations(request):
    index = _index(OrganisationIndexPage)
    return _render(request, index, "syndication/embed_organisations.html", {})
