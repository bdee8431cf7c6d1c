"""Lists a page shows in the visitor's language, each list with its translations in one query.

A page shows a few lists of labels (an organisation's fields of action, target groups,
languages and district); an index offers a few lists of filter choices. Each list is a
query of its own table; here they are one query (UNION ALL of the lists, each with its
translations into the visitor's language where it has any), whatever their number. A
page's contact persons come with their translations and photos in one query, too.
"""

from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery, Value
from wagtail.models import Locale

from locales.languages import DEFAULT_LANGUAGE
from locales.utils import active_language_code, localize_all, localized_choices

from .models import ContactPerson

COLUMNS = ("id", "translation_key", "locale_id", "name", "slug")


def localized_lists(lists):
    """{name: [terms in the visitor's language]} for {name: queryset of terms}.

    As locales.utils.localize_all of each list (a term once, translated where a
    translation exists), each list in its terms' order (by name)."""
    if not all(isinstance(terms, QuerySet) for terms in lists.values()):  # a preview's
        return {name: localize_all(terms) for name, terms in lists.items()}
    code = active_language_code()
    rows = _rows(
        {name: _with_translations(terms, code) for name, terms in lists.items()}, lists, code
    )
    result = {name: [] for name in lists}
    translations = {
        (row.list_name, row.translation_key): row
        for row in rows
        if row.language == code and code != DEFAULT_LANGUAGE
    }
    seen = set()
    for row in rows:
        key = (row.list_name, row.translation_key)
        if row.listed and key not in seen:
            seen.add(key)
            result[row.list_name].append(translations.get(key, row))
    return result


def localized_choice_lists(models):
    """{name: locales.utils.localized_choices(model.objects.all())} for {name: model}, in
    one query: every term once, in the visitor's language where translated."""
    rows = _rows({name: model._default_manager.all() for name, model in models.items()})
    by_list = {name: [] for name in models}
    for row in rows:
        by_list[row.list_name].append(row)
    return {name: localized_choices(items) for name, items in by_list.items()}


def _with_translations(terms, code):
    """The terms and, in another language than German, their translations into it."""
    model = terms.model
    if code == DEFAULT_LANGUAGE:
        return model._default_manager.filter(pk__in=terms.values("pk"))
    return model._default_manager.filter(
        Q(pk__in=terms.values("pk"))
        | Q(locale__language_code=code, translation_key__in=terms.values("translation_key"))
    )


def _rows(querysets, listed=None, code=None):
    """The rows of the querysets ({name: queryset}) in one query, as model instances with
    list_name, language and (where listed gives the terms each list shows) listed."""
    parts = []
    for name, queryset in querysets.items():
        model = queryset.model
        has_code = any(field.name == "code" for field in model._meta.concrete_fields)
        annotations = {
            "list_name": Value(name),
            "language": F("locale__language_code"),
            "term_code": F("code") if has_code else Value(""),
            "listed": Exists(listed[name].filter(pk=OuterRef("pk"))) if listed else Value(True),
        }
        parts.append(queryset.order_by().annotate(**annotations).values(*COLUMNS, *annotations))
    union = parts[0].union(*parts[1:], all=True).order_by("list_name", "name")
    models = {name: queryset.model for name, queryset in querysets.items()}
    return [_instance(models[row["list_name"]], row) for row in union]


def _instance(model, row):
    values = {**row, "code": row["term_code"]}
    fields = [field.attname for field in model._meta.concrete_fields]
    obj = model.from_db("default", fields, [values[name] for name in fields])
    obj._state.fields_cache["locale"] = Locale(id=row["locale_id"], language_code=row["language"])
    obj.list_name, obj.language, obj.listed = row["list_name"], row["language"], row["listed"]
    return obj


def localized_contacts(contacts):
    """The persons of a page's contact list (Orderables with a person), in its order and in
    the visitor's language, with their photos: one query (locales.utils.localize_all)."""
    if not isinstance(contacts, QuerySet):  # a preview's
        return localize_all(contact.person for contact in contacts)
    listed = Q(pk__in=contacts.values("person_id"))
    code = active_language_code()
    if code != DEFAULT_LANGUAGE:
        keys = contacts.values("person__translation_key")
        listed |= Q(locale__language_code=code, translation_key__in=keys)
    people = ContactPerson.objects.filter(listed).select_related("photo", "locale")
    position = contacts.filter(person=OuterRef("pk")).order_by("sort_order")
    people = people.annotate(position=Subquery(position.values("sort_order")[:1]))
    translations = {p.translation_key: p for p in people if p.locale.language_code == code}
    listed_people = sorted((p for p in people if p.position is not None), key=_position)
    result, seen = [], set()
    for person in listed_people:
        if person.translation_key not in seen:
            seen.add(person.translation_key)
            result.append(translations.get(person.translation_key, person))
    return result


def _position(person):
    return person.position
