"""Whole pages for anonymous readers, from the cache, until something they show changes.

A view opts in by declaring the cache tags its response depends on
(home.cache.declare; Wagtail pages through the before_serve_page hook in
wagtail_hooks.py, search and feeds in their views). Such a response is stored
per host and full URL (the language is the URL's prefix) together with the
tags' versions, and served again while every version is current, so a publish
re-renders only the pages that show what changed (home/signals.py).

Only what is the same for every anonymous reader is stored: GET and HEAD
without a session or messages cookie (so never for logged-in editors), status 200, no
cookie set, no CSRF token used (form pages), no Vary beyond Cookie and
Accept-Encoding, no ``Cache-Control: private``. Every response of an opted-in
view gets an ETag and Last-Modified and answers a matching conditional request
with 304; stored ones get ``Cache-Control: public`` (with ``s-maxage`` when a
frontend cache is purged, see purge_frontend_cache), others ``private``.

The cache is Django's default one (Redis in production, portal/cache.py):
with Redis gone every request is a miss and pages are rendered as without
this middleware. A change saved while Redis was unreachable bumps no tag, so
a page stored before can be served until PAGE_CACHE_SECONDS have passed.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page

from home.cache import is_current, pages_changed

STORABLE_VARY = {"cookie", "accept-encoding"}
# A reader with one of these cookies may see something personal (logged in, a message).
PERSONAL_COOKIES = ("messages",)
HIT_HEADER = "X-Page-Cache"

CSP_ATTRIBUTES = ("_csp_config", "_csp_update", "_csp_replace", "_csp_exempt")


def csp_requests(response):
    return {name: getattr(response, name) for name in CSP_ATTRIBUTES if hasattr(response, name)}


def _key(request):
    url = f"{request.get_host()}{request.get_full_path()}"
    return "page-cache:" + hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()


def _may_use_cache(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path_info.startswith(settings.ADMIN_PATH_PREFIXES)
    )


def _may_store(request, response):
    vary = {value.strip().lower() for value in response.get("Vary", "").split(",") if value}
    if getattr(request, "cache_ignores_language", False):
        vary.discard("accept-language")
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(request, "is_preview", False)
        and vary <= STORABLE_VARY
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
    )


def _public_cache_control(response):
    if response.has_header("Cache-Control"):
        return  # the view chose (calendar feeds: subscribers may keep them ten minutes)
    if settings.WAGTAILFRONTENDCACHE:
        patch_cache_control(
            response, public=True, max_age=0, s_maxage=settings.FRONTEND_CACHE_SECONDS
        )
    else:
        patch_cache_control(response, public=True, max_age=0)


def _entry(request, response):
    content = response.content
    return {
        "status": response.status_code,
        "headers": [item for item in response.items() if item[0] != HIT_HEADER],
        "content": content,
        "versions": request.cache_versions,
        "etag": f'"{hashlib.md5(content, usedforsecurity=False).hexdigest()}"',
        "modified": int(time.time()),
        # What a view's django-csp decorator asked of the CSP middleware, which runs
        # outside this cache (the embeddable listings lift frame-ancestors).
        "csp": csp_requests(response),
    }


def _from_entry(entry):
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    for name, value in entry.get("csp", {}).items():
        setattr(response, name, value)
    return response


def _conditional(request, response, entry):
    response["ETag"] = entry["etag"]
    response["Last-Modified"] = http_date(entry["modified"])
    return get_conditional_response(
        request, etag=entry["etag"], last_modified=entry["modified"], response=response
    )


class PageCacheMiddleware:
    """Serves and stores whole pages; see the module docstring. Sits outside the session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_use_cache(request):
            return self._uncached(request)
        key = _key(request)
        entry = cache.get(key)
        if entry is not None and is_current(entry["versions"]):
            response = _conditional(request, _from_entry(entry), entry)
            response[HIT_HEADER] = "hit"  # also on a 304 (readers.page_views counts it)
            return response
        response = self.get_response(request)
        if getattr(request, "cache_versions", None) is None:
            return response  # the view did not opt in
        if not _may_store(request, response):
            patch_cache_control(response, private=True)
            return response
        _public_cache_control(response)
        entry = _entry(request, response)
        cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
        response = _conditional(request, response, entry)
        response[HIT_HEADER] = "miss"
        return response

    def _uncached(self, request):
        response = self.get_response(request)
        if getattr(request, "cache_versions", None) is not None:
            patch_cache_control(response, private=True)
        return response


# --------------------------------------------------------------------------- frontend cache


def _purge(page_ids):
    batch = PurgeBatch()
    batch.add_pages(Page.objects.filter(pk__in=page_ids).live())
    batch.purge()


def purge_frontend_cache(sender, page_ids, **kwargs):
    """Purge the changed pages from a CDN or Varnish (WAGTAILFRONTENDCACHE), after commit."""
    if page_ids and settings.WAGTAILFRONTENDCACHE:
        ids = list(page_ids)
        transaction.on_commit(lambda: _purge(ids))


def connect():
    pages_changed.connect(purge_frontend_cache, dispatch_uid="purge-frontend-cache")
