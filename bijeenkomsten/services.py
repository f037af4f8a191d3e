"""Use cases of sessions: planning one with its preparation tasks, turning the year
planning into draft sessions, keeping the tasks in step with the session's date."""

from collections import defaultdict
from datetime import date, time, timedelta

from django.db import transaction
from django.utils import timezone

from bijeenkomsten.models import NetworkPreparationStep, PreparationStep, PreparationTask, Session
from liso.compiled import EXAMPLE_ID, CompiledPerDay
from liso.method import Role
from networks import history
from networks.models import Membership, Network
from opstart.models import PlannedSession

# A planned date without a time starts at this hour.
DEFAULT_START = time(13, 30)
# Who takes a role's tasks when nobody in the network holds that role.
FALLBACK_ROLE = {Role.PROJECTASSISTENT: Role.PROCESBEGELEIDER}


def preparation_template(network: Network) -> list[NetworkPreparationStep]:
    """The network's preparation template; the first time, a copy of the catalogue's."""
    steps = list(network.preparation_steps.all())
    if steps:
        return steps
    NetworkPreparationStep.objects.bulk_create(
        NetworkPreparationStep(
            network=network,
            title=step.title,
            explanation=step.explanation,
            weeks=step.weeks,
            role=step.role,
            order=step.order,
        )
        for step in PreparationStep.objects.all()
    )
    return list(network.preparation_steps.all())


def role_holders(network: Network) -> dict[str, list[Membership]]:
    """The current members per role, by name: the first one gets a role's tasks."""
    holders = defaultdict(list)
    members = (
        network.memberships.filter(left_on__isnull=True)
        .select_related("user")
        .prefetch_related("roles")
        .order_by("user__full_name")
    )
    for membership in members:
        for role in membership.role_codes():
            holders[role].append(membership)
    return holders


def due_date(session: Session, weeks: int) -> date:
    return session.date + timedelta(weeks=weeks)


def tasks_generate(*, session: Session) -> int:
    """Give the session a task for each step of the network's template that it has none
    for yet, due that many weeks before or after it and assigned to the first member with
    the step's role (the projectassistent's catering falls back to the procesbegeleider).
    Tasks already there, done or not, are left alone. Returns how many were made."""
    holders = role_holders(session.network)
    have = set(session.tasks.exclude(step=None).values_list("step_id", flat=True))
    new = []
    for step in preparation_template(session.network):
        if step.pk in have:
            continue
        people = holders.get(step.role) or holders.get(FALLBACK_ROLE.get(step.role), [])
        new.append(
            PreparationTask(
                session=session,
                step=step,
                title=step.title,
                explanation=step.explanation,
                due_on=due_date(session, step.weeks),
                role=step.role,
                assignee=people[0] if people else None,
            )
        )
    PreparationTask.objects.bulk_create(new)
    return len(new)


def tasks_follow_date(*, session: Session) -> None:
    """After the session moved: open tasks from the template move along with it."""
    for task in session.tasks.filter(done_at=None).exclude(step=None).select_related("step"):
        task.due_on = due_date(session, task.step.weeks)
        task.save(update_fields=["due_on"])


@transaction.atomic
def sessions_from_planning(*, network: Network, by) -> list[Session]:
    """Turn the year planning's dates that have no session yet into draft sessions, each
    with its preparation tasks."""
    planned = PlannedSession.objects.filter(network=network, session=None).select_related("venue")
    made = []
    for item in planned:
        session = Session.objects.create(
            network=network,
            date=item.date,
            start_time=item.start_time or DEFAULT_START,
            theme=item.theme or str(Session._meta.verbose_name).capitalize(),
            venue=item.venue,
            phase=network.current_phase,
            status=Session.Status.CONCEPT,
            planned_from=item,
            version=1,
            updated_by=by,
        )
        history.record_creation(network=network, instance=session, by=by)
        tasks_generate(session=session)
        made.append(session)
    return made


def task_set_done(*, task: PreparationTask, done: bool, by) -> None:
    task.done_at = timezone.now() if done else None
    task.done_by = by if done else None
    task.save(update_fields=["done_at", "done_by"])


# Read by the overview and the health pages: compiled once a day (the day is part of the
# SQL; liso/compiled.py) and run with the network's id.
_next_session_on = CompiledPerDay(
    lambda today, network_id: (
        Session.objects.filter(network_id=network_id).upcoming(today).select_related("venue")[:1]
    ),
    network_id=EXAMPLE_ID,
)


def next_session(network) -> Session | None:
    """The network's next session that is not called off (today's counts), with its venue."""
    session = _next_session_on.first(date.today(), network_id=network.pk)
    if session is not None:
        session.network = network  # as network.sessions gives it
    return session


def open_tasks_of(user):
    """A person's open tasks across their networks, the most urgent (overdue) first
    (`user`: the person or their id)."""
    return (
        PreparationTask.objects.filter(
            assignee__user=user,
            assignee__left_on=None,
            done_at=None,
            session__network__archived_at=None,
        )
        .select_related("session__network")
        .order_by("due_on", "pk")
    )


@transaction.atomic
def template_apply(*, network: Network, today: date) -> int:
    """Bring the open tasks of sessions from `today` on in line with the network's template
    (title, explanation, due date, role; a changed role gets the new role's first member)
    and add the tasks they miss. Done tasks and tasks added by hand are left alone.
    Returns how many sessions were brought in line."""
    holders = role_holders(network)
    steps = {step.pk: step for step in preparation_template(network)}
    sessions = list(network.sessions.filter(date__gte=today))
    for session in sessions:
        for task in session.tasks.filter(done_at=None, step__in=list(steps)):
            step = steps[task.step_id]
            if task.role != step.role:
                people = holders.get(step.role) or holders.get(FALLBACK_ROLE.get(step.role), [])
                task.assignee = people[0] if people else None
            task.title, task.explanation, task.role = step.title, step.explanation, step.role
            task.due_on = due_date(session, step.weeks)
            task.save()
        tasks_generate(session=session)
    return len(sessions)


@transaction.atomic
def template_step_delete(*, step: NetworkPreparationStep, today: date) -> None:
    """Remove a step from the template, and its open tasks of sessions still to come; done
    tasks stay (as tasks of their own)."""
    step.tasks.filter(done_at=None, session__date__gte=today).delete()
    step.delete()
