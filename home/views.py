from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from locales.utils import active_locale, view_language_versions

from .cache import ALL, PAGES, declare, nav_tag
from .listing import filter_query_string

RESULTS_PER_PAGE = 10


def search(request):
    """Full-text search over every page type, in the visitor's language."""
    query = request.GET.get("q", "").strip()[:200]
    declare(request, [ALL, nav_tag(get_language()), PAGES])  # cached until any page changes
    results = None
    if query:
        pages = Page.objects.live().public().filter(locale=active_locale()).search(query)
        paginator = Paginator(pages, RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results = paginator.page(1)
        except EmptyPage:
            results = paginator.page(paginator.num_pages)
        ids = [page.id for page in results.object_list]
        specific = {page.id: page for page in Page.objects.filter(id__in=ids).specific()}
        results.object_list = [specific[page_id] for page_id in ids if page_id in specific]
    return TemplateResponse(
        request,
        "home/search_results.html",
        {
            "search_query": query,
            "results": results,
            "title": _("Search"),
            "query_string": filter_query_string(request),
            "language_versions": view_language_versions(
                "search", urlencode({"q": query}) if query else ""
            ),
        },
    )
