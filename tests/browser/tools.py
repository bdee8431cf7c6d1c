"""Finding Chromium and the Nu checker: skip with an install hint, or fail in CI."""

import os
import shutil
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = REPO_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

INSTALL_CHROMIUM = (
    "Chromium is not installed, so the browser tests cannot run. "
    "Install it with `apt-get install chromium` (Debian/Ubuntu; as root) "
    "or point CHROMIUM_PATH at a Chromium/Chrome binary."
)
INSTALL_PLAYWRIGHT = (
    "The Python package playwright is missing; install the test dependencies "
    "with `make install` (pip install -r requirements.lock). "
    "Do not run `playwright install`: the tests use the system's Chromium."
)
INSTALL_VNU = (
    "The Nu HTML checker is missing: run `npm ci` in the repository root "
    "(package.json pins vnu-jar) and install Java 17 or newer "
    "(`apt-get install default-jre-headless`)."
)


def running_in_ci(environ=None):
    """True when the CI variable says so (CI=true, as GitHub, GitLab and .ci/run set it)."""
    value = (os.environ if environ is None else environ).get("CI", "")
    return value.strip().lower() in {"1", "true", "yes", "on"}


def missing(message, environ=None):
    """Skip the test with an install hint; in CI a missing tool fails the test instead."""
    if running_in_ci(environ):
        pytest.fail(f"{message} (CI=true: a missing tool is a failure, not a skip)", pytrace=False)
    pytest.skip(message)


def find_chromium(environ=None):
    """The Chromium binary to drive: $CHROMIUM_PATH, else chromium on the PATH; None if none."""
    environ = os.environ if environ is None else environ
    configured = environ.get("CHROMIUM_PATH")
    if configured:
        return configured if os.access(configured, os.X_OK) else None
    path = environ.get("PATH", os.defpath)
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name, path=path)
        if found:
            return found
    return None


def find_java_for_vnu():
    """The java binary, when the Nu checker can run; otherwise skip (or fail in CI)."""
    java = shutil.which("java")
    if not VNU_JAR.exists() or java is None:
        missing(INSTALL_VNU)
    return java
