"""When a German original last changed, from Wagtail's audit log, and the "minor change" mark.

wagtail-localize knows what was submitted for translation and which strings are
translated, but not when an original changed, nor whether a change matters to
translators. Wagtail's audit log knows the first:

- a page changes for visitors and translators when it is published: Wagtail logs every
  publish ("wagtail.publish", with the revision published);
- snippets have no revisions; Wagtail logs the saves of its snippet views ("wagtail.create",
  "wagtail.edit"), not those of wagtail-localize, imports or commands. So every save of a
  translatable snippet, in any language, is logged here ("locales.change"), unless Wagtail
  logs the same save itself: its entry (same log context) then replaces ours, and the
  snippet's history shows one line per save.

What Wagtail lacks is the mark: an editor may mark an original's last change as minor (a
typo fixed, a new date), so that it does not make translations out of date. The mark is a
log entry too ("locales.minor_change"), holding the revision of the page's publish it marks,
or the uuid of the snippet's change (the admin request's, or one of its own).
"""

import uuid
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, Max, OuterRef, Q, Subquery
from django.dispatch import Signal
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import get_active_log_context, log
from wagtail.models import ModelLogEntry, Page, PageLogEntry

PUBLISHED = ["wagtail.publish", "wagtail.publish.scheduled"]
SNIPPET_SAVED = "locales.change"  # a save that Wagtail does not log itself
SNIPPET_CHANGED = ["wagtail.create", "wagtail.edit", SNIPPET_SAVED]
MINOR = "locales.minor_change"

# Sent when an editor marked an original's last change as minor (instance: the original).
minor_change_marked = Signal()


def register_actions(actions):
    """For the register_log_actions hook (wagtail_hooks.py)."""
    actions.register_action(SNIPPET_SAVED, _("Save"), _("Saved"))
    actions.register_action(
        MINOR,
        _("Mark the last change as minor"),
        _("Last change marked as minor: the translations stay up to date"),
    )


def _title(snippet):
    """The log entry's label, which may not be empty; a snippet's str() may be."""
    return str(snippet) or f"{snippet._meta.verbose_name} {snippet.pk}"


def log_snippet_change(snippet):
    """Log a save; within an admin request under the request's uuid, so that Wagtail's own
    entry of the same save finds it (drop_logged_twice)."""
    same_save = get_active_log_context().uuid or uuid.uuid4()
    return log(snippet, SNIPPET_SAVED, uuid=same_save, title=_title(snippet))


def record_snippet_change(sender, instance, raw=False, **kwargs):
    """post_save of every translatable snippet model (connected in signals.py)."""
    if not raw:  # loaddata: not an editor's change
        log_snippet_change(instance)


def drop_logged_twice(sender, instance, created=False, **kwargs):
    """post_save of ModelLogEntry (connected in signals.py): when Wagtail logs a snippet's
    creation or edit itself, the entry record_snippet_change wrote for the same save goes."""
    if created and instance.uuid and instance.action in ("wagtail.create", "wagtail.edit"):
        ModelLogEntry.objects.filter(
            content_type_id=instance.content_type_id,
            object_id=instance.object_id,
            uuid=instance.uuid,
            action=SNIPPET_SAVED,
        ).delete()


# --------------------------------------------------------------------------- reading


def _marked_page_change():
    """Whether a page's publish (the outer row) has been marked as minor."""
    return Exists(
        PageLogEntry.objects.filter(
            action=MINOR, page_id=OuterRef("page_id"), revision_id=OuterRef("revision_id")
        )
    )


def _marked_snippet_change():
    """Whether a snippet's change (the outer row) has been marked as minor."""
    return Exists(
        ModelLogEntry.objects.filter(
            action=MINOR,
            content_type_id=OuterRef("content_type_id"),
            object_id=OuterRef("object_id"),
            uuid=OuterRef("uuid"),
        )
    )


def page_times(pages):
    """{page id: (last change, last change not marked minor)} of these pages (one query).

    Marks count as recorded changes: a page marked before its publishes were logged has
    a recorded history, all of it minor.
    """
    rows = (
        PageLogEntry.objects.filter(page__in=pages, action__in=[*PUBLISHED, MINOR])
        .values("page_id")
        .annotate(
            last=Max("timestamp"),
            last_major=Max("timestamp", filter=Q(action__in=PUBLISHED) & ~_marked_page_change()),
        )
        .order_by()
    )
    return {row["page_id"]: (row["last"], row["last_major"]) for row in rows}


def snippet_times(content_types):
    """{(content type id, str(pk)): (last change, last not minor)} of these snippet models
    (one query)."""
    rows = (
        ModelLogEntry.objects.filter(
            content_type__in=content_types, action__in=[*SNIPPET_CHANGED, MINOR]
        )
        .values("content_type_id", "object_id")
        .annotate(
            last=Max("timestamp"),
            last_major=Max(
                "timestamp", filter=Q(action__in=SNIPPET_CHANGED) & ~_marked_snippet_change()
            ),
        )
        .order_by()
    )
    return {
        (row["content_type_id"], row["object_id"]): (row["last"], row["last_major"]) for row in rows
    }


def last_page_change(major_only=False):
    """Subquery: when the outer page last changed (or last changed not marked as minor)."""
    entries = PageLogEntry.objects.filter(page_id=OuterRef("pk"))
    if major_only:
        entries = entries.filter(action__in=PUBLISHED).exclude(_marked_page_change())
    else:
        entries = entries.filter(action__in=[*PUBLISHED, MINOR])
    return Subquery(entries.order_by("-timestamp").values("timestamp")[:1])


# --------------------------------------------------------------------------- the mark


@dataclass
class Change:
    changed_at: datetime
    minor: bool


def _changes_of(original):
    if isinstance(original, Page):
        return PageLogEntry.objects.filter(page=original, action__in=PUBLISHED).annotate(
            minor=_marked_page_change()
        )
    return (
        ModelLogEntry.objects.for_instance(original)
        .filter(action__in=SNIPPET_CHANGED)
        .annotate(minor=_marked_snippet_change())
    )


def latest_change(original):
    """The original's last recorded change (a Change), or None."""
    entry = _changes_of(original).order_by("-timestamp", "-id").first()
    return Change(entry.timestamp, entry.minor) if entry else None


def has_major_change(original):
    """Whether the original has a recorded change not marked as minor."""
    return _changes_of(original).filter(minor=False).exists()


def mark_minor(original, user):
    """Mark the original's last change as minor; a change from before the log is marked too."""
    entry = _changes_of(original).order_by("-timestamp", "-id").first()
    if isinstance(original, Page):
        revision = entry.revision if entry else original.live_revision
        log(original, MINOR, user=user, revision=revision)
    else:
        if entry is None:
            entry = log_snippet_change(original)
        log(original, MINOR, user=user, uuid=entry.uuid, title=_title(original))
    minor_change_marked.send(sender=type(original), instance=original)
