from .cache import content_version


def content(request):
    """The content version that cached fragments are keyed on (a cache read, no query)."""
    return {"content_version": content_version()}
