from django import template

from ..feedback import THANKS_PARAM, takes_feedback
from ..forms import FeedbackForm

register = template.Library()


@register.inclusion_tag("readers/feedback_form.html", takes_context=True)
def feedback_form(context, page):
    """The "Was this page helpful?" form, the same for every reader (see readers.feedback)."""
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False) or not takes_feedback(page):
        return {"show": False}
    return {
        "show": True,
        "page": page,
        "thanked": request.GET.get(THANKS_PARAM) == "thanks",
        "form": FeedbackForm(initial={"page": page.pk}),
    }
