"""Every page in every language: the language invariant, kept where pages are made.

Whatever creates a page (the page editor, import_plone, import_ics, the public event
form in any language, a command, a test's add_child), Django's post_save calls
ensure_every_language(): each language of locales/languages.py without a version of
the page gets an alias of it at once. The source may be in any language: an event sent
through the Arabic form gets aliases in German, English, … below the events index of
each language, so it appears in every listing and calendar feed until translated.

wagtail-localize does this only in the page editor's after_create_page hook and only
into languages that follow the page's language (LocaleSynchronization: one source per
language, German here); locales.patches points that hook here.

Aliases are made with Wagtail's CreatePageAliasAction, without its "alias created" log
entry and with the tree position found in one query, not by treebeard's add_child with
its full_clean. A page and its six aliases cost a fixed number of queries, whatever the
size of the site (benchmarks/page_aliases.py, tests/test_language_invariant.py); most of
them are Wagtail's work for every saved page (search and reference index, page log).
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import Count, F
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.actions.create_alias import CreatePageAliasAction
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page

from .languages import DEFAULT_LANGUAGE, LANGUAGES

_deferred = ContextVar("aliases_deferred", default=False)


@contextmanager
def aliases_deferred():
    """Pages made inside get no aliases: for a caller that makes a whole tree and then
    its aliases in bulk (the demo loader), instead of a few dozen queries per page and
    language. That caller owes the invariant; `repair()` finds whatever it left."""
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)


def language_locales():
    """The Wagtail locales of the languages in locales/languages.py."""
    return Locale.objects.filter(language_code__in=[language.code for language in LANGUAGES])


def missing_locales(translation_key):
    """The configured locales without any version (translation or alias) of the key."""
    present = Page.objects.filter(translation_key=translation_key).values("locale_id")
    return list(language_locales().exclude(id__in=present).order_by("id"))


def ensure_every_language(page):
    """Give page an alias in every configured language that has no version of it.

    Returns the aliases made. Pages of the root level (depth 1) and aliases themselves
    are left alone: an alias is a version of its source, whose languages count.
    """
    if page.depth < 2 or page.alias_of_id:
        return []
    missing = missing_locales(page.translation_key)
    if not missing:
        return []
    source = page.specific
    parents = parent_versions(source, missing)
    return [create_alias(source, parents[locale.id], locale) for locale in missing]


def parent_versions(page, locales):
    """{locale id: the version of page's parent in that locale}, making missing ones first."""
    parent = page.get_parent()
    if parent.depth < 2:  # a language's home page sits beside the others below the root
        return {locale.id: parent for locale in locales}
    versions = Page.objects.filter(
        translation_key=parent.translation_key, locale_id__in=[locale.id for locale in locales]
    )
    found = {version.locale_id: version for version in versions}
    if len(found) < len(locales):  # the parent broke the invariant itself: repair it first
        ensure_every_language(parent.alias_of if parent.alias_of_id else parent)
        found = {version.locale_id: version for version in versions.all()}
    return found


def create_alias(source, parent, locale):
    """An alias of source below parent, in locale (no "alias created" log entry)."""
    slug = source.slug if parent.depth > 1 else f"{source.slug}-{locale.language_code}"
    position = next_child_position(parent)
    alias = CreatePageAliasAction(
        source,
        parent=parent,
        update_slug=find_available_slug(parent, slug),
        update_locale=locale,
        reset_translation_key=False,
        log_action=None,
        _mpnode_attrs=position,
    ).execute(skip_permission_checks=True)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
    return alias


def next_child_position(parent):
    """(path, depth) of a new last child of parent, as treebeard's add_child finds it."""
    last = parent.get_last_child()
    depth = parent.depth + 1
    if last is None:
        return Page._get_path(parent.path, depth, 1), depth
    return last._inc_path(), depth


def write_child_rows(page):
    """Write the page's child rows and parental many-to-many links now.

    post_save comes inside ClusterableModel.save(), before modelcluster writes them;
    an alias copied then would take the unsaved rows themselves from the source.
    ClusterableModel.save() finds nothing left to write afterwards.
    """
    for relation in get_all_child_relations(page):
        getattr(page, relation.get_accessor_name()).commit()
    for field in get_all_child_m2m_relations(page):
        getattr(page, field.name).commit()


def page_created(sender, instance, created=False, raw=False, **kwargs):
    """post_save of every page model: a new page exists in every language at once."""
    if not created or raw or instance.alias_of_id or instance.depth < 2 or _deferred.get():
        return
    write_child_rows(instance)
    ensure_every_language(instance)


# --------------------------------------------------------------------------- check and repair


def incomplete_pages():
    """Originals (no aliases) of the translation keys missing in a configured language.

    One page per key, parents before children: the German version where there is one,
    otherwise the oldest. Two queries, whatever the size of the site.
    """
    locales = language_locales()
    wanted = locales.count()
    keys = (
        Page.objects.filter(depth__gt=1, locale__in=locales)
        .values("translation_key")
        .annotate(languages=Count("locale", distinct=True))
        .filter(languages__lt=wanted)
        .values("translation_key")
    )
    originals = {}
    pages = Page.objects.filter(translation_key__in=keys, alias_of__isnull=True, depth__gt=1)
    for page in pages.select_related("locale").order_by("pk"):
        chosen = originals.get(page.translation_key)
        if chosen is None or (
            page.locale.language_code == DEFAULT_LANGUAGE
            and chosen.locale.language_code != DEFAULT_LANGUAGE
        ):
            originals[page.translation_key] = page
    return sorted(originals.values(), key=lambda page: page.path)


def repair():
    """Aliases for every page missing in a configured language; returns how many were made."""
    return sum(len(ensure_every_language(page)) for page in incomplete_pages())
