"""/<lang>/<path of a page>.pdf: the PDF of a news, event or guidance page (syndication/pdf.py).

Inside the language prefix; slugs have no dots, so no page's own address looks like this.
"""

from django.urls import re_path

from . import pdf

urlpatterns = [re_path(r"^(?P<path>(?:[\w\-]+/)*[\w\-]+)\.pdf$", pdf.page_pdf, name="page_pdf")]
