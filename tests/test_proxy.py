"""Client addresses behind a real reverse proxy (Debian's nginx, started by the test).

The issue: "Behind the documented proxy every visitor would share one address for the
rate limit and the login lockout: django-ipware is not installed, so the AXES_IPWARE_*
settings that the README points to have no effect."

nginx listens on a loopback port with its own configuration in a temporary folder and
passes every request to pytest-django's live server, appending the address it was
reached from to X-Forwarded-For, as the README's production set-up does. The clients
connect from different loopback addresses (127.0.0.2, 127.0.0.3, …): to the portal
they are different visitors only if it reads X-Forwarded-For the right way.
"""

import os
import re
import shutil
import socket
import subprocess
import time

import pytest
import requests
from requests.adapters import HTTPAdapter

from home.models import FormField, FormPage
from portal.settings.base import client_address_settings

NGINX = shutil.which("nginx") or next(
    (path for path in ("/usr/sbin/nginx",) if os.path.exists(path)), None
)
if NGINX is None:
    if os.environ.get("CI"):
        raise RuntimeError("nginx is missing: .ci/run installs it (apt-get install nginx-light)")
    pytest.skip(
        "nginx is not installed (apt-get install nginx-light); CI installs it",
        allow_module_level=True,
    )

# transaction=True: the live server's thread reads what the test wrote, so it must be
# committed. Such a test empties the database when it ends; serialized_rollback puts back
# what the migrations made (Wagtail's root page, the default site) when the next one starts,
# and tests/conftest.py after the module's last test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


NGINX_CONF = """
daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass {upstream};
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
        }}
    }}
}}
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nginx did not listen on port {port}")


@pytest.fixture
def proxy(live_server, tmp_path):
    """nginx in front of the live server; its address (http://127.0.0.1:PORT)."""
    port = free_port()
    conf = tmp_path / "nginx.conf"
    conf.write_text(NGINX_CONF.format(folder=tmp_path, port=port, upstream=live_server.url))
    process = subprocess.Popen(  # noqa: S603  (Debian's nginx, our configuration)
        [NGINX, "-p", str(tmp_path), "-c", str(conf)],
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_port(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def behind_one_proxy(settings):
    """The settings for one proxy in front (PROXY_COUNT=1), as in production behind nginx."""
    for name, value in client_address_settings(1).items():
        setattr(settings, name, value)
    return settings


class FromAddress(HTTPAdapter):
    """Connections from a given local address, so each client is its own visitor."""

    def __init__(self, address):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


def client_from(address):
    session = requests.Session()
    session.mount("http://", FromAddress(address))
    return session


@pytest.fixture
def sign_up(tree):
    return tree.add(
        tree.home,
        FormPage(
            title="Anmeldung",
            slug="anmeldung",
            form_fields=[FormField(label="Name", field_type="singleline", required=True)],
        ),
    )


def post_form(session, url):
    """One post of the sign-up form with its CSRF token; a mistake (empty name) on purpose,
    since every post counts towards FORM_POST_LIMIT. Returns the status code."""
    token = csrf_token(session, url)
    response = session.post(
        url, data={"csrfmiddlewaretoken": token, "name": ""}, headers={"Referer": url}
    )
    return response.status_code


def csrf_token(session, url):
    if "csrftoken" not in session.cookies:
        page = session.get(url)
        assert page.status_code == 200, page.text[:500]
    return session.cookies["csrftoken"]


def test_two_clients_behind_the_proxy_are_limited_separately(proxy, behind_one_proxy, sign_up):
    behind_one_proxy.FORM_POST_LIMIT = 3
    url = f"{proxy}{sign_up.url}"
    first, second = client_from("127.0.0.2"), client_from("127.0.0.3")
    assert [post_form(first, url) for _ in range(3)] == [400, 400, 400]
    assert post_form(first, url) == 429
    # The other visitor behind the same proxy is not affected.
    assert post_form(second, url) == 400
    # Nor does the first get round the limit by naming another address itself.
    first.headers["X-Forwarded-For"] = "203.0.113.9"
    assert post_form(first, url) == 429
    first.headers["X-Forwarded-For"] = "127.0.0.3"
    assert post_form(first, url) == 429


def test_without_the_proxy_setting_everyone_shares_the_proxys_address(proxy, sign_up, settings):
    """What the issue saw: PROXY_COUNT=0 (the default, right without a proxy) behind one."""
    settings.FORM_POST_LIMIT = 3
    url = f"{proxy}{sign_up.url}"
    first, second = client_from("127.0.0.2"), client_from("127.0.0.3")
    assert [post_form(first, url) for _ in range(3)] == [400, 400, 400]
    assert post_form(second, url) == 429


def login(session, url, username="redakteur"):
    token = csrf_token(session, url)
    response = session.post(
        url,
        data={"csrfmiddlewaretoken": token, "username": username, "password": "falsch"},
        headers={"Referer": url},
    )
    return "locked" if response.status_code == 429 else "refused"


def test_the_login_lockout_counts_each_client_behind_the_proxy(proxy, behind_one_proxy):
    behind_one_proxy.AXES_FAILURE_LIMIT = 3
    url = f"{proxy}/admin/login/"
    first, second = client_from("127.0.0.2"), client_from("127.0.0.3")
    assert [login(first, url) for _ in range(3)][-1] == "locked"
    assert login(first, url) == "locked"
    assert login(second, url) == "refused"
    first.headers["X-Forwarded-For"] = "127.0.0.3"
    assert login(first, url) == "locked"
    assert re.search(r"^127\.0\.0\.2$", last_attempt_address(), re.M)


def last_attempt_address():
    from axes.models import AccessAttempt

    return "\n".join(AccessAttempt.objects.values_list("ip_address", flat=True))
