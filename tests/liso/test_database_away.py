"""When the database is away, and what a shared computer keeps.

The outage is real: the test points the connection at a port where nothing listens, so
every query fails as it would while PostgreSQL restarts."""

import socket

import pytest
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from tests.liso.factories import UserFactory


def _port_nobody_listens_on() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return str(probe.getsockname()[1])


@pytest.fixture
def database_away():
    """While in use, every new connection to the database is refused."""
    port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = _port_nobody_listens_on()
    yield
    connection.close()
    connection.settings_dict["PORT"] = port


def test_the_database_away_answers_503_and_says_nothing_was_saved(
    client, transactional_db, request
):
    person = UserFactory(email="anna@example.org")
    client.force_login(person)
    client.raise_request_exception = False
    request.getfixturevalue("database_away")
    response = client.post(reverse("profile"), {"full_name": "Anna", "email": person.email})
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    text = response.content.decode()
    assert "even niet bereikbaar" in text
    assert "Wat je net verstuurde, is niet opgeslagen." in text


@override_settings(ROOT_URLCONF="tests.liso.broken_urls")
def test_another_server_error_stays_a_500(client, db):
    client.raise_request_exception = False
    response = client.get("/kapot/")
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "Er ging iets mis aan onze kant" in response.content.decode()


def test_pages_for_a_logged_in_person_are_kept_by_no_cache(client, db):
    landing = client.get(reverse("home"))
    assert "no-store" not in landing.get("Cache-Control", "")
    client.force_login(UserFactory(email="cor@example.org"))
    for name in ("home", "profile"):
        cache_control = client.get(reverse(name))["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control
