from django import template

from locales.utils import active_locale
from news.models import news_items, with_localized_categories

register = template.Library()


@register.inclusion_tag("news/includes/latest.html", takes_context=True)
def latest_news(context, limit=3):
    """The newest news in the visitor's language, for the home page."""
    items = with_localized_categories(list(news_items(active_locale().id)[:limit]))
    return {"items": items, "request": context.get("request")}
