"""Issue 18, parts 4 and 5, with real concurrency on PostgreSQL: two people writing the
first version of a session report at once, and the same creation form sent six times at
once (a double click, an impatient user, a proxy that retries)."""

import threading
import time as clock
from concurrent.futures import ThreadPoolExecutor
from datetime import date, time, timedelta
from functools import partial

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from bijeenkomsten.models import PreparationTask, Session, SessionReport
from liso.method import Role
from networks.models import Invitation
from phases.models import Reflection, Success
from tests.forms import sent_back
from tests.networks.world import build_world

pytestmark = pytest.mark.usefixtures("catalogue")

INVITED = {
    "full_name": "Iemand Nieuws",
    "roles": [Role.DEELNEMER],
    "perspective": "praktijk",
    "ring": "kernteam",
    "hours_per_week": "4",
}


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _at_once(sends) -> list:
    """Run the sends (callables) together, each on its own connection, as parallel web
    workers would: their answers."""
    start = threading.Barrier(len(sends))

    def run(send):
        def go():
            start.wait(timeout=30)
            return send()

        return _in_thread(go)

    with ThreadPoolExecutor(max_workers=len(sends)) as pool:
        return list(pool.map(run, sends))


def _six_at_once(world, role, url_name, page_name=None, **typed) -> list:
    """Open the form once, then send it six times at once, as a double click, an
    impatient user or a retrying proxy would: the answers."""
    url = reverse(url_name, args=[world.network.slug])
    page = _client(world.user(role)).get(reverse(page_name or url_name, args=[world.network.slug]))
    data = {**sent_back(page.context["form"]), **typed}
    tabs = [_client(world.user(role)) for _ in range(6)]
    return _at_once([partial(tab.post, url, data) for tab in tabs])


def _in_thread(call):
    """Run `call` on its own connection, as a second web worker would."""
    try:
        return call()
    finally:
        connection.close()


def test_two_first_versions_of_a_report_at_once_give_a_conflict_not_a_server_error():
    world = build_world()
    session = Session.objects.create(
        network=world.network,
        theme="Wat werkt?",
        date=date.today() - timedelta(days=3),
        start_time=time(13, 30),
    )
    url = reverse("session_report_edit", args=[world.network.slug, session.pk])
    second = _client(world.user(Role.PROCESBEGELEIDER))
    answers = []

    def write_too():
        answers.append(second.post(url, {"version": 0, "minutes": "Tekst van B.", "lessons": ""}))

    with transaction.atomic():
        # The first person's report is written but not yet committed when the second
        # person's save reaches the database: theirs waits at the constraint.
        SessionReport.objects.create(session=session, minutes="Tekst van A.", version=1)
        worker = threading.Thread(target=_in_thread, args=[write_too])
        worker.start()
        clock.sleep(1)
    worker.join(timeout=30)
    (answer,) = answers
    assert answer.status_code == 200
    body = answer.content.decode()
    assert "heeft dit opgeslagen" in body or "intussen opgeslagen" in body
    assert "Tekst van A." in body  # what the other saved
    assert "Tekst van B." in body  # and their own text, still in the form
    assert SessionReport.objects.get(session=session).minutes == "Tekst van A."


def _one_place(answers) -> str:
    """Every answer goes to the same place: where the first one led."""
    assert [answer.status_code for answer in answers] == [302] * 6
    (place,) = {answer.url for answer in answers}
    return place


def test_six_identical_posts_plan_one_session_with_one_set_of_tasks():
    world = build_world()
    answers = _six_at_once(
        world,
        Role.PROCESBEGELEIDER,
        "session_create",
        theme="Zes keer geklikt",
        date=(date.today() + timedelta(weeks=8)).isoformat(),
        start_time="13:30",
        place="Stadhuis",
    )
    (session,) = Session.objects.filter(network=world.network, theme="Zes keer geklikt")
    assert _one_place(answers) == reverse("session_detail", args=[world.network.slug, session.pk])
    steps = world.network.preparation_steps.count()
    assert steps and PreparationTask.objects.filter(session=session).count() == steps


def test_six_identical_posts_put_one_success_on_the_wall():
    world = build_world()
    answers = _six_at_once(
        world,
        Role.DEELNEMER,
        "success_add",
        "success_list",
        text="Zes keer verstuurd, één keer blij.",
        size="klein",
    )
    assert _one_place(answers) == reverse("success_list", args=[world.network.slug])
    assert Success.objects.filter(text="Zes keer verstuurd, één keer blij.").count() == 1


def test_six_identical_posts_keep_one_reflection():
    world = build_world()
    answers = _six_at_once(
        world, Role.DEELNEMER, "reflection_add", text="Eén gedachte, zes klikken."
    )
    assert _one_place(answers) == reverse("reflection_list", args=[world.network.slug])
    assert Reflection.objects.filter(text="Eén gedachte, zes klikken.").count() == 1


def test_six_identical_posts_make_one_invitation_and_one_mail(mailoutbox):
    world = build_world()
    answers = _six_at_once(
        world, Role.TREKKER, "member_invite", **INVITED, email="zes.keer@example.org"
    )
    assert _one_place(answers) == reverse("member_list", args=[world.network.slug])
    assert Invitation.objects.filter(email__iexact="zes.keer@example.org").count() == 1
    assert [mail.to for mail in mailoutbox] == [["zes.keer@example.org"]]


def test_two_managers_inviting_one_address_at_once_make_one_invitation(mailoutbox):
    world = build_world()
    url = reverse("member_invite", args=[world.network.slug])
    typed = {**INVITED, "email": "twee.keer@example.org"}
    # Two forms, each with its own token: the database's rule decides.
    tabs = [_client(world.user(Role.TREKKER)) for _ in range(2)]
    sends = [
        partial(tab.post, url, {**sent_back(tab.get(url).context["form"]), **typed}) for tab in tabs
    ]
    answers = _at_once(sends)
    assert sorted(answer.status_code for answer in answers) == [200, 302]
    (refused,) = [answer for answer in answers if answer.status_code == 200]
    assert "al een open uitnodiging" in refused.content.decode()
    assert Invitation.objects.filter(email__iexact="twee.keer@example.org").count() == 1
    assert [mail.to for mail in mailoutbox] == [["twee.keer@example.org"]]
