"""Machine translation off the request: the editor's button queues a task.

wagtail-localize's "Machine translate" button posts to its machine_translate view,
which calls DeepL or LibreTranslate inside the request: a slow or unreachable
service held the translator's request (and an app server) for as long as it
took. portal/urls.py routes that same address to queue_machine_translation,
which checks what wagtail-localize checks and queues translate_untranslated;
the task worker runs wagtail-localize's own routine, and a service that is
unreachable or answers with an HTTP error is asked again later (portal.tasks).

(Kept apart from locales.machine_translation, which the settings import before
Django's apps are ready.)
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_tasks import task
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation


@task(priority=10)  # as portal.tasks.PERSON_WAITS (locales imports no portal)
def translate_untranslated(translation_id, user_id):
    """Machine-translate the strings of a translation that have none yet; True if any."""
    translator = get_machine_translator()
    if translator is None:  # switched off since the button was pressed
        return False
    user = get_user_model().objects.get(pk=user_id)
    return edit_translation.apply_machine_translation(translation_id, user, translator)


@require_POST
def queue_machine_translation(request, translation_id):
    """What wagtail-localize's machine_translate view checks, then the task is queued."""
    translator = get_machine_translator()
    if translator is None:
        raise Http404
    translation = get_object_or_404(Translation, id=translation_id)
    # The module's function, as locales.patches made it: languages count, too.
    if not edit_translation.user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    if not translator.can_translate(translation.source.locale, translation.target_locale):
        raise Http404
    translate_untranslated.enqueue(translation.pk, request.user.pk)
    messages.success(
        request,
        _("Machine translation has started. Reload the page in a moment to see the strings."),
    )
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
