"""/sitemap.xml: an index of sitemaps of at most 10,000 live public pages each.

Each sitemap (/sitemap-pages.xml?p=N) lists its pages in every language with
hreflang alternates. Aliases (pages not yet translated, showing the German
text) are left out: their address in the sitemap would claim a translation
that does not exist. Both are kept whole in the page cache until a page changes.
"""

from collections import defaultdict

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.db.models import Max
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.models import Page

from home.cache import ALL, PAGES, declare
from locales.languages import DEFAULT_LANGUAGE
from locales.utils import absolute_url


def _real_pages():
    return Page.objects.live().public().filter(depth__gte=2, alias_of__isnull=True)


class PageSitemap(Sitemap):
    limit = 10_000

    def __init__(self, request):
        self.request = request
        self.latest_lastmod = None

    def items(self):
        return _real_pages().order_by("path").select_related("locale")

    def get_latest_lastmod(self):
        return _real_pages().aggregate(latest=Max("last_published_at"))["latest"]

    def get_urls(self, page=1, site=None, protocol=None):
        pages = list(self.paginator.page(page).object_list)
        translations = (
            _real_pages()
            .filter(translation_key__in={page.translation_key for page in pages})
            .select_related("locale")
            .order_by("path")
        )
        by_key = defaultdict(list)
        for other in translations:
            by_key[other.translation_key].append(
                {
                    "lang_code": other.locale.language_code,
                    "location": other.get_full_url(self.request),
                }
            )
        return [self._url(page, by_key[page.translation_key]) for page in pages]

    def _url(self, page, alternates):
        location = page.get_full_url(self.request)
        default = next(
            (a for a in alternates if a["lang_code"] == DEFAULT_LANGUAGE),
            alternates[0] if alternates else {"location": location},
        )
        alternates = [*alternates, {"lang_code": "x-default", "location": default["location"]}]
        lastmod = page.last_published_at
        if lastmod and (self.latest_lastmod is None or lastmod > self.latest_lastmod):
            self.latest_lastmod = lastmod
        return {
            "item": page,
            "location": location,
            "lastmod": lastmod,
            "changefreq": None,
            "priority": None,
            "alternates": alternates,
        }


def sitemap_index(request):
    declare(request, [ALL, PAGES], same_in_every_language=True)
    pages = PageSitemap(request)
    lastmod = pages.get_latest_lastmod()
    location = absolute_url(reverse("sitemap-pages"), request)
    items = [
        SitemapIndexItem(location if number == 1 else f"{location}?p={number}", lastmod)
        for number in pages.paginator.page_range
    ]
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": items}, content_type="application/xml"
    )


def sitemap(request):
    declare(request, [ALL, PAGES], same_in_every_language=True)
    return django_sitemap(request, sitemaps={"pages": PageSitemap(request)})
