"""Every page makes a fixed number of SQL queries: the same on a small and a large
database, and at most 12 (quality.md)."""

import pytest
from django.urls import reverse

from tests.access import LOGGED_IN, PUBLIC, ROUTES
from tests.data import build_large, build_small
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12
# Per page: the exact number of queries, as (anonymous visitor, logged-in user).
# A logged-in request reads its session and its user: two queries before the page's own.
EXPECTED = {
    "home": (0, 2),
    "login": (0, None),  # a logged-in person is sent on to the home page
    "password_reset": (0, 2),
    "password_reset_done": (0, 2),
    "password_reset_confirm": (1, 3),  # plus: whose link is it?
    "password_reset_complete": (0, 2),
    "password_change": (None, 2),
    "password_change_done": (None, 2),
    "profile": (None, 2),
}


def test_every_page_has_an_expected_query_count():
    pages = {name for name, route in ROUTES.items() if route.page}
    assert set(EXPECTED) == pages


def _url(name):
    return reverse(name, kwargs=ROUTES[name].kwargs)


CASES = [
    (name, who, expected)
    for name, (anonymous, logged_in) in EXPECTED.items()
    for who, expected in (("anoniem", anonymous), ("deelnemer", logged_in))
    if expected is not None
]


@pytest.mark.parametrize(("name", "who", "expected"), CASES)
def test_page_makes_the_same_queries_on_a_small_and_a_large_database(
    client, deelnemer, name, who, expected
):
    assert ROUTES[name].access in {PUBLIC, LOGGED_IN}
    if who == "deelnemer":
        client.force_login(deelnemer)
    build_small()
    small = count_queries(client, _url(name))
    build_large()
    large = count_queries(client, _url(name))
    assert small == large == (200, expected)
    assert expected <= MAX_QUERIES
