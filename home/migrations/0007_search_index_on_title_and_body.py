"""A GIN index on the search entries' title || body, on PostgreSQL (issue 15).

Wagtail's database backend matches `(title || body) @@ query`; the separate GIN indexes
on title and on body cannot serve that expression, so every search read every entry of
the visitor's language. With this index PostgreSQL finds the matching entries first.
"""

from django.db import migrations

INDEX = "portal_indexentry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_spokenlanguage_code"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
