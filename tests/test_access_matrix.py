import pytest
from django.conf import settings
from django.db import transaction
from django.urls import resolve, reverse
from django.utils import timezone

from liso.method import Role
from networks.permissions import (
    ARCHIVED_KEEPS,
    MEMBERS_MANAGE,
    MEMBERS_MANAGE_TREKKERS,
    ROLE_PERMISSIONS,
)
from tests.access import (
    LOGGED_IN,
    NETWORK,
    PUBLIC,
    ROUTES,
    STAFF,
    discover_url_names,
    route_for,
)
from tests.liso.factories import UserFactory
from tests.networks.test_networks import _edit_roles
from tests.networks.world import ACTORS, build_world


def test_every_url_pattern_is_declared_in_the_matrix():
    undeclared = sorted(name for name in discover_url_names() if route_for(name) is None)
    assert not undeclared, f"Declare who may reach these URLs in tests/access.py: {undeclared}"


def test_the_matrix_declares_no_url_that_does_not_exist():
    stale = sorted(set(ROUTES) - set(discover_url_names()))
    assert not stale, f"tests/access.py declares URLs that no longer exist: {stale}"


def test_every_url_name_outside_the_admin_is_unique():
    names = [name for name in discover_url_names() if not name.startswith("admin:")]
    assert len(names) == len(set(names))


def _request(client, name, world=None):
    route = ROUTES[name]
    kwargs = world.kwargs(route.kwargs) if world else route.kwargs
    return getattr(client, route.method)(reverse(name, kwargs=kwargs))


NETWORK_ROUTES = [name for name, route in ROUTES.items() if route.access == NETWORK]


@pytest.mark.parametrize("name", NETWORK_ROUTES)
def test_every_network_view_demands_the_permission_the_matrix_declares(name):
    # Any value of the right type resolves to the view; placeholders stand for numbers.
    kwargs = {
        key: 1 if str(value).startswith("<") else value
        for key, value in ROUTES[name].kwargs.items()
    }
    view = resolve(reverse(name, kwargs={**kwargs, "slug": "x"})).func
    assert getattr(view, "network_permission", None) == ROUTES[name].permission


def _expected(name, actor):
    route = ROUTES[name]
    if actor == "anoniem":
        return 302  # to the login page
    if actor in ("buitenstaander", "vertrokken"):
        return 404  # nothing leaks, not even that the network exists
    if actor in route.not_theirs:
        return 403
    if actor in route.not_found_for and route.permission in ROLE_PERMISSIONS[actor]:
        return 404
    return route.status if route.permission in ROLE_PERMISSIONS[actor] else 403


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """One test world for the whole matrix (building it per case took most of the time).
    It lives in a transaction that is rolled back after the module; each case runs in its
    own savepoint inside it (the `db` fixture), so what one request changes, the next
    case does not see."""
    with django_db_blocker.unblock(), transaction.atomic():
        world = build_world()
        # A guest from outside, only here: other tests count who a session has.
        session = world.network.sessions.get(pk=world.startup["<session>"])
        guest = session.guests.create(name="Sanne de Gast", email="sanne.gast@example.org")
        world.startup["<guest>"] = guest.pk
        yield world
        transaction.set_rollback(True)


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("name", NETWORK_ROUTES)
def test_network_urls_answer_each_actor_as_the_matrix_says(client, world, db, name, actor):
    if user := world.user(actor):
        client.force_login(user)
    response = _request(client, name, world)
    assert response.status_code == _expected(name, actor)
    if actor == "anoniem":
        assert response.url.startswith(reverse(settings.LOGIN_URL))


WRITES = [name for name in NETWORK_ROUTES if ROUTES[name].method == "post"]


def _expected_when_archived(name, role):
    """In an archived network only reading (and restoring it) remains: a write needs a
    permission that survives archiving, and then what the matrix declares for it."""
    route = ROUTES[name]
    if route.permission not in ROLE_PERMISSIONS[role] & ARCHIVED_KEEPS:
        return 403
    if role in route.not_theirs:
        return 403
    return route.archived_status or route.status


@pytest.mark.parametrize("role", Role.values)
@pytest.mark.parametrize("name", WRITES)
def test_in_an_archived_network_writes_answer_as_the_matrix_says(client, world, db, name, role):
    world.network.__class__.objects.filter(pk=world.network.pk).update(archived_at=timezone.now())
    client.force_login(world.user(role))
    assert _request(client, name, world).status_code == _expected_when_archived(name, role)


def test_a_network_that_does_not_exist_looks_the_same_as_one_you_are_not_in(client, world, db):
    client.force_login(world.outsider)
    assert client.get(reverse("network_overview", args=["bestaat-niet"])).status_code == 404
    assert client.get(reverse("network_overview", args=[world.network.slug])).status_code == 404


@pytest.mark.parametrize("name", [n for n, r in ROUTES.items() if r.access == LOGGED_IN])
def test_anonymous_visitor_is_sent_to_login(client, db, name):
    response = _request(client, name)
    assert response.status_code == 302
    assert response.url.startswith(reverse(settings.LOGIN_URL) + "?next=")


@pytest.mark.parametrize("name", [n for n, r in ROUTES.items() if r.access == PUBLIC])
def test_anonymous_visitor_reaches_public_url(client, db, name):
    response = _request(client, name)
    assert response.status_code == ROUTES[name].status


@pytest.mark.parametrize("name", [n for n, r in ROUTES.items() if r.access in (PUBLIC, LOGGED_IN)])
def test_logged_in_user_reaches_every_public_and_logged_in_url(client, deelnemer, name):
    client.force_login(deelnemer)
    response = _request(client, name)
    if ROUTES[name].logged_in_status:
        # A logged-in person asking for the login or sign-up page is sent on.
        assert response.status_code == ROUTES[name].logged_in_status
    elif ROUTES[name].method == "post":
        assert response.status_code in {200, 302}
    else:
        assert response.status_code == ROUTES[name].status


@pytest.mark.parametrize("name", [n for n, r in ROUTES.items() if r.access == STAFF])
def test_only_platform_staff_reach_the_staff_pages(client, deelnemer, name):
    url = reverse(name, kwargs=ROUTES[name].kwargs)
    # Like the admin: anyone else is sent to the admin's login (as someone else).
    for person in (None, deelnemer):
        if person:
            client.force_login(person)
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))
    client.force_login(UserFactory(email="beheer@example.org", is_staff=True))
    assert client.get(url).status_code == ROUTES[name].status


ADMIN_PAGES = [
    "admin:index",
    "admin:werkvormen_werkvorm_changelist",
    "admin:werkvormen_werkvorm_add",
    "admin:kernelements_struikelblok_changelist",
    "admin:kernelements_kernelement_changelist",
    "admin:bijeenkomsten_preparationstep_changelist",
    "admin:phases_phase_changelist",
    "admin:networks_roleprofile_changelist",
    "admin:liso_user_changelist",
]


@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_only_platform_staff_reach_the_admin(client, deelnemer, name):
    url = reverse(name)
    assert client.get(url).status_code == 302  # anonymous: to the admin login
    client.force_login(deelnemer)
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))
    staff = UserFactory(email="beheer@example.org", is_staff=True, is_superuser=True)
    client.force_login(staff)
    assert client.get(url).status_code == 200


# --- granting roles ------------------------------------------------------------------------
# Nobody gains a right by granting a role: a member who manages members may give or take
# away only the roles whose every permission they hold already; the trekker role needs the
# right to manage trekkers. (A procesbegeleider once made themselves projectassistent, and
# so reached the money and the planning.)
MANAGERS = [role for role in Role.values if MEMBERS_MANAGE in ROLE_PERMISSIONS[role]]


def _may_grant(actor: str, role: str) -> bool:
    held = ROLE_PERMISSIONS[actor]
    return ROLE_PERMISSIONS[role] <= held and (
        role != Role.TREKKER or MEMBERS_MANAGE_TREKKERS in held
    )


@pytest.mark.parametrize("granted", Role.values)
@pytest.mark.parametrize("actor", MANAGERS)
def test_a_role_is_granted_only_by_who_holds_its_rights(client, world, db, actor, granted):
    member = world.members[Role.DEELNEMER]
    client.force_login(world.user(actor))
    _edit_roles(client, world, member, [Role.DEELNEMER, granted])
    assert (granted in member.role_codes()) == _may_grant(actor, granted)


@pytest.mark.parametrize("actor", MANAGERS)
def test_nobody_grants_themselves_more_rights(client, world, db, actor):
    own = world.members[actor]
    client.force_login(own.user)
    _edit_roles(client, world, own, list(Role.values))
    for role in own.role_codes():
        assert ROLE_PERMISSIONS[role] <= ROLE_PERMISSIONS[actor], role


def test_a_role_one_may_not_grant_is_kept_when_one_edits_its_member(client, world, db):
    member = world.members[Role.PROJECTASSISTENT]
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    page = client.get(reverse("member_edit", args=[world.network.slug, member.pk]))
    assert "Blijft ook: projectassistent" in page.text
    response = _edit_roles(client, world, member, [Role.DEELNEMER])
    assert response.status_code == 302
    assert set(member.role_codes()) == {Role.PROJECTASSISTENT, Role.DEELNEMER}
