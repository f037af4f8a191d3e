"""Who comes to a session: invitations by mail with the session for the calendar, answers
within the capacity and its waiting list, reminders to those who did not answer, calling
a session off, the .ics download and the private calendar feed."""

from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import formats, timezone, translation

from bijeenkomsten import calendar
from bijeenkomsten.models import Registration, Session, SessionGuest
from bijeenkomsten.registrations import attendance_trend
from liso.method import Role
from liso.models import OutgoingMail
from networks.models import Membership
from tests.networks.factories import MembershipFactory
from tests.networks.world import build_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalogue")]
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _url(name, world, session, **kwargs):
    return reverse(name, kwargs={"slug": world.network.slug, "pk": session.pk, **kwargs})


def _as(client, world, role):
    client.force_login(world.user(role))
    return client


def _session(world, **fields) -> Session:
    session = Session.objects.get(network=world.network)
    for name, value in fields.items():
        setattr(session, name, value)
    session.save()
    return session


def _dutch_date(day: date) -> str:
    with translation.override("nl"):
        return formats.date_format(day, "j F Y")


def _events(ics: bytes) -> list:
    return list(icalendar.Calendar.from_ical(ics).walk("VEVENT"))


def test_inviting_the_kernteam_mails_each_once_with_the_session_for_the_calendar(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    world = build_world()
    world.members[Role.DEELNEMER].ring = Membership.Ring.TWEEDE_SCHIL
    world.members[Role.DEELNEMER].save()
    session = _session(world, place="Stadhuis, zaal 3", start_time=time(13, 30))
    planner = _as(client, world, Role.PROCESBEGELEIDER)
    with django_capture_on_commit_callbacks(execute=True):
        planner.post(_url("session_invite", world, session), {"ring": ["kernteam"]})
    invited = {r.membership for r in session.registrations.all()}
    assert world.members[Role.DEELNEMER] not in invited
    assert world.members[Role.TREKKER] in invited
    assert len(mailoutbox) == len(invited)
    mail = mailoutbox[0]
    assert session.theme in mail.subject
    for expected in ("13:30", "Stadhuis, zaal 3", _dutch_date(session.date), "Laat weten"):
        assert expected in mail.body
    filename, ics, mimetype = mail.attachments[0]
    assert (filename, mimetype) == ("bijeenkomst.ics", "text/calendar; method=REQUEST")
    calendar_file = icalendar.Calendar.from_ical(ics)
    assert calendar_file["METHOD"] == "REQUEST"
    event = _events(ics)[0]
    assert event["UID"] == f"bijeenkomst-{session.pk}@liso-leernetwerken"
    assert str(event["ORGANIZER"]).startswith("mailto:")
    assert str(event["ATTENDEE"]) == f"mailto:{mail.to[0]}"

    with django_capture_on_commit_callbacks(execute=True):
        planner.post(_url("session_invite", world, session), {"ring": ["kernteam"]})
    assert len(mailoutbox) == len(invited)  # nobody twice


def _answer(client, world, role, session, answer, note=""):
    return _as(client, world, role).post(
        _url("session_answer", world, session), {"answer": answer, "note": note}
    )


def _registration(world, role, session) -> Registration:
    return session.registrations.get(membership=world.members[role])


def test_a_full_session_keeps_a_waiting_list_and_a_freed_place_goes_to_the_first(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    world = build_world()
    session = _session(world, capacity=1)
    _answer(client, world, Role.TREKKER, session, "komt")
    _answer(client, world, Role.DEELNEMER, session, "komt", note="Ik neem een collega mee")
    _answer(client, world, Role.PROJECTASSISTENT, session, "komt")
    waiting = _registration(world, Role.DEELNEMER, session)
    assert waiting.waiting and waiting.note == "Ik neem een collega mee"
    page = client.get(reverse("session_detail", args=[world.network.slug, session.pk]))
    assert "Je staat op de wachtlijst." in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        _answer(client, world, Role.TREKKER, session, "komt-niet")
    assert _registration(world, Role.DEELNEMER, session).is_coming
    assert _registration(world, Role.PROJECTASSISTENT, session).waiting
    assert [m.to for m in mailoutbox] == [[world.user(Role.DEELNEMER).email]]
    assert "Er is plek voor je" in mailoutbox[0].subject


def test_a_reminder_goes_only_to_those_who_did_not_answer(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    world = build_world()
    session = _session(world)
    planner = _as(client, world, Role.PROCESBEGELEIDER)
    with django_capture_on_commit_callbacks(execute=True):
        planner.post(_url("session_invite", world, session), {"ring": ["kernteam"]})
    invited = session.registrations.count()
    _answer(client, world, Role.TREKKER, session, "komt")
    _answer(client, world, Role.DEELNEMER, session, "komt-niet")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _as(client, world, Role.PROCESBEGELEIDER).post(_url("session_remind", world, session))
    reminded = {address for mail in mailoutbox for address in mail.to}
    assert len(reminded) == invited - 2
    assert world.user(Role.TREKKER).email not in reminded
    assert all("Herinnering" in mail.subject for mail in mailoutbox)
    page = client.get(_url("session_registrations", world, session)).content.decode()
    assert "Lid trekker" in page and "Nog geen antwoord" in page


def test_the_ics_keeps_its_uid_and_raises_the_sequence_when_the_session_moves(client):
    world = build_world()
    session = _session(world, date=date(2027, 3, 25), start_time=time(13, 30))
    reader = _as(client, world, Role.DEELNEMER)
    first = _events(reader.get(_url("session_ics", world, session)).content)[0]
    assert first["DTSTART"].dt.astimezone(AMSTERDAM).strftime("%Y-%m-%d %H:%M") == (
        "2027-03-25 13:30"
    )
    assert first["DTEND"].dt - first["DTSTART"].dt == timedelta(minutes=session.planned_minutes)

    planner = _as(client, world, Role.PROCESBEGELEIDER)
    data = {
        "version": session.version,
        "theme": session.theme,
        "date": "2027-04-01",
        "start_time": "13:30",
        "planned_minutes": 180,
        "place": "Stadhuis",
        "status": "gepland",
    }
    assert planner.post(_url("session_edit", world, session), data).status_code == 302
    moved = _events(client.get(_url("session_ics", world, session)).content)[0]
    assert moved["UID"] == first["UID"]
    assert int(moved["SEQUENCE"]) > int(first["SEQUENCE"])
    # Summer time now: still 13:30 in Amsterdam, an hour earlier in UTC.
    assert moved["DTSTART"].dt.astimezone(AMSTERDAM).strftime("%H:%M") == "13:30"
    assert moved["DTSTART"].dt.utcoffset() == timedelta(0)
    assert moved["DTSTART"].dt.hour == 11


def test_calling_a_session_off_tells_those_coming_and_closes_the_answers(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    world = build_world()
    session = _session(world)
    _answer(client, world, Role.TREKKER, session, "komt")
    _answer(client, world, Role.DEELNEMER, session, "komt-niet")
    with django_capture_on_commit_callbacks(execute=True):
        _as(client, world, Role.PROCESBEGELEIDER).post(_url("session_cancel", world, session))
    session.refresh_from_db()
    assert session.is_cancelled
    assert [mail.to for mail in mailoutbox] == [[world.user(Role.TREKKER).email]]
    ics = mailoutbox[0].attachments[0][1]
    assert icalendar.Calendar.from_ical(ics)["METHOD"] == "CANCEL"
    assert _events(ics)[0]["STATUS"] == "CANCELLED"
    assert _answer(client, world, Role.DEELNEMER, session, "komt").status_code == 403


def _feed(client, token):
    return client.get(reverse("calendar_feed", args=[token]))


def test_the_private_feed_shows_ones_own_networks_and_a_reset_address_stops_working(client):
    world = build_world()
    deelnemer = world.user(Role.DEELNEMER)
    session = _session(world)
    concept = Session.objects.create(
        network=world.network,
        theme="Nog een idee",
        place="x",
        date=session.date,
        start_time=time(10),
        status="concept",
    )
    elsewhere = Session.objects.create(
        network=MembershipFactory().network,
        theme="Elders",
        place="x",
        date=session.date,
        start_time=time(10),
    )
    client.force_login(deelnemer)
    feed_url = client.get(reverse("calendar_settings")).context["feed_url"]
    client.logout()
    token = feed_url.rstrip("/").split("/")[-2]

    response = _feed(client, token)  # a calendar program has no login
    assert response["Content-Type"].startswith("text/calendar")
    uids = {str(event["UID"]) for event in _events(response.content)}
    assert calendar.session_uid(session) in uids
    assert calendar.session_uid(concept) not in uids
    assert calendar.session_uid(elsewhere) not in uids

    assert _feed(client, token[:-2] + "xx").status_code == 404  # tampered
    other = calendar.feed_token(world.user(Role.TREKKER))
    assert other != token and _feed(client, other).status_code == 200

    client.force_login(deelnemer)
    client.post(reverse("calendar_settings"))
    assert _feed(client, token).status_code == 404
    new_token = client.get(reverse("calendar_settings")).context["feed_url"].split("/")[-2]
    assert _feed(client, new_token).status_code == 200

    world.members[Role.DEELNEMER].left_on = date.today()
    world.members[Role.DEELNEMER].save()
    assert calendar.session_uid(session) not in {
        str(event["UID"]) for event in _events(_feed(client, new_token).content)
    }


def _held(world, weeks_ago: int, theme: str) -> Session:
    return Session.objects.create(
        network=world.network,
        theme=theme,
        place="Stadhuis",
        date=date.today() - timedelta(weeks=weeks_ago),
        start_time=time(13, 30),
    )


def _present(session) -> set[int]:
    return set(session.registrations.filter(attended=True).values_list("membership_id", flat=True))


def _record(client, world, session, present: list[int]):
    return client.post(_url("session_attendance", world, session), {"aanwezig": present})


def _attendance_panel(response) -> dict:
    return next(
        context
        for template, context in response.context["panels"]
        if template == "bijeenkomsten/panel_attendance.html"
    )


def test_attendance_starts_from_the_answers_and_a_falling_trend_is_named(client):
    world = build_world()
    first = _held(world, 3, "Eerste")
    Registration.objects.create(
        session=first, membership=world.members[Role.TREKKER], answer="komt"
    )
    Registration.objects.create(
        session=first, membership=world.members[Role.DEELNEMER], answer="komt-niet"
    )
    planner = _as(client, world, Role.PROCESBEGELEIDER)
    rows = planner.get(_url("session_attendance", world, first)).context["rows"]
    assert {member.pk for member, _registration, ticked in rows if ticked} == {
        world.members[Role.TREKKER].pk
    }

    everyone = [m.pk for m in world.members.values()]
    _record(planner, world, first, everyone)
    assert _present(first) == set(everyone)
    # Fewer people each time: the overview names struikelblok 1.
    second, third = _held(world, 2, "Tweede"), _held(world, 1, "Derde")
    _record(planner, world, second, everyone[:4])
    _record(planner, world, third, everyone[:2])
    assert _present(third) == set(everyone[:2])
    assert third.registrations.filter(attended=False).count() == 0  # nobody invited there
    overview = planner.get(reverse("network_overview", args=[world.network.slug]))
    body = overview.content.decode()
    assert "Er komen steeds minder mensen" in body and "deelnemersbetrokkenheid" in body
    bars = _attendance_panel(overview)["bars"]
    assert [bar["point"].present for bar in bars] == [len(everyone), 4, 2]


def test_attendance_cannot_be_recorded_before_the_session(client):
    world = build_world()
    session = _session(world)
    planner = _as(client, world, Role.PROCESBEGELEIDER)
    page = planner.get(_url("session_attendance", world, session)).content.decode()
    assert "moet nog komen" in page
    assert _record(planner, world, session, [1]).status_code == 403
    assert not session.registrations.filter(attended__isnull=False).exists()


def test_a_note_keeps_ones_place_in_line_and_a_member_who_left_holds_none(client):
    world = build_world()
    session = _session(world, capacity=1)
    _answer(client, world, Role.TREKKER, session, "komt")
    _answer(client, world, Role.DEELNEMER, session, "komt")
    _answer(client, world, Role.PROJECTASSISTENT, session, "komt")
    # The first in line edits their note: they stay first.
    _answer(client, world, Role.DEELNEMER, session, "komt", note="Ik kom met de trein")
    _answer(client, world, Role.TREKKER, session, "komt-niet")
    assert _registration(world, Role.DEELNEMER, session).is_coming
    # A member who left frees their place for the next who answers.
    world.members[Role.DEELNEMER].left_on = date.today()
    world.members[Role.DEELNEMER].save()
    _answer(client, world, Role.PROCESBEGELEIDER, session, "komt")
    assert _registration(world, Role.PROCESBEGELEIDER, session).is_coming


def test_in_an_archived_network_nobody_answers_and_a_cancelled_session_stays_so(client):
    world = build_world()
    session = _session(world)
    planner = _as(client, world, Role.PROCESBEGELEIDER)
    planner.post(_url("session_cancel", world, session))
    form = planner.get(_url("session_edit", world, session)).context["form"]
    assert [value for value, _label in form.fields["status"].choices] == ["afgelast"]
    world.network.archived_at = timezone.now()
    world.network.save()
    assert _answer(client, world, Role.DEELNEMER, session, "komt").status_code == 403


def test_a_larger_capacity_lets_the_waiting_in_and_a_move_is_mailed_to_those_coming(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    world = build_world()
    session = _session(world, capacity=1)
    _answer(client, world, Role.TREKKER, session, "komt")
    _answer(client, world, Role.DEELNEMER, session, "komt")
    _answer(client, world, Role.PROJECTASSISTENT, session, "komt-niet")
    assert _registration(world, Role.DEELNEMER, session).waiting
    data = {
        "version": session.version,
        "theme": session.theme,
        "date": session.date,
        "start_time": "15:00",
        "planned_minutes": 180,
        "place": "Stadhuis",
        "status": "gepland",
        "capacity": 5,
    }
    with django_capture_on_commit_callbacks(execute=True):
        _as(client, world, Role.PROCESBEGELEIDER).post(_url("session_edit", world, session), data)
    assert _registration(world, Role.DEELNEMER, session).is_coming
    changed = [mail for mail in mailoutbox if mail.subject.startswith("Gewijzigd")]
    assert sorted(mail.to[0] for mail in changed) == sorted(
        [world.user(Role.TREKKER).email, world.user(Role.DEELNEMER).email]
    )
    assert "15:00" in changed[0].body
    assert int(_events(changed[0].attachments[0][1])[0]["SEQUENCE"]) == 1


def test_inviting_with_no_group_ticked_invites_nobody_and_says_so(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    world = build_world()
    session = world.network.sessions.first()
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(_url("session_invite", world, session), {}, follow=True)
    assert "Er is niemand uitgenodigd" in page.text
    assert mailoutbox == [] and not session.registrations.exists()


def test_a_planned_session_whose_day_is_over_says_it_was_held(client):
    world = build_world()
    session = world.network.sessions.first()
    client.force_login(world.user(Role.DEELNEMER))
    url = reverse("session_detail", args=[world.network.slug, session.pk])
    session.date = timezone.localdate() - timedelta(days=1)
    session.save(update_fields=["date"])
    assert '<span class="liso-facts__key">Status</span> Geweest' in client.get(url).text
    session.date = timezone.localdate() + timedelta(days=1)
    session.save(update_fields=["date"])
    assert '<span class="liso-facts__key">Status</span> Gepland' in client.get(url).text


def test_the_session_list_and_my_tasks_say_a_past_session_was_held(client):
    world = build_world()
    session = world.network.sessions.first()
    session.date = timezone.localdate() - timedelta(days=1)
    session.save(update_fields=["date"])
    Session.objects.create(
        network=world.network,
        theme="Niet doorgegaan",
        date=timezone.localdate() - timedelta(days=3),
        start_time=time(10, 0),
        status=Session.Status.AFGELAST,
    )
    client.force_login(world.user(Role.DEELNEMER))
    listing = client.get(reverse("session_list", args=[world.network.slug])).text
    assert f'{session.theme}</a> <span class="liso-tag">geweest</span>' in listing
    assert 'Niet doorgegaan</a> <span class="liso-tag">afgelast</span>' in listing
    home = client.get(reverse("home")).text
    assert f"{session.theme}</a> (" in home and ", geweest)" in home


def _invite(client, world, session, **data):
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    return client.post(_url("session_invite", world, session), data, follow=True)


def test_inviting_chosen_members_mails_only_them(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    world = build_world()
    session = world.network.sessions.first()
    chosen = [world.members[Role.DEELNEMER], world.members[Role.TREKKER]]
    with django_capture_on_commit_callbacks(execute=True):
        page = _invite(client, world, session, members=[m.pk for m in chosen])
    assert "Uitgenodigd: 2 leden." in page.text
    assert {r.membership for r in session.registrations.all()} == set(chosen)
    assert sorted(address for mail in mailoutbox for address in mail.to) == sorted(
        m.user.email for m in chosen
    )


def test_a_guest_gets_the_same_invitation_with_the_session_for_the_calendar(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    world = build_world()
    session = _session(world, place="Stadhuis, zaal 3", start_time=time(13, 30))
    with django_capture_on_commit_callbacks(execute=True):
        page = _invite(client, world, session, guests="Sanne de Vries <Sanne@Example.org>\n")
    assert "Uitgenodigd: 0 leden en 1 gast." in page.text
    (mail,) = mailoutbox
    assert mail.to == ["sanne@example.org"]
    assert mail.reply_to == [world.user(Role.PROCESBEGELEIDER).email]
    assert session.theme in mail.subject
    for expected in (
        "Beste Sanne de Vries",
        "13:30",
        "Stadhuis, zaal 3",
        "Beantwoord dan deze mail",
    ):
        assert expected in mail.body
    assert "/bijeenkomsten/" not in mail.body  # no link to a page a guest cannot open
    filename, ics, mimetype = mail.attachments[0]
    assert (filename, mimetype) == ("bijeenkomst.ics", "text/calendar; method=REQUEST")
    assert str(_events(ics)[0]["ATTENDEE"]) == "mailto:sanne@example.org"
    # Her calendar's answer goes to the planner who invited her, as the mail says.
    planner = world.user(Role.PROCESBEGELEIDER).email
    assert str(_events(ics)[0]["ORGANIZER"]) == f"mailto:{planner}"
    assert session.guests.get().name == "Sanne de Vries"
    listing = client.get(_url("session_registrations", world, session)).text
    assert "Sanne de Vries" in listing and "Mail aangekomen bij de mailserver" in listing


def test_one_planner_invites_a_bounded_number_of_guests_a_day(
    client, mailoutbox, settings, django_capture_on_commit_callbacks
):
    """Guests get mail in the platform's name; an account made to send mail cannot send
    much of it."""
    from django.core.cache import cache

    cache.clear()
    settings.GUEST_INVITE_LIMIT = 2
    world = build_world()
    session = world.network.sessions.first()
    guests = "Ann <ann@example.org>\nBas <bas@example.org>"
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, world, session, guests=guests)
        refused = _invite(client, world, session, guests="Cor <cor@example.org>")
    assert "Je hebt vandaag al veel gasten uitgenodigd" in refused.text
    assert sorted(m.to[0] for m in mailoutbox) == ["ann@example.org", "bas@example.org"]
    assert session.guests.count() == 2
    cache.clear()


def test_a_guest_taken_off_the_list_gets_no_more_mail(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    world = build_world()
    session = world.network.sessions.first()
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, world, session, guests="Ann <ann@example.org>")
    assert "Beantwoord deze mail, dan haalt wie je uitnodigde je van de lijst" in (
        mailoutbox[-1].body
    )
    ann = session.guests.get(email="ann@example.org")
    page = client.post(_url("session_guest_remove", world, session, guest=ann.pk), follow=True)
    assert "Ann staat niet meer op de lijst" in page.text
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url("session_cancel", world, session))
    assert "ann@example.org" not in [m.to[0] for m in mailoutbox]


def test_a_guest_taken_off_the_list_is_not_mailed_by_a_later_try(
    client, refusing_mail_server, django_capture_on_commit_callbacks
):
    """Her invitation waits for another try when she is taken off the list: it is
    dropped, so neither the worker nor "opnieuw versturen" sends it."""
    world = build_world()
    session = world.network.sessions.first()
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, world, session, guests="Ann <ann@example.org>")
    assert OutgoingMail.objects.filter(to="ann@example.org", status="wacht").exists()
    ann = session.guests.get(email="ann@example.org")
    client.post(_url("session_guest_remove", world, session, guest=ann.pk))
    assert not OutgoingMail.objects.filter(to="ann@example.org").exists()


def test_a_guest_invitation_the_mail_server_refuses_is_told(
    client, refusing_mail_server, django_capture_on_commit_callbacks
):
    world = build_world()
    session = world.network.sessions.first()
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, world, session, guests="Sanne de Vries <sanne@example.org>")
    (kept,) = OutgoingMail.objects.filter(to="sanne@example.org")
    assert (kept.status, kept.attempts) == ("wacht", 1) and "refused" in kept.last_error
    listing = client.get(_url("session_registrations", world, session)).text
    assert "Mail nog niet verstuurd: de mailserver weigerde" in listing
    assert "Mail aangekomen" not in listing


def test_a_bad_guest_line_is_named_and_nobody_is_invited(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    world = build_world()
    session = world.network.sessions.first()
    guests = "Sanne de Vries <sanne@example.org>\nPiet zonder adres\n"
    with django_capture_on_commit_callbacks(execute=True):
        page = _invite(client, world, session, ring=["kernteam"], guests=guests)
    assert "Regel 2 (“Piet zonder adres”) kunnen we niet lezen" in page.text
    assert "&lt;sanne@example.org&gt;\nPiet zonder adres" in page.text  # what was typed stays
    assert mailoutbox == []
    assert not session.registrations.exists() and not session.guests.exists()


def test_everyone_is_invited_once_however_often_they_are_chosen(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    world = build_world()
    session = world.network.sessions.first()
    trekker = world.members[Role.TREKKER]
    guests = (
        "Sanne de Vries <sanne@example.org>\n"
        "Sanne <SANNE@example.org>\n"
        f"De trekker <{trekker.user.email.upper()}>\n"
    )
    data = {"ring": ["kernteam"], "members": [trekker.pk], "guests": guests}
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, world, session, **data)
        _invite(client, world, session, **data)
    addresses = [address for mail in mailoutbox for address in mail.to]
    assert len(addresses) == len(set(addresses))
    assert addresses.count("sanne@example.org") == 1 and trekker.user.email in addresses
    assert session.guests.count() == 1
    assert session.registrations.filter(membership=trekker).count() == 1


def test_guests_are_on_the_attendance_list_and_count_as_present(client):
    world = build_world()
    session = _session(world, date=timezone.localdate() - timedelta(days=1))
    guest = SessionGuest.objects.create(session=session, name="Sanne de Vries", email="s@x.nl")
    SessionGuest.objects.create(session=session, name="Bas Bakker", email="b@x.nl")
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    url = _url("session_attendance", world, session)
    assert "Sanne de Vries" in client.get(url).text
    member = world.members[Role.DEELNEMER]
    page = client.post(url, {"aanwezig": [member.pk], "gast": [guest.pk]}, follow=True)
    assert "2 mensen waren er" in page.text
    assert list(session.guests.values_list("name", "attended")) == [
        ("Bas Bakker", False),
        ("Sanne de Vries", True),
    ]
    (point,) = attendance_trend(world.network)
    assert (point.present, point.invited) == (2, 3)


def test_guests_hear_when_the_session_is_called_off(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    world = build_world()
    session = world.network.sessions.first()
    SessionGuest.objects.create(session=session, name="Sanne de Vries", email="sanne@example.org")
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url("session_cancel", world, session))
    (mail,) = [m for m in mailoutbox if m.to == ["sanne@example.org"]]
    assert "Afgelast" in mail.subject and "Beste Sanne de Vries" in mail.body
    assert _events(mail.attachments[0][1])[0]["STATUS"] == "CANCELLED"
    # The invitation itself was never sent: only the cancellation went to her.
    assert [m.subject for m in mailoutbox if m.to == ["sanne@example.org"]] == [mail.subject]
