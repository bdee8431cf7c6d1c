"""RSS 2.0 and Atom feeds of the news, per language and per category.

/de/feeds/news.rss, /tr/feeds/news.atom, /de/feeds/news/presse.rss: the language
prefix chooses the language, the category slug (the same in every language)
narrows the feed. Items carry full URLs, dates, the teaser and the lead image as
an enclosure.
"""

import datetime as dt
import mimetypes
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Locale

from home.cache import ALL, declare, page_tag
from locales.utils import absolute_url, active_locale, localize_one

from .models import NewsCategory, NewsIndexPage, news_items, with_localized_categories

FEED_LENGTH = 20
ENCLOSURE_RENDITION = "fill-1200x630"


@dataclass
class FeedSource:
    """What one request's feed is about (Feed objects are shared between requests)."""

    request: object
    locale: Locale
    category: NewsCategory | None
    index: NewsIndexPage | None


class NewsRssFeed(Feed):
    """The feed's language is the active one (Django's Feed sets it from the URL prefix)."""

    feed_type = Rss201rev2Feed
    url_name = "news_rss"
    ttl = 60

    def get_object(self, request, category=None):
        locale = active_locale()
        found = None
        if category is not None:
            found = NewsCategory.objects.filter(slug=category, locale__language_code="de").first()
            if found is None:
                raise Http404("No such news category.")
            found = localize_one(found)
        index = NewsIndexPage.objects.live().filter(locale=locale).first()
        # Cached until a news item of the language changes: each one bumps its index's tag.
        declare(request, [ALL] + ([page_tag(index.pk)] if index else []))
        return FeedSource(request, locale, found, index)

    def title(self, source):
        title = "{} – {}".format(_("Integration Portal"), _("News"))
        return f"{title}: {source.category.name}" if source.category else title

    def description(self, source):
        return _("News and press releases of the Integration Portal")

    def link(self, source):
        if source.index is None:
            return "/"
        url = source.index.get_full_url(source.request)
        return f"{url}?category={source.category.slug}" if source.category else url

    def feed_url(self, source):
        name = self.url_name + ("_category" if source.category else "")
        args = [source.category.slug] if source.category else []
        return absolute_url(reverse(name, args=args), source.request)

    def items(self, source):
        pages = (
            news_items(source.locale.id)
            .prefetch_related(None)
            .prefetch_related(
                "categories",
                Prefetch(
                    "lead_image",
                    queryset=get_image_model().objects.prefetch_renditions(ENCLOSURE_RENDITION),
                ),
            )
        )
        if source.category:
            pages = pages.filter(categories__slug=source.category.slug)
        pages = with_localized_categories(list(pages[:FEED_LENGTH]))
        for page in pages:
            page.feed_link = page.get_full_url(source.request)
            page.feed_enclosure = enclosure(page.lead_image, source.request)
        return pages

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_link(self, item):
        return item.feed_link

    def item_guid(self, item):
        return item.feed_link

    def item_pubdate(self, item):
        return published(item)

    def item_updateddate(self, item):
        return item.last_published_at or published(item)

    def item_categories(self, item):
        return [category.name for category in item.localized_categories]

    def item_enclosures(self, item):
        return [item.feed_enclosure] if item.feed_enclosure else []


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    url_name = "news_atom"
    subtitle = NewsRssFeed.description


def published(page):
    """The news item's date as a moment: midnight in Berlin (the editors' date, not the upload)."""
    return dt.datetime.combine(page.date, dt.time.min, tzinfo=timezone.get_default_timezone())


def enclosure(image, request):
    """The lead image as an RSS enclosure, or None."""
    if image is None:
        return None
    rendition = image.get_rendition(ENCLOSURE_RENDITION)
    try:
        length = rendition.file.size
    except OSError:
        length = 0
    mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
    return Enclosure(absolute_url(rendition.url, request), str(length), mime_type)
