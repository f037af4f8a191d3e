"""`permissions.current_holding` is `memberships_with` in SQL: for every permission, the
same memberships, whatever the roles, an archived network or a membership that ended."""

from datetime import date

import pytest
from django.utils import timezone

from liso.method import Role
from networks import permissions
from networks.permissions import ARCHIVED_KEEPS, ROLE_PERMISSIONS
from tests.liso.factories import UserFactory
from tests.networks.factories import MembershipFactory, NetworkFactory

pytestmark = pytest.mark.django_db

EVERY_PERMISSION = sorted(set().union(*ROLE_PERMISSIONS.values()) | ARCHIVED_KEEPS)


class _Request:
    def __init__(self, user):
        self.user = user


@pytest.fixture
def person():
    """Someone in every role in an open network, as trekker and as deelnemer in archived
    ones, with two roles at once in another, and gone from one."""
    user = UserFactory()
    for role in Role.values:
        MembershipFactory(user=user, roles=[role])
    archived = {"archived_at": timezone.now()}
    MembershipFactory(user=user, network=NetworkFactory(**archived), roles=[Role.TREKKER])
    MembershipFactory(user=user, network=NetworkFactory(**archived), roles=[Role.DEELNEMER])
    MembershipFactory(user=user, roles=[Role.COMMUNICATIEADVISEUR, Role.PROJECTASSISTENT])
    MembershipFactory(user=user, roles=[Role.TREKKER], left_on=date(2026, 1, 5))
    MembershipFactory(roles=[Role.TREKKER])  # someone else's
    return user


@pytest.mark.parametrize("permission", EVERY_PERMISSION)
def test_the_filter_in_sql_finds_the_memberships_the_rule_in_python_finds(person, permission):
    in_python = {m.pk for m in permissions.memberships_with(_Request(person), permission)}
    in_sql = set(permissions.current_holding(person.pk, permission).values_list("pk", flat=True))
    assert in_sql == in_python
    assert in_python  # every permission is held somewhere in this set-up


def test_an_archived_network_keeps_reading_only(person):
    archived_reading = permissions.current_holding(person.pk, permissions.SESSIONS_VIEW)
    archived_taking_part = permissions.current_holding(person.pk, permissions.SESSIONS_TAKE_PART)
    assert archived_reading.filter(network__archived_at__isnull=False).count() == 2
    assert not archived_taking_part.filter(network__archived_at__isnull=False).exists()
