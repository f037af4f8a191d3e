"""After a session: minutes and lessons (Markdown, sanitised), action points that come
back in the next session's preparation and on their owner's list, sharing the report by
mail, and the nudge when a report is missing."""

from datetime import date, time, timedelta

import pytest
from django.urls import reverse

from liso.method import Role
from phases.models import ActionPoint, Session
from tests.networks.world import build_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalogue")]


def _url(name, world, session, **kwargs):
    return reverse(name, kwargs={"slug": world.network.slug, "pk": session.pk, **kwargs})


def _held(world, days_ago=3) -> Session:
    return Session.objects.create(network=world.network, theme="Wat werkt?", place="Stadhuis",
                                  date=date.today() - timedelta(days=days_ago),
                                  start_time=time(13, 30))  # fmt: skip


def _write(client, world, session, minutes, lessons=""):
    return client.post(_url("session_report_edit", world, session),
                       {"version": 0, "minutes": minutes, "lessons": lessons})  # fmt: skip


def test_minutes_and_action_points_are_shared_and_come_back_in_the_next_session(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    world = build_world()
    upcoming = Session.objects.get(network=world.network)
    held = _held(world)
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    _write(client, world, held, "# Besproken\n\nWe kozen twee experimenten.<script>x()</script>",
           lessons="- Kleine stappen werken")  # fmt: skip
    for what, role in [("Wijkteam bellen", Role.DEELNEMER), ("Subsidie nagaan", Role.TREKKER)]:
        client.post(_url("action_add", world, held), {
            "what": what, "owner": world.members[role].pk,
            "due_on": (date.today() + timedelta(days=14)).isoformat()})  # fmt: skip
    page = client.get(_url("session_report", world, held)).content.decode()
    assert "<h3>Besproken</h3>" in page and "<script>" not in page  # one h1 per page
    assert "We kozen twee experimenten." in page and "Wijkteam bellen" in page

    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url("session_report_share", world, held))
    members = world.network.memberships.filter(left_on__isnull=True).count()
    assert len(mailoutbox) == members
    body = mailoutbox[0].body
    assert "Kleine stappen werken" in body and "Wijkteam bellen" in body
    assert _url("session_report", world, held) in body

    following = client.get(_url("session_detail", world, upcoming)).content.decode()
    assert "Voortgang actiepunten" in following and "Subsidie nagaan" in following
    done = ActionPoint.objects.get(what="Subsidie nagaan")
    client.post(_url("action_toggle", world, held, action=done.pk), {"klaar": "ja"})
    following = client.get(_url("session_detail", world, upcoming)).content.decode()
    assert "Subsidie nagaan" not in following and "Wijkteam bellen" in following


def test_an_owner_ticks_off_their_action_point_from_their_home_page(client):
    world = build_world()
    action = ActionPoint.objects.get(owner=world.members[Role.DEELNEMER])
    client.force_login(world.user(Role.DEELNEMER))
    assert action.what in client.get(reverse("home")).content.decode()
    url = _url("action_toggle", world, action.session, action=action.pk)
    assert client.post(url, {"klaar": "ja", "terug": "home"}).url == reverse("home")
    action.refresh_from_db()
    assert action.done_at is not None
    assert action.what not in client.get(reverse("home")).content.decode()


def test_an_empty_report_is_not_shared(client, mailoutbox):
    world = build_world()
    held = _held(world)
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    response = client.post(_url("session_report_share", world, held), follow=True)
    assert "een leeg verslag delen we niet" in response.content.decode()
    assert mailoutbox == []


def test_a_week_without_minutes_brings_a_nudge_that_writing_them_removes(client):
    world = build_world()
    held = _held(world, days_ago=8)
    overview = reverse("network_overview", args=[world.network.slug])
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    assert "heeft nog geen verslag" in client.get(overview).content.decode()
    client.force_login(world.user(Role.DEELNEMER))
    assert "heeft nog geen verslag" not in client.get(overview).content.decode()
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    _write(client, world, held, "Kort verslag.")
    assert "heeft nog geen verslag" not in client.get(overview).content.decode()
