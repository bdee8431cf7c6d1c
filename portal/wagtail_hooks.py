from django.utils.translation import get_language
from wagtail import hooks

from home.cache import declare, page_tags


@hooks.register("before_serve_page")
def declare_page_cache_tags(page, request, serve_args, serve_kwargs):
    """Every served page depends on itself and its language's navigation (home/cache.py)."""
    declare(request, page_tags(page, get_language()))
