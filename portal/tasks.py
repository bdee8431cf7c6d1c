"""Background tasks: tried again later when something outside was unreachable.

Mail, machine translation and calendar downloads run as django-tasks tasks on
the database backend (django-tasks-db), run by ``manage.py db_worker``. That
backend runs a task once. A task that failed with an OSError (which covers a
mail server that refuses or is down, any network error and requests' errors)
is put back into the queue, the same task record, to run again after
TASK_RETRY_DELAYS[n] seconds; the record's worker ids count the attempts. A
task that failed for any other reason (a bug, a deleted object) stays failed:
running it again would fail again.

Tasks a person waits for (mail, machine translation, calendar downloads) have
PERSON_WAITS priority, so they overtake the bulk work Wagtail queues (reference-index
updates: thousands after an import) instead of waiting behind it.
"""

import datetime as dt
import logging

from django.conf import settings
from django.dispatch import receiver
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)
PERSON_WAITS = 10  # priority (django-tasks: -100 … 100, default 0)


def transient(task_result):
    """Did the task fail because something outside (mail server, network) failed?"""
    if task_result.status != TaskResultStatus.FAILED or not task_result.errors:
        return False
    try:
        exception_class = task_result.errors[-1].exception_class
    except ImportError:
        return False
    return issubclass(exception_class, OSError)


def retry_delay(attempts):
    """Seconds until the next attempt after this many, or None when there are no more."""
    delays = settings.TASK_RETRY_DELAYS
    return delays[attempts - 1] if 0 < attempts <= len(delays) else None


@receiver(task_finished)
def retry_later(sender, task_result, **kwargs):
    """Put a task that failed for a transient reason back into the queue, with a delay."""
    db_result = getattr(task_result, "db_result", None)
    if db_result is None or not transient(task_result):
        return  # another backend (the tests' immediate one), success, or a real bug
    delay = retry_delay(task_result.attempts)
    if delay is None:
        logger.error(
            "Task %s (%s) failed %d times; given up",
            task_result.id,
            task_result.task.module_path,
            task_result.attempts,
        )
        return
    DBTaskResult.objects.filter(pk=db_result.pk).update(
        status=TaskResultStatus.READY,
        run_after=timezone.now() + dt.timedelta(seconds=delay),
        finished_at=None,
    )
    logger.warning(
        "Task %s (%s) failed (attempt %d), tried again in %d s",
        task_result.id,
        task_result.task.module_path,
        task_result.attempts,
        delay,
    )
