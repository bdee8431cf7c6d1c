from django import template

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
