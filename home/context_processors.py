from .cache import lazy_content_version


def content(request):
    """The versions cached fragments are keyed on (cache.py), read when a fragment needs them."""
    return {"content_version": lazy_content_version(request)}
