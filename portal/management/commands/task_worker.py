"""The task worker: django-tasks-db's db_worker, waiting out a database outage.

db_worker stops with a traceback as soon as the database does not answer, and a
stopped worker sends no more mail until someone starts it again. This command takes
the same options; when the database goes away it waits TASK_WORKER_PAUSE seconds and
starts the worker loop again, so the queue resumes by itself when the database returns.
"""

import logging
import time

from django.db import DatabaseError, connections
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger(__name__)
TASK_WORKER_PAUSE = 5


class Command(db_worker.Command):
    help = "Run the task worker (db_worker), waiting out database outages."

    def handle(self, *args, **options):
        while True:
            try:
                return super().handle(*args, **options)
            except DatabaseError as error:
                logger.warning(
                    "Task worker: the database does not answer (%s); again in %d s",
                    str(error).strip().splitlines()[0] if str(error).strip() else type(error),
                    TASK_WORKER_PAUSE,
                )
                connections.close_all()
                time.sleep(TASK_WORKER_PAUSE)
