"""The change log moves into Wagtail's audit log (locales.changes).

Wagtail logged every publish of a page already, so of the pages only the "minor change"
marks move; snippet changes move with their marks. A snippet whose model is not in the
migration state is left out (its translations then count as up to date until it changes).
"""

import uuid

from django.db import migrations

MINOR = "locales.minor_change"
SNIPPET_CHANGED = "locales.change"


def translatable_snippet_models(apps, page_model):
    names = {"translation_key", "locale"}
    return [
        model
        for model in apps.get_models()
        if names <= {field.name for field in model._meta.get_fields()}
        and model is not page_model
        and page_model not in model._meta.get_parent_list()
    ]


def move_to_audit_log(apps, schema_editor):
    ContentChange = apps.get_model("locales", "ContentChange")
    Page = apps.get_model("wagtailcore", "Page")
    PageLogEntry = apps.get_model("wagtailcore", "PageLogEntry")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    snippet_models = translatable_snippet_models(apps, Page)
    for change in ContentChange.objects.order_by("changed_at", "pk").iterator():
        where = {"translation_key": change.translation_key, "locale_id": change.locale_id}
        page = Page.objects.filter(alias_of__isnull=True, **where).first()
        if page is not None:
            if change.minor:
                PageLogEntry.objects.create(
                    page=page,
                    content_type_id=page.content_type_id,
                    label=page.title,
                    action=MINOR,
                    timestamp=change.changed_at,
                    revision_id=change.revision_id or page.live_revision_id,
                    user_id=change.minor_marked_by_id,
                )
            continue
        for model in snippet_models:
            obj = model.objects.filter(**where).first()
            if obj is None:
                continue
            entry = {
                "content_type": ContentType.objects.get_for_model(model),
                "object_id": str(obj.pk),
                "label": f"{model._meta.verbose_name} {obj.pk}",
                "timestamp": change.changed_at,
                "uuid": uuid.uuid4(),
            }
            ModelLogEntry.objects.create(action=SNIPPET_CHANGED, user_id=change.user_id, **entry)
            if change.minor:
                ModelLogEntry.objects.create(
                    action=MINOR, user_id=change.minor_marked_by_id, **entry
                )
            break


class Migration(migrations.Migration):
    dependencies = [
        ("locales", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.RunPython(move_to_audit_log, migrations.RunPython.noop, elidable=True),
        migrations.DeleteModel(name="ContentChange"),
    ]
