"""Who comes to a session: inviting members, their answers (komt, misschien, komt niet)
within the session's capacity and its waiting list, reminders to those who did not answer,
and cancelling a session. Mails go out as tasks (bijeenkomsten/tasks.py)."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.utils import timezone

from bijeenkomsten import tasks
from bijeenkomsten.models import Registration, Session, SessionGuest
from liso import outbox
from liso.compiled import EXAMPLE_ID, CompiledOnce
from liso.models import OutgoingMail
from networks.models import Membership

Answer = Registration.Answer


class RegistrationError(Exception):
    """An answer that cannot be taken (a cancelled or past session)."""


def _mail_later(session: Session, membership_ids: list[int], kind: str, base_url: str) -> None:
    """Send a session mail once the change is committed (never for a rolled-back one)."""
    if membership_ids:
        transaction.on_commit(
            lambda: tasks.send_session_mail.enqueue(
                session_id=session.pk, membership_ids=membership_ids, kind=kind, base_url=base_url
            )
        )


def _mail_guests_later(
    session: Session, guest_ids: list[int], kind: str, base_url: str, reply_to: str
) -> None:
    """The same for guests from outside the network (who answer by replying)."""
    if guest_ids:
        transaction.on_commit(
            lambda: tasks.send_guest_mail.enqueue(
                session_id=session.pk,
                guest_ids=guest_ids,
                kind=kind,
                base_url=base_url,
                reply_to=reply_to,
            )
        )


def mails(session: Session):
    """The mails about this session, newest first: to whom, and whether they went out."""
    return (
        OutgoingMail.objects.filter(topic=tasks.mail_topic(session))
        .select_related("user")
        .order_by("-created_at", "-pk")
    )


def mails_resend(session: Session, mail_ids: list[int]) -> int:
    """Queue these failed mails about the session again; returns how many."""
    return outbox.resend(mails(session).filter(pk__in=mail_ids))


def _current_members(session: Session, rings: list[str]):
    return session.network.memberships.filter(left_on__isnull=True, ring__in=rings)


@dataclass(frozen=True)
class Invited:
    """Who a call of session_invite invited anew (those invited before are not again)."""

    members: list[Registration]
    guests: list[SessionGuest]

    def __len__(self) -> int:
        return len(self.members) + len(self.guests)


@transaction.atomic
def session_invite(
    *,
    session: Session,
    rings: list[str],
    members=(),
    guests: list[tuple[str, str]] = (),
    base_url: str,
    reply_to: str = "",
) -> Invited:
    """Invite the current members of these rings and these members, and these guests from
    outside the network as (name, address); each person once, and nobody invited before
    again. A guest whose address is a current member's is invited as that member. Each
    gets the invitation by mail with the session in their calendar; guests answer by
    replying to `reply_to`."""
    # One invitation round at a time per session: a double click must not invite (and
    # mail) the same people twice, nor break on the once-per-session constraints.
    Session.objects.select_for_update().filter(pk=session.pk).first()
    now = timezone.now()
    current = session.network.memberships.filter(left_on__isnull=True)
    chosen = current.annotate(address=Lower("user__email")).filter(
        Q(ring__in=rings)
        | Q(pk__in=[m.pk for m in members])
        | Q(address__in=[email for _name, email in guests])
    )
    chosen = dict(chosen.values_list("pk", "address"))
    invited = set(session.registrations.values_list("membership_id", flat=True))
    new = [
        Registration(session=session, membership_id=pk, invited_at=now)
        for pk in chosen
        if pk not in invited
    ]
    Registration.objects.bulk_create(new)
    # Members who answered on their own before the invitation count as invited now.
    session.registrations.filter(invited_at__isnull=True).update(invited_at=now)
    known = set(session.guests.values_list("email", flat=True)) | set(chosen.values())
    new_guests = SessionGuest.objects.bulk_create(
        SessionGuest(session=session, name=name, email=email, invited_at=now)
        for name, email in guests
        if email not in known
    )
    _mail_later(session, [r.membership_id for r in new], "uitnodiging", base_url)
    _mail_guests_later(session, [g.pk for g in new_guests], "uitnodiging", base_url, reply_to)
    return Invited(new, new_guests)


def _coming(session: Session) -> int:
    return session.registrations.filter(
        answer=Answer.KOMT, waiting=False, membership__left_on__isnull=True
    ).count()


@transaction.atomic
def registration_answer(
    *, session: Session, membership: Membership, answer: str, note: str, base_url: str
) -> Registration:
    """Record a member's answer. A "komt" beyond the capacity goes on the waiting list;
    a place that frees up goes to the first on that list, who is told by mail."""
    # One answer at a time per session, so two people never take the last place together.
    session = Session.objects.select_for_update().get(pk=session.pk)
    if session.is_cancelled or session.date < timezone.localdate():
        raise RegistrationError
    registration, _created = Registration.objects.select_for_update().get_or_create(
        session=session, membership=membership
    )
    held_a_place = registration.is_coming
    if registration.answer != answer or registration.answered_at is None:
        # Only a new answer counts as answering again: editing the note keeps one's place
        # on the waiting list.
        registration.answered_at = timezone.now()
    registration.answer, registration.note = answer, note.strip()[:300]
    if answer != Answer.KOMT:
        registration.waiting = False
    elif not held_a_place:
        registration.waiting = bool(session.capacity) and _coming(session) >= session.capacity
    registration.save()
    if held_a_place and not registration.is_coming:
        _give_place_to_first_waiting(session, base_url)
    return registration


def _give_place_to_first_waiting(session: Session, base_url: str) -> bool:
    first = (
        session.registrations.filter(
            answer=Answer.KOMT,
            waiting=True,
            membership__left_on__isnull=True,
        )
        .order_by("answered_at", "pk")
        .first()
    )
    if first is None:
        return False
    first.waiting = False
    first.save(update_fields=["waiting"])
    _mail_later(session, [first.membership_id], "plek", base_url)
    return True


@transaction.atomic
def session_changed(
    *, session: Session, calendar_changed: bool, base_url: str, reply_to: str = ""
) -> None:
    """After a planner changed a session: places that a larger capacity freed go to the
    waiting list, in turn; and when its time or place changed, everyone invited who did
    not say no, and every guest, gets the new details, with the update for their
    calendar."""
    session = Session.objects.select_for_update().get(pk=session.pk)
    while (session.capacity is None or _coming(session) < session.capacity) and (
        _give_place_to_first_waiting(session, base_url)
    ):
        pass
    if calendar_changed and not session.is_cancelled:
        told = session.registrations.exclude(answer=Answer.KOMT_NIET).filter(
            membership__left_on__isnull=True
        )
        _mail_later(
            session, list(told.values_list("membership_id", flat=True)), "gewijzigd", base_url
        )
        guests = list(session.guests.values_list("pk", flat=True))
        _mail_guests_later(session, guests, "gewijzigd", base_url, reply_to)


@transaction.atomic
def registration_remind(*, session: Session, base_url: str) -> int:
    """Remind those invited who have not answered; returns how many."""
    waiting = session.registrations.filter(answer=Answer.OPEN, membership__left_on__isnull=True)
    ids = list(waiting.values_list("membership_id", flat=True))
    waiting.update(reminded_at=timezone.now())
    _mail_later(session, ids, "herinnering", base_url)
    return len(ids)


@transaction.atomic
def session_cancel(*, session: Session, base_url: str, reply_to: str = "") -> int:
    """Call a session off: calendars take it out, and everyone invited or registered who
    did not say no is told, and every guest. Returns how many were told."""
    session.status = Session.Status.AFGELAST
    session.sequence += 1
    session.version += 1
    session.save(update_fields=["status", "sequence", "version", "updated_at"])
    told = session.registrations.exclude(answer=Answer.KOMT_NIET).filter(
        membership__left_on__isnull=True
    )
    ids = list(told.values_list("membership_id", flat=True))
    _mail_later(session, ids, "afgelast", base_url)
    guests = list(session.guests.values_list("pk", flat=True))
    _mail_guests_later(session, guests, "afgelast", base_url, reply_to)
    return len(ids) + len(guests)


def answers(session: Session) -> dict[str, list[Registration]]:
    """The registrations grouped as the planner reads them, in one query."""
    groups = {"komt": [], "wachtlijst": [], "misschien": [], "komt_niet": [], "open": []}
    registrations = session.registrations.filter(membership__left_on__isnull=True)
    # Only what the planner's overview shows: no full membership and user per registration.
    shown = ("answer", "waiting", "note", "membership__user__full_name")
    for registration in registrations.select_related("membership__user").only(*shown):
        key = "wachtlijst" if registration.waiting else registration.answer.replace("-", "_")
        groups[key].append(registration)
    return groups


# --- attendance ----------------------------------------------------------------------------


@transaction.atomic
def attendance_record(
    *, session: Session, present: set[int], present_guests: set[int] = frozenset()
) -> None:
    """Record who was there (membership ids, and guest ids). Someone there without having
    answered gets a registration; everyone else who was invited or answered, and every
    other guest, is marked absent."""
    members = _current_members(session, Membership.Ring.values)
    registrations = {r.membership_id: r for r in session.registrations.select_for_update()}
    for membership in members:
        registration = registrations.get(membership.pk)
        if registration is None and membership.pk in present:
            registration = Registration(session=session, membership=membership)
        if registration is not None:
            registration.attended = membership.pk in present
            registration.save()
    session.guests.exclude(pk__in=present_guests).update(attended=False)
    session.guests.filter(pk__in=present_guests).update(attended=True)
    session.attendance_recorded_at = timezone.now()
    session.save(update_fields=["attendance_recorded_at"])


def attendance_expected(registration: Registration | None) -> bool:
    """Whether the attendance form starts with this member ticked: as recorded, or else
    as they answered."""
    if registration is None:
        return False
    if registration.attended is not None:
        return registration.attended
    return registration.is_coming


@dataclass(frozen=True)
class AttendancePoint:
    session: Session
    present: int
    invited: int


TREND_SESSIONS = 8  # the overview looks at this many recorded sessions


def _recorded(network_id: int):
    return (
        Session.objects.filter(network_id=network_id, attendance_recorded_at__isnull=False)
        .annotate(
            present=Count("registrations", filter=Q(registrations__attended=True), distinct=True)
            + Count("guests", filter=Q(guests__attended=True), distinct=True),
            invited=Count("registrations", distinct=True) + Count("guests", distinct=True),
        )
        .order_by("-date", "-start_time")[:TREND_SESSIONS]
    )


# The overview and the struikelblok signals read it: compiled once (liso/compiled.py),
# run with the network's id.
_recorded_sessions = CompiledOnce(_recorded, network_id=EXAMPLE_ID)


def attendance_trend(network) -> list[AttendancePoint]:
    """Attendance of the last recorded sessions, guests included, oldest first (one
    query)."""
    sessions = _recorded_sessions(network_id=network.pk)
    return [AttendancePoint(s, s.present, s.invited) for s in reversed(sessions)]


def is_falling(points: list[AttendancePoint]) -> bool:
    """Three recorded sessions in a row with fewer people each time, or the last one at
    under three quarters of the best before it: the sign of struikelblok 1."""
    counts = [point.present for point in points]
    if len(counts) < 3:
        return False
    return counts[-1] < counts[-2] < counts[-3] or counts[-1] < 0.75 * max(counts[:-1])


def attendance_table(network) -> tuple[list[Session], list[tuple[Membership, list]]]:
    """Who was at which session, as a spreadsheet shows it: the sessions whose attendance
    was recorded (oldest first), and per member their attendance at each (True, False, or
    None where they were not on the list). Two queries, however many sessions."""
    sessions = list(
        network.sessions.filter(attendance_recorded_at__isnull=False).order_by("date", "start_time")
    )
    attended: dict[int, dict[int, bool | None]] = {}
    members: dict[int, Membership] = {}
    registrations = Registration.objects.filter(
        session__network=network, session__attendance_recorded_at__isnull=False
    ).select_related("membership__user")
    for registration in registrations.order_by("membership__user__full_name"):
        members.setdefault(registration.membership_id, registration.membership)
        attended.setdefault(registration.membership_id, {})[registration.session_id] = (
            registration.attended
        )
    rows = [
        (member, [attended[member.pk].get(session.pk) for session in sessions])
        for member in members.values()
    ]
    return sessions, rows
