from django import template

from ..pdf import offers_pdf, pdf_url

register = template.Library()


@register.inclusion_tag("syndication/pdf_link.html", takes_context=True)
def pdf_link(context, page):
    """ "Download as PDF" on the pages that offer one (syndication.pdf)."""
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False) or not offers_pdf(page):
        return {"url": None}
    return {"url": pdf_url(page, request)}
