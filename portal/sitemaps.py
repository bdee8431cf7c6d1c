"""/sitemap.xml: every live public page in every language, with hreflang alternates.

Aliases (pages not yet translated, showing the German text) are left out:
their address in the sitemap would claim a translation that does not exist.
"""

from collections import defaultdict

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as django_sitemap
from wagtail.models import Page

from locales.languages import DEFAULT_LANGUAGE


class PageSitemap(Sitemap):
    def __init__(self, request):
        self.request = request
        self.latest_lastmod = None

    def _pages(self):
        return list(
            Page.objects.live()
            .public()
            .filter(depth__gte=2, alias_of__isnull=True)
            .select_related("locale")
            .order_by("path")
        )

    def get_urls(self, page=1, site=None, protocol=None):
        pages = self._pages()
        locations = {page.id: page.get_full_url(self.request) for page in pages}
        by_key = defaultdict(list)
        for page in pages:
            by_key[page.translation_key].append(page)
        urls = []
        for page in pages:
            alternates = [
                {"lang_code": other.locale.language_code, "location": locations[other.id]}
                for other in by_key[page.translation_key]
            ]
            default = next(
                (a for a in alternates if a["lang_code"] == DEFAULT_LANGUAGE), alternates[0]
            )
            alternates.append({"lang_code": "x-default", "location": default["location"]})
            lastmod = page.last_published_at
            if lastmod and (self.latest_lastmod is None or lastmod > self.latest_lastmod):
                self.latest_lastmod = lastmod
            urls.append(
                {
                    "item": page,
                    "location": locations[page.id],
                    "lastmod": lastmod,
                    "changefreq": None,
                    "priority": None,
                    "alternates": alternates,
                }
            )
        return urls


def sitemap(request):
    return django_sitemap(request, sitemaps={"pages": PageSitemap(request)})
