"""What the status rule reads, loaded in bulk: originals, versions, change times,
wagtail-localize's sources and work (a fixed number of queries)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max, OuterRef, Q, Subquery
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from ..changes import page_times, snippet_times
from ..languages import DEFAULT_LANGUAGE, LANGUAGES
from .rule import Original, Version, Work


def source_locale():
    return Locale.objects.get(language_code=DEFAULT_LANGUAGE)


def target_locales(codes=None):
    """Locales of the configured languages except German, in the order of the language list."""
    wanted = [lang.code for lang in LANGUAGES if lang.code != DEFAULT_LANGUAGE]
    if codes:
        wanted = [code for code in wanted if code in codes]
    by_code = {
        locale.language_code: locale for locale in Locale.objects.filter(language_code__in=wanted)
    }
    return [by_code[code] for code in wanted if code in by_code]


def section_pages(source):
    """The German sections: the pages directly below the German home page."""
    return Page.objects.filter(locale=source, depth=3, alias_of__isnull=True).order_by("path")


def page_originals(source, content_type=None, section=None):
    """Live German pages (apply_changes adds when they last changed)."""
    pages = Page.objects.filter(locale=source, alias_of__isnull=True, depth__gt=1, live=True)
    if content_type is not None:
        pages = pages.filter(content_type=content_type)
    if section is not None:
        pages = pages.filter(path__startswith=section.path)
    sections = {page.path: page.title for page in section_pages(source)}
    steplen = Page.steplen
    originals = []
    for page in pages.order_by("path").values(
        "id",
        "translation_key",
        "title",
        "content_type_id",
        "path",
        "first_published_at",
        "last_published_at",
    ):
        originals.append(
            Original(
                key=page["translation_key"],
                pk=page["id"],
                title=page["title"],
                model=ContentType.objects.get_for_id(page["content_type_id"]).model_class(),
                is_page=True,
                section=sections.get(page["path"][: steplen * 3], ""),
                first_published_at=page["first_published_at"],
                last_published_at=page["last_published_at"],
            )
        )
    return originals, pages.values("translation_key")


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def snippet_versions(model, source, targets):
    """German snippets of one model as originals, and their versions in the target languages."""
    originals, versions = [], {}
    objects = model.objects.filter(locale__in=[source, *targets])
    for obj in objects:
        if obj.locale_id == source.id:
            originals.append(
                Original(
                    key=obj.translation_key, pk=obj.pk, title=str(obj), model=model, is_page=False
                )
            )
        else:
            versions[(obj.translation_key, obj.locale_id)] = Version(pk=obj.pk)
    return originals, versions


def page_versions(keys, targets):
    versions = {}
    for page in Page.objects.filter(translation_key__in=keys, locale__in=targets).values(
        "id",
        "translation_key",
        "locale_id",
        "alias_of_id",
        "live",
        "has_unpublished_changes",
        "last_published_at",
    ):
        versions[(page["translation_key"], page["locale_id"])] = Version(
            pk=page["id"],
            alias_of_id=page["alias_of_id"],
            live=page["live"],
            has_unpublished_changes=page["has_unpublished_changes"],
            published_at=page["last_published_at"],
        )
    return versions


def page_changed_at(last, last_major, first_published_at, last_published_at):
    """When a German page last changed in a way that needs re-translation.

    Pages older than the change log count from their last publication; when
    every recorded change was minor, only the first publication counts. The log
    entry of a publish is written just after the page's last_published_at, which
    its aliases copy: the earlier of the two is the time of that publish.
    """
    if last is None:
        return last_published_at
    if last_major is None:
        return first_published_at
    return min(filter(None, [last_major, last_published_at]))


def apply_changes(originals, versions, source, targets):
    """Fill in change times from Wagtail's audit log (locales.changes; two queries)."""
    pages = page_times(Page.objects.filter(locale=source, alias_of__isnull=True))
    model_of = {original.key: original.model for original in originals if not original.is_page}
    content_types = ContentType.objects.get_for_models(
        *set(model_of.values()), for_concrete_models=False
    )
    snippets = snippet_times(list(content_types.values())) if model_of else {}

    def snippet(model, pk):
        return snippets.get((content_types[model].id, str(pk)), (None, None))

    for original in originals:
        if original.is_page:
            last, last_major = pages.get(original.pk, (None, None))
            original.changed_at = page_changed_at(
                last, last_major, original.first_published_at, original.last_published_at
            )
        else:
            original.changed_at = snippet(original.model, original.pk)[1]
    for (key, _locale_id), version in versions.items():
        if version.published_at is None and key in model_of:  # snippets: their last save
            version.published_at = snippet(model_of[key], version.pk)[0]


def apply_sources(originals, source):
    """Attach wagtail-localize's TranslationSource and its number of strings (two queries)."""
    sources = {
        row["object_id"]: row
        for row in TranslationSource.objects.filter(locale=source).values(
            "id", "object_id", "last_updated_at"
        )
    }
    totals = dict(
        StringSegment.objects.filter(source__locale=source)
        .values("source_id")
        .annotate(total=Count("id"))
        .values_list("source_id", "total")
    )
    for original in originals:
        row = sources.get(original.key)
        if row:
            original.source_id = row["id"]
            original.synced_at = row["last_updated_at"]
            original.segments = totals.get(row["id"], 0)


def load_work(source, targets):
    """{(source_id, locale_id): Work} for enabled wagtail-localize translations (two queries)."""
    work = {
        (row["source_id"], row["target_locale_id"]): Work(translation_id=row["id"])
        for row in Translation.objects.filter(
            source__locale=source, target_locale__in=targets, enabled=True
        ).values("id", "source_id", "target_locale_id")
    }
    segment = StringSegment.objects.filter(
        string_id=OuterRef("translation_of_id"),
        context_id=OuterRef("context_id"),
        source__locale=source,
    )
    strings = (
        StringTranslation.objects.filter(locale__in=targets, has_error=False)
        .annotate(source_id=Subquery(segment.values("source_id")[:1]))
        .filter(source_id__isnull=False)
        .values("source_id", "locale_id")
        .annotate(
            translated=Count("id"),
            machine=Count(
                "id", filter=Q(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE)
            ),
            last_edit=Max("updated_at"),
        )
    )
    for row in strings:
        item = work.get((row["source_id"], row["locale_id"]))
        if item is not None:
            item.translated = row["translated"]
            item.machine = row["machine"]
            item.last_edit = row["last_edit"]
    return work
