"""Main navigation and footer links, cached per language.

Building them costs a few queries, so they are cached under the version of
the language's navigation tag (cache.py), bumped when a main section or a
footer page changes in that language (signals.py).
"""

from django.core.cache import cache
from wagtail.models import Page, Site

from locales.languages import DEFAULT_LANGUAGE
from locales.utils import active_language_code, localize_all

from .cache import ALL, nav_tag, versions
from .listing import public
from .models import SiteSettings


def _link(page, request):
    """A page's title and address; "language" names the title's language where the page is an
    alias (its title is the source's), so that the template can mark it."""
    return {
        "title": page.title,
        "url": page.get_url(request),
        "url_path": page.url_path,
        "language": DEFAULT_LANGUAGE if page.alias_of_id else "",
    }


def _build(request, code):
    site = Site.find_for_request(request)
    if site is None:
        return {"home": None, "main": [], "footer": [], "submission": None}
    root = getattr(request, "localized_home", None)  # found by routing (home/routing.py)
    if root is None or root.locale.language_code != code:
        root = (
            Page.objects.filter(
                translation_key=site.root_page.translation_key, locale__language_code=code
            ).first()
            or site.root_page
        )
    routed = getattr(request, "menu_pages", None)  # found by routing (home/routing.py)
    if routed and routed[0] == root.pk:
        menu = routed[1]
    else:
        menu = public(root.get_children().live().in_menu())
    main = [_link(page, request) for page in menu]
    settings = SiteSettings.for_request(request)
    footer_pages = Page.objects.filter(id__in=settings.footer_pages())
    order = {page_id: index for index, page_id in enumerate(settings.footer_pages())}
    footer = sorted(localize_all(footer_pages), key=lambda page: order.get(page.id, 99))
    submission = settings.event_submission_page
    if submission is not None:
        submission = localize_all([submission])[0]
    return {
        "home": _link(root, request),
        "main": main,
        "footer": [_link(page, request) for page in footer],
        "submission": _link(submission, request) if submission and submission.live else None,
    }


def site_navigation(request):
    code = active_language_code()
    version = "-".join(versions([ALL, nav_tag(code)]).values())
    key = f"navigation:{version}:{request.get_host()}:{code}"
    navigation = cache.get(key)
    if navigation is None:
        navigation = _build(request, code)
        cache.set(key, navigation, 60 * 60)
    return navigation
