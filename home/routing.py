"""Routing a request to its page in three queries, whatever the page's depth.

Wagtail walks the tree one level at a time (the child by slug, then its specific
row: two queries per level) and later asks for the ancestors again (view
restrictions, breadcrumbs). Here the language's home page and every page on the
path come in two queries (by url_path, with their locales), then the specific row
of the page served. The pages above it are kept on it (``route_ancestors``) for
its view restrictions (locales.permissions.RolePagePermissions) and breadcrumbs.

Pages that route themselves (RoutablePageMixin, an own ``route``) get the rest of
the path, as in Wagtail. The view hands the result to Wagtail's serve view, which
reads it from ``request._wagtail_route_for_request`` (Page.route_for_request).
"""

from django.http import Http404
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from locales.utils import active_language_code


def _routes_itself(page):
    model = page.specific_class
    return model is not None and model.route is not Page.route


def _specific(page, ancestors):
    """The page's specific object, keeping its locale and ancestors (no further query)."""
    specific = page.specific
    specific._state.fields_cache.setdefault("locale", page.locale)
    specific.route_ancestors = ancestors
    if ancestors:
        specific._cached_parent_obj = ancestors[-1]
    return specific


def _home(site):
    """The site's home page in the visitor's language (as Page.localized), with its locale."""
    root = site.root_page
    localized = (
        Page.objects.filter(
            translation_key=root.translation_key,
            locale__language_code=active_language_code(),
            live=True,
        )
        .select_related("locale")
        .first()
    )
    return localized or root


def route(request, path):
    """Page.route_for_request's result (a RouteResult, or None for a 404)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    home = _home(site)
    paths = [home.url_path + "/".join(components[: n + 1]) + "/" for n in range(len(components))]
    found = {
        page.url_path: page
        for page in Page.objects.filter(url_path__in=paths, depth__gt=home.depth)
        .select_related("locale")
        .order_by("depth")
    }
    ancestors, page = [], home
    for number, url_path in enumerate(paths):
        child = found.get(url_path)
        if child is None or _routes_itself(page):
            return _specific(page, ancestors).route(request, components[number:])
        child._cached_parent_obj = page
        ancestors.append(page)
        page = child
    if _routes_itself(page) or not page.live:
        return _specific(page, ancestors).route(request, [])
    return RouteResult(_specific(page, ancestors))


def serve(request, path):
    """Wagtail's serve view, with the page found by route()."""
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            request._wagtail_route_for_request = route(request, path)
        except Http404:
            request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)
