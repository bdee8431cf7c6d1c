"""News, event and guidance pages as PDF, made on the server with WeasyPrint.

/<lang>/<path of the page>.pdf is the page's own HTML, rendered as the page is and laid
out with the site's print styles (``@media print`` in site.css, which the browser's
"Print" uses too) plus pdf.css (A4, page numbers, the fonts by name). WeasyPrint shapes
text with Pango and HarfBuzz, so Arabic and Farsi come out right-to-left and joined;
the fonts are Debian's (fonts-noto-core, fonts-dejavu-core), found through fontconfig.

Nothing is fetched over the network: the only URLs the renderer may open are the site's
own static files and media, read from their storages (pdf_layout.PortalFetcher). A page
that is not live gives a 404; a page with a view restriction answers as the page would
(password form, login), and its PDF is kept out of every shared cache. Public PDFs go into the
whole-page cache (portal/page_cache.py) under the page's own tags, so a PDF is made
once per change of its page and language; the query string is dropped by a redirect so
that nobody can make the server render the same page under endless addresses.
"""

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.views.decorators.http import require_safe
from wagtail.wagtail_hooks import check_view_restrictions

from events.models import EventPage
from guidance.models import GuidancePage
from home import routing
from home.cache import declare, page_tags
from news.models import NewsPage

PDF_PAGE_TYPES = (NewsPage, EventPage, GuidancePage)


def offers_pdf(page):
    """True for live pages of the types that offer a PDF."""
    return page is not None and page.live and issubclass(page.specific_class, PDF_PAGE_TYPES)


def pdf_url(page, request=None):
    """The PDF's address: the page's own, with .pdf instead of the last slash."""
    return page.get_url(request).rstrip("/") + ".pdf"


def _find_page(request, path):
    try:
        found = routing.route(request, path)
    except Http404:
        found = None
    if found is None or found.args or found.kwargs or not offers_pdf(found.page):
        raise Http404
    return found.page


def _pdf_response(page, request, serve_args, serve_kwargs):
    restricted = bool(page.get_view_restrictions())
    if not restricted:
        declare(request, page_tags(page, get_language()))  # the whole-page cache keeps it
    from .pdf_layout import render_pdf  # WeasyPrint takes a second to import: only here

    response = HttpResponse(render_pdf(request, page), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, f"{page.slug}.pdf")
    if not restricted:
        # Browsers and a CDN ask again each time (the URL is not among those a publish
        # purges); the answer then comes from the page cache, or as 304 Not Modified.
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    return response


@require_safe
def page_pdf(request, path):
    if request.GET:
        return HttpResponseRedirect(request.path)  # one address, one rendering per page
    page = _find_page(request, path + "/")
    # Wagtail's own check, as the page has it: the password form or the login for a
    # restricted page, and never-cache headers on whatever such a page answers.
    return check_view_restrictions(_pdf_response)(page, request, [], {})
