from django import template
from wagtail.models import Page

from home.cache import fragment_timeout
from home.navigation import site_navigation

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
