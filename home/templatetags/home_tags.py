from django import template
from django.utils.translation import get_language
from wagtail.images.models import ResponsiveImage
from wagtail.models import Page

from home.cache import fragment_timeout
from home.easy_language import one_statement_per_line
from home.navigation import site_navigation
from locales.languages import get_language_info

register = template.Library()


@register.simple_tag(takes_context=True)
def navigation(context):
    request = context.get("request")
    if request is None:
        return {"home": None, "main": [], "footer": []}
    return site_navigation(request)


@register.filter
def is_active_section(item, page):
    """True when the page is the navigation item or lies below it."""
    return page is not None and page.url_path.startswith(item["url_path"])


@register.simple_tag(takes_context=True)
def fragment_cache_timeout(context):
    """Seconds to cache this page's fragments with {% cache %}; 0 disables it."""
    page = context.get("page")
    return fragment_timeout(context.get("request"), page if isinstance(page, Page) else None)


@register.simple_tag
def responsive_image(image, *filter_specs, **attrs):
    """Wagtail's srcset_image, listing each width once.

    Renditions never upscale, so for an image narrower than the widest size two
    renditions can have the same width; the HTML checker refuses such a srcset.
    {% responsive_image img "width-480|format-webp" "width-960|format-webp" sizes="…" %}
    """
    renditions = image.get_renditions(*filter_specs)
    by_width = {rendition.width: rendition for rendition in renditions.values()}
    if len(by_width) == 1:
        attrs.pop("sizes", None)  # sizes without srcset is not allowed
    return ResponsiveImage({str(width): r for width, r in by_width.items()}, attrs)


@register.filter
def statement_lines(html):
    """In Leichte Sprache, each statement of rendered rich text on a line of its own.

    Reads the active language, so that a block rendered without the page's context (a
    preview, a form showing a page's text) renders too."""
    if get_language_info(get_language() or "").is_easy_language:
        return one_statement_per_line(html)
    return html


@register.filter
def breadcrumb_ancestors(page):
    """The pages above page from the home page down; those routing fetched cost no query."""
    ancestors = getattr(page, "route_ancestors", None)
    return ancestors if ancestors is not None else list(page.get_ancestors()[1:])
