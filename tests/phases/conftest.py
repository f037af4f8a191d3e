import pytest
from django.db import transaction

from tests.networks.world import build_world


@pytest.fixture(scope="module")
def journey_world(django_db_setup, django_db_blocker):
    """One test world per module, in a transaction rolled back afterwards; each test runs
    in its own savepoint inside it (the `db` fixture), so tests do not see each other's
    changes. Building a world per test took most of the time."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)
