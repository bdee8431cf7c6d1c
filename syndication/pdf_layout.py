"""The layout of a page's PDF with WeasyPrint (syndication/pdf.py serves it).

Imported only where a PDF is made: WeasyPrint takes about a second to import.
"""

import copy
import mimetypes

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

PDF_STYLESHEET = "syndication/pdf.css"


class PortalFetcher(URLFetcher):
    """Opens the site's static files and media from their storages; nothing else."""

    def __init__(self, base_url, **kwargs):
        super().__init__(allowed_protocols=[], **kwargs)
        self.base_url = base_url

    def fetch(self, url, headers=None):
        path = url.removeprefix(self.base_url.rstrip("/"))
        if path.startswith(settings.STATIC_URL):
            return _response(url, _static(path.removeprefix(settings.STATIC_URL)))
        media_prefix = default_storage.url("")
        for prefix in {settings.MEDIA_URL, media_prefix}:
            if prefix and path.startswith(prefix):
                with default_storage.open(path.removeprefix(prefix)) as file:
                    return _response(url, file.read())
        raise ValueError(f"Not fetched for a PDF: {url}")  # WeasyPrint leaves it out


def _response(url, body):
    content_type = mimetypes.guess_type(url.split("?")[0])[0] or "application/octet-stream"
    return URLFetcherResponse(url, body, headers={"Content-Type": content_type})


def _static(name):
    name = name.split("?")[0]
    try:
        with staticfiles_storage.open(name) as file:  # collected (production)
            return file.read()
    except (FileNotFoundError, ValueError):
        found = finders.find(name)  # from the apps' folders (development, tests)
        if found is None:
            raise
        with open(found, "rb") as file:
            return file.read()


def render_pdf(request, page):
    """The page's HTML as the page shows it, laid out for print, as PDF bytes."""
    # The HTML is an intermediate product: what rendering it asks of the response (the
    # registration form's CSRF cookie, which print hides anyway) must not reach the PDF.
    html_request = copy.copy(request)
    html_request.META = request.META.copy()
    html = page.serve(html_request).render().content.decode()
    base_url = request.build_absolute_uri("/")
    fetcher = PortalFetcher(base_url)
    stylesheet = CSS(string=_static(PDF_STYLESHEET).decode(), url_fetcher=fetcher)
    document = HTML(string=html, base_url=request.build_absolute_uri(), url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[stylesheet], pdf_tags=True)
