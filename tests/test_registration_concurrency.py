"""Two people taking the last place at once (registrations/services.py's row lock).

A module of its own: a transactional test empties the database when it ends, so it must run
after every other test on its xdist worker. pytest-django sorts transactional tests last, and
`--dist loadfile` keeps a module together; only a module that is transactional as a whole
therefore lands at the end (as tests/test_proxy.py does).
"""

import threading
import time

import pytest
from django.db import connection, connections, transaction
from django.test import Client

from registrations.models import Registration
from tests.test_registrations import (
    configure,
    date_keys,
    register,
    site,  # noqa: F401 (the fixture)
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks")
def test_two_people_taking_the_last_place_at_once_do_not_overbook(site):  # noqa: F811
    """Both requests read the places while the table is locked for writing; without the
    row lock on the event both would count one place left and both would get it."""
    configure(site.meeting, registration_capacity=1)
    key = date_keys(Client().get(site.meeting.url).content.decode())[0]
    results = []

    def attempt(email):
        try:
            results.append(register(Client(), site.meeting, email=email, date=key).status_code)
        finally:
            connections.close_all()

    with transaction.atomic():
        with connection.cursor() as cursor:  # lets them read, holds their writes
            cursor.execute(f"LOCK TABLE {Registration._meta.db_table} IN SHARE MODE")
        threads = [threading.Thread(target=attempt, args=(f"p{n}@example.org",)) for n in (1, 2)]
        for thread in threads:
            thread.start()
        time.sleep(1.5)
    for thread in threads:
        thread.join(20)
    assert results == [200, 200]
    statuses = sorted(Registration.objects.values_list("status", flat=True))
    assert statuses == [Registration.Status.CONFIRMED, Registration.Status.WAITING]
