"""Bulk inserts of live leaf pages and their aliases, for generate_content.

Wagtail's add_child costs a dozen queries per page and an alias (create_alias)
some sixty more, so 100,000 pages in seven languages would take days. Pages
that are leaves below a known parent need none of that: treebeard's
materialised path of the n-th child is computed (Page._get_path), the rows of
``wagtailcore_page`` are written with bulk_create, the rows of the specific
model's own table with Django's batched insert (bulk_create refuses models
with a parent table), then many-to-many rows, child rows and search index
entries in bulk as well. An alias is the same row in another language's tree,
pointing at its source (alias_of) with the source's translation_key, as
wagtail-localize's synchronize_tree makes it. No signal is sent: the caller
pauses cache invalidation and drops cached pages once; event dates of a single
occurrence are written as they are (EventPage.rebuild_dates gives the same).
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.index import RelatedFields

PAGE_FIELDS = [f for f in Page._meta.concrete_fields]


@dataclass
class Parent:
    """A parent page in one language and the step of its next child."""

    page: Page
    next_step: int = 0

    def __post_init__(self):
        last = self.page.get_last_child()
        self.next_step = (last._get_lastpos_in_path() if last else 0) + 1

    def place(self, page):
        page.path = Page._get_path(self.page.path, self.page.depth + 1, self.next_step)
        page.depth = self.page.depth + 1
        page.url_path = f"{self.page.url_path}{page.slug}/"
        page.locale_id = self.page.locale_id
        self.next_step += 1


@dataclass
class Spec:
    """A page to write: its specific object, parent, m2m ids and child rows (by model)."""

    page: Page
    parent: Parent
    m2m: dict = field(default_factory=dict)  # field name: [ids]
    children: dict = field(default_factory=dict)  # child model: [{field: value}]


def _prepare(spec, now):
    page = spec.page
    spec.parent.place(page)
    page.content_type_id = ContentType.objects.get_for_model(type(page)).pk
    page.draft_title = page.title
    page.live, page.has_unpublished_changes, page.numchild = True, False, 0
    page.first_published_at = page.last_published_at = page.latest_revision_created_at = now


def write(specs, batch_size=2000):
    """Insert the pages of specs (leaves, in order), their relations and index entries."""
    if not specs:
        return
    now = timezone.now()
    for spec in specs:
        _prepare(spec, now)
    rows = Page.objects.bulk_create(
        [Page(**{f.attname: getattr(s.page, f.attname) for f in PAGE_FIELDS}) for s in specs],
        batch_size=batch_size,
    )
    by_model = {}
    for spec, row in zip(specs, rows, strict=True):
        spec.page.pk = spec.page.id = spec.page.page_ptr_id = row.pk
        spec.page._state.adding = False
        by_model.setdefault(type(spec.page), []).append(spec)
    for model, group in by_model.items():
        _insert_specific(model, [s.page for s in group], batch_size)
        _insert_relations(model, group, batch_size)
        _index(model, [s.page for s in group])
    parents = {id(s.parent): s.parent for s in specs}.values()
    for parent in parents:
        parent.page.numchild = parent.next_step - 1
        Page.objects.filter(pk=parent.page.pk).update(numchild=parent.page.numchild)


def _insert_specific(model, pages, batch_size):
    # Django's bulk insert for the model's own table; bulk_create() refuses multi-table models.
    fields = [f for f in model._meta.local_concrete_fields]
    model._base_manager.all()._batched_insert(pages, fields, batch_size)


def _insert_relations(model, specs, batch_size):
    for name in {name for spec in specs for name in spec.m2m}:
        through = model._meta.get_field(name).remote_field.through
        source, target = _through_columns(through, model)
        through.objects.bulk_create(
            [
                through(**{source: spec.page.pk, target: target_id})
                for spec in specs
                for target_id in spec.m2m.get(name, [])
            ],
            batch_size=batch_size,
        )
    for child_model in {child for spec in specs for child in spec.children}:
        child_model.objects.bulk_create(
            [
                child_model(page_id=spec.page.pk, **values)
                for spec in specs
                for values in spec.children.get(child_model, [])
            ],
            batch_size=batch_size,
        )


def _index(model, pages):
    """Search index entries; related fields (taxonomy names) prefetched, not read per page."""
    related = [f.field_name for f in model.get_search_fields() if isinstance(f, RelatedFields)]
    if related:
        pages = model.objects.filter(pk__in=[page.pk for page in pages]).prefetch_related(*related)
    get_search_backend().add_bulk(model, list(pages))


def _through_columns(through, model):
    """The attnames of an m2m table's column to the page and to the target."""
    source = target = None
    for column in through._meta.concrete_fields:
        if not isinstance(column, models.ForeignKey):
            continue
        if issubclass(model, column.related_model) and source is None:
            source = column.attname
        else:
            target = column.attname
    return source, target


def alias_of(spec, parent):
    """A Spec for the alias of spec's (written) page below parent, in parent's language."""
    source = spec.page
    alias = type(source)(
        **{
            f.attname: getattr(source, f.attname)
            for f in type(source)._meta.concrete_fields
            if not f.primary_key and f.attname not in ("page_ptr_id", "id")
        }
    )
    alias.alias_of_id = source.pk
    alias.latest_revision_id = None  # an alias has no revisions of its own
    alias.translation_key = source.translation_key
    return Spec(alias, parent, dict(spec.m2m), dict(spec.children))
