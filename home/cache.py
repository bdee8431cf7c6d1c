"""One version number for everything visitors read, and lazy page context.

Rendered navigation and page fragments are cached under the current content
version. Publishing, unpublishing, moving or deleting a page, or saving a
snippet, image, document or the site settings bumps the version, so the next
visitor gets freshly rendered content (see signals.py). Fragments also expire
after PAGE_FRAGMENT_CACHE_SECONDS, because listings of upcoming dates age.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

VERSION_KEY = "content-version"


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.set(VERSION_KEY, version, None)
    return version


def bump_content_version():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)


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


def lazy_context(build, keys):
    """Context entries that run build() only when a template first reads one of them.

    A page whose fragments come from the cache then makes none of those queries.
    """
    data = SimpleLazyObject(build)
    return {key: SimpleLazyObject(lambda key=key: data[key]) for key in keys}
