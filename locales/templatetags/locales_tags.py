from django import template
from wagtail.models import Page

from locales.languages import DEFAULT_LANGUAGE, get_language_info
from locales.status import VisitorState, visitor_state
from locales.utils import absolute_url, language_versions, source_language_code

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
    return {
        "alternates": [(v["language"].code, absolute_url(v["url"], request)) for v in versions],
        "x_default": absolute_url(default["url"], request) if default else None,
    }


@register.simple_tag
def translation_state(page):
    """What a visitor should be told about a translated page (locales.status.VisitorState).

    Computed once per page object; German pages and aliases cost no query.
    """
    if not isinstance(page, Page):
        return VisitorState()
    state = getattr(page, "_translation_state", None)
    if state is None:
        if page.alias_of_id or page.locale.language_code == DEFAULT_LANGUAGE:
            state = VisitorState()
        else:
            state = visitor_state(page)
        page._translation_state = state
    return state


@register.simple_tag
def content_language(page):
    """The language a page's text is written in: the source's for an alias, and for a
    translation whose published version has no translated text yet."""
    if not isinstance(page, Page):
        return None
    if getattr(page, "alias_of_id", None):
        # The source may be in any language (an event sent through the Arabic form).
        return get_language_info(source_language_code(page))
    if translation_state(page).untranslated:
        return get_language_info(DEFAULT_LANGUAGE)
    return get_language_info(page.locale.language_code)


@register.filter
def language_info(code):
    return get_language_info(code)
