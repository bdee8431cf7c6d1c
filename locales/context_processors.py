from django.utils.translation import get_language

from .languages import get_language_info


def language(request):
    """The active language with its script direction, for <html lang dir>."""
    return {"current_language": get_language_info(get_language() or "")}
