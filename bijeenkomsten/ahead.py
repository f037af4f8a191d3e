"""The sessions ahead of one person, across their networks, for the home page: those they
are invited to (with their answer) or that are planned in networks where they plan the
sessions, and the invitations still waiting for their answer. Each is one query, however
many networks, sessions and invitations there are."""

from datetime import date

from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _

from bijeenkomsten.models import Registration, Session

Answer = Registration.Answer

# How a person's own answer reads in a list of their sessions.
ANSWER_LABELS = {
    Answer.KOMT: _("Aangemeld"),
    Answer.MISSCHIEN: _("Misschien"),
    Answer.KOMT_NIET: _("Afgemeld"),
}
WAITING_LABEL = _("Op de wachtlijst")
OPEN_LABEL = _("Nog niet geantwoord")


def sessions_ahead(*, membership_ids: list[int], planner_network_ids: list[int], today: date):
    """Sessions from today on, not called off, in networks that are not archived: those
    one of `membership_ids` is invited to or answered, and all of those in
    `planner_network_ids`. Each carries `my_answer` and `my_waiting` (None: no answer)."""
    mine = Registration.objects.filter(session=OuterRef("pk"), membership_id__in=membership_ids)
    return (
        Session.objects.upcoming(today)
        .filter(network__archived_at=None)
        .filter(Q(network_id__in=planner_network_ids) | Q(Exists(mine)))
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


def invitations_open(*, membership_ids: list[int], today: date):
    """Invitations of `membership_ids` to sessions from today on, not called off, in
    networks that are not archived, that wait for an answer: the first first."""
    return (
        Registration.objects.filter(
            membership_id__in=membership_ids,
            answer=Answer.OPEN,
            session__date__gte=today,
            session__network__archived_at=None,
        )
        .exclude(session__status=Session.Status.AFGELAST)
        .select_related("session__network", "session__venue")
        .order_by("session__date", "session__start_time", "pk")
    )
