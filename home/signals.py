"""Bump the cache tags (cache.py) of exactly the pages that show what changed.

A page that is published, unpublished, created live, deleted or translated
changes what these pages show:

- the page itself in every language (translations and aliases share its
  translation key: content, language switcher, "not yet translated" notice);
- their ancestors, whose listings (index pages, the home page's latest news
  and upcoming events) show their descendants;
- the pages pointing at it (Wagtail's reference index: links, choosers,
  organiser; and many-to-many fields such as partner organisations), and the
  pages it points at that list it (an organisation lists its events);
- the navigation of its languages when it is a main section or a footer page.

A snippet, image or document changes the pages that point at it or at one of
its translations, directly or through one snippet (an image in a contact
person), and the pages it points at (a committee on its members' pages). Site
settings change the navigation of every language; a move changes addresses
everywhere and a view restriction hides a page and all below it, so both drop
everything.
"""

import threading
from contextlib import contextmanager
from functools import cache

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site, TranslatableMixin
from wagtail.signals import post_page_move

from locales.changes import minor_change_marked
from locales.languages import LANGUAGES

from .cache import ALL, PAGES, bump, nav_tag, page_tag, pages_changed
from .models import SiteSettings

# Saves that change nothing a visitor reads: drafts, locks, file metadata.
INVISIBLE_FIELDS = {
    "latest_revision",
    "has_unpublished_changes",
    "draft_title",
    "locked",
    "locked_at",
    "locked_by",
    "wagtail_admin_comments",
    "file_size",
    "file_hash",
}
SNIPPET_MODELS = (TranslatableMixin, AbstractImage, AbstractDocument)
_paused = threading.local()
STEPLEN = Page.steplen


# --------------------------------------------------------------------------- relations


@cache
def _page_models():
    return [model for model in apps.get_models() if issubclass(model, Page)]


@cache
def _m2m_from_pages(target):
    """(page model, field name) of the page many-to-many fields that point at target."""
    return [
        (model, field.name)
        for model in _page_models()
        for field in model._meta.get_fields()
        if field.many_to_many and not field.auto_created and issubclass(target, field.related_model)
    ]


@cache
def _page_fields_of(model):
    """Names of the model's own foreign keys and many-to-many fields to pages."""
    return [
        field.name
        for field in model._meta.get_fields()
        if (field.many_to_one or field.many_to_many)
        and not field.auto_created
        and field.concrete
        and isinstance(field.related_model, type)
        and issubclass(field.related_model, Page)
    ]


def _pages_pointing_at(model, ids):
    """Ids of pages (and, one level up, of other objects) that point at these objects."""
    ids = [str(pk) for pk in ids]
    if not ids:
        return set(), []
    rows = ReferenceIndex.objects.filter(
        to_content_type=ReferenceIndex._get_base_content_type(model), to_object_id__in=ids
    ).values_list("base_content_type_id", "object_id")
    page_type = ContentType.objects.get_for_model(Page).id
    pages, others = set(), []
    for content_type, object_id in rows:
        if content_type == page_type:
            pages.add(int(object_id))
        else:
            others.append((content_type, object_id))
    for page_model, field in _m2m_from_pages(model):
        pages.update(
            page_model.objects.filter(**{f"{field}__in": ids}).values_list("pk", flat=True)
        )
    return pages, others


def _pages_pointed_at(instance):
    """Ids of the pages instance points at (organiser, members, page choosers)."""
    ids = set()
    for name in _page_fields_of(type(instance)):
        field = type(instance)._meta.get_field(name)
        if field.many_to_many:
            ids.update(related.pk for related in getattr(instance, name).all())
        elif getattr(instance, field.attname):
            ids.add(getattr(instance, field.attname))
    if ReferenceIndex.is_indexed(type(instance)):
        page_type = ContentType.objects.get_for_model(Page).id
        ids.update(
            int(pk)
            for pk in ReferenceIndex.get_references_for_object(instance)
            .filter(to_content_type_id=page_type)
            .values_list("to_object_id", flat=True)
        )
    return ids


def _translations(instance):
    """The object (even when just deleted) and its translations."""
    if not isinstance(instance, TranslatableMixin):
        return [instance]
    others = type(instance).objects.filter(translation_key=instance.translation_key)
    return [instance, *others.exclude(pk=instance.pk)]


# --------------------------------------------------------------------------- what to bump


def _ancestor_paths(paths):
    return {path[:end] for path in paths for end in range(STEPLEN, len(path), STEPLEN)}


def _footer_translation_keys():
    """Translation keys of the pages linked in the footer of every language."""
    ids = {
        pk
        for row in SiteSettings.objects.values_list(
            "imprint_page", "privacy_page", "accessibility_page", "event_submission_page"
        )
        for pk in row
        if pk
    }
    return set(Page.objects.filter(pk__in=ids).values_list("translation_key", flat=True))


def _rows(pages):
    fields = ("pk", "path", "depth", "translation_key", "locale__language_code")
    return list(pages.values_list(*fields))


def _groups(ids):
    """Rows of these pages in every language (translations and aliases)."""
    keys = Page.objects.filter(pk__in=ids).values("translation_key")
    return _rows(Page.objects.filter(translation_key__in=keys))


def invalidate_pages(changed=(), listed=(), showing=(), gone=()):
    """Bump the tags of the pages that show a change, in every language.

    changed: translation keys of pages that changed themselves (navigation, listings);
    listed: ids of pages whose listing entries show the change (their ancestors list them);
    showing: ids of pages that show the change on their own page only;
    gone: rows (see _rows) of deleted pages.
    """
    own = _rows(Page.objects.filter(translation_key__in=changed)) + list(gone)
    listed, shown = _groups(listed) if listed else [], _groups(showing) if showing else []
    ids = {row[0] for row in own + listed + shown}
    ancestors = _ancestor_paths(row[1] for row in own + listed)
    if ancestors:
        ids |= set(Page.objects.filter(path__in=ancestors).values_list("pk", flat=True))
    menus = _footer_translation_keys() if own else set()
    nav = {nav_tag(code) for _, _, depth, key, code in own if depth <= 3 or key in menus}
    bump({page_tag(pk) for pk in ids} | nav | {PAGES})
    pages_changed.send(sender=Page, page_ids=ids)


def page_changed(page, deleted=False):
    """The page, the pages pointing at it (organiser, links) and those it points at."""
    group = set(
        Page.objects.filter(translation_key=page.translation_key).values_list("pk", flat=True)
    )
    pointing, _ = _pages_pointing_at(page.specific_class or Page, group | {page.pk})
    gone = (
        [(page.pk, page.path, page.depth, page.translation_key, page.locale.language_code)]
        if deleted
        else []
    )
    invalidate_pages(
        changed=[page.translation_key],
        listed=pointing,
        showing=_pages_pointed_at(page) if not deleted else (),
        gone=gone,
    )


def object_changed(instance):
    """A snippet, image or document: the pages showing it or one of its translations.

    Listings show them too (category labels, lead images), so the pages pointing at
    it count as listed; the pages it points at (a committee's members) show it.
    """
    objects = list(_translations(instance))
    pages, others = _pages_pointing_at(type(instance), [obj.pk for obj in objects])
    for content_type, object_id in others:  # one step further: an image in a contact person
        model = ContentType.objects.get_for_id(content_type).model_class()
        if model is not None and not issubclass(model, Page):
            pages |= _pages_pointing_at(model, [object_id])[0]
    pointed = set()
    for obj in objects:
        pointed |= _pages_pointed_at(obj)
    invalidate_pages(listed=pages, showing=pointed)


# --------------------------------------------------------------------------- receivers


@contextmanager
def invalidation_paused():
    """For bulk loads (generate_content): no lookups per saved object, one bump at the end."""
    _paused.active = True
    try:
        yield
    finally:
        _paused.active = False
        bump([ALL])


def _active(raw=False):
    return not raw and not getattr(_paused, "active", False)


def _visible_save(update_fields):
    return not update_fields or not set(update_fields) <= INVISIBLE_FIELDS


def _page_saved(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    if not _active(raw) or not _visible_save(update_fields):
        return
    if created and not instance.live:
        return  # a new draft: nobody sees it yet
    if instance.alias_of_id and not created:
        return  # an alias updated with its original, which covered the whole group
    page_changed(instance)


def _page_deleted(sender, instance, **kwargs):
    if _active():
        page_changed(instance, deleted=True)


def _page_moved(**kwargs):
    if _active():
        bump([ALL])


def _object_saved(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    if not _active(raw):
        return
    if isinstance(instance, (PageViewRestriction, Site)):
        bump([ALL])  # a page (and all below it) turns private or public; a site moves
    elif isinstance(instance, SiteSettings):
        if not created:  # created on first read of a fresh site; nothing visible changed
            bump([nav_tag(language.code) for language in LANGUAGES] + [PAGES])
    elif isinstance(instance, SNIPPET_MODELS) and _visible_save(update_fields):
        object_changed(instance)


def _minor_change_marked(sender, instance, **kwargs):
    """The "original changed" notice of its translations goes."""
    if _active():
        invalidate_pages(changed=[instance.translation_key])


def _object_deleted(sender, instance, **kwargs):
    _object_saved(sender, instance)


def _senders():
    """(page models, the other models whose changes visitors see)."""
    watched = (PageViewRestriction, Site, SiteSettings, *SNIPPET_MODELS)
    models = apps.get_models()
    pages = [model for model in models if issubclass(model, Page)]
    others = [model for model in models if issubclass(model, watched) and model not in pages]
    return pages, others


def connect():
    """Connect the receivers to the models that matter (called from HomeConfig.ready())."""
    post_page_move.connect(_page_moved, dispatch_uid="content-moved")
    minor_change_marked.connect(_minor_change_marked, dispatch_uid="content-minor-change")
    pages, others = _senders()
    receivers = {(_page_saved, _page_deleted): pages, (_object_saved, _object_deleted): others}
    for (saved, deleted), senders in receivers.items():
        for model in senders:
            label = model._meta.label
            post_save.connect(saved, sender=model, dispatch_uid=f"content-saved-{label}")
            post_delete.connect(deleted, sender=model, dispatch_uid=f"content-deleted-{label}")
