"""The change log that translation status is computed from.

wagtail-localize knows what was submitted for translation and which strings
are translated, but not when a German original changed, nor whether a change
matters to translators. Snippets have no timestamps at all. So every saved or
published change of a translatable page or snippet, in any language, is
recorded here (see signals.py), and an editor can mark a change of a German
original as minor: a typo fix or a new date needs no re-translation, so it
does not make translations out of date.
"""

from django.conf import settings
from django.db import models
from django.db.models import Max, Q
from django.utils import timezone


class ContentChangeQuerySet(models.QuerySet):
    def latest_times(self):
        """{(translation_key, locale_id): (last change, last change that is not minor)}.

        One query for any number of objects.
        """
        rows = self.values("translation_key", "locale_id").annotate(
            last=Max("changed_at"), last_major=Max("changed_at", filter=Q(minor=False))
        )
        return {
            (row["translation_key"], row["locale_id"]): (row["last"], row["last_major"])
            for row in rows
        }


class ContentChange(models.Model):
    """One saved or published change of a translatable page or snippet in one language."""

    translation_key = models.UUIDField()
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Set by an editor on a change of a German original: no re-translation needed.
    minor = models.BooleanField(default=False)
    minor_marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ContentChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-changed_at", "-pk"]
        indexes = [models.Index(fields=["translation_key", "locale", "changed_at"])]

    def __str__(self):
        return f"{self.translation_key} {self.locale_id} {self.changed_at:%Y-%m-%d %H:%M}"
