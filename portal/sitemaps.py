"""/sitemap.xml: an index of sitemaps of at most PageSitemap.limit live public pages each.

Each sitemap (/sitemap-pages.xml?p=N) lists its pages in every language with
hreflang alternates. Aliases (pages not yet translated, showing the German
text) are left out: their address in the sitemap would claim a translation
that does not exist. Both are kept whole in the page cache until a page changes.

At 100,000 pages Django's sitemap framework spends ~0.3 ms a page (a Page object,
Wagtail's get_full_url, the template); here each file costs two queries of plain
values, the addresses are joined from the site root paths, and the XML is written
as text: 1,000 pages in ~40 ms CPU (benchmarks/site_scale.py).
"""

import math
from collections import defaultdict
from xml.sax.saxutils import quoteattr

from django.db.models import Count, Max
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.http import http_date
from django.utils.translation import override
from wagtail.models import Page, Site

from home.cache import ALL, PAGES, declare
from home.listing import public
from locales.languages import DEFAULT_LANGUAGE
from locales.utils import absolute_url

XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
URLSET = (
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


class PageSitemap:
    limit = 1_000  # pages a file (the protocol allows 50,000; a file stays ≤ 50 ms CPU)


def _real_pages():
    return public(Page.objects.live()).filter(depth__gte=2, alias_of__isnull=True)


def _xml_response(parts, lastmod=None):
    response = HttpResponse("".join(parts), content_type="application/xml")
    if lastmod:
        response["Last-Modified"] = http_date(lastmod.timestamp())
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


def sitemap_index(request):
    declare(request, [ALL, PAGES], same_in_every_language=True)
    totals = _real_pages().aggregate(count=Count("pk"), latest=Max("last_published_at"))
    files = max(1, math.ceil(totals["count"] / PageSitemap.limit))
    location = absolute_url(reverse("sitemap-pages"), request)
    lastmod = f"<lastmod>{totals['latest']:%Y-%m-%d}</lastmod>" if totals["latest"] else ""
    parts = [XML_HEAD, '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n']
    for number in range(1, files + 1):
        address = location if number == 1 else f"{location}?p={number}"
        parts.append(f"<sitemap><loc>{_escape(address)}</loc>{lastmod}</sitemap>\n")
    parts.append("</sitemapindex>\n")
    return _xml_response(parts, totals["latest"])


def sitemap(request):
    declare(request, [ALL, PAGES], same_in_every_language=True)
    try:
        number = int(request.GET.get("p", 1))
    except ValueError:
        raise Http404("No such sitemap") from None
    if number < 1:
        raise Http404("No such sitemap")
    start = (number - 1) * PageSitemap.limit
    fields = ("url_path", "translation_key", "locale__language_code", "last_published_at")
    pages = list(
        _real_pages().order_by("path").values_list(*fields)[start : start + PageSitemap.limit]
    )
    if not pages and number > 1:
        raise Http404("No such sitemap")
    url = _url_maker(request)
    alternates = defaultdict(list)
    translations = _real_pages().filter(translation_key__in={page[1] for page in pages})
    for url_path, key, code, _lastmod in translations.order_by("path").values_list(*fields):
        location = url(url_path, code)
        if location:
            alternates[key].append((code, location))
    parts = [XML_HEAD, URLSET]
    for url_path, key, code, lastmod in pages:
        location = url(url_path, code)
        if location is not None:
            parts.append(_url_entry(location, lastmod, alternates[key]))
    parts.append("</urlset>\n")
    return _xml_response(parts, max((page[3] for page in pages if page[3]), default=None))


def _url_entry(location, lastmod, alternates):
    default = dict(alternates).get(DEFAULT_LANGUAGE) or location
    links = [*alternates, ("x-default", default)]
    return "".join(
        [
            f"<url><loc>{_escape(location)}</loc>",
            f"<lastmod>{lastmod:%Y-%m-%d}</lastmod>" if lastmod else "",
            *(
                f'<xhtml:link rel="alternate" hreflang="{code}" href={quoteattr(href)}/>'
                for code, href in links
            ),
            "</url>\n",
        ]
    )


def _escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _url_maker(request):
    """url(url_path, language_code): a page's full address as Page.get_full_url gives it
    (the request's site first among those whose home holds the page), without a query."""
    site = Site.find_for_request(request)
    roots = sorted(
        Site.get_site_root_paths(),
        key=lambda root: root.site_id != getattr(site, "pk", None),
    )
    prefixes = {}

    def url(url_path, code):
        for root in roots:
            if root.language_code == code and url_path.startswith(root.root_path):
                if code not in prefixes:
                    with override(code):
                        prefixes[code] = reverse("wagtail_serve", args=("",))
                return root.root_url + prefixes[code] + url_path[len(root.root_path) :]
        return None

    return url
