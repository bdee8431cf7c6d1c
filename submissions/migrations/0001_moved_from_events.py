"""The event submission models, moved here from events (issue 16): tables and rows stay.

Only Django's state moves (events 0009 drops the models from the events app's state);
the content types are renamed, so pages, revisions, permissions and group grants
that point at them stay valid.
"""

import django.db.models.deletion
import locales.permissions
import submissions.models
import wagtail.fields
from django.db import migrations, models


MODELS = ["eventsubmission", "eventsubmissionpage"]


def move_content_types(apps, schema_editor):
    content_types = apps.get_model("contenttypes", "ContentType")
    content_types.objects.filter(app_label="events", model__in=MODELS).update(
        app_label="submissions"
    )


def move_content_types_back(apps, schema_editor):
    content_types = apps.get_model("contenttypes", "ContentType")
    content_types.objects.filter(app_label="submissions", model__in=MODELS).update(
        app_label="events"
    )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('events', '0011_submissions_moved_out'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='EventSubmissionPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                        ('intro', wagtail.fields.RichTextField(blank=True, verbose_name='introduction')),
                        ('confirmation_text', wagtail.fields.RichTextField(blank=True, help_text='Shown after sending, above the reference number.', verbose_name='confirmation text')),
                    ],
                    options={
                        'verbose_name': 'event submission form',
                        'db_table': 'events_eventsubmissionpage',
                    },
                    bases=(locales.permissions.RolePagePermissions, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='EventSubmission',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('reference', models.CharField(default=submissions.models.new_reference, editable=False, max_length=20, unique=True, verbose_name='reference number')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='sent')),
                        ('language', models.CharField(max_length=10, verbose_name='language')),
                        ('status', models.CharField(choices=[('submitted', 'Waiting for moderation'), ('approved', 'Published'), ('rejected', 'Rejected')], default='submitted', max_length=20, verbose_name='status')),
                        ('title', models.CharField(max_length=255, verbose_name='title')),
                        ('organisation_name', models.CharField(max_length=255, verbose_name='organisation')),
                        ('data', models.JSONField(blank=True, default=dict, verbose_name='what was sent')),
                        ('last_date', models.DateTimeField(null=True, verbose_name='end of the last date')),
                        ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='decided')),
                        ('rejection_reason', models.TextField(blank=True, verbose_name='reason for the rejection')),
                        ('contact_name', models.CharField(blank=True, max_length=150, verbose_name='contact person')),
                        ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='contact e-mail')),
                        ('contact_phone', models.CharField(blank=True, max_length=40, verbose_name='contact phone')),
                        ('image_file', models.FileField(blank=True, storage=submissions.models.private_storage, upload_to=submissions.models.random_upload_name, verbose_name='image waiting for approval')),
                        ('image_alt', models.CharField(blank=True, max_length=250, verbose_name='alternative text')),
                        ('anonymised_at', models.DateTimeField(blank=True, null=True, verbose_name='personal data deleted')),
                        ('page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='submissions', to='events.eventpage', verbose_name='event page')),
                    ],
                    options={
                        'verbose_name': 'event submission',
                        'verbose_name_plural': 'event submissions',
                        'db_table': 'events_eventsubmission',
                        'ordering': ['-created_at'],
                        'permissions': [('view_contact_details', 'Can see the contact details of submissions')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
