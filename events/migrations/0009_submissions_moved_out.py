"""The submission models moved to the submissions app; their tables stay (state only)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0008_image_alt_text_per_use"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="EventSubmission"),
                migrations.DeleteModel(name="EventSubmissionPage"),
            ],
            database_operations=[],
        ),
    ]
