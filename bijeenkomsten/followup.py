"""After a session: its report (minutes, lessons learned), the action points agreed there,
sharing the report with the members, and noticing a report that is missing."""

from datetime import date, timedelta

from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from bijeenkomsten import tasks
from bijeenkomsten.models import ActionPoint, Session, SessionReport

REPORT_DUE = timedelta(days=7)  # a report is missed when a session is a week past without one
REPORT_NUDGE_UNTIL = timedelta(weeks=8)  # older sessions no longer ask for one


def report_of(session: Session) -> SessionReport:
    """The session's report, or a new empty one (saved only when someone writes it)."""
    try:
        return session.report
    except SessionReport.DoesNotExist:
        return SessionReport(session=session)


@transaction.atomic
def report_share(*, report: SessionReport, base_url: str) -> int:
    """Mail every current member a summary of the report with a link; returns how many."""
    report.shared_at = timezone.now()
    report.save(update_fields=["shared_at"])
    session = report.session
    ids = list(
        session.network.memberships.filter(left_on__isnull=True).values_list("pk", flat=True)
    )
    transaction.on_commit(
        lambda: tasks.send_report_mail.enqueue(
            session_id=session.pk, membership_ids=ids, base_url=base_url
        )
    )
    return len(ids)


def action_set_done(*, action: ActionPoint, done: bool) -> None:
    action.done_at = timezone.now() if done else None
    action.save(update_fields=["done_at"])


def open_actions_before(session: Session):
    """Open action points agreed before this session (at earlier sessions or in another
    talk of the network): the "voortgang actiepunten" of this session's preparation. The
    most recently agreed first (those of the last session), then by their date."""
    return (
        ActionPoint.objects.filter(network=session.network_id, done_at=None)
        .filter(
            # A session's follow its date, should the session move; others their own.
            Q(session__date__lt=session.date) | Q(session=None, agreed_on__lt=session.date)
        )
        .select_related("session", "owner__user")
        .order_by(Coalesce("session__date", "agreed_on").desc(), "due_on", "pk")
    )


def open_actions_of(user):
    """A person's open action points across their networks (`user`: the person or their
    id)."""
    return (
        ActionPoint.objects.filter(
            owner__user=user, owner__left_on=None, done_at=None, network__archived_at=None
        )
        .select_related("network", "session")
        .order_by("due_on", "pk")
    )


def session_without_report(network, today: date) -> Session | None:
    """The latest session more than a week past (and not long ago) without minutes."""
    window = {"date__lte": today - REPORT_DUE, "date__gte": today - REPORT_NUDGE_UNTIL}
    return (
        network.sessions.filter(**window)
        .exclude(status=Session.Status.AFGELAST)
        .exclude(report__minutes__gt="")
        .order_by("-date")
        .first()
    )
