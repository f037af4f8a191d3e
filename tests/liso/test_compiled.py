"""A queryset compiled once runs with new values and gives what the ORM gives."""

import threading
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from liso.compiled import CompiledOnce, CompiledPerDay
from liso.method import Role
from networks.models import Membership
from networks.permissions import current_membership, networks_with
from tests.networks.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def _membership(slug, user_id):
    return Membership.objects.select_related("network").filter(network__slug=slug, user_id=user_id)


def test_each_run_uses_its_own_values_and_reads_the_fields_as_the_orm_does():
    query = CompiledOnce(_membership, slug="(example)", user_id=-99_001)
    first = MembershipFactory(hours_per_week=Decimal("2.5"), joined_on=date(2024, 3, 1))
    second = MembershipFactory(network__goals="Samen leren.")

    for membership in (first, second):
        [found] = query(slug=membership.network.slug, user_id=membership.user_id)
        expected = _membership(membership.network.slug, membership.user_id).get()
        for field in Membership._meta.concrete_fields:
            assert getattr(found, field.attname) == getattr(expected, field.attname)
        for field in expected.network._meta.concrete_fields:
            assert getattr(found.network, field.attname) == getattr(expected.network, field.attname)
    assert query(slug=first.network.slug, user_id=second.user_id) == []
    assert query.first(slug=first.network.slug, user_id=second.user_id) is None
    assert query.first(slug=first.network.slug, user_id=first.user_id).pk == first.pk


def test_the_sql_is_built_once_and_each_run_is_one_query():
    query = CompiledOnce(_membership, slug="(example)", user_id=-99_002)
    membership = MembershipFactory()
    query(slug=membership.network.slug, user_id=membership.user_id)
    with CaptureQueriesContext(connection) as queries:
        [found] = query(slug=membership.network.slug, user_id=membership.user_id)
        assert found.network.name == membership.network.name  # read along, no query
    assert len(queries) == 1


def test_an_id_beyond_what_the_database_holds_finds_nothing_as_with_the_orm():
    query = CompiledOnce(_membership, slug="(example)", user_id=-99_004)
    membership = MembershipFactory()
    too_long = 10**20
    assert not _membership(membership.network.slug, too_long).exists()
    with CaptureQueriesContext(connection) as queries:
        assert query(slug=membership.network.slug, user_id=too_long) == []
        assert query(slug=membership.network.slug, user_id=-too_long) == []
    assert len(queries) == 0  # as the ORM, without asking the database


def test_a_query_holding_a_day_runs_with_that_day():
    query = CompiledPerDay(
        lambda day, user_id: Membership.objects.filter(user_id=user_id, joined_on__lte=day),
        user_id=-99_005,
    )
    membership = MembershipFactory(joined_on=date(2026, 3, 2))
    assert query(date(2026, 3, 1), user_id=membership.user_id) == []
    assert query.first(date(2026, 3, 2), user_id=membership.user_id) == membership
    assert query(date(2026, 3, 1), user_id=membership.user_id) == []


def test_an_example_that_is_not_among_the_parameters_is_refused():
    query = CompiledOnce(lambda slug: Membership.objects.all(), slug="(example)")
    with pytest.raises(ValueError):
        query(slug="x")


def test_another_thread_runs_on_its_own_connection(transactional_db):
    query = CompiledOnce(_membership, slug="(example)", user_id=-99_003)
    membership = MembershipFactory()
    query(slug=membership.network.slug, user_id=membership.user_id)  # compiled here
    found = []

    def look_up():
        found.extend(query(slug=membership.network.slug, user_id=membership.user_id))
        connection.close()

    thread = threading.Thread(target=look_up)
    thread.start()
    thread.join()
    assert [m.pk for m in found] == [membership.pk]


def test_the_current_membership_brings_its_roles_in_the_same_query():
    membership = MembershipFactory(roles=[Role.PROCESBEGELEIDER, Role.PROJECTASSISTENT])
    with CaptureQueriesContext(connection) as queries:
        found = current_membership(membership.user, membership.network.slug)
        assert found.role_codes() == [Role.PROCESBEGELEIDER, Role.PROJECTASSISTENT]
        assert found.network == membership.network
    assert len(queries) == 1
    left = MembershipFactory(left_on=date(2025, 1, 1))
    for user, slug in [(left.user, left.network.slug), (membership.user, "elders")]:
        with pytest.raises(Exception) as refused:
            current_membership(user, slug)
        assert refused.typename == "Http404"


def test_a_persons_memberships_come_with_networks_and_roles_in_one_query():
    from networks import permissions
    from tests.networks.factories import NetworkFactory

    first = MembershipFactory(
        network=NetworkFactory(name="Zuid"), roles=[Role.DEELNEMER, Role.TREKKER]
    )
    user = first.user
    second = MembershipFactory(
        user=user, network=NetworkFactory(name="Noord"), roles=[Role.PROJECTASSISTENT]
    )
    MembershipFactory(user=user, left_on=date(2025, 1, 1))  # left: not among them
    MembershipFactory(roles=[Role.TREKKER])  # someone else's
    with CaptureQueriesContext(connection) as queries:
        found = permissions._current_memberships(user)
        assert [m.pk for m in found] == [second.pk, first.pk]  # by network name
        assert found[1].role_codes() == [Role.TREKKER, Role.DEELNEMER]  # the method's order
        assert found[0].role_codes() == [Role.PROJECTASSISTENT]
        assert found[0].network.name == "Noord"
    assert len(queries) == 1
    assert networks_with(user, permissions.MEMBERS_MANAGE) == [first.network]


def test_a_values_list_union_with_an_example_in_each_part_gives_its_rows():
    def both_ends(user_id):
        mine = Membership.objects.filter(user_id=user_id).values_list("pk", "network__slug")
        again = Membership.objects.filter(user_id=user_id).values_list("pk", "network__slug")
        return mine.union(again, all=True).order_by("pk")

    query = CompiledOnce(both_ends, user_id=-99_004)
    membership, other = MembershipFactory(), MembershipFactory()
    for each in (membership, other):
        expected = (each.pk, each.network.slug)
        assert query(user_id=each.user_id) == [expected, expected]
