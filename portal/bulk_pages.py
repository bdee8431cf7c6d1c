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
write_aliases() gives pages saved the ordinary way (the demo's German tree) their aliases
the same way, copying their child rows and many-to-many links as Wagtail's alias action.
"""

from dataclasses import dataclass, field
from itertools import groupby
from operator import attrgetter

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.models import Comment, Page, TranslatableMixin
from wagtail.search.backends import get_search_backend
from wagtail.search.index import RelatedFields

from events.models import EventDate, EventPage
from locales.aliases import create_alias

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


def write_aliases(originals, locales):
    """Aliases of saved pages (specific) in each locale without a version of them, a tree
    level at a time; how many. Each page's parent has a version in every locale or is among
    the originals. Home pages (below the root) get theirs one by one, named like the rest."""
    versions = {(p.translation_key, p.locale_id): p for p in Page.objects.filter(depth__gt=1)}
    originals = sorted(originals, key=attrgetter("depth", "path"))
    keys = {page.path: page.translation_key for page in originals}
    root, made = Page.get_first_root_node(), 0
    for _, level in groupby(originals, key=attrgetter("depth")):
        parents, specs = {}, []
        for page in level:
            source = Spec(page, None, *_relations(page))
            for locale in locales:
                if (page.translation_key, locale.pk) in versions:
                    continue
                if page.depth == 2:
                    versions[page.translation_key, locale.pk] = create_alias(page, root, locale)
                    made += 1
                    continue
                above = versions[keys[page.path[: -Page.steplen]], locale.pk]
                spec = alias_of(source, parents.setdefault(above.pk, Parent(above)))
                for model, rows in spec.children.items():  # e.g. a form's fields
                    if issubclass(model, TranslatableMixin):
                        spec.children[model] = [{**r, "locale_id": locale.pk} for r in rows]
                specs.append(spec)
        write(specs)
        versions.update(((s.page.translation_key, s.page.locale_id), s.page) for s in specs)
        made += len(specs)
    return made


def _relations(page):
    """(many-to-many ids, child rows) of a saved page, as an alias copies them."""
    m2m = {
        field.name: list(getattr(page, field.name).values_list("pk", flat=True))
        for field in get_all_child_m2m_relations(page)
    }
    children = {
        relation.related_model: getattr(page, relation.get_accessor_name()).all()
        for relation in get_all_child_relations(page)
        if relation.related_model is not Comment
    }
    if isinstance(page, EventPage):  # the listings' dates, which EventPage.save() makes
        children[EventDate] = page.event_dates.all()
    return m2m, {model: [_values(row) for row in rows] for model, rows in children.items()}


def _values(row):
    fields = type(row)._meta.concrete_fields
    return {f.attname: getattr(row, f.attname) for f in fields if f.name not in ("id", "page")}
