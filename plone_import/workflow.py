"""Plone's workflow state and dates on a Wagtail page, and the import's revision.

published (or no workflow at all)  live, unless `effective` lies ahead
                                   (then scheduled: go-live at `effective`)
                                   or `expires` has passed (then expired)
private, pending, anything else    draft
effective / expires                go_live_at / expire_at
effective (or first publication,   first_published_at
  or creation)
modified                           last_published_at (live pages), the
                                   revision's date, latest_revision_created_at

The page is saved with these values and one revision is written directly,
not through Wagtail's publish action: publishing would stamp today's date on
the page and tell the translation-status log that every page changed today,
when Plone knows when each one really changed.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from wagtail.models import Page, Revision

from .dates import parse_datetime

LIVE_STATES = {"published", "external", "internally_published"}
NO_DATE_BEFORE, NO_DATE_AFTER = 1900, 2400  # Plone's "no date": 1000-01-01, 2499-12-31


@dataclass
class State:
    live: bool
    scheduled: bool
    expired: bool
    go_live_at: datetime | None
    expire_at: datetime | None
    first_published_at: datetime | None
    changed_at: datetime


def real_date(value):
    return value if value is not None and NO_DATE_BEFORE < value.year < NO_DATE_AFTER else None


def state_for(item, item_id):
    now = timezone.now()
    effective = real_date(parse_datetime(item.get("effective"), item_id, "effective"))
    expires = real_date(parse_datetime(item.get("expires"), item_id, "expires"))
    created = parse_datetime(item.get("created"), item_id, "created")
    modified = parse_datetime(item.get("modified"), item_id, "modified") or created or now
    published = item.get("review_state") in LIVE_STATES or not item.get("review_state")
    scheduled = published and effective is not None and effective > now
    expired = published and expires is not None and expires <= now
    return State(
        live=published and not scheduled and not expired,
        scheduled=scheduled,
        expired=expired,
        go_live_at=effective,
        expire_at=expires,
        first_published_at=effective or first_publication(item, item_id) or created or modified,
        changed_at=modified,
    )


def first_publication(item, item_id):
    """When the workflow history first shows the item published."""
    for events in (item.get("workflow_history") or {}).values():
        for event in events or []:
            if isinstance(event, dict) and event.get("review_state") in LIVE_STATES:
                return parse_datetime(event.get("time"), item_id, "workflow_history")
    return None


def apply_state(page, state):
    """Set the page's status fields before it is saved."""
    was_published = state.live or state.expired
    page.live = state.live
    page.expired = state.expired
    page.has_unpublished_changes = not state.live
    page.go_live_at = state.go_live_at
    page.expire_at = state.expire_at
    page.first_published_at = state.first_published_at if was_published else None
    page.last_published_at = state.changed_at if was_published else None
    page.latest_revision_created_at = state.changed_at
    page.draft_title = page.title


def write_revision(page, state):
    """The import's revision of the saved page, dated like the Plone item."""
    revision = Revision.objects.create(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        content=page.serializable_data(),
        object_str=str(page)[:255],
        created_at=state.changed_at,
        approved_go_live_at=state.go_live_at if state.scheduled else None,
    )
    Page.objects.filter(pk=page.pk).update(
        latest_revision=revision, live_revision=revision if state.live else None
    )
    page.latest_revision_id = revision.pk
    page.live_revision_id = revision.pk if state.live else None
    return revision
