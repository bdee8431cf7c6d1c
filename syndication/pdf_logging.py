"""A filter for WeasyPrint's log (LOGGING in portal/settings/base.py); imports nothing heavy."""

import logging


class DecorativeImages(logging.Filter):
    """Drops WeasyPrint's complaint about images with alt="" in a tagged PDF.

    alt="" is right in HTML for a decorative image (a contact's photo beside the name, a
    funding programme's logo beside its text); WeasyPrint 70 takes it for a missing one
    and says so once per image per PDF.
    """

    def filter(self, record):
        return "has no required alt description" not in record.getMessage()
