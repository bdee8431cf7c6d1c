"""The rules for a machine without Chromium: skip with an install hint, but fail in CI.

These tests need no browser; they check the helpers the browser fixtures rely on.
"""

import os

import pytest

from .tools import INSTALL_CHROMIUM, find_chromium, missing, running_in_ci


@pytest.mark.parametrize(
    ("value", "expected"),
    [("true", True), ("1", True), ("TRUE", True), ("", False), ("false", False), (None, False)],
)
def test_running_in_ci(value, expected):
    environ = {} if value is None else {"CI": value}
    assert running_in_ci(environ) is expected


def test_missing_browser_skips_with_install_hint_outside_ci():
    with pytest.raises(pytest.skip.Exception) as skipped:
        missing(INSTALL_CHROMIUM, environ={})
    assert "apt-get install chromium" in str(skipped.value)


def test_missing_browser_fails_in_ci():
    with pytest.raises(pytest.fail.Exception) as failed:
        missing(INSTALL_CHROMIUM, environ={"CI": "true"})
    assert "apt-get install chromium" in str(failed.value)


def test_no_chromium_on_an_empty_path(tmp_path):
    assert find_chromium({"PATH": str(tmp_path)}) is None


def test_chromium_found_on_the_path(tmp_path):
    binary = tmp_path / "chromium"
    binary.write_text("#!/bin/sh\n")
    binary.chmod(0o755)
    assert find_chromium({"PATH": str(tmp_path)}) == str(binary)


def test_chromium_path_overrides(tmp_path):
    binary = tmp_path / "chrome"
    binary.write_text("#!/bin/sh\n")
    binary.chmod(0o755)
    assert find_chromium({"CHROMIUM_PATH": str(binary), "PATH": ""}) == str(binary)
    assert find_chromium({"CHROMIUM_PATH": str(tmp_path / "absent"), "PATH": os.defpath}) is None
