"""The besluitenlijst: what was decided, who was heard, what was not chosen, and what a
minority thought."""

from datetime import date, time, timedelta

import pytest
from django.urls import reverse

from bijeenkomsten.models import Session
from kernelements.models import Decision
from liso.method import Role
from tests.networks.factories import NetworkFactory, OrganisationFactory
from tests.networks.world import build_world

pytestmark = pytest.mark.django_db


def _post(**fields):
    return {
        "version": 0,
        "title": "We nodigen ervaringsdeskundigen uit in elke werkgroep.",
        "decided_on": date.today(),
        "status": "genomen",
        **fields,
    }


def test_the_trekker_records_a_decision_with_who_was_heard_and_the_minority(client):
    world = build_world()
    organisation = world.members[Role.DEELNEMER].organisation
    session = world.network.sessions.first()
    client.force_login(world.user(Role.TREKKER))
    url = reverse("decision_add", args=[world.network.slug])
    response = client.post(
        url,
        _post(
            session=session.pk,
            heard_perspectives=["doelgroep", "beleid"],
            heard_organisations=[organisation.pk],
            alternatives="Eén vaste plek per organisatie: te weinig mensen.",
            minority="Twee leden willen eerst een pilot.",
        ),
    )
    assert response.status_code == 302
    decision = world.network.decisions.get(title__startswith="We nodigen")
    assert decision.get_heard_perspectives_display() == "Doelgroep, Beleid"
    page = client.get(reverse("decision_list", args=[world.network.slug])).text
    assert "Twee leden willen eerst een pilot." in page
    assert organisation.name in page
    assert world.network.revisions.filter(object_key=f"decision:{decision.pk}").exists()
    client.force_login(world.user(Role.DEELNEMER))
    assert (
        "Twee leden willen eerst een pilot."
        in client.get(reverse("decision_list", args=[world.network.slug])).text
    )


def test_a_decision_taken_is_not_dated_in_the_future_but_a_proposal_may_be(client):
    world = build_world()
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    url = reverse("decision_add", args=[world.network.slug])
    next_month = date.today() + timedelta(days=30)
    page = client.post(url, _post(decided_on=next_month))
    assert "Een genomen besluit ligt niet in de toekomst." in page.text
    assert client.post(url, _post(decided_on=next_month, status="voorgesteld")).status_code == 302
    page = client.post(url, _post(decided_on=date(1900, 1, 1)))
    assert "Kies een datum tussen 1 januari 2000 en " in page.text
    assert world.network.decisions.filter(status="voorgesteld").count() == 1


def test_a_decision_links_only_this_networks_sessions_and_member_organisations(client):
    world = build_world()
    other = NetworkFactory()
    elsewhere = Session.objects.create(
        network=other, theme="Elders", date=date.today(), start_time=time(10)
    )
    stranger = OrganisationFactory(name="Ander bureau")
    client.force_login(world.user(Role.TREKKER))
    url = reverse("decision_add", args=[world.network.slug])
    page = client.post(url, _post(session=elsewhere.pk, heard_organisations=[stranger.pk]))
    assert page.status_code == 200
    assert not Decision.objects.filter(network=world.network, title__startswith="We nodigen")
    form = page.context["form"]
    assert set(form.errors) == {"session", "heard_organisations"}
