import pytest
from django.conf import settings
from django.urls import reverse

from tests.access import LOGGED_IN, PUBLIC, ROUTES, discover_url_names, route_for
from tests.liso.factories import UserFactory


def test_every_url_pattern_is_declared_in_the_matrix():
    undeclared = sorted(name for name in discover_url_names() if route_for(name) is None)
    assert not undeclared, f"Declare who may reach these URLs in tests/access.py: {undeclared}"


def test_the_matrix_declares_no_url_that_does_not_exist():
    stale = sorted(set(ROUTES) - set(discover_url_names()))
    assert not stale, f"tests/access.py declares URLs that no longer exist: {stale}"


def test_every_url_name_outside_the_admin_is_unique():
    names = [name for name in discover_url_names() if not name.startswith("admin:")]
    assert len(names) == len(set(names))


def _request(client, name):
    route = ROUTES[name]
    return getattr(client, route.method)(reverse(name, kwargs=route.kwargs))


@pytest.mark.parametrize("name", [n for n, r in ROUTES.items() if r.access == LOGGED_IN])
def test_anonymous_visitor_is_sent_to_login(client, db, name):
    response = _request(client, name)
    assert response.status_code == 302
    assert response.url.startswith(reverse(settings.LOGIN_URL) + "?next=")


@pytest.mark.parametrize("name", [n for n, r in ROUTES.items() if r.access == PUBLIC])
def test_anonymous_visitor_reaches_public_url(client, db, name):
    response = _request(client, name)
    assert response.status_code == 200


@pytest.mark.parametrize("name", list(ROUTES))
def test_logged_in_user_reaches_every_public_and_logged_in_url(client, deelnemer, name):
    client.force_login(deelnemer)
    response = _request(client, name)
    if name == "login":
        # A logged-in person asking for the login page is sent on to their home page.
        assert response.status_code == 302
    elif ROUTES[name].method == "post":
        assert response.status_code in {200, 302}
    else:
        assert response.status_code == 200


ADMIN_PAGES = [
    "admin:index",
    "admin:werkvormen_werkvorm_changelist",
    "admin:werkvormen_werkvorm_add",
    "admin:kernelements_struikelblok_changelist",
    "admin:kernelements_kernelement_changelist",
    "admin:phases_preparationstep_changelist",
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
