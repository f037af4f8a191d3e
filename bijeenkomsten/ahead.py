"""The sessions ahead of one person, across their networks, for the home page: those they
are invited to (with their answer) or that are planned in networks where they plan the
sessions, and the invitations still waiting for their answer. Each is one query, however
many networks, sessions and invitations there are, and of one shape for everyone: the
person's memberships are a subquery (networks.permissions.current_holding), so the home
page compiles each once a day (bijeenkomsten/contributions.py)."""

from datetime import date

from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _

from bijeenkomsten.models import Registration, Session
from networks import permissions

Answer = Registration.Answer

# How a person's own answer reads in a list of their sessions.
ANSWER_LABELS = {
    Answer.KOMT: _("Aangemeld"),
    Answer.MISSCHIEN: _("Misschien"),
    Answer.KOMT_NIET: _("Afgemeld"),
}
WAITING_LABEL = _("Op de wachtlijst")
OPEN_LABEL = _("Nog niet geantwoord")


def sessions_ahead(*, user_id: int, today: date):
    """Sessions from today on, not called off, in networks that are not archived: those
    the person is invited to or answered (in a membership that may take part), and all of
    those in networks where they plan the sessions. Each carries `my_answer` and
    `my_waiting` (None: no answer)."""
    taking_part = permissions.current_holding(user_id, permissions.SESSIONS_TAKE_PART)
    planning = permissions.current_holding(user_id, permissions.SESSIONS_CHANGE)
    mine = Registration.objects.filter(session=OuterRef("pk"), membership__in=taking_part)
    return (
        Session.objects.upcoming(today)
        .filter(network__archived_at=None)
        .filter(Q(network__in=planning.values("network")) | Q(Exists(mine)))
        .annotate(
            my_answer=Subquery(mine.values("answer")[:1]),
            my_waiting=Subquery(mine.values("waiting")[:1]),
        )
        .select_related("network", "venue")
    )


def answer_label(session: Session) -> str:
    """The person's own answer to a session from `sessions_ahead`, as a short label."""
    if session.my_waiting and session.my_answer == Answer.KOMT:
        return str(WAITING_LABEL)
    return str(ANSWER_LABELS.get(session.my_answer, OPEN_LABEL))


def invitations_open(*, user_id: int, today: date):
    """The person's invitations (in a membership that may take part) to sessions from
    today on, not called off, in networks that are not archived, that wait for an answer:
    the first first."""
    taking_part = permissions.current_holding(user_id, permissions.SESSIONS_TAKE_PART)
    return (
        Registration.objects.filter(
            membership__in=taking_part,
            answer=Answer.OPEN,
            session__date__gte=today,
            session__network__archived_at=None,
        )
        .exclude(session__status=Session.Status.AFGELAST)
        .select_related("session__network", "session__venue")
        .order_by("session__date", "session__start_time", "pk")
    )
