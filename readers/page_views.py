"""Page views per page, language and day, counted on the server without tracking.

No cookie, no address, no user agent is stored: a view is one increment of a counter
in the cache (Redis in production: atomic, shared by the app servers) under the day
and the page's id; the page's id names its language. ``manage.py flush_page_views``
(cron, every few minutes) moves the counts into PageViewDay rows, subtracting what it
moved, so nothing is counted twice and a crash between the two steps loses at most the
counts being moved.

Counted in PageViewMiddleware, outside the whole-page cache: a page rendered by
Wagtail marks the request (before_serve_page, wagtail_hooks.py) and the middleware
counts it once and remembers which page the address showed; a page the cache serves
(``X-Page-Cache: hit``) is counted through that memory. Only successful GETs count (a 304
Not Modified too: the browser shows its copy to the reader again), and not what declares
itself a bot. With the cache gone nothing is counted; pages are served
as ever.
"""

import datetime
import hashlib

from django.core.cache import cache
from django.db.models import F
from django.utils import timezone

BOT_WORDS = ("bot", "crawl", "spider", "slurp", "preview", "monitor")
KEEP_SECONDS = 3 * 24 * 60 * 60


def _counter_key(day, page_id):
    return f"views:{day.isoformat()}:{page_id}"


def _address_key(request):
    url = f"{request.get_host()}{request.get_full_path()}"
    return "views-page:" + hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()


def count(page_id, day=None):
    key = _counter_key(day or timezone.localdate(), page_id)
    if cache.add(key, 1, KEEP_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired meanwhile, or the cache is unreachable
        cache.add(key, 1, KEEP_SECONDS)


def _is_bot(request):
    agent = request.headers.get("User-Agent", "").lower()
    return not agent or any(word in agent for word in BOT_WORDS)


class PageViewMiddleware:
    """Counts each page view once, whether Wagtail rendered it or the page cache served it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # 304: a reader's browser showed its copy of the page again after asking.
        if request.method != "GET" or response.status_code not in (200, 304) or _is_bot(request):
            return response
        page_id = getattr(request, "viewed_page_id", None)
        if page_id is not None:
            count(page_id)
            if response.get("X-Page-Cache") == "miss":
                cache.set(_address_key(request), page_id, KEEP_SECONDS)
        elif response.get("X-Page-Cache") == "hit":
            page_id = cache.get(_address_key(request))
            if page_id is not None:
                count(page_id)
        return response


def flush(page_ids, days):
    """Move the cached counts of these pages and days into PageViewDay; returns views moved."""
    from wagtail.models import Page

    from .models import PageViewDay

    keys = {_counter_key(day, pk): (day, pk) for day in days for pk in page_ids}
    found = {}
    for chunk in _chunks(list(keys), 500):
        found.update(cache.get_many(chunk))
    languages = dict(
        Page.objects.filter(pk__in={keys[key][1] for key in found}).values_list(
            "pk", "locale__language_code"
        )
    )
    moved = 0
    for key, views in found.items():
        day, page_id = keys[key]
        if not views or page_id not in languages:
            continue
        cache.decr(key, views)
        row, created = PageViewDay.objects.get_or_create(
            page_id=page_id, date=day, defaults={"language": languages[page_id], "views": views}
        )
        if not created:
            PageViewDay.objects.filter(pk=row.pk).update(views=F("views") + views)
        moved += views
    return moved


def recent_days(today=None):
    today = today or timezone.localdate()
    return [today - datetime.timedelta(days=n) for n in range(3)]


def _chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]
