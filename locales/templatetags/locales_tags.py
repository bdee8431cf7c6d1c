from django import template
from wagtail.models import Page

from locales.languages import DEFAULT_LANGUAGE, get_language_info
from locales.utils import language_versions

register = template.Library()


def _versions(context):
    """Language versions of the current page, computed once per request."""
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, Page):
        return []
    cache = getattr(request, "_language_versions", None)
    if cache is None:
        cache = language_versions(page, request)
        request._language_versions = cache
    return cache


@register.inclusion_tag("locales/language_switcher.html", takes_context=True)
def language_switcher(context):
    return {"versions": [v for v in _versions(context) if v["url"]]}


@register.inclusion_tag("locales/hreflang.html", takes_context=True)
def hreflang_links(context):
    request = context.get("request")
    versions = [v for v in _versions(context) if v["is_translation"]]
    default = next((v for v in versions if v["language"].code == DEFAULT_LANGUAGE), None)
    absolute = request.build_absolute_uri if request else (lambda url: url)
    return {
        "alternates": [(v["language"].code, absolute(v["url"])) for v in versions],
        "x_default": absolute(default["url"]) if default else None,
    }


@register.simple_tag
def content_language(page):
    """The language a page's text is written in: the source's for an alias."""
    if not isinstance(page, Page):
        return None
    if getattr(page, "alias_of_id", None):
        # Aliases are made from the source tree (wagtail-localize's synctree).
        return get_language_info(DEFAULT_LANGUAGE)
    return get_language_info(page.locale.language_code)


@register.filter
def language_info(code):
    return get_language_info(code)
