"""Mail beyond the moment: each person's choice per kind of news (right away, daily, off),
the daily mail with due and overdue tasks that a second run on the same day does not send
again, and the reminder a few days before a session."""

from datetime import date, time, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse

from bijeenkomsten.models import ActionPoint, Registration, Session
from liso import notifications
from liso.method import Role
from liso.models import QueuedNotice
from tests.networks.world import build_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalogue")]


def _daily():
    call_command("send_daily_mail")


def _to(mailoutbox, user) -> list:
    return [mail for mail in mailoutbox if user.email in mail.to]


def test_the_daily_mail_lists_due_and_overdue_tasks_and_goes_out_once(mailoutbox):
    world = build_world()
    session = Session.objects.get(network=world.network)
    task = session.tasks.get(assignee=world.members[Role.DEELNEMER])
    task.due_on = date.today() - timedelta(days=2)
    task.save(update_fields=["due_on"])
    _daily()
    (mail,) = _to(mailoutbox, world.user(Role.DEELNEMER))
    assert task.title in mail.body and "te laat" in mail.body
    assert session.theme in mail.body
    assert reverse("notification_settings") in mail.body
    assert "Je actiepunten" not in mail.body  # the deelnemer's action point has no date
    count = len(mailoutbox)
    _daily()
    assert len(mailoutbox) == count  # the second run the same day sends nothing


def test_someone_who_turned_the_task_mail_off_gets_none(client, mailoutbox):
    world = build_world()
    deelnemer = world.user(Role.DEELNEMER)
    client.force_login(deelnemer)
    page = client.get(reverse("notification_settings")).content.decode()
    assert "Je voorbereidingstaken" in page
    client.post(reverse("notification_settings"), {"taken": "uit", "bijeenkomsten": "gewoon"})
    assert notifications.settings_of(deelnemer)["taken"] == "uit"
    # "gewoon" is not a choice: the default stays.
    assert notifications.settings_of(deelnemer)["bijeenkomsten"] == "direct"
    _daily()
    assert _to(mailoutbox, deelnemer) == []


def test_session_news_follows_the_choice_right_away_daily_or_off(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    world = build_world()
    session = Session.objects.get(network=world.network)
    daily, off = world.user(Role.DEELNEMER), world.user(Role.TREKKER)
    notifications.settings_save(user=daily, frequencies={"bijeenkomsten": "dagelijks"})
    notifications.settings_save(user=off, frequencies={"bijeenkomsten": "uit"})
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    url = reverse("session_invite", args=[world.network.slug, session.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"ring": ["kernteam"]})
    assert _to(mailoutbox, daily) == [] and _to(mailoutbox, off) == []
    assert _to(mailoutbox, world.user(Role.PROCESBEGELEIDER))  # the default: right away
    assert QueuedNotice.objects.filter(user=daily).count() == 1
    assert not QueuedNotice.objects.filter(user=off).exists()
    _daily()
    (digest,) = _to(mailoutbox, daily)
    assert f"Uitnodiging: {session.theme}" in digest.body
    assert not QueuedNotice.objects.filter(user=daily, sent_at=None).exists()


def test_a_reminder_goes_out_three_days_before_to_those_coming_once(
    mailoutbox, django_capture_on_commit_callbacks
):
    world = build_world()
    session = Session.objects.get(network=world.network)
    session.date, session.start_time = date.today() + timedelta(days=3), time(19, 0)
    session.save()
    answers = {Role.TREKKER: "komt", Role.DEELNEMER: "komt-niet", Role.PROCESBEGELEIDER: "open"}
    for role, answer in answers.items():
        Registration.objects.create(session=session, membership=world.members[role], answer=answer)
    with django_capture_on_commit_callbacks(execute=True):
        _daily()
    reminded = [mail for mail in mailoutbox if mail.subject.startswith("Binnenkort")]
    assert sorted(mail.to[0] for mail in reminded) == sorted(
        [world.user(Role.TREKKER).email, world.user(Role.PROCESBEGELEIDER).email]
    )
    assert "19:00" in reminded[0].body and "Stadhuis" in reminded[0].body
    with django_capture_on_commit_callbacks(execute=True):
        _daily()
    assert len([m for m in mailoutbox if m.subject.startswith("Binnenkort")]) == 2


def test_an_action_point_due_soon_is_in_its_owners_daily_mail(mailoutbox):
    world = build_world()
    action = ActionPoint.objects.get(owner=world.members[Role.DEELNEMER])
    action.due_on = date.today() + timedelta(days=3)
    action.save()
    _daily()
    (mail,) = _to(mailoutbox, world.user(Role.DEELNEMER))
    assert "Je actiepunten" in mail.body and action.what in mail.body
