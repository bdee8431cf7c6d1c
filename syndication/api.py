"""The read API: Wagtail's API v2 at /api/v2/ (pages, images, documents), read-only.

- Only live, public pages of the default site's trees in every language
  (Wagtail's base queryset: live, no view restriction); ``?locale=ar`` picks a
  language, ``?type=events.EventPage`` a page type. Documents in private
  collections are left out.
- Each page carries ``translations``: its other language versions with locale,
  title, URL and whether the text there is translated or the original shown as
  an alias (one query per listing, not per item).
- Events and organisations take the filters of the portal's listings
  (``?target_group=``, ``?language=``, ``?organiser=``, ``?district=``,
  ``?free=1``, ``?upcoming=1``; ``?field=``, ``?language=``, ``?district=``).
- No session, no cookie, no CSRF: nobody logs in here. Rate-limited per client
  address (APIRateThrottle; counted in the cache, so with the cache gone nothing
  is counted and the API stays open, as the public forms do).
- Cached: responses go into the whole-page cache (portal/page_cache.py) until any
  page, image or document changes, and carry ``Cache-Control: public, max-age``.
"""

import hashlib
from copy import copy

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from rest_framework.fields import Field
from rest_framework.filters import BaseFilterBackend
from rest_framework.renderers import JSONRenderer
from rest_framework.throttling import SimpleRateThrottle
from wagtail.api import APIField
from wagtail.api.v2 import filters
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import CollectionViewRestriction

from events.models import EventPage, event_filter
from home.cache import ALL, PAGES, declare
from organisations.models import OrganisationPage

from .api_fields import api_fields

ORGANISATION_FILTERS = {
    "field": "fields_of_action__slug",
    "language": "languages__slug",
    "district": "district__slug",
}
EVENT_FILTERS = ("target_group", "language", "organiser", "district", "free", "upcoming")
LISTING_FILTERS = {*ORGANISATION_FILTERS, *EVENT_FILTERS}


class APIRateThrottle(SimpleRateThrottle):
    """API_RATE_LIMIT requests per client address; the address is hashed, never stored."""

    scope = "api"

    def get_rate(self):
        return settings.API_RATE_LIMIT

    def get_cache_key(self, request, view):
        address = get_client_ip_address(request._request) or "unknown"
        return "api-rate:" + hashlib.sha256(address.encode()).hexdigest()[:32]


class ReadOnlyAPIMixin:
    """JSON only, nobody logged in, throttled; responses cached and cacheable."""

    renderer_classes = [JSONRenderer]  # one renderer: no Vary: Accept, so cacheable
    authentication_classes = []
    permission_classes = []
    throttle_classes = [APIRateThrottle]

    def initial(self, request, *args, **kwargs):
        # Before the throttle and the rendering: a change meanwhile makes the entry stale.
        declare(request._request, [ALL, PAGES], same_in_every_language=True)
        # Read by LocaleMiddleware on the way out: a URLconf without language prefixes,
        # so that a 404 stays a JSON 404 instead of a redirect to /de/api/….
        request._request.urlconf = "syndication.urls"
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200:
            response["Cache-Control"] = f"public, max-age={settings.API_CACHE_SECONDS}"
        return response


class TranslationsField(Field):
    """The page's other language versions (see PortalPagesAPIViewSet.translations_of)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return self.context["view"].translations_of(page)


class ListingFilter(BaseFilterBackend):
    """The filters of the portal's event and organisation listings, by slug."""

    def filter_queryset(self, request, queryset, view):
        params = request.GET
        if issubclass(queryset.model, OrganisationPage):
            for name, lookup in ORGANISATION_FILTERS.items():
                if value := params.get(name):
                    queryset = queryset.filter(**{lookup: value})
            return queryset.distinct()
        if issubclass(queryset.model, EventPage):
            queryset = queryset.filter(event_filter(params))
            if params.get("upcoming"):
                queryset = queryset.filter(event_dates__end__gte=timezone.now())
            return queryset.distinct()
        return queryset


class FieldsFilter(filters.FieldsFilter):
    """Wagtail's ?field=value filters, except the listings' filters by slug (ListingFilter)."""

    def filter_queryset(self, request, queryset, view):
        request = copy(request)
        request.GET = request.GET.copy()
        for name in LISTING_FILTERS:
            request.GET.pop(name, None)
        return super().filter_queryset(request, queryset, view)


class PortalPagesAPIViewSet(ReadOnlyAPIMixin, PagesAPIViewSet):
    filter_backends = [
        ListingFilter,
        *(
            FieldsFilter if f is filters.FieldsFilter else f
            for f in PagesAPIViewSet.filter_backends
        ),
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(LISTING_FILTERS)
    meta_fields = PagesAPIViewSet.meta_fields + [
        APIField("translations", serializer=TranslationsField(read_only=True))
    ]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + ["translations"]

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(cls.body_fields + list(api_fields(model)))

    def paginate_queryset(self, queryset):
        self.shown_pages = list(super().paginate_queryset(queryset))
        return self.shown_pages

    def get_object(self):
        page = super().get_object()
        self.shown_pages = [page]
        return page

    def translations_of(self, page):
        if not hasattr(self, "_translations"):
            self._translations = self._translation_map(getattr(self, "shown_pages", [page]))
        return [
            entry
            for entry in self._translations.get(page.translation_key, [])
            if entry["locale"] != page.locale.language_code
        ]

    def _translation_map(self, pages):
        """{translation_key: [version, …]} for the pages, live and public ones only; one query."""
        keys = {page.translation_key for page in pages}
        versions = (
            self.get_base_queryset()
            .filter(translation_key__in=keys)
            .select_related("locale")
            .order_by("locale__language_code")
        )
        result = {}
        for version in versions:
            result.setdefault(version.translation_key, []).append(
                {
                    "locale": version.locale.language_code,
                    "title": version.title,
                    "html_url": version.get_full_url(self.request),
                    "translated": version.alias_of_id is None,
                }
            )
        return result


class PortalImagesAPIViewSet(ReadOnlyAPIMixin, ImagesAPIViewSet):
    pass


class PortalDocumentsAPIViewSet(ReadOnlyAPIMixin, DocumentsAPIViewSet):
    def get_queryset(self):
        """Documents outside private collections (a restriction covers the sub-collections)."""
        queryset = super().get_queryset()
        restricted = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
        condition = Q()
        for path in restricted:
            condition |= Q(collection__path__startswith=path)
        return queryset.exclude(condition) if condition else queryset


api_router = WagtailAPIRouter("api")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)
api_router.register_endpoint("documents", PortalDocumentsAPIViewSet)
