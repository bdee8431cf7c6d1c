"""The rules of online registration, in one place: every row is written here.

- An event's registrations belong to its first page (the source language), so the
  German, Arabic and every other version share one set of places.
- Dates are offered from the event's schedule while they have not begun and the
  event's deadline (``registration_closes_days`` before each date) has not passed.
- ``registration_capacity`` people per date; a full date puts people on the waiting
  list (if the event keeps one) in the order they came; a cancellation moves up the
  earliest who fit into the freed places, and tells them by e-mail.
- Every change to a date's places runs in a transaction that first locks the
  event's row (SELECT … FOR UPDATE on PostgreSQL), so two people who take the last
  place at once are served one after the other: one gets it, one waits.
- E-mails (confirmation, waiting list, moved up) go through the mail queue after
  the commit, with a signed link (django.core.signing) that cancels.
"""

import dataclasses
import datetime as dt
import logging

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, Sum
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from events.models import EventPage

from .models import Registration

logger = logging.getLogger(__name__)
CANCEL_SALT = "registrations.cancel"
DATES_OFFERED = 12


class RegistrationRefused(Exception):
    """The date can no longer be chosen (closed, full without a waiting list, gone)."""


CLOSED = _("Registration for this date has closed. Please choose another date.")
FULL = _("This date is fully booked. Please choose another date.")


def source_event(page):
    """The event's first page, whose registrations every language version shares."""
    return (
        EventPage.objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
        .order_by("pk")
        .first()
        or page
    )


# --------------------------------------------------------------------------- dates


@dataclasses.dataclass
class Slot:
    """A date one may register for, with its places."""

    start: dt.datetime
    end: dt.datetime
    closes: dt.datetime
    capacity: int | None
    taken: int = 0
    waiting: int = 0

    @property
    def key(self):
        return self.start.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")

    @property
    def places_left(self):
        return None if self.capacity is None else max(0, self.capacity - self.taken)

    def fits(self, people):
        return self.capacity is None or self.places_left >= people


def is_open(event):
    return event.registration_enabled and event.status != EventPage.Status.CANCELLED


def slots(event, now=None):
    """The dates open for registration, with the places taken (two queries and a count)."""
    now = now or timezone.now()
    if not is_open(event):
        return []
    before = dt.timedelta(days=event.registration_closes_days or 0)
    result = [
        Slot(start, end, start - before, event.registration_capacity)
        for start, end in event.schedule().occurrences()
        if now < start - before
    ][:DATES_OFFERED]
    if not result:
        return result
    by_start = {slot.start: slot for slot in result}
    counts = (
        Registration.objects.filter(event=event, start__in=list(by_start))
        .values("start", "status")
        .annotate(people=Sum("people"), count=Count("pk"))
    )
    for row in counts:
        slot = by_start.get(row["start"])
        if slot is None:
            continue
        if row["status"] == Registration.Status.CONFIRMED:
            slot.taken = row["people"]
        else:
            slot.waiting = row["count"]
    return result


def bookable(event, slot):
    """Can someone still choose the date: places left, or a waiting list to join?"""
    return slot.places_left != 0 or event.registration_waiting_list


def locked(event_pk):
    """The event, its row locked until the transaction ends (PostgreSQL; SQLite serialises)."""
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event_pk)


# --------------------------------------------------------------------------- registering


def register(page, data, language, now=None):
    """Register for the date data["date"] (a Slot.key); returns the Registration.

    An address already registered for the date gets its confirmation again instead of
    a second place. Raises RegistrationRefused when the date is closed or full.
    """
    with transaction.atomic():
        event = locked(source_event(page).pk)
        slot = next((s for s in slots(event, now) if s.key == data["date"]), None)
        if slot is None:
            raise RegistrationRefused(CLOSED)
        existing = Registration.objects.filter(
            event=event, start=slot.start, email__iexact=data["email"]
        ).first()
        if existing:
            transaction.on_commit(lambda: send(existing, "again"))
            return existing
        people = data.get("people") or 1
        if slot.fits(people):
            status = Registration.Status.CONFIRMED
        elif event.registration_waiting_list:
            status = Registration.Status.WAITING
        else:
            raise RegistrationRefused(FULL)
        registration = Registration.objects.create(
            event=event,
            start=slot.start,
            end=slot.end,
            status=status,
            name=data["name"],
            email=data["email"],
            organisation=data.get("organisation", ""),
            people=people,
            needs=data.get("needs", ""),
            spoken_language=data.get("spoken_language", ""),
            language=language,
        )
        transaction.on_commit(lambda: send(registration, status))
    return registration


def waiting_position(registration):
    """1 for the first on the date's waiting list; None with a place."""
    if registration.status != Registration.Status.WAITING:
        return None
    earlier = Registration.objects.filter(
        event=registration.event_id,
        start=registration.start,
        status=Registration.Status.WAITING,
        created_at__lt=registration.created_at,
    )
    return earlier.count() + 1


def cancel(registration_pk, now=None):
    """Delete the registration and move up whoever fits; False if it was already gone."""
    now = now or timezone.now()
    with transaction.atomic():
        found = Registration.objects.filter(pk=registration_pk).values("event_id").first()
        if found is None:
            return False
        event = locked(found["event_id"])
        registration = Registration.objects.filter(pk=registration_pk).first()
        if registration is None:  # cancelled by another request meanwhile
            return False
        registration.delete()
        if registration.status == Registration.Status.CONFIRMED and registration.start > now:
            move_up(event, registration.start, now)
    return True


def move_up(event, start, now=None):
    """Give freed places to the waiting list, earliest first; the event's row is locked."""
    rows = Registration.objects.filter(event=event, start=start)
    taken = rows.filter(status=Registration.Status.CONFIRMED).aggregate(n=Sum("people"))["n"]
    capacity = event.registration_capacity
    free = None if capacity is None else capacity - (taken or 0)
    moved = []
    for waiting in rows.filter(status=Registration.Status.WAITING).order_by("created_at", "pk"):
        if free is not None and waiting.people > free:
            continue
        waiting.status, waiting.moved_up_at = Registration.Status.CONFIRMED, now or timezone.now()
        waiting.save(update_fields=["status", "moved_up_at"])
        moved.append(waiting)
        if free is not None:
            free -= waiting.people
    for registration in moved:
        transaction.on_commit(lambda registration=registration: send(registration, "moved_up"))
    return moved


def move_up_all(event, now=None):
    """After the editor changed the places: fill every open date from its waiting list."""
    now = now or timezone.now()
    with transaction.atomic():
        event = locked(event.pk)
        starts = (
            Registration.objects.filter(
                event=event, status=Registration.Status.WAITING, start__gt=now
            )
            .values_list("start", flat=True)
            .distinct()
        )
        return [moved for start in list(starts) for moved in move_up(event, start, now)]


# --------------------------------------------------------------------------- the link


def cancel_token(registration):
    return signing.dumps(
        [registration.pk, int(registration.created_at.timestamp())], salt=CANCEL_SALT
    )


def from_token(token):
    """The registration a cancellation link names, or None (forged, or already gone)."""
    try:
        pk, created = signing.loads(token, salt=CANCEL_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    registration = Registration.objects.filter(pk=pk).select_related("event").first()
    if registration is None or int(registration.created_at.timestamp()) != created:
        return None
    return registration


def site_url():
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else settings.WAGTAILADMIN_BASE_URL


# --------------------------------------------------------------------------- e-mail


def send(registration, kind):
    """E-mail the registrant in the language they registered in (queued: portal.mail)."""
    with translation.override(registration.language):
        event = registration.event.localized
        cancel_path = reverse("registration_cancel", args=[cancel_token(registration)])
        context = {
            "registration": registration,
            "event": event,
            "kind": kind,
            "position": waiting_position(registration),
            "event_url": event.full_url or "",
            "cancel_url": site_url() + cancel_path,
            "retention_days": settings.REGISTRATION_RETENTION_DAYS,
        }
        subject = render_to_string("registrations/emails/subject.txt", context).strip()
        body = render_to_string("registrations/emails/registration.txt", context)
    try:
        send_mail(subject, body, None, [registration.email])
    except OSError:
        logger.exception("Could not e-mail registration %s (%s)", registration.pk, kind)


# --------------------------------------------------------------------------- privacy


def delete_due(now=None):
    """Delete registrations whose date ended REGISTRATION_RETENTION_DAYS ago; how many."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.REGISTRATION_RETENTION_DAYS)
    deleted, _by_model = Registration.objects.filter(end__lt=cutoff).delete()
    return deleted
