"""The event submission tests' fixtures (defined in tests/submission_helpers.py, which other
test modules import them from)."""

from tests.submission_helpers import _empty_private_storage, form_site, sent  # noqa: F401
