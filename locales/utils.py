"""Helpers that put translatable objects into the visitor's language.

They work on Wagtail's generic Page and TranslatableMixin, so every content
app can use them without this app knowing any content model.
"""

from contextvars import ContextVar
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils.translation import get_language, override
from wagtail.models import Locale, Page, Site

from .languages import DEFAULT_LANGUAGE, LANGUAGES, get_language_info, language_name


def absolute_url(url, request=None):
    """url with the scheme and host of the Site that serves the request ("" stays "").

    The Site record (or WAGTAILADMIN_BASE_URL where there is none), never the
    request's Host header alone: feeds, calendars, hreflang and structured data
    must name the site's real address whatever name a client used to reach it.
    """
    if not url or urlsplit(url).scheme:
        return url or ""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    root = site.root_url if site else settings.WAGTAILADMIN_BASE_URL
    return urljoin(root + "/", url)


def active_language_code():
    return get_language_info(get_language() or DEFAULT_LANGUAGE).code


# The active language's Locale, known for the rest of the request once looked up (or once
# routing found it, home.routing); emptied when a request starts (locales.signals).
_active_locale = ContextVar("active_locale", default=None)


def remember_locale(locale=None, **kwargs):
    """Keep locale as the active language's for this request (None forgets it)."""
    _active_locale.set(locale)


def active_locale():
    """Locale.get_active(), one query per request at most."""
    locale = _active_locale.get()
    if locale is None or locale.language_code != active_language_code():
        locale = Locale.get_active()
        _active_locale.set(locale)
    return locale


def localize_all(objects):
    """Each translatable object in the active language where a translation exists.

    One query for the whole list, whatever its length. Objects that share a
    translation key collapse into one, so a list that holds a German snippet
    and its Turkish translation shows it once.
    """
    if isinstance(objects, QuerySet) and _fetch_with_translations(objects):
        return _localize_queryset(objects)
    objects = list(objects)
    if not objects:
        return []
    code = active_language_code()
    model = objects[0]._meta.concrete_model
    if issubclass(model, Page):
        model = Page
    if all(obj.locale_id == active_locale().id for obj in objects):
        return _unique(objects)  # already in the active language
    keys = {obj.translation_key for obj in objects}
    translations = {
        obj.translation_key: obj
        for obj in model.objects.filter(translation_key__in=keys, locale__language_code=code)
    }
    return _unique(translations.get(obj.translation_key, obj) for obj in objects)


def _fetch_with_translations(queryset):
    """Whether a queryset (not yet read, in its model's default order) is best read with
    its translations in one query: in a language other than German."""
    return (
        queryset._result_cache is None
        and not queryset.query.order_by
        and active_language_code() != DEFAULT_LANGUAGE
    )


def _localize_queryset(queryset):
    """localize_all of a queryset in one query: its rows and their translations together
    (e.g. a news item's categories, with their Arabic labels)."""
    code = active_language_code()
    rows = list(
        queryset.model._default_manager.filter(
            Q(pk__in=queryset.values("pk"))
            | Q(locale__language_code=code, translation_key__in=queryset.values("translation_key"))
        )
        .annotate(is_listed=Exists(queryset.filter(pk=OuterRef("pk"))))
        .select_related("locale")
    )
    translations = {row.translation_key: row for row in rows if row.locale.language_code == code}
    listed = (row for row in rows if row.is_listed)
    return _unique(translations.get(row.translation_key, row) for row in listed)


def _unique(objects):
    """The objects, the first of each translation key."""
    result, seen = [], set()
    for obj in objects:
        if obj.translation_key not in seen:
            seen.add(obj.translation_key)
            result.append(obj)
    return result


def localize_one(obj):
    """The object in the active language, or the object itself."""
    if obj is None:
        return None
    return localize_all([obj])[0]


def page_versions(page, request=None):
    """({language code: live version of the page}, {language code: live home page}).

    One query, made once per page object: the language switcher and the translation
    notice (translation_state) both ask.
    """
    cached = getattr(page, "_page_versions", None)
    if cached is None:
        routed = getattr(request, "page_translations", None)  # found by home/routing.py
        if routed and routed[0] == page.translation_key:
            pages = [candidate for candidate in (*routed[1], *routed[2]) if candidate.live]
        else:
            pages = (
                Page.objects.live()
                .filter(Q(translation_key=page.translation_key) | Q(depth=2))
                .select_related("locale")
                .only("id", "url_path", "depth", "translation_key", "alias_of_id", "locale")
            )
        same_page, homes = {}, {}
        for candidate in pages:
            code = candidate.locale.language_code
            if candidate.translation_key == page.translation_key:
                same_page[code] = candidate
            elif candidate.depth == 2:
                homes[code] = candidate
        cached = page._page_versions = (same_page, homes)
    return cached


def language_versions(page, request):
    """One entry per configured language for the language switcher and hreflang.

    Each entry has the language, the URL of this page in that language (or of
    that language's home page where the page does not exist there), and
    whether the page there is a real translation (not an alias that shows the
    source text). Costs one query (page_versions), none where routing found them.
    """
    same_page, homes = page_versions(page, request)
    current = active_language_code()
    versions = []
    for language in LANGUAGES:
        target = same_page.get(language.code)
        fallback = homes.get(language.code) if target is None else None
        if target is not None:
            url = target.get_url(request)
        elif fallback is not None:
            # The home page explains that the page does not exist in this language.
            url = f"{fallback.get_url(request)}?untranslated=1"
        else:
            url = None
        versions.append(
            {
                "language": language,
                "url": url,
                "is_current": language.code == current,
                "exists": target is not None,
                "is_translation": target is not None and target.alias_of_id is None,
            }
        )
    return versions


def view_language_versions(url_name, query_string=""):
    """language_versions for a view that is not a page (the search): the same view in
    every language, with the same query ("?q=…"), for the language switcher."""
    current = active_language_code()
    versions = []
    for language in LANGUAGES:
        with override(language.code):
            url = reverse(url_name)
        versions.append(
            {
                "language": language,
                "url": f"{url}?{query_string}" if query_string else url,
                "is_current": language.code == current,
                "exists": True,
                "is_translation": True,
            }
        )
    return versions


def with_source_language(queryset, page_path=""):
    """The queryset with ``source_language_code``: the language an alias's text is in.

    An alias shows its source, which may be in any language (an event sent through the
    Arabic form); listings annotate it so that each card is marked with its language
    without a query per card. page_path leads from the queried model to the page.
    """
    return queryset.annotate(source_language_code=F(f"{page_path}alias_of__locale__language_code"))


def source_language_code(alias):
    """The language code of the page an alias shows: any language, not only German.

    Listings may annotate it as ``source_language_code``. Otherwise one query, which
    also loads ``alias.alias_of`` (the notice links it).
    """
    code = getattr(alias, "source_language_code", None)
    if code is None:
        source = Page.objects.select_related("locale").filter(pk=alias.alias_of_id).first()
        code = source.locale.language_code if source else DEFAULT_LANGUAGE
        if source is not None:
            alias.alias_of = source
        alias.source_language_code = code
    return code


def term_language_name(term):
    """A label's name as a language's name in the visitor's language (Django's list of
    language names), where the label has a language code (home.SpokenLanguage); else None."""
    code = getattr(term, "code", "")
    return language_name(code) if isinstance(code, str) and code else None


def term_label(term):
    """What a visitor reads for a taxonomy label: a language's name in their language,
    any other label's name as translated (a filter choice given as {"slug", "name"}: its name)."""
    if isinstance(term, dict):
        return term["name"]
    return term_language_name(term) or str(term)


def translation_map(objects):
    """{translation_key: object in the active language} for translatable objects (one query)."""
    return {obj.translation_key: obj for obj in localize_all(objects)}


def localized_choices(queryset):
    """Every item of a translatable model once, in the active language where translated.

    For filter forms: a Turkish visitor sees Turkish labels, German ones for labels
    nobody has translated yet, and an item written in another language (a term an
    Arabic editor added) in that language: every item exists in every language. One query.
    """
    code = active_language_code()

    def preference(item):
        return (item.locale.language_code == code, item.locale.language_code == DEFAULT_LANGUAGE)

    if isinstance(queryset, QuerySet):
        queryset = queryset.select_related("locale")
    chosen = {}
    for item in queryset:  # or a list of items with their locales (home.labels)
        current = chosen.get(item.translation_key)
        if current is None or preference(item) > preference(current):
            chosen[item.translation_key] = item
    return sorted(chosen.values(), key=lambda item: term_label(item).casefold())
