"""Reports → Reading and translation: page views beside each page's translation status.

Translators see which pages readers of their language open most, and whether the
translation there is missing, a draft, out of date or current, so the work can follow
what readers read. Views of the last READING_DAYS days per language version (an alias
counts for its language: readers came in that language), and of the German original.
"""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from locales.languages import DEFAULT_LANGUAGE, LANGUAGES
from locales.status import status_rows

from .models import PageViewDay

READING_DAYS = 30
ROWS_SHOWN = 300


def views_by_page(days=READING_DAYS):
    since = timezone.localdate() - datetime.timedelta(days=days)
    rows = (
        PageViewDay.objects.filter(date__gte=since).values("page_id").annotate(total=Sum("views"))
    )
    return {row["page_id"]: row["total"] for row in rows}


def reading_rows(code=None):
    views = views_by_page()
    codes = [code] if code else None
    rows = status_rows(codes, model=Page)
    originals = {row.original.pk for row in rows}
    german = {pk: views.get(pk, 0) for pk in originals}
    result = []
    for row in rows:
        version_views = views.get(row.version.pk, 0) if row.version else 0
        result.append(
            {
                "row": row,
                "views": version_views,
                "source_views": german.get(row.original.pk, 0),
            }
        )
    result.sort(key=lambda item: (-item["views"], -item["source_views"], item["row"].title))
    return result[:ROWS_SHOWN]


def reading_report(request):
    if not request.user.has_perm("readers.view_pageviewday"):
        raise PermissionDenied
    code = request.GET.get("language", "")
    if code not in {language.code for language in LANGUAGES} or code == DEFAULT_LANGUAGE:
        code = ""
    return render(
        request,
        "readers/reading_report.html",
        {
            "rows": reading_rows(code or None),
            "languages": [lang for lang in LANGUAGES if lang.code != DEFAULT_LANGUAGE],
            "selected": code,
            "days": READING_DAYS,
            "page_title": _("Reading and translation"),
        },
    )
