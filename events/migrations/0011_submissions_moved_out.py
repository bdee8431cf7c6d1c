"""The submission models moved to the submissions app; their tables stay (state only)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0010_sign_language_video_hard_word_easy_language_links"),
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
