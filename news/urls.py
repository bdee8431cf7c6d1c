"""News feeds, inside the language prefix: /de/feeds/news.rss, /tr/feeds/news/presse.atom."""

from django.urls import path

from .feeds import NewsAtomFeed, NewsRssFeed

urlpatterns = [
    path("feeds/news.rss", NewsRssFeed(), name="news_rss"),
    path("feeds/news.atom", NewsAtomFeed(), name="news_atom"),
    path("feeds/news/<slug:category>.rss", NewsRssFeed(), name="news_rss_category"),
    path("feeds/news/<slug:category>.atom", NewsAtomFeed(), name="news_atom_category"),
]
