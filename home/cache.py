"""Cache tags: what visitors read stays cached until something it shows changes.

Whole pages (portal/page_cache.py), page fragments and the navigation are
stored together with the versions of the tags they depend on:

- ``all``: everything (a move, the daily shift of event dates);
- ``nav:<lang>``: the navigation and footer links of one language;
- ``page:<id>``: one page, including what it shows of other pages and snippets;
- ``pages``: any page at all (search results).

A tag's version is a random token kept in the cache without expiry. Bumping a
tag stores a new token, so whatever was stored under the old one is stale. A
tag missing from the cache (evicted, Redis emptied or unreachable) gets a new
token: what depended on it is cold, never stale. signals.py decides which tags
a change bumps; fragments also expire after PAGE_FRAGMENT_CACHE_SECONDS and
whole pages after PAGE_CACHE_SECONDS, because listings of upcoming dates age.
"""

import inspect
import uuid
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.dispatch import Signal
from django.utils.functional import SimpleLazyObject, cached_property

ALL = "all"
PAGES = "pages"

# Sent with page_ids after their tags were bumped (portal.page_cache purges a CDN).
pages_changed = Signal()


def nav_tag(code):
    return f"nav:{code}"


def page_tag(page_id):
    return f"page:{page_id}"


def _key(tag):
    return f"tag:{tag}"


def versions(tags):
    """{tag: version} for the tags; tags without a version get a new one."""
    found = cache.get_many([_key(tag) for tag in tags])
    result, missing = {}, {}
    for tag in tags:
        version = found.get(_key(tag))
        if version is None:
            version = missing[_key(tag)] = uuid.uuid4().hex[:12]
        result[tag] = version
    if missing:
        cache.set_many(missing, None)
    return result


def bump(tags):
    """Make everything stored under these tags stale, now and again at commit.

    The second bump covers a request that read the old content just before the
    change was committed and stored it under the new version.
    """
    tags = set(tags)
    if not tags:
        return

    def new_versions():
        cache.set_many({_key(tag): uuid.uuid4().hex[:12] for tag in tags}, None)

    new_versions()
    transaction.on_commit(new_versions)


def page_tags(page, code):
    return [ALL, nav_tag(code), page_tag(page.pk)]


def declare(request, tags, same_in_every_language=False):
    """Record that this response shows what tags stand for, with their versions now.

    Read before rendering, so a change during the rendering makes the result stale.
    same_in_every_language: a view outside the language prefix (the sitemap) whose
    response does not depend on the visitor's Accept-Language.
    """
    request.cache_versions = versions(tags)
    request.cache_ignores_language = same_in_every_language


def content_version(request):
    """The versions a page's fragments are keyed on: its tags without the navigation."""
    declared = getattr(request, "cache_versions", None) or versions([ALL])
    return "-".join(v for tag, v in sorted(declared.items()) if not tag.startswith("nav:"))


def lazy_content_version(request):
    return SimpleLazyObject(lambda: content_version(request))


def fragment_timeout(request, page):
    """Seconds to cache a page's rendered fragments; 0 where they must not be cached.

    Previews show unsaved drafts and form pages carry a CSRF token, so neither
    is cached. Pages opt out with `cache_fragments = False`.
    """
    if request is None or getattr(request, "is_preview", False):
        return 0
    if page is None or not getattr(page, "cache_fragments", True):
        return 0
    return settings.PAGE_FRAGMENT_CACHE_SECONDS


class LazyContext:
    """Context entries that are computed only when a template first reads them.

    A subclass's public cached properties are the entries (their names the context
    keys); work that several share goes into private ones. A page whose fragments come
    from the cache then makes none of those queries.
    """

    def __init__(self, page, request=None):
        self.page, self.request = page, request

    def entries(self):
        names = [
            name
            for name, attr in inspect.getmembers(type(self))
            if isinstance(attr, cached_property) and not name.startswith("_")
        ]
        return {name: SimpleLazyObject(partial(getattr, self, name)) for name in names}


def is_current(stored):
    """True when every tag still has the version stored with a cached response."""
    found = cache.get_many([_key(tag) for tag in stored])
    return all(found.get(_key(tag)) == version for tag, version in stored.items())
