"""Record every change of a translatable page or snippet (see models.ContentChange).

Pages count when they are published: a draft changes nothing a visitor or a
translator reads. Snippets have no drafts here, so every save counts. Aliases
are copies that follow their original and are not recorded.

Also connected here: locales.aliases.page_created, which gives every new page its
aliases in every language (the language invariant).
"""

from django.core.signals import request_started
from django.db.models.signals import post_save
from django.utils import timezone
from wagtail.models import Page, get_page_models, get_translatable_models
from wagtail.signals import page_published

from .aliases import page_created
from .models import ContentChange
from .utils import remember_locale


def record_page_change(sender, instance, revision=None, **kwargs):
    if instance.alias_of_id:
        return
    ContentChange.objects.create(
        translation_key=instance.translation_key,
        locale_id=instance.locale_id,
        revision=revision,
        changed_at=instance.last_published_at or timezone.now(),
        user=getattr(revision, "user", None),
    )


def record_snippet_change(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata: not an editor's change
        return
    ContentChange.objects.create(
        translation_key=instance.translation_key, locale_id=instance.locale_id
    )


def connect():
    """Connect the recorders and the language invariant; called from LocalesConfig.ready().

    Snippets are found among the translatable models, not in Wagtail's snippet
    registry: Wagtail fills that only after this app is ready.
    """
    page_published.connect(record_page_change, dispatch_uid="locales-page-change")
    for model in get_page_models():
        post_save.connect(
            page_created, sender=model, dispatch_uid=f"locales-aliases-{model._meta.label}"
        )
    request_started.connect(remember_locale, dispatch_uid="locales-forget-active-locale")
    for model in get_translatable_models():
        if issubclass(model, Page):
            continue
        post_save.connect(
            record_snippet_change, sender=model, dispatch_uid=f"locales-change-{model._meta.label}"
        )
