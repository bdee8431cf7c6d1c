"""What visitors see while parts of the production stack fail.

Starts, on loopback and in a temporary folder, a PostgreSQL cluster, a Redis server,
gunicorn with 4 workers and the task worker with the production settings (demo content
loaded), as `make serve` does. A bounded load
(reader threads on the public pages, one organisation sending the event form) runs
throughout, while the script in turn: stops Redis and starts it again, stops PostgreSQL and
starts it again, kills a gunicorn worker. It prints, per phase, the requests, the errors
and the slowest answer; the time from PostgreSQL's return to the first good answer;
whether every acknowledged submission (an answer with a reference number) is stored; and
whether the task worker, which lived through the outages, delivered every queued e-mail.

Goals: 0 errors while Redis is down, recovery within 5 s of PostgreSQL's return, 0 lost
acknowledged submissions. Needs PostgreSQL's server binaries and redis-server (both on the
CI machine); runs as root (PostgreSQL's own server runs as the postgres user). Run it with

    .venv/bin/python benchmarks/faults.py [seconds per phase, default 10]
"""

import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
PG_BIN = next(Path("/usr/lib/postgresql").glob("*/bin"))
RUNUSER, REDIS_SERVER = shutil.which("runuser"), shutil.which("redis-server")
PG_PORT, REDIS_PORT, WEB_PORT = 54391, 63791, 8091
READERS = 6
PAGES = ["/de/", "/ar/", "/de/aktuelles/", "/de/veranstaltungen/", "/de/organisationen/"]
PAGES += ["/tr/", "/de/search/?q=Verein", "/sitemap.xml"]
REFERENCE = re.compile(rb'class="reference">([A-Z0-9-]+)<')


class Stack:
    """The three servers, each started and stopped on demand."""

    def __init__(self, folder):
        self.folder = folder
        self.pg_data = folder / "pg"
        self.redis = self.gunicorn = self.worker = None
        self.env = {
            **os.environ,
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{PG_PORT}/portal",
            "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
            "SECRET_KEY": "fault-test-" + "x" * 50,
            "ALLOWED_HOSTS": "127.0.0.1",
            "STATIC_ROOT": str(folder / "static"),
            "MEDIA_ROOT": str(folder / "media"),
            "PRIVATE_MEDIA_ROOT": str(folder / "private"),
            # The worker delivers the queued mail to nowhere.
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "FORM_RATE_LIMIT": "100000",
            "FORM_POST_LIMIT": "100000",
            "FORM_MIN_FILL_SECONDS": "0",
        }

    def manage(self, *args, settings="portal.settings.dev"):
        env = {**self.env, "DJANGO_SETTINGS_MODULE": settings}
        return subprocess.run(  # noqa: S603 - our own manage.py
            [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
        ).stdout

    def as_postgres(self, *command):
        subprocess.run(  # noqa: S603 - PostgreSQL's own tools
            [RUNUSER, "-u", "postgres", "--", *map(str, command)],
            check=True,
            capture_output=True,
        )

    def init_postgres(self):
        self.pg_data.mkdir()
        shutil.chown(self.pg_data, "postgres")
        self.as_postgres(PG_BIN / "initdb", "-D", self.pg_data, "-A", "trust", "-U", "postgres")
        self.start_postgres()
        self.as_postgres(PG_BIN / "createdb", "-h", "127.0.0.1", "-p", PG_PORT, "portal")

    def start_postgres(self):
        options = f"-p {PG_PORT} -k {self.pg_data} -c listen_addresses=127.0.0.1"
        log = self.pg_data / "log"
        self.as_postgres(
            PG_BIN / "pg_ctl", "-D", self.pg_data, "-o", options, "-l", log, "-w", "start"
        )

    def stop_postgres(self):
        self.as_postgres(PG_BIN / "pg_ctl", "-D", self.pg_data, "-m", "immediate", "stop")

    def start_redis(self):
        self.redis = subprocess.Popen(  # noqa: S603
            [REDIS_SERVER, "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", ""],
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(REDIS_PORT)

    def stop_redis(self):
        self.redis.terminate()
        self.redis.wait()

    def start_gunicorn(self):
        env = {**self.env, "DJANGO_SETTINGS_MODULE": "portal.settings.production"}
        self.gunicorn = subprocess.Popen(  # noqa: S603
            [GUNICORN, "portal.wsgi", "--bind", f"127.0.0.1:{WEB_PORT}", "--workers", "4"]
            + ["--timeout", "30", "--log-level", "error"],
            cwd=ROOT,
            env=env,
            stderr=open(self.folder / "gunicorn.log", "w"),  # noqa: SIM115
        )
        wait_for_port(WEB_PORT)

    def start_task_worker(self):
        env = {**self.env, "DJANGO_SETTINGS_MODULE": "portal.settings.production"}
        self.worker = subprocess.Popen(  # noqa: S603
            [PYTHON, "manage.py", "task_worker", "--no-reload", "--interval", "0.5"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(self.folder / "worker.log", "w"),  # noqa: SIM115
        )

    def kill_one_worker(self):
        children = Path(f"/proc/{self.gunicorn.pid}/task/{self.gunicorn.pid}/children")
        worker = int(children.read_text().split()[0])
        os.kill(worker, signal.SIGKILL)

    def stop(self):
        for process in (self.gunicorn, self.worker, self.redis):
            if process and process.poll() is None:
                process.terminate()
                process.wait()
        if (self.pg_data / "postmaster.pid").exists():
            self.stop_postgres()


def wait_for_port(port, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=1).connect()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"nothing listens on port {port} after {seconds} s")


HEADERS = {"X-Forwarded-Proto": "https", "Host": "127.0.0.1"}


def request(method, path, body=None, headers=None):
    """(status or error text, body, headers); a connection error is an answer too."""
    connection = http.client.HTTPConnection("127.0.0.1", WEB_PORT, timeout=30)
    try:
        connection.request(method, path, body=body, headers={**HEADERS, **(headers or {})})
        response = connection.getresponse()
        return response.status, response.read(), response
    except OSError as error:
        return type(error).__name__, b"", None
    finally:
        connection.close()


class Load:
    """Reader threads and one submitter; every answer is logged with its time."""

    def __init__(self, form):
        self.form = form
        self.log = []  # (time, kind, status, seconds)
        self.acknowledged = []
        self.running = True
        self.lock = threading.Lock()

    def record(self, kind, status, started):
        with self.lock:
            self.log.append((time.monotonic(), kind, status, time.monotonic() - started))

    def read(self, offset):
        number = offset
        while self.running:
            started = time.monotonic()
            status, _, _ = request("GET", PAGES[number % len(PAGES)])
            self.record("page", status, started)
            number += 1

    def submit(self):
        while self.running:
            started = time.monotonic()
            status, reference = self.send_event()
            self.record("form", status, started)
            if reference:
                self.acknowledged.append(reference)
            time.sleep(0.5)

    def send_event(self):
        status, body, response = request("GET", self.form["url"])
        if status != 200:
            return status, None
        cookie = response.getheader("Set-Cookie", "").split(";")[0]
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        started = re.search(rb'name="form_started" value="([^"]+)"', body)
        fields = {
            **self.form["fields"],
            "csrfmiddlewaretoken": token.group(1).decode(),
            "form_started": started.group(1).decode(),
        }
        origin = "https://127.0.0.1"
        status, body, _ = request(
            "POST",
            self.form["url"],
            body=urlencode(fields, doseq=True),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": cookie,
                "Origin": origin,
                "Referer": origin + self.form["url"],
            },
        )
        found = REFERENCE.search(body) if status == 200 else None
        return status, found and found.group(1).decode()

    def run(self):
        threads = [threading.Thread(target=self.read, args=(n,)) for n in range(READERS)]
        threads.append(threading.Thread(target=self.submit))
        for thread in threads:
            thread.start()
        return threads


FORM_DATA = """
import datetime as dt, json
from django.utils import timezone
from submissions.models import EventSubmissionPage
from home.models import TargetGroup
from organisations.models import OrganisationPage
form = EventSubmissionPage.objects.live().get(locale__language_code="de")
day = (timezone.localdate() + dt.timedelta(days=30)).isoformat()
print(json.dumps({"url": form.url, "fields": {
    "organisation": str(OrganisationPage.objects.filter(locale=form.locale).first().pk),
    "title": "Elterncafé", "description": "Ein offenes Treffen.",
    "target_groups": [str(TargetGroup.objects.filter(locale=form.locale).first().pk)],
    "first_date": day, "start_time": "16:00", "end_time": "18:00", "repeat": "once",
    "venue_name": "Begegnungszentrum", "venue_address": "Mühlenweg 7, 12343 Mittelstadt",
    "contact_name": "Ayşe Beispiel", "contact_email": "ayse@example.org",
    "privacy_consent": "on", "website": ""}}))
"""

MAIL_TASKS = """
from django_tasks_db.models import DBTaskResult
from portal.mail import deliver_email
tasks = DBTaskResult.objects.filter(task_path=deliver_email.module_path)
print(tasks.count(), tasks.filter(status="SUCCESSFUL").count())
"""

STORED = """
import json, sys
from submissions.models import EventSubmission
print(EventSubmission.objects.filter(reference__in=json.loads(sys.stdin.read())).count())
"""


def errors(entries):
    return [entry for entry in entries if not (isinstance(entry[2], int) and entry[2] < 500)]


def report(name, entries):
    failed = errors(entries)
    slowest = max((entry[3] for entry in entries), default=0)
    kinds = sorted({str(entry[2]) for entry in failed})
    print(
        f"{name:34} {len(entries):6} requests {len(failed):5} errors"
        f"  slowest {slowest * 1000:6.0f} ms  {' '.join(kinds)}"
    )


def main(seconds):
    folder = Path(tempfile.mkdtemp(prefix="portal-faults-"))
    shutil.chown(folder, "postgres")
    stack = Stack(folder)
    try:
        print("setting up PostgreSQL, Redis, the demo content and gunicorn …", flush=True)
        stack.init_postgres()
        stack.start_redis()
        stack.manage("migrate", "--noinput")
        stack.manage("load_demo_content", "--site-url", f"http://127.0.0.1:{WEB_PORT}")
        stack.manage("collectstatic", "--noinput", settings="portal.settings.production")
        form = json.loads(stack.manage("shell", "-c", FORM_DATA).splitlines()[-1])
        stack.start_gunicorn()
        stack.start_task_worker()
        faults(stack, Load(form), seconds)
    finally:
        stack.stop()
        print_logged_errors(folder / "gunicorn.log")
        shutil.rmtree(folder, ignore_errors=True)


def print_logged_errors(log):
    """The distinct errors the workers logged (the last line of each traceback)."""
    if not log.exists():
        return
    lines = log.read_text(errors="replace").splitlines()
    found = {}
    for number, line in enumerate(lines):
        if line.startswith("Traceback") or "WARNING" in line or "ERROR" in line:
            end = next(
                (n for n in range(number + 1, len(lines)) if not lines[n][:1].isspace()), number
            )
            key = lines[end][:160]
            found[key] = found.get(key, 0) + 1
    for line, count in sorted(found.items(), key=lambda item: -item[1]):
        print(f"logged {count:5}x  {line}")


def faults(stack, load, seconds):
    for path in PAGES * 4:  # every worker has imported and warmed up
        request("GET", path)
    marks = [("steady", time.monotonic())]
    threads = load.run()

    def phase(name, action):
        marks.append((name, time.monotonic()))  # the fault's own duration counts to it
        action()
        time.sleep(seconds)

    time.sleep(seconds)
    phase("Redis stopped", stack.stop_redis)
    phase("Redis back", stack.start_redis)
    phase("PostgreSQL stopped", stack.stop_postgres)
    returned = []  # pg_ctl -w returns once PostgreSQL accepts connections
    phase("PostgreSQL back", lambda: (stack.start_postgres(), returned.append(time.monotonic())))
    pg_back = returned[0]
    phase("a worker killed", stack.kill_one_worker)
    load.running = False
    for thread in threads:
        thread.join()
    marks.append(("end", time.monotonic()))

    print(f"\n{READERS} readers and 1 submitter, {seconds} s per phase, gunicorn 4 workers\n")
    for (name, start), (_, end) in zip(marks, marks[1:], strict=False):
        report(name, [entry for entry in load.log if start <= entry[0] < end])
    report("all", load.log)
    after = [entry for entry in load.log if entry[0] >= pg_back and entry[1] == "page"]
    good = next((entry[0] for entry in after if entry[2] == 200), None)
    recovery = f"{good - pg_back:.1f} s" if good else "never"
    print(f"\nfirst good page after PostgreSQL accepts connections again: {recovery}")
    late = [entry for entry in errors(after) if good is None or entry[0] > good + 1]
    print(f"errors later than 1 s after that: {len(late)}")
    stored = int(
        subprocess.run(  # noqa: S603
            [PYTHON, "manage.py", "shell", "-c", STORED],
            cwd=ROOT,
            env={**stack.env, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"},
            input=json.dumps(load.acknowledged),
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()[-1]
    )
    lost = len(load.acknowledged) - stored
    print(f"acknowledged submissions: {len(load.acknowledged)}, stored: {stored}, lost: {lost}")
    print_mail_queue(stack)


def print_mail_queue(stack, seconds=20):
    """Queued e-mails (confirmations, moderators' notices): how many the worker delivered."""
    deadline = time.monotonic() + seconds
    while True:
        output = stack.manage("shell", "-c", MAIL_TASKS).decode().splitlines()[-1]
        queued, delivered = map(int, output.split())
        if delivered == queued or time.monotonic() > deadline:
            break
        time.sleep(1)
    alive = "running" if stack.worker.poll() is None else "stopped"
    print(f"e-mails queued: {queued}, delivered: {delivered}; task worker {alive}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
