"""The network's history: one page for every edit of what the network writes together."""

from datetime import date

import pytest
from django.urls import reverse

from liso.method import Role
from networks import history
from tests.networks.world import build_world

pytestmark = pytest.mark.django_db


def _history(world, **query):
    url = reverse("network_history", args=[world.network.slug])
    return url, query


def _as(client, world, role):
    client.force_login(world.user(role))
    return client


def test_the_history_gathers_edits_from_every_app_newest_first(client):
    world = build_world()
    trekker = _as(client, world, Role.TREKKER)
    goal = world.network.agenda_goals.get()
    experiment = world.network.experiments.first()
    history.record_creation(network=world.network, instance=goal, by=world.user(Role.TREKKER))
    history.record_creation(network=world.network, instance=experiment, by=world.user(Role.TREKKER))
    url, _ = _history(world)
    page = trekker.get(url)
    assert page.status_code == 200
    keys = [revision.object_key for revision in page.context["page"]]
    assert keys == [f"experiment:{experiment.pk}", f"goal:{goal.pk}"]
    # Within the network, not within the start-up: the start-up is not the current section.
    assert 'aria-current="page">Opstart' not in page.content.decode()


def test_one_items_history_is_named_after_it_and_links_to_all(client):
    world = build_world()
    experiment = world.network.experiments.first()
    history.record_creation(network=world.network, instance=experiment, by=world.user(Role.TREKKER))
    url, query = _history(world, item=f"experiment:{experiment.pk}")
    page = _as(client, world, Role.DEELNEMER).get(url, query)
    assert page.context["title"] == f"Geschiedenis van “{experiment.title}”"
    assert f'href="{url}"' in page.content.decode()


def test_an_experiments_page_links_to_the_networks_history(client):
    world = build_world()
    experiment = world.network.experiments.first()
    page = _as(client, world, Role.DEELNEMER).get(
        reverse("experiment_detail", args=[world.network.slug, experiment.pk])
    )
    expected = reverse("network_history", args=[world.network.slug])
    assert f"{expected}?item=experiment:{experiment.pk}" in page.content.decode()


def test_talk_notes_stay_out_of_the_networks_history_for_those_who_may_not_read_them(client):
    world = build_world()
    trekker = _as(client, world, Role.TREKKER)
    talk = world.network.talks.get()
    trekker.post(
        reverse("opstart_talk_edit", args=[world.network.slug, talk.pk]),
        {
            "version": talk.version,
            "person_name": "Karin Bos",
            "held_on": date.today(),
            "personal_reason": "Vertrouwelijke reden",
        },
    )
    url, _ = _history(world)
    assert "Vertrouwelijke reden" in trekker.get(url).content.decode()
    deelnemer = _as(client, world, Role.DEELNEMER)
    assert "Vertrouwelijke" not in deelnemer.get(url).content.decode()
    item = {"item": f"talk:{talk.pk}"}
    assert "Vertrouwelijke" not in deelnemer.get(url, item).content.decode()


def test_a_long_history_comes_in_pages(client):
    world = build_world()
    goal = world.network.agenda_goals.get()
    for _ in range(55):
        history.record_creation(network=world.network, instance=goal, by=world.user(Role.TREKKER))
    url, _ = _history(world)
    trekker = _as(client, world, Role.TREKKER)
    first = trekker.get(url)
    assert len(first.context["page"]) == 50
    assert "pagina=2" in first.content.decode()
    assert len(trekker.get(url, {"pagina": 2}).context["page"]) == 5


def test_two_people_writing_a_sessions_first_report_at_once_are_told_not_failed():
    from bijeenkomsten.forms import SessionReportForm
    from bijeenkomsten.models import SessionReport

    world = build_world()
    session = world.network.sessions.filter(report__isnull=True).first()
    trekker = world.user(Role.TREKKER)
    # Both opened the empty report; the other one saved first.
    first = SessionReport(session=session)
    mine = SessionReport(session=session)
    data = {"version": 0, "minutes": "Eerst", "lessons": ""}
    form = SessionReportForm(data, instance=first, network=world.network)
    assert form.is_valid()
    history.item_save(form=form, network=world.network, by=trekker, expected_version=0)
    data = {"version": 0, "minutes": "Tegelijk", "lessons": ""}
    form = SessionReportForm(data, instance=mine, network=world.network)
    assert form.is_valid()
    with pytest.raises(history.ConflictError) as told:
        history.item_save(form=form, network=world.network, by=trekker, expected_version=0)
    assert told.value.current.minutes == "Eerst"
    assert SessionReport.objects.get(session=session).minutes == "Eerst"
