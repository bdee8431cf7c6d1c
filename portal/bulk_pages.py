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
wagtail-localize's synchronize_tree makes it.

Search entries: Wagtail's PostgreSQL backend builds a Django expression per text
field and page and recomputes every entry's title norm (a scan of the whole index)
after each call, which made the search index most of the time and grew with the
site. Here, on PostgreSQL, a page's entry is one row of plain SQL (the same
to_tsvector/setweight values the backend writes), an alias's entry a copy of its
source's in one INSERT … SELECT, and the title norms are refreshed once
(search_entries_deferred).

No signal is sent: the caller pauses cache invalidation and drops cached pages
once; event dates of a single occurrence are written as they are
(EventPage.rebuild_dates gives the same).
write_aliases() gives pages saved the ordinary way (the demo's German tree) their aliases
the same way, copying their child rows and many-to-many links as Wagtail's alias action.
"""

import copy
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import groupby
from operator import attrgetter

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.utils import timezone
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from modelsearch.backends.database.postgres.postgres import ObjectIndexer
from wagtail.models import Comment, Page, TranslatableMixin
from wagtail.search.backends import get_search_backend
from wagtail.search.index import AutocompleteField, RelatedFields, SearchField
from wagtail.search.models import IndexEntry

from events.models import EventDate, EventPage
from locales.aliases import create_alias


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
    # The specific objects themselves carry the Page columns: no second object per page.
    Page.objects.bulk_create([s.page for s in specs], batch_size=batch_size)
    by_model = {}
    for spec in specs:
        spec.page.pk = spec.page.page_ptr_id = spec.page.id
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


def analyze(models_written):
    """Fresh planner statistics for the tables written (PostgreSQL). Without them the
    foreign-key checks at COMMIT keep the plan made when the tables were nearly empty, a
    scan of wagtailcore_page per inserted row: batch two of generate_content took 400 s."""
    if connection.vendor != "postgresql":
        return
    tables = {Page._meta.db_table, IndexEntry._meta.db_table}
    for model in models_written:
        tables.add(model._meta.db_table)
        tables.update(f.remote_field.through._meta.db_table for f in model._meta.many_to_many)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(t) for t in tables))


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
    backend = get_search_backend()
    fast = connection.vendor == "postgresql" and _deferred.active
    if fast:  # an alias's entry is its source's
        copied = _copy_entries([page.pk for page in pages if page.alias_of_id])
        pages = [page for page in pages if page.pk not in copied]
    related = [f.field_name for f in model.get_search_fields() if isinstance(f, RelatedFields)]
    if related and pages:
        pages = model.objects.filter(pk__in=[page.pk for page in pages]).prefetch_related(*related)
    if fast:
        _insert_entries(backend, model, list(pages))
    else:
        backend.add_bulk(model, list(pages))


class _deferred:  # noqa: N801 (a flag, set while search_entries_deferred runs)
    active = False


@contextmanager
def search_entries_deferred():
    """Search entries written as plain SQL inside; the title norms refreshed once after."""
    _deferred.active = True
    try:
        yield
    finally:
        _deferred.active = False
    backend = get_search_backend()
    index = backend.get_index_for_model(Page)
    if hasattr(index, "_refresh_title_norms"):  # Wagtail's PostgreSQL backend
        index._refresh_title_norms()


def _copy_entries(page_ids):
    """Give the aliases of page_ids their sources' search entries; the ids that got one."""
    if not page_ids:
        return set()
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {IndexEntry._meta.db_table}
                (content_type_id, object_id, title, autocomplete, body, title_norm,
                 title_text, body_text)
            SELECT e.content_type_id, p.id::text, e.title, e.autocomplete, e.body, 1.0,
                   e.title_text, e.body_text
            FROM wagtailcore_page p
            JOIN {IndexEntry._meta.db_table} e
              ON e.object_id = p.alias_of_id::text AND e.content_type_id = p.content_type_id
            WHERE p.id = ANY(%s)
            ON CONFLICT (content_type_id, object_id) DO NOTHING
            RETURNING object_id
            """,  # noqa: S608 (only the table's name is formatted in; values are parameters)
            [list(page_ids)],
        )
        return {int(row[0]) for row in cursor.fetchall()}


def _insert_entries(backend, model, pages):
    """One search entry per page, as Wagtail's PostgreSQL backend writes it (add_items)."""
    if not pages:
        return
    content_type = ContentType.objects.get_for_model(model).pk
    rows, params = [], []
    for page in pages:
        title, body, autocomplete = _texts(backend, page)
        row_params = [content_type, str(page.pk)]
        vectors = []
        configs = (backend.config, backend.autocomplete_config, backend.config)
        for texts, config in zip((title, autocomplete, body), configs, strict=True):
            sql, vector_params = _vector(texts, config)
            vectors.append(sql)
            row_params.extend(vector_params)
        row_params += [" ".join(text for text, _ in title), " ".join(text for text, _ in body)]
        rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        params.extend(row_params)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {IndexEntry._meta.db_table}
                (content_type_id, object_id, title, autocomplete, body, title_norm,
                 title_text, body_text)
            VALUES {", ".join(rows)}
            ON CONFLICT (content_type_id, object_id) DO UPDATE SET
                title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete,
                body = EXCLUDED.body, title_text = EXCLUDED.title_text,
                body_text = EXCLUDED.body_text
            """,  # noqa: S608 (the table's name and placeholders; values are parameters)
            params,
        )


def _texts(backend, page):
    """(title, body, autocomplete): the page's (text, weight) pairs, as the backend reads them."""
    reader = ObjectIndexer(page, backend)
    title, body, autocomplete = [], [], []
    for search_field in reader.search_fields:
        for current, weight, value in reader.prepare_field(page, search_field):
            text = value.strip()
            if not text:
                continue
            if isinstance(current, SearchField):
                (title if current.field_name == "title" else body).append((text, weight))
            elif isinstance(current, AutocompleteField):
                autocomplete.append((text, weight))
    return title, body, autocomplete


def _vector(texts, config):
    """SQL and parameters of a tsvector of weighted texts (Django's SearchVector's SQL)."""
    if not texts:
        return "to_tsvector(COALESCE(%s, %s))", ["", ""]
    to_tsvector = (
        "to_tsvector(%s::regconfig, COALESCE(%s, %s))"
        if config
        else ("to_tsvector(COALESCE(%s, %s))")
    )
    parts, params = [], []
    for text, weight in texts:
        parts.append(f"setweight({to_tsvector}, %s)")
        params += [config, text, "", weight] if config else [text, "", weight]
    return " || ".join(parts), params


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
    alias = copy.copy(source)  # its field values; a model's __init__ costs ten times more
    alias.id = alias.page_ptr_id = None
    alias._state.adding = True
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
