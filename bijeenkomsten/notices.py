"""What sessions send beyond the moment itself: the kinds of news a person can set
(liso/notifications.py), the part of the daily mail with their due and overdue
preparation tasks, and the reminder a few days before a session."""

from datetime import timedelta

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bijeenkomsten import tasks
from bijeenkomsten.followup import open_actions_of
from bijeenkomsten.models import ActionPoint, PreparationTask, Registration, Session
from bijeenkomsten.services import open_tasks_of
from liso.notifications import DAILY, DIRECT, OFF, DailySection, Kind

SESSIONS = Kind(
    "bijeenkomsten", _("Uitnodigingen, herinneringen en afzeggingen van bijeenkomsten"), DIRECT
)
REPORTS = Kind(
    "verslagen", _("Verslagen van bijeenkomsten die met iedereen gedeeld worden"), DIRECT
)
TASKS = Kind(
    "taken",
    _("Je voorbereidingstaken die bijna klaar moeten zijn of te laat zijn"),
    DAILY,
    choices=(DAILY, OFF),
)
TASKS_AHEAD = timedelta(days=7)  # the daily mail lists tasks due within a week
REMINDER_AHEAD = timedelta(days=3)  # the reminder goes out three days before a session


def _due_tasks(day):
    return PreparationTask.objects.filter(
        done_at=None,
        due_on__lte=day + TASKS_AHEAD,
        assignee__left_on=None,
        session__network__archived_at=None,
    ).exclude(session__status=Session.Status.AFGELAST)


def _due_actions(day):
    return ActionPoint.objects.filter(
        done_at=None,
        due_on__lte=day + TASKS_AHEAD,
        owner__left_on=None,
        network__archived_at=None,
    )


def _task_recipients(day) -> set[int]:
    return set(_due_tasks(day).values_list("assignee__user_id", flat=True)) | set(
        _due_actions(day).values_list("owner__user_id", flat=True)
    )


def _task_text(user, day) -> str:
    """The person's preparation tasks and action points due within a week or late."""
    due = [
        task
        for task in open_tasks_of(user)
        if task.due_on <= day + TASKS_AHEAD and not task.session.is_cancelled
    ]
    actions = [a for a in open_actions_of(user) if a.due_on and a.due_on <= day + TASKS_AHEAD]
    if not due and not actions:
        return ""
    return render_to_string(
        "bijeenkomsten/mail/daily_tasks.txt", {"tasks": due, "actions": actions, "today": day}
    )


TASKS_SECTION = DailySection(TASKS.code, _task_recipients, _task_text)


def upcoming_reminders(day) -> None:
    """Remind those who come or have not answered, a few days before the session; each
    once (the daily mail may run more than once a day). A session closer than that is
    reminded of too: a day the daily mail did not run is made up for the next."""
    sessions = Session.objects.filter(
        date__gt=day, date__lte=day + REMINDER_AHEAD, status=Session.Status.GEPLAND
    )
    for session in sessions:
        with transaction.atomic():
            due = session.registrations.select_for_update().filter(
                upcoming_reminder_at=None,
                membership__left_on=None,
                waiting=False,
                answer__in=[Registration.Answer.KOMT, Registration.Answer.OPEN],
            )
            ids = list(due.values_list("membership_id", flat=True))
            due.update(upcoming_reminder_at=timezone.now())
            if ids:
                transaction.on_commit(
                    lambda s=session, ids=ids: tasks.send_session_mail.enqueue(
                        session_id=s.pk, membership_ids=ids, kind="binnenkort", base_url=""
                    )
                )
