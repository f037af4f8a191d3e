"""Mail never leaves inside a request and is never lost: the outbox (liso/outbox.py), the
database task queue and the real worker (`manage.py worker`), against a real SMTP server
that is slow, refuses for a while, or is away."""

import signal
from contextlib import contextmanager
from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from bijeenkomsten.models import Registration, Session
from liso import notifications, outbox, schedule
from liso.method import Role
from liso.models import DailyMail, OutgoingMail, QueuedNotice
from tests import machine, mailserver
from tests.liso.factories import UserFactory
from tests.networks.factories import MembershipFactory
from tests.networks.world import build_world

Status = OutgoingMail.Status


@pytest.fixture
def database_queue(settings):
    """Tasks wait in the database for the worker, as in production; the daily mail's
    hour never comes, so only the mails of the test go out."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.DAILY_MAIL_HOUR = 24


@pytest.fixture
def smtp(settings):
    """A real SMTP server's port, not yet listening: `mailserver.running` starts it."""
    port = machine.free_port()
    settings.MAILERS = mailserver.smtp_settings(port)
    return port


@contextmanager
def _own_signals():
    """The worker takes over SIGINT and SIGTERM; give them back to the test runner."""
    kept = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, handler in kept.items():
            signal.signal(number, handler)


def _run_worker():
    """The real worker, until nothing is left that is due now."""
    with _own_signals():
        call_command("worker", batch=True, verbosity=0, startup_delay=False, interval=0)


def _later(minutes: int) -> None:
    """Let the clock move on: what waited for a later try is due now."""
    shift = timedelta(minutes=minutes)
    for result in DBTaskResult.objects.filter(status="READY"):
        DBTaskResult.objects.filter(pk=result.pk).update(run_after=result.run_after - shift)
    for waiting in OutgoingMail.objects.filter(status=Status.QUEUED):
        OutgoingMail.objects.filter(pk=waiting.pk).update(
            next_attempt_at=waiting.next_attempt_at - shift
        )


def _session_with_members(count: int):
    world = build_world()
    session = world.network.sessions.first()
    session.registrations.all().delete()
    have = world.network.memberships.filter(left_on=None, ring="kernteam").count()
    for _n in range(count - have):
        MembershipFactory(network=world.network, ring="kernteam", roles=[Role.DEELNEMER])
    return world, session


def _invite(client, world, session, data=None):
    """The planner invites (the kernteam, unless `data` says whom)."""
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    url = reverse("session_invite", args=[world.network.slug, session.pk])
    return client.post(url, data or {"ring": ["kernteam"]}, follow=True)


def _registrations_page(client, world, session) -> str:
    url = reverse("session_registrations", args=[world.network.slug, session.pk])
    return client.get(url).text


def test_inviting_forty_returns_before_any_mail_and_the_worker_delivers_all(
    client, catalogue, database_queue, smtp
):
    world, session = _session_with_members(40)
    inbox = mailserver.Inbox(delay=0.05)
    with mailserver.running(inbox, smtp):
        page = _invite(client, world, session)
        # The request only wrote the work down: the mail server has seen nothing yet.
        assert inbox.messages == []
        assert "staan klaar om te versturen" in page.text
        assert "Uitgenodigd: 40 leden" in page.text
        _run_worker()
    addresses = set(session.registrations.values_list("membership__user__email", flat=True))
    assert len(addresses) == 40 and sorted(inbox.recipients) == sorted(addresses)
    assert all("Uitnodiging" in message["Subject"] for _to, message in inbox.messages)
    assert set(OutgoingMail.objects.values_list("status", flat=True)) == {Status.SENT}
    listing = _registrations_page(client, world, session)
    assert listing.count("Mail aangekomen bij de mailserver") == 40


def test_with_the_server_away_nothing_is_claimed_and_all_goes_out_when_it_is_back(
    client, catalogue, database_queue, smtp
):
    world, session = _session_with_members(6)
    page = _invite(client, world, session)
    assert "staan klaar om te versturen" in page.text
    _run_worker()  # nothing listens: every try is refused
    waiting = OutgoingMail.objects.all()
    assert waiting.count() == 6
    assert {(mail.status, mail.attempts) for mail in waiting} == {(Status.QUEUED, 1)}
    listing = _registrations_page(client, world, session)
    assert "Mail aangekomen" not in listing
    assert listing.count("Mail nog niet verstuurd: de mailserver weigerde") == 6
    inbox = mailserver.Inbox()
    with mailserver.running(inbox, smtp):
        _later(minutes=1)
        _run_worker()
    assert len(inbox.messages) == 6
    assert set(waiting.values_list("status", "attempts")) == {(Status.SENT, 2)}


def test_a_refusing_server_is_tried_less_often_and_then_given_up_for_a_planner_to_resend(
    client, catalogue, database_queue, smtp
):
    world, session = _session_with_members(1)
    inbox = mailserver.Inbox(refusing=True)
    with mailserver.running(inbox, smtp):
        _invite(client, world, session, {"members": [world.members[Role.DEELNEMER].pk]})
        waits = []
        for _try in range(outbox.MAX_ATTEMPTS):
            _run_worker()
            kept = OutgoingMail.objects.get()
            if kept.status == Status.QUEUED:
                waits.append(kept.next_attempt_at - timezone.now())
            _later(minutes=60)
        assert kept.status == Status.FAILED and kept.attempts == outbox.MAX_ATTEMPTS
        assert "451" in kept.last_error and "Try again later" in kept.last_error
        assert waits == sorted(waits) and waits[-1] <= outbox.LONGEST_WAIT
        listing = _registrations_page(client, world, session)
        assert "Mail niet verstuurd." in listing and "Opnieuw versturen" in listing
        inbox.refusing = False
        url = reverse("session_mail_resend", args=[world.network.slug, session.pk])
        answer = client.post(url, {"mail": kept.pk}, follow=True)
        assert "1 mail staat weer klaar om te versturen" in answer.text
        _run_worker()
    kept.refresh_from_db()
    assert (kept.status, len(inbox.messages)) == (Status.SENT, 1)


def test_a_planner_resends_only_the_failed_mails_of_this_session(client, db):
    world = build_world()
    session = world.network.sessions.first()
    failed = OutgoingMail.objects.create(
        topic=f"bijeenkomst-{session.pk + 1000}",  # another network's session
        to="a@example.org",
        subject="x",
        body="y",
        status=Status.FAILED,
    )
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    url = reverse("session_mail_resend", args=[world.network.slug, session.pk])
    answer = client.post(url, {"mail": failed.pk}, follow=True)
    assert "geen mislukte mail" in answer.text
    failed.refresh_from_db()
    assert failed.status == Status.FAILED


def test_a_mail_is_sent_once_however_often_its_delivery_runs(db):
    (kept,) = outbox.queue(EmailMessage("Onderwerp", "Tekst", to=["a@example.org"]))
    outbox.deliver.call(mail_id=kept.pk)
    outbox.send_due(timezone.now() + timedelta(hours=1))
    assert len(mail.outbox) == 1
    kept.refresh_from_db()
    assert (kept.status, kept.body) == (Status.SENT, "")


def test_the_worker_sends_the_daily_mail_once_a_day_from_its_hour(db, settings):
    world = build_world()
    user = world.user(Role.DEELNEMER)
    settings.DAILY_MAIL_HOUR = 7
    cache.clear()
    day = timezone.localdate()
    at = timezone.make_aware(datetime(day.year, day.month, day.day, 6, 30))
    notifications.settings_save(user=user, frequencies={"netwerk": notifications.DAILY})
    QueuedNotice.objects.create(user=user, kind="netwerk", text="Nieuws voor vandaag")
    schedule.tick(at)
    assert not DailyMail.objects.exists()
    schedule.tick(at + timedelta(hours=1))
    schedule.tick(at + timedelta(hours=2))
    assert list(DailyMail.objects.filter(user=user).values_list("day", flat=True)) == [day]
    daily = [m for m in mail.outbox if m.to == [user.email]]
    assert len(daily) == 1 and "Nieuws voor vandaag" in daily[0].body


def test_a_day_without_the_worker_still_brings_the_reminders_that_were_due(
    db, django_capture_on_commit_callbacks
):
    """The reminder goes out three days ahead; the worker was away that day, so the
    next day's run sends it."""
    world = build_world()
    today = timezone.localdate()
    session = world.network.sessions.first()
    Session.objects.filter(pk=session.pk).update(
        date=today + timedelta(days=2), status=Session.Status.GEPLAND
    )
    member = world.members[Role.DEELNEMER]
    session.registrations.all().delete()
    Registration.objects.create(session=session, membership=member, answer=Registration.Answer.KOMT)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_daily_mail", verbosity=0)
    reminders = [m for m in mail.outbox if "Binnenkort" in m.subject]
    assert [m.to for m in reminders] == [[member.user.email]]
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_daily_mail", verbosity=0)  # once only
    assert len([m for m in mail.outbox if "Binnenkort" in m.subject]) == 1


def test_staff_see_every_mail_and_send_failed_ones_again(client, db):
    failed = OutgoingMail.objects.create(
        to="a@example.org",
        subject="Uitnodiging",
        body="Tekst",
        status=Status.FAILED,
        last_error="Connection refused",
    )
    client.force_login(UserFactory(email="beheer@example.org", is_staff=True, is_superuser=True))
    listing = client.get(reverse("admin:liso_outgoingmail_changelist"))
    assert listing.status_code == 200 and "Connection refused" in listing.text
    data = {"action": "resend", "_selected_action": [failed.pk]}
    client.post(reverse("admin:liso_outgoingmail_changelist"), data)
    failed.refresh_from_db()
    assert failed.status == Status.SENT and [m.to for m in mail.outbox] == [["a@example.org"]]


def test_a_password_reset_request_never_waits_for_the_mail_server(client, db, database_queue, smtp):
    """Nothing listens at the mail server's port: the request still answers at once,
    the same as for an unknown address, and the mail waits for the worker."""
    user = UserFactory(email="anna@example.org")
    url = reverse("password_reset")
    known = client.post(url, {"email": user.email})
    unknown = client.post(url, {"email": "niemand@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url
    (waiting,) = OutgoingMail.objects.all()
    assert (waiting.to, waiting.status, waiting.attempts) == (user.email, Status.QUEUED, 0)
