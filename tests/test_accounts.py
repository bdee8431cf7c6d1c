"""accounts: staff accounts as a public body expects them.

- Two-factor login (django-otp, TOTP): required of the Moderation group and superusers
  while ADMIN_2FA_REQUIRED is on, optional for everyone else, binding once set up.
- Password rules for the admin's user forms.
- django-axes: lockout per user name and address, and per address for password spraying.
- delete_old_access_logs: stored addresses and user agents go after the retention period.

Everything goes through the admin's login form and pages with the test client's real
sessions and CSRF checks.
"""

import datetime
import io

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.users.models import UserProfile

from locales.languages import LANGUAGES
from locales.roles import EDITORS, MODERATION
from tests.test_settings import manage

pytestmark = pytest.mark.django_db

PASSWORD = "richtig-und-lang-2026"
SETUP = "/admin/two-factor/setup/"
VERIFY = "/admin/two-factor/verify/"


@pytest.fixture
def required(settings):
    settings.ADMIN_2FA_REQUIRED = True


def staff(username, group=None, **fields):
    """A user who may use the admin, in the given group."""
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", PASSWORD, **fields
    )
    if group:
        group, _ = Group.objects.get_or_create(name=group)
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        user.groups.add(group)
    return user


def moderator():
    return staff("moderatorin", MODERATION)


def superuser():
    return staff("chefin", is_superuser=True, is_staff=True)


def editor():
    return staff("redakteur", EDITORS)


def log_in(user, address="127.0.0.1"):
    """A client that has passed the admin's password form (with CSRF checks)."""
    client = Client(enforce_csrf_checks=True, REMOTE_ADDR=address)
    response = post(client, "/admin/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def post(client, url, data):
    """GET the form for its CSRF cookie, then POST it with the token, as a browser does."""
    client.get(url)
    token = client.cookies["csrftoken"].value
    return client.post(url, {**data, "csrfmiddlewaretoken": token})


def code(device):
    """The code the user's authenticator app shows now."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


def confirmed_device(user):
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def a_moment_later(device):
    """After a wrong code a device refuses every code for a second (then 2, 4, … seconds)."""
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - datetime.timedelta(seconds=2)
    )


def redirected_to(response, url):
    return response.status_code == 302 and response["Location"].split("?")[0] == url


# --------------------------------------------------------------------------- two-factor login


@pytest.mark.parametrize("make_user", [moderator, superuser])
def test_without_a_device_moderators_and_superusers_reach_only_the_setup(required, make_user):
    user = make_user()
    client = log_in(user)
    for url in ("/admin/", "/admin/pages/", "/admin/event_submissions/", "/admin/two-factor/"):
        response = client.get(url)
        assert redirected_to(response, SETUP), url
        assert f"next={url}" in response["Location"]
    # Nor does a POST get through (here: a page deletion, which would need the password only).
    token = client.cookies["csrftoken"].value
    response = client.post("/admin/pages/2/delete/", {"csrfmiddlewaretoken": token})
    assert redirected_to(response, SETUP)

    setup = client.get(SETUP)
    assert setup.status_code == 200
    html = setup.content.decode()
    assert 'src="data:image/svg+xml' in html  # the QR code is made here, not by a service
    assert not TOTPDevice.objects.get(user=user).confirmed
    assert setup.context["secret"] in html  # the key, for typing it in by hand


def test_a_valid_code_finishes_the_setup_and_opens_the_admin(required):
    user = moderator()
    client = log_in(user)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=user)

    wrong = post(client, SETUP, {"otp_token": "000000"})
    assert wrong.status_code == 200
    assert '<li class="error">Dieser Code ist nicht gültig' in wrong.content.decode()
    assert redirected_to(client.get("/admin/"), SETUP)
    a_moment_later(device)

    right = post(client, SETUP, {"otp_token": code(device), "next": "/admin/account/"})
    assert right.status_code == 302
    assert right["Location"] == "/admin/account/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/account/").status_code == 200


def test_the_setup_keeps_its_key_until_confirmed(required):
    """Reloading the page after scanning must not throw the scanned key away."""
    user = moderator()
    client = log_in(user)
    first = client.get(SETUP).context["secret"]
    assert client.get(SETUP).context["secret"] == first
    assert TOTPDevice.objects.filter(user=user).count() == 1


@pytest.mark.parametrize("make_user", [moderator, superuser])
def test_with_a_device_the_login_asks_for_its_code(required, make_user):
    user = make_user()
    device = confirmed_device(user)
    client = log_in(user)
    response = client.get("/admin/pages/")
    assert redirected_to(response, VERIFY)
    assert redirected_to(client.get(SETUP), VERIFY)  # no second device without the first

    wrong = post(client, VERIFY, {"otp_token": "123456"})
    assert wrong.status_code == 200
    assert '<li class="error">Dieser Code ist nicht gültig' in wrong.content.decode()
    assert redirected_to(client.get("/admin/"), VERIFY)
    # Guessing is slowed down: right after a wrong code even the right one is refused.
    assert post(client, VERIFY, {"otp_token": code(device)}).status_code == 200
    a_moment_later(device)

    right = post(client, VERIFY, {"otp_token": code(device), "next": "/admin/account/"})
    assert right["Location"] == "/admin/account/"
    assert client.get("/admin/account/").status_code == 200

    # The code counts once: someone who read it over the shoulder cannot use it again.
    other = log_in(user, address="10.0.0.9")
    post(other, VERIFY, {"otp_token": code(device)})
    assert redirected_to(other.get("/admin/"), VERIFY)


def test_the_code_page_does_not_redirect_to_another_site(required):
    user = moderator()
    device = confirmed_device(user)
    client = log_in(user)
    response = post(client, VERIFY, {"otp_token": code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_an_editor_without_two_factor_may_work_when_it_is_not_required_of_them(required):
    client = log_in(editor())
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/account/").status_code == 200
    assert client.get("/admin/two-factor/").status_code == 200  # and may set it up


def test_an_editor_who_set_it_up_is_asked_for_the_code(required):
    user = editor()
    device = confirmed_device(user)
    client = log_in(user)
    assert redirected_to(client.get("/admin/"), VERIFY)
    post(client, VERIFY, {"otp_token": code(device)})
    assert client.get("/admin/").status_code == 200


def test_switched_off_moderators_log_in_with_the_password(settings):
    settings.ADMIN_2FA_REQUIRED = False
    client = log_in(moderator())
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/account/").status_code == 200


@pytest.mark.parametrize(
    ("value", "expected"), [(None, "True"), ("false", "False"), ("true", "True")]
)
def test_the_switch_is_the_environment_variable_admin_2fa_required(value, expected):
    env = {} if value is None else {"ADMIN_2FA_REQUIRED": value}
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.ADMIN_2FA_REQUIRED)",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="example.org",
        **env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == expected


def test_a_lost_phone_is_removed_and_a_new_one_set_up(required):
    user = moderator()
    device = confirmed_device(user)
    client = log_in(user)
    post(client, VERIFY, {"otp_token": code(device)})
    assert "Authenticator-App, eingerichtet am" in client.get("/admin/two-factor/").content.decode()

    token = client.cookies["csrftoken"].value
    response = client.post(f"/admin/two-factor/{device.pk}/remove/", {"csrfmiddlewaretoken": token})
    assert response["Location"] == "/admin/two-factor/"
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    assert redirected_to(client.get("/admin/"), SETUP)


def test_nobody_removes_another_users_device(required):
    other = confirmed_device(editor())
    user = moderator()
    device = confirmed_device(user)
    client = log_in(user)
    post(client, VERIFY, {"otp_token": code(device)})
    token = client.cookies["csrftoken"].value
    response = client.post(f"/admin/two-factor/{other.pk}/remove/", {"csrfmiddlewaretoken": token})
    assert response["Location"] == "/admin/"  # Wagtail's answer to PermissionDenied
    assert TOTPDevice.objects.filter(pk=other.pk).exists()


def verified(user):
    """A client that has passed the password and the code of a new device."""
    device = confirmed_device(user)
    client = log_in(user)
    assert post(client, VERIFY, {"otp_token": code(device)}).status_code == 302
    return client


def test_a_superuser_resets_the_two_factor_login_of_someone_who_lost_their_phone(required):
    person = moderator()
    lost = confirmed_device(person)
    client = verified(superuser())
    listing = client.get("/admin/users/").content.decode()
    assert f"/admin/two-factor/reset/{person.pk}/" in listing
    assert person.username in client.get(f"/admin/two-factor/reset/{person.pk}/").content.decode()

    token = client.cookies["csrftoken"].value
    url = f"/admin/two-factor/reset/{person.pk}/"
    response = client.post(url, {"csrfmiddlewaretoken": token})
    assert response["Location"] == "/admin/users/"
    assert not TOTPDevice.objects.filter(pk=lost.pk).exists()
    assert redirected_to(log_in(person).get("/admin/"), SETUP)


def test_only_superusers_reset_two_factor_logins(required):
    person = moderator()
    kept = confirmed_device(person)
    client = verified(editor())
    url = f"/admin/two-factor/reset/{person.pk}/"
    token = client.cookies["csrftoken"].value
    assert client.get(url)["Location"] == "/admin/"
    assert client.post(url, {"csrfmiddlewaretoken": token})["Location"] == "/admin/"
    assert TOTPDevice.objects.filter(pk=kept.pk).exists()


@pytest.mark.parametrize("code_", [language.code for language in LANGUAGES])
def test_the_setup_page_speaks_the_admin_language(required, code_):
    user = moderator()
    UserProfile.objects.create(user=user, preferred_language=code_)
    html = log_in(user).get(SETUP).content.decode()
    with translation.override(code_):
        heading = translation.gettext("Set up two-factor login")
        steps = translation.gettext("Scan this QR code with the app.")
    if code_ != "en":
        assert heading != "Set up two-factor login"
    assert heading in html
    assert steps in html


# --------------------------------------------------------------------------- passwords


def test_the_admin_refuses_short_staff_passwords(settings):
    admin = superuser()
    client = log_in(admin)
    fields = {
        "username": "neu",
        "email": "neu@example.org",
        "first_name": "Neu",
        "last_name": "Person",
    }
    short = post(
        client,
        "/admin/users/new/",
        {**fields, "password1": "Kurz-2026!", "password2": "Kurz-2026!"},
    )
    assert short.status_code == 200
    assert "mindestens 12 Zeichen" in short.content.decode()  # the admin speaks German here
    assert not get_user_model().objects.filter(username="neu").exists()

    good = "Rhein-Ufer-Lampe-7"
    response = post(client, "/admin/users/new/", {**fields, "password1": good, "password2": good})
    assert response.status_code == 302
    assert get_user_model().objects.get(username="neu").check_password(good)


# --------------------------------------------------------------------------- lockouts


def failed_login(username, address, browser="Firefox"):
    client = Client(REMOTE_ADDR=address, HTTP_USER_AGENT=browser)
    return client.post("/admin/login/", {"username": username, "password": "falsch-falsch"})


def test_password_spraying_locks_the_address_but_not_the_colleagues_elsewhere(settings):
    user = editor()
    for number in range(settings.AXES_SPRAYING_USERNAME_LIMIT):
        assert failed_login(f"person{number}", "203.0.113.7").status_code in (200, 429)
    from_there = Client(REMOTE_ADDR="203.0.113.7").post(
        "/admin/login/", {"username": user.username, "password": PASSWORD}
    )
    assert from_there.status_code == 429
    log_in(user, address="198.51.100.4")  # asserts the login went through


def test_a_few_user_names_from_one_address_do_not_lock_it(settings):
    """An office behind one address: some colleagues mistype, the others still log in."""
    user = editor()
    for number in range(settings.AXES_SPRAYING_USERNAME_LIMIT - 1):
        assert failed_login(f"person{number}", "203.0.113.7").status_code == 200
    log_in(user, address="203.0.113.7")


def test_one_user_name_tried_from_many_browsers_counts_once(settings):
    for number in range(settings.AXES_SPRAYING_USERNAME_LIMIT):
        failed_login("person", "203.0.113.7", browser=f"Browser {number}")
    log_in(editor(), address="203.0.113.7")


def test_one_users_lockout_does_not_lock_the_address(settings):
    user, colleague = editor(), moderator()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        failed_login(user.username, "203.0.113.7")
    locked = Client(REMOTE_ADDR="203.0.113.7").post(
        "/admin/login/", {"username": user.username, "password": PASSWORD}
    )
    assert locked.status_code == 429
    log_in(colleague, address="203.0.113.7")


# --------------------------------------------------------------------------- retention


def test_old_access_logs_are_deleted_and_new_ones_kept(settings):
    settings.ACCESS_LOG_RETENTION_DAYS = 14
    user = editor()
    failed_login(user.username, "203.0.113.7")
    log_in(user, address="198.51.100.4")
    failed_login("jemand", "192.0.2.1")
    for address in ("203.0.113.7", "192.0.2.1"):  # kept when AXES_ENABLE_ACCESS_FAILURE_LOG
        AccessFailureLog.objects.create(username="jemand", ip_address=address, user_agent="x")
    old = timezone.now() - datetime.timedelta(days=15)
    for model in (AccessLog, AccessFailureLog, AccessAttempt):
        model.objects.exclude(ip_address="192.0.2.1").update(attempt_time=old)
    assert AccessLog.objects.filter(ip_address="198.51.100.4").exists()
    assert AccessFailureLog.objects.filter(ip_address="203.0.113.7").exists()

    output = io.StringIO()
    call_command("delete_old_access_logs", stdout=output)
    assert "older than 14 days" in output.getvalue()

    assert not AccessLog.objects.exists()
    assert list(AccessFailureLog.objects.values_list("ip_address", flat=True)) == ["192.0.2.1"]
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["192.0.2.1"]
