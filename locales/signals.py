"""Signal receivers of the language layer, connected in LocalesConfig.ready():

- locales.aliases.page_created gives every new page its aliases in every language
  (the language invariant);
- every save of a translatable snippet is logged for the translation status, once
  (locales.changes; Wagtail logs the publishes of pages itself).
"""

from django.core.signals import request_started
from django.db.models.signals import post_save
from wagtail.models import ModelLogEntry, Page, get_page_models, get_translatable_models

from .aliases import page_created
from .changes import drop_logged_twice, record_snippet_change
from .utils import remember_locale


def connect():
    """Connect the receivers; called from LocalesConfig.ready().

    Snippets are found among the translatable models, not in Wagtail's snippet
    registry: Wagtail fills that only after this app is ready.
    """
    for model in get_page_models():
        post_save.connect(
            page_created, sender=model, dispatch_uid=f"locales-aliases-{model._meta.label}"
        )
    request_started.connect(remember_locale, dispatch_uid="locales-forget-active-locale")
    post_save.connect(drop_logged_twice, sender=ModelLogEntry, dispatch_uid="locales-log-once")
    for model in get_translatable_models():
        if issubclass(model, Page):
            continue
        post_save.connect(
            record_snippet_change, sender=model, dispatch_uid=f"locales-change-{model._meta.label}"
        )
