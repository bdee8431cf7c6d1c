"""Media and waiting images on S3-compatible storage, so app servers keep no files.

The issue: "The README says app servers keep no state, but uploads and waiting images
are on local disk, so a second app server would not see them."

The tests start an S3-compatible server (moto's server mode, on a loopback port),
configure the storages from environment variables exactly as the settings do
(portal.settings.base.storages_setting) and follow an image from the public form into
the private bucket and, once approved, into the public media.
"""

import socket

import boto3
import pytest
from django.core.files.storage import default_storage, storages
from django.core.files.storage.filesystem import FileSystemStorage
from moto.server import ThreadedMotoServer

from portal.settings.base import storages_setting
from submissions.models import EventSubmission
from tests.conftest import make_image
from tests.submission_helpers import (  # noqa: F401  (fixture)
    form_site,
    png_bytes,
    send,
    upload,
    valid_data,
    workflow_action,
)

pytestmark = pytest.mark.django_db

MEDIA, PRIVATE = "portal-media", "portal-private"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_server():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3(s3_server, settings, monkeypatch):
    """The storages as the settings build them from these environment variables."""
    environ = {
        "AWS_STORAGE_BUCKET_NAME": MEDIA,
        "AWS_PRIVATE_BUCKET_NAME": PRIVATE,
        "AWS_S3_ENDPOINT_URL": s3_server,
        "AWS_S3_REGION_NAME": "eu-central-1",
    }
    for name, value in {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test"}.items():
        monkeypatch.setenv(name, value)
    client = boto3.client("s3", endpoint_url=s3_server, region_name="eu-central-1")
    for bucket in (MEDIA, PRIVATE):
        client.create_bucket(
            Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"}
        )
    settings.STORAGES = {
        **storages_setting(environ),
        "staticfiles": settings.STORAGES["staticfiles"],
    }
    # A model field resolves its storage callable once, when the app loads (in production
    # from these same settings); here the settings changed afterwards.
    field = EventSubmission._meta.get_field("image_file")
    monkeypatch.setattr(field, "storage", storages["private"])
    yield client
    for bucket in (MEDIA, PRIVATE):
        for item in client.list_objects_v2(Bucket=bucket).get("Contents", []):
            client.delete_object(Bucket=bucket, Key=item["Key"])
        client.delete_bucket(Bucket=bucket)


def keys(client, bucket):
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", []))


def test_local_disk_is_the_default():
    configured = storages_setting({})
    assert configured["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert configured["private"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_uploaded_images_and_renditions_live_in_the_bucket(s3, s3_server):
    image = make_image("Gruppenfoto", size=(60, 40))
    assert keys(s3, MEDIA) == [f"media/{image.file.name}"]
    rendition = image.get_rendition("fill-20x20")
    assert f"media/{rendition.file.name}" in keys(s3, MEDIA)
    # Public media have plain URLs at the object store (or its CDN), no signatures.
    assert rendition.url.startswith(f"{s3_server}/{MEDIA}/media/")
    assert "Signature" not in rendition.url
    # Another app server (a storage object of its own) reads the same file.
    other = storages.create_storage(storages.backends["default"])
    assert not isinstance(other, FileSystemStorage)
    with other.open(image.file.name) as stored:
        assert stored.read(8) == b"\x89PNG\r\n\x1a\n"


def test_a_waiting_image_is_private_until_approved(
    s3,
    client,
    form_site,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(
            client,
            form_site.form,
            valid_data(form_site, image_alt="Eltern am Tisch", image_rights="on"),
            upload(png_bytes()),
        )
    assert response.status_code == 200
    submission = EventSubmission.objects.get()
    waiting = f"private/{submission.image_file.name}"
    assert keys(s3, PRIVATE) == [waiting]
    assert keys(s3, MEDIA) == []
    acl = s3.get_object_acl(Bucket=PRIVATE, Key=waiting)
    assert [grant["Permission"] for grant in acl["Grants"]] == ["FULL_CONTROL"]  # owner only

    client.force_login(form_site.moderator)
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, submission.page, "approve")
    submission.refresh_from_db()
    image = submission.page.specific.image
    assert image is not None and default_storage.exists(image.file.name)
    assert keys(s3, MEDIA) == [f"media/{image.file.name}"]
    assert keys(s3, PRIVATE) == []  # moved, not copied
