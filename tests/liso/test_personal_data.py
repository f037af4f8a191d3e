"""A member downloads everything kept about them and everything they wrote (AVG), and
nothing that someone else wrote."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from liso.method import Role
from phases.models import Reflection
from tests.networks.world import build_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalogue")]


def _download(client):
    response = client.get(reverse("personal_data"))
    assert response["Content-Disposition"].startswith('attachment; filename="mijn-gegevens-')
    return json.loads(response.content.decode("utf-8"))


def test_a_member_gets_their_own_data_with_their_private_reflection_and_nobody_elses(client):
    world = build_world()
    deelnemer = world.members[Role.DEELNEMER]
    Reflection.objects.create(
        network=world.network, author=deelnemer, level="ik", text="Alleen voor mij bedoeld."
    )
    Reflection.objects.create(
        network=world.network,
        author=world.members[Role.TREKKER],
        level="ik",
        text="Van de trekker, privé.",
    )
    client.force_login(deelnemer.user)
    data = _download(client)
    assert data["formaat"] == 1
    assert data["persoon"]["e-mailadres"] == deelnemer.user.email
    assert [m["netwerk"] for m in data["lidmaatschappen"]] == [world.network.name]
    texts = [r["tekst"] for r in data["reflecties"]]
    assert "Alleen voor mij bedoeld." in texts
    assert "Van de trekker, privé." not in json.dumps(data, ensure_ascii=False)
    assert "Zaal vastleggen" in [a["wat"] for a in data["actiepunten en taken"]]  # their own
    assert {"mailinstellingen", "aanmeldingen", "scanantwoorden"} <= set(data)
    # The open scan round of the test world holds their answers, still with their name.
    assert data["scanantwoorden"] and data["scanantwoorden"][0]["antwoorden"]


def test_the_download_asks_the_same_queries_however_much_a_person_wrote(client):
    from tests.phases.world import grow_journey

    world = build_world()
    client.force_login(world.user(Role.TREKKER))

    def queries():
        with CaptureQueriesContext(connection) as counted:
            _download(client)
        return len(counted)

    before = queries()
    grow_journey(world.network)
    assert queries() == before


def test_someone_not_logged_in_is_sent_to_log_in(client):
    response = client.get(reverse("personal_data"))
    assert response.status_code == 302 and reverse("login") in response.url
