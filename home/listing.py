"""What every listing page shares: pagination and keeping the filters in links."""

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch
from django.db.models.functions import Length, Substr
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction


def paginate(request, items, per_page):
    """The requested page of items; out-of-range or malformed numbers give the nearest page."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def filter_query_string(request):
    """The current filters as a query string prefix for pagination links ("a=1&")."""
    params = request.GET.copy()
    params.pop("page", None)
    encoded = params.urlencode()
    return f"{encoded}&" if encoded else ""


def selected(request, name, choices):
    """The choice whose slug the request names in ?name=…, or None."""
    slug = request.GET.get(name, "")
    return next((choice for choice in choices if choice.slug == slug), None)


def public(pages):
    """pages.public() without its query: Wagtail reads every view restriction first (one
    query per listing); here the restricted sections are a subquery of the listing's own."""
    restricted_above = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return pages.filter(~Exists(restricted_above))


def with_image(pages, field, *filter_specs):
    """pages with their image (the foreign key field) joined, and its renditions of the
    filter specs in one query more (Wagtail's prefetch_renditions, through the page)."""
    renditions = (
        get_image_model().get_rendition_model().objects.filter(filter_spec__in=filter_specs)
    )
    prefetch = Prefetch(f"{field}__renditions", renditions, to_attr="prefetched_renditions")
    return pages.select_related(field).prefetch_related(prefetch)
