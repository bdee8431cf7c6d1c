"""Routing a request to its page in three queries, whatever the page's depth.

Wagtail walks the tree one level at a time (the child by slug, then its specific
row: two queries per level) and later asks for the ancestors again (view
restrictions, breadcrumbs). Here the sites come with the path of their home in the
active language; the homes in every language and every page on the path in one
query (by slug, with their locales), then the specific row of the page served.
The pages above it are kept on it (``route_ancestors``) for its view restrictions
(locales.permissions.RolePagePermissions) and breadcrumbs.

Pages that route themselves (RoutablePageMixin, an own ``route``) get the rest of
the path, as in Wagtail. The view hands the result to Wagtail's serve view, which
reads it from ``request._wagtail_route_for_request`` (Page.route_for_request).
"""

from django.db.models import Exists, Model, OuterRef, Q, Subquery, prefetch_related_objects
from django.db.models.functions import Length, Substr
from django.http import Http404
from django.http.request import split_domain_port
from wagtail import views as wagtail_views
from wagtail.blocks import StreamValue
from wagtail.blocks.list_block import ListValue
from wagtail.fields import StreamField
from wagtail.images.models import AbstractImage
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import SiteRootPath
from wagtail.url_routing import RouteResult

from locales.languages import LANGUAGES
from locales.utils import active_language_code, remember_locale

from .models import SiteSettings


def _routes_itself(page):
    model = page.specific_class
    return model is not None and model.route is not Page.route


def _specific(page, ancestors, root):
    """The page's specific object, keeping its locale and ancestors (no further query)."""
    specific = _with_foreign_keys(page)
    specific._state.fields_cache.setdefault("locale", page.locale)
    specific.route_ancestors = ancestors
    above = [root, *ancestors, page]
    specific.view_restricted = any(p.view_restricted for p in above if p is not None)
    if ancestors:
        specific._cached_parent_obj = ancestors[-1]
    return specific


def _with_foreign_keys(page):
    """page.specific, with what its own foreign keys point at (an image, an organiser, a
    contact person with the photo, a funding note with its logo), what its StreamFields
    choose, and the renditions of all these images in one query, not one per image and size."""
    model = page.specific_class
    if model is None:
        return page.specific
    related = []
    for field in model._meta.local_fields:
        if field.many_to_one:
            related.append(field.name)
            related.extend(
                f"{field.name}__{image.name}"
                for image in field.related_model._meta.local_fields
                if image.many_to_one and issubclass(image.related_model, AbstractImage)
            )
    specific = model._base_manager.select_related(*related).get(pk=page.pk)
    images = [*_images(specific), *_stream_images(specific)]
    prefetch_related_objects(images, "renditions")
    return specific


def _images(obj):
    """The images among what obj's foreign keys (and theirs, one level) point at."""
    for value in obj._state.fields_cache.values():
        for found in (value, *getattr(getattr(value, "_state", None), "fields_cache", {}).values()):
            if isinstance(found, AbstractImage):
                yield found


def _stream_images(page):
    """The images that the page's StreamFields show (an image block's, a contact card's
    photo). Reading the blocks fetches what they choose, one query per kind of block
    (StreamValue's bulk_to_python), so that their renditions come with the page's."""
    for field in page._meta.concrete_fields:
        if isinstance(field, StreamField):
            yield from _images_in(getattr(page, field.attname))


def _images_in(value):
    if isinstance(value, AbstractImage):
        yield value
    elif isinstance(value, Model):
        yield from _images(value)
    elif isinstance(value, StreamValue):
        for child in value:
            yield from _images_in(child.value)
    elif isinstance(value, dict):  # a StructValue
        for item in value.values():
            yield from _images_in(item)
    elif isinstance(value, (list, ListValue)):
        for item in value:
            yield from _images_in(item)


def _site_for(sites, hostname, port):
    """Site.find_for_request's choice among all sites (wagtail.models.sites)."""

    def match(site):
        if site.hostname == hostname:
            return 0 if site.port == port else 1 if site.is_default_site else 3
        return 2

    candidates = sorted(
        (site for site in sites if site.hostname == hostname or site.is_default_site), key=match
    )
    if len(candidates) == 1 or (candidates and match(candidates[0]) < 2):
        return candidates[0]
    if candidates:
        return candidates[len(candidates) == 2]
    return None


def _sites(request):
    """The request's Site, every site (sorted as Wagtail sorts them), and the path of the
    request's site's home in the active language (the root page's where there is none).

    One query for what Wagtail asks in several (Site.find_for_request): each site comes
    with its settings row, its root page and its home's path in the active language.
    """
    localized_home = Page.objects.filter(
        translation_key=OuterRef("root_page__translation_key"),
        locale__language_code=active_language_code(),
        live=True,
    )
    sites = list(
        Site.objects.select_related("root_page", "sitesettings").annotate(
            home_path=Subquery(localized_home.values("path")[:1])
        )
    )
    for key in ("hostname",), ("is_default_site",), ("root_page", "url_path"):
        sites.sort(key=lambda site, key=key: _attr(site, key), reverse=key != ("hostname",))
    hostname = split_domain_port(request._get_raw_host())[0]
    site = _site_for(sites, hostname, request.get_port())
    request._wagtail_site = site
    _keep_settings(request, site)
    return site, sites


def _keep_root_paths(request, sites, homes):
    """The root paths of every site's home in every language, where Wagtail looks
    (Site.get_site_root_paths): the homes came with the pages on the path."""
    request._wagtail_cached_site_root_paths = [
        SiteRootPath(site.id, home.url_path, site.root_url, home.locale.language_code)
        for site in sites
        for home in homes.get(site.root_page.translation_key, [])
    ]


def _keep_settings(request, site):
    """The site's settings row came with the site: kept where SiteSettings.for_request looks."""
    try:
        settings = site and site.sitesettings
    except SiteSettings.DoesNotExist:
        return  # for_request creates it
    if settings:
        settings._request = request
        setattr(request, SiteSettings.get_cache_attr_name(), settings)


def _attr(obj, names):
    for name in names:
        obj = getattr(obj, name)
    return obj


def with_restriction(pages):
    """pages annotated with view_restricted: a view restriction on the page (or its source)."""
    return pages.annotate(
        view_restricted=Exists(
            PageViewRestriction.objects.filter(
                Q(page_id=OuterRef("id")) | Q(page_id=OuterRef("alias_of_id"))
            )
        )
    )


def route(request, path):
    """Page.route_for_request's result (a RouteResult, or None for a 404)."""
    site, sites = _sites(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    home_keys = {s.root_page.translation_key for s in sites}
    rows = list(_pages_for(site.home_path or site.root_page.path, components, home_keys))
    homes = {}
    for page in rows:
        if page.translation_key in home_keys:
            homes.setdefault(page.translation_key, []).append(page)
    _keep_root_paths(request, sites, homes)
    homes = homes.get(site.root_page.translation_key, [])
    code = active_language_code()
    home = next((h for h in homes if h.locale.language_code == code and h.live), None)
    home = home or next(h for h in homes if h.pk == site.root_page_id)  # as Page.localized
    request.localized_home = home
    if home.locale.language_code == code:
        remember_locale(home.locale)
    codes = {h.locale_id: h.locale.language_code for h in homes}
    if set(codes.values()) >= {language.code for language in LANGUAGES}:
        request._locale_codes = codes  # for lang_attrs (locales_tags._locale_codes)
    paths = [home.url_path + "/".join(components[: n + 1]) + "/" for n in range(len(components))]
    found, menu, translations = {}, [], []
    for page in rows:
        if page.url_path in paths or page.depth == 1:
            found[page.url_path] = page
        if _in_menu(page, home):
            menu.append(page)
        if page.locale_id != home.locale_id:
            translations.append(page)
    request.menu_pages = (home.pk, menu)  # for the navigation (home/navigation.py)
    root = found.get("/")
    ancestors, page = [], home
    for number, url_path in enumerate(paths):
        child = found.get(url_path)
        if child is None or _routes_itself(page):
            return _specific(page, ancestors, root).route(request, components[number:])
        child._cached_parent_obj = page
        ancestors.append(page)
        page = child
    if _routes_itself(page) or not page.live:
        return _specific(page, ancestors, root).route(request, [])
    # For the language switcher (locales.utils.language_versions): no query of its own.
    key = page.translation_key
    same = {p.pk: p for p in (page, *translations, *homes) if p.translation_key == key}
    request.page_translations = (key, list(same.values()), homes)
    specific = _specific(page, ancestors, root)
    _keep_source(specific, same.values())
    return RouteResult(specific)


def _keep_source(page, versions):
    """An alias's source, for the "not yet translated" notice: among the page's versions
    that routing found (locales.utils.source_language_code reads what is kept)."""
    source = next((p for p in versions if p.pk == page.alias_of_id), None)
    if source is not None:
        page.alias_of = source
        page.source_language_code = source.locale.language_code


def _in_menu(page, home):
    """A child of the home in the menu (show_in_menus), live and public (as
    home.listing.public)."""
    return (
        page.depth == home.depth + 1
        and page.path.startswith(home.path)
        and page.live
        and page.show_in_menus
        and not page.restricted_above
    )


def _pages_for(home_path, components, home_keys):
    """In one query: the pages on the path (by slug, indexed; url_path is not) below the home
    page at home_path and the root; every site's home in every language (home_keys: their
    translation keys); the home's children (the menu's candidates); the served page's
    translations (pages in other languages with the translation key of a page with the last
    slug at the path's depth; the caller keeps those of the page it finds). Each branch of
    the OR is indexed (slug, path, translation key), so PostgreSQL reads no other rows."""
    depth = len(home_path) // Page.steplen
    menu = Q(depth=depth + 1, path__startswith=home_path, live=True, show_in_menus=True)
    wanted = Q(slug__in=components, path__startswith=home_path, depth__gt=depth)
    wanted |= Q(path=home_path[: Page.steplen]) | menu | Q(translation_key__in=home_keys)
    if components:
        last = Page.objects.filter(
            slug=components[-1], depth=depth + len(components), path__startswith=home_path
        )
        wanted |= Q(translation_key=Subquery(last.values("translation_key")[:1]))
    pages = with_restriction(Page.objects.filter(wanted)).annotate(
        restricted_above=Exists(
            PageViewRestriction.objects.filter(
                page__path=Substr(OuterRef("path"), 1, Length("page__path"))
            )
        )
    )
    return pages.select_related("locale").order_by("path")


def serve(request, path):
    """Wagtail's serve view, with the page found by route()."""
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            request._wagtail_route_for_request = route(request, path)
        except Http404:
            request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)
