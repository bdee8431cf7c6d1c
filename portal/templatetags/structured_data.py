"""Structured data for search engines and link previews: schema.org JSON-LD, absolute URLs.

JSON-LD sits in <script type="application/ld+json">. That is data, not script:
browsers do not run it, and the site's Content-Security-Policy (script-src 'self',
no inline scripts) does not apply to it. The JSON is escaped as Django's json_script
escapes it (<, > and & as \\u003C, \\u003E, \\u0026), so text that editors typed
cannot end the element.

    {% load structured_data %}
    {% ld "PostalAddress" streetAddress=page.street postalCode=page.postcode as address %}
    {% ld "Organization" name=page.title address=address as organisation %}
    {{ organisation|json_ld }}
"""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from locales.utils import absolute_url

register = template.Library()

JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def is_empty(value):
    return value is None or value == "" or value == [] or value == {}


@register.filter
def json_ld(data):
    """<script type="application/ld+json"> with data and the schema.org @context."""
    if not data:
        return ""
    data = {"@context": "https://schema.org", **data}
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.simple_tag
def ld(type_name, **properties):
    """A schema.org object {"@type": type_name, …} without the properties that are empty."""
    data = {"@type": type_name}
    data.update({name: value for name, value in properties.items() if not is_empty(value)})
    return data


@register.filter
def pluck(items, attribute):
    """[item.attribute for item in items], leaving out empty values."""
    values = (getattr(item, attribute, None) for item in items or [])
    return [value for value in values if not is_empty(value)]


@register.simple_tag(takes_context=True, name="absolute_url")
def absolute_url_tag(context, url):
    """url with scheme and host ("" stays ""; absolute URLs stay as they are)."""
    return absolute_url(url, context.get("request"))


@register.simple_tag(takes_context=True)
def breadcrumb_list(context, ancestors, page):
    """A schema.org BreadcrumbList for ancestors (already fetched) and the page."""
    request = context.get("request")
    pages = [*ancestors, page]
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": item.title,
                "item": item.get_full_url(request),
            }
            for position, item in enumerate(pages, 1)
        ],
    }
