"""Person items as ContactPerson snippets, Location items as the venues of events.

Field names differ between Plone add-ons (kitconcept.intranet, collective.contact_*,
hand-made types); each value is read from the first of several usual names.
A Person is found again by its UID (ImportedItem.contact_person) and updated.
A Location has no page: an Event that names it (location_reference) gets its
title as venue and its address and text as the venue's address.
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from home.models import ContactPerson

from .models import ImportedItem

NAME_MAX, ROLE_MAX, PHONE_MAX, ADDRESS_MAX = 200, 200, 50, 500


def first(item, *names):
    for name in names:
        value = item.get(name)
        if isinstance(value, list):
            value = ", ".join(str(part) for part in value if isinstance(part, str))
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return ""


def person_values(item, warn):
    name = " ".join(filter(None, (first(item, "first_name"), first(item, "last_name"))))
    name = name or first(item, "title", "id")
    email = first(item, "contact_email", "email")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            warn(f"e-mail {email!r} is not an address: left out")
            email = ""
    role = first(item, "job_title", "position", "role", "function", "description")
    values = {
        "name": name[:NAME_MAX],
        "role": role[:ROLE_MAX],
        "employer": first(item, "organisation", "organization", "employer", "department")[
            :ROLE_MAX
        ],
        "phone": first(item, "contact_phone", "phone", "telephone")[:PHONE_MAX],
        "email": email,
    }
    for key, text, limit in (("name", name, NAME_MAX), ("role", role, ROLE_MAX)):
        if len(text) > limit:
            warn(f"{key} shortened to {limit} characters")
    return values


def write_person(entry, item, locale, photo_id, warn):
    """(ContactPerson, action) for a Person item, created or updated by its UID."""
    record = ImportedItem.objects.filter(uid=entry.uid).select_related("contact_person").first()
    person = record.contact_person if record and record.contact_person_id else None
    values = person_values(item, warn)
    values["photo_id"] = photo_id
    if person is not None and all(getattr(person, key) == value for key, value in values.items()):
        return person, "unchanged"
    action = "updated" if person is not None else "created"
    person = person or ContactPerson(locale=locale)
    for key, value in values.items():
        setattr(person, key, value)
    person.save()
    ImportedItem.objects.update_or_create(
        uid=entry.uid,
        defaults={
            "portal_type": entry.type,
            "role": ImportedItem.Role.CONTACT,
            "old_path": entry.path,
            "language": entry.language,
            "page": None,
            "contact_person": person,
        },
    )
    return person, action


def venue_values(item):
    """(name, address) of a Location item: its title; street, postcode, city and its text."""
    name = first(item, "title", "id")
    street = first(item, "street", "address", "street_address")
    town = " ".join(
        filter(None, (first(item, "zip_code", "postal_code", "zip"), first(item, "city")))
    )
    lines = [street, town, first(item, "country"), first(item, "description")]
    return name, "\n".join(line for line in lines if line)[:ADDRESS_MAX]


def reference_uids(value):
    """UIDs of a reference field: ["uid", …], [{"UID": …}], or {"UID": …}."""
    if isinstance(value, dict | str):
        value = [value]
    uids = []
    for ref in value or []:
        if isinstance(ref, str):
            uids.append(ref)
        elif isinstance(ref, dict) and (ref.get("UID") or ref.get("token")):
            uids.append(ref.get("UID") or ref.get("token"))
    return uids
