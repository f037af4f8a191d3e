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
    # count, page of werkvormen, their labels
    "werkvorm_list": (None, 5),
    # werkvorm, labels, and one query per related section (phases, aandachtspunten,
    # struikelblokken)
    "werkvorm_detail": (None, 7),
    "guide": (3, 5),  # phases, kernelementen, struikelblokken
    "guide_phase": (3, 5),  # phase, its werkvormen, more werkvormen of the phase
    # kernelement, aandachtspunten, their werkvormen, struikelblokken, review questions
    "guide_kernelement": (5, 7),
    "guide_checklists": (1, 3),
    "guide_sessions": (2, 4),  # preparation steps, reflection prompts
    "guide_struikelblokken": (1, 3),
    "guide_struikelblok": (3, 5),  # struikelblok, its kernelementen, its werkvormen
    "guide_roles": (2, 4),  # roles, perspectives
    "guide_dimensions": (2, 4),  # werkvormen with a dimension, their labels
}


def test_every_page_has_an_expected_query_count():
    pages = {name for name, route in ROUTES.items() if route.page}
    assert set(EXPECTED) == pages


# Pages with a query string, counted like the pages above: (anonymous, logged in).
WITH_QUERY = {
    ("werkvorm_list", "q=vertrouwen&fase=2&stadium=lopend&duur=middel&groep=klein"): (None, 5),
    ("werkvorm_list", "pagina=2"): (None, 5),
}


def _cases():
    for name, counts in EXPECTED.items():
        yield reverse(name, kwargs=ROUTES[name].kwargs), counts
    for (name, query), counts in WITH_QUERY.items():
        yield f"{reverse(name)}?{query}", counts


@pytest.mark.parametrize("who", ["anoniem", "deelnemer"])
def test_pages_make_the_same_queries_on_a_small_and_a_large_database(client, deelnemer, who):
    assert all(route.access in {PUBLIC, LOGGED_IN} for route in ROUTES.values() if route.page)
    index = 0 if who == "anoniem" else 1
    if who == "deelnemer":
        client.force_login(deelnemer)
    cases = [(url, counts[index]) for url, counts in _cases() if counts[index] is not None]
    build_small()
    small = {url: count_queries(client, url) for url, _ in cases}
    build_large()
    large = {url: count_queries(client, url) for url, _ in cases}
    expected = {url: (200, count) for url, count in cases}
    assert small == expected
    assert large == expected
    assert all(count <= MAX_QUERIES for _, count in cases)
