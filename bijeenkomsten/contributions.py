"""What the sessions contribute (liso/contributions.py): invitations waiting for an answer,
the next sessions, "Mijn taken" and action points on the home page; the next session,
attendance and a missing report on the network overview; how networks rated a werkvorm on
its page; their kinds of mail, the daily mail's tasks and reminders; their catalogue and
demo parts."""

from datetime import date

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bijeenkomsten import ahead, catalogue, demo, notices
from bijeenkomsten.followup import open_actions_of, session_without_report
from bijeenkomsten.forms import AnswerForm
from bijeenkomsten.models import (
    ActionPoint,
    CalendarKey,
    PreparationTask,
    Registration,
    SessionReport,
    Terugblik,
)
from bijeenkomsten.registrations import attendance_trend, is_falling
from bijeenkomsten.services import next_session, open_tasks_of
from bijeenkomsten.terugblik import rating_text
from liso import home
from liso.account import RemovalPart
from liso.catalogue import Part
from liso.compiled import EXAMPLE_ID, CompiledOnce, CompiledPerDay
from liso.contributions import (
    ACCOUNT_REMOVAL,
    CATALOGUE_PARTS,
    DAILY_JOBS,
    DAILY_MAIL_SECTIONS,
    DEMO_PARTS,
    HOME_SECTIONS,
    MAIL_KINDS,
    NEXT_STEPS,
    OVERVIEW_PANELS,
    PERSONAL_DATA,
    SEARCH_SOURCES,
    WERKVORM_NOTES,
)
from liso.home import HomeSection
from liso.personal import PersonalSection
from networks import permissions
from networks.panels import NextStep, Panel
from networks.search import SearchSource
from werkvormen.registry import RelatedNote

MY_TASKS_SHOWN = 15
# The home page's own tasks and action points: the same two queries for every person, so
# each is compiled once (liso/compiled.py) and run with the person's id.
_open_tasks = CompiledOnce(
    lambda user_id: open_tasks_of(user_id)[: MY_TASKS_SHOWN + 1], user_id=EXAMPLE_ID
)
_open_actions = CompiledOnce(
    lambda user_id: open_actions_of(user_id)[: MY_TASKS_SHOWN + 1], user_id=EXAMPLE_ID
)


def _my_tasks(request):
    tasks = _open_tasks(user_id=request.user.pk)
    if not tasks:
        return None
    return {
        "tasks": tasks[:MY_TASKS_SHOWN],
        "more": len(tasks) > MY_TASKS_SHOWN,
        "today": date.today(),
    }


NEXT_SESSIONS_SHOWN = 5


# The home page's sessions ahead and invitations open: one shape for everyone (the day is
# part of the SQL), so each is compiled once a day (liso/compiled.py) and run with the
# person's id. Building and compiling them cost more than running them.
_sessions_ahead = CompiledPerDay(
    lambda today, user_id: ahead.sessions_ahead(user_id=user_id, today=today)[
        : NEXT_SESSIONS_SHOWN + 1
    ],
    user_id=EXAMPLE_ID,
)
_invitations_open = CompiledPerDay(
    lambda today, user_id: ahead.invitations_open(user_id=user_id, today=today)[
        : NEXT_SESSIONS_SHOWN + 1
    ],
    user_id=EXAMPLE_ID,
)


def _next_sessions(request):
    """The next sessions the person is invited to, or plans: when, where, their answer."""
    taking_part = permissions.memberships_with(request, permissions.SESSIONS_TAKE_PART)
    if not taking_part:
        return None
    sessions = _sessions_ahead(timezone.localdate(), user_id=request.user.pk)
    if not sessions:
        return None
    for session in sessions:
        session.answer_label = ahead.answer_label(session)
    return {
        "sessions": sessions[:NEXT_SESSIONS_SHOWN],
        "more": len(sessions) > NEXT_SESSIONS_SHOWN,
        "networks": [m.network for m in taking_part],
    }


def _sessions_to_answer(request):
    """Invitations to sessions that wait for the person's answer, with the answers to give
    (they go through the session's own answer, back to the home page)."""
    if not permissions.memberships_with(request, permissions.SESSIONS_TAKE_PART):
        return None
    invitations = _invitations_open(timezone.localdate(), user_id=request.user.pk)
    if not invitations:
        return None
    return {
        "invitations": invitations[:NEXT_SESSIONS_SHOWN],
        "more": len(invitations) > NEXT_SESSIONS_SHOWN,
        "choices": AnswerForm.base_fields["answer"].choices,
    }


def _next_session(request):
    if permissions.SESSIONS_VIEW not in request.network_perms:
        return None
    return {"network": request.network, "session": next_session(request.network)}


# The attendance chart: bars of present people per recorded session (geometry in px).
CHART_WIDTH, CHART_HEIGHT, CHART_TOP, CHART_BOTTOM = 560, 200, 24, 36


def _bars(points) -> list[dict]:
    most = max([point.invited for point in points] + [1])
    slot = CHART_WIDTH / len(points)
    usable = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM
    bars = []
    for index, point in enumerate(points):
        height = round(usable * point.present / most)
        x = round(index * slot + slot * 0.2)
        bars.append(
            {
                "point": point,
                "x": x,
                "width": round(slot * 0.6),
                "y": CHART_HEIGHT - CHART_BOTTOM - height,
                "height": height,
                "centre": round(index * slot + slot / 2),
            }
        )
    return bars


def _attendance(request):
    if permissions.SESSIONS_VIEW not in request.network_perms:
        return None
    points = attendance_trend(request.network)
    if not points:
        return None
    return {
        "bars": _bars(points),
        "falling": is_falling(points),
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "baseline": CHART_HEIGHT - CHART_BOTTOM,
    }


def _my_actions(request):
    actions = _open_actions(user_id=request.user.pk)
    if not actions:
        return None
    return {"actions": actions[:MY_TASKS_SHOWN], "more": len(actions) > MY_TASKS_SHOWN}


def _missing_report(request):
    """Nudge the planners when a session is a week past without minutes."""
    if permissions.SESSIONS_CHANGE not in request.network_perms:
        return None
    session = session_without_report(request.network, date.today())
    if session is None:
        return None
    text = _(
        "De bijeenkomst “%(theme)s” is al een week voorbij en heeft nog geen verslag. "
        "Schrijf het nu het nog vers is."
    ) % {"theme": session.theme}
    return text, reverse("session_report_edit", args=[request.network.slug, session.pk])


SESSIONS_FOUND = SearchSource(
    kind="sessions",
    label=gettext_lazy("Bijeenkomst"),
    rows=lambda network, membership: network.sessions.all(),
    fields=["theme", "place"],
    title="theme",
    key="pk",
    day="date",
    url=lambda network, key: reverse("session_detail", args=[network.slug, key]),
)
MINUTES_FOUND = SearchSource(
    kind="minutes",
    label=gettext_lazy("Verslag"),
    rows=lambda network, membership: SessionReport.objects.filter(session__network=network),
    fields=["minutes", "lessons"],
    title="session__theme",
    key="session_id",
    day="session__date",
    url=lambda network, key: reverse("session_report", args=[network.slug, key]),
)


def _registrations(user) -> list[dict]:
    found = Registration.objects.filter(membership__user=user).select_related("session__network")
    return [
        {
            "netwerk": r.session.network.name,
            "bijeenkomst": r.session.theme,
            "datum": r.session.date,
            "antwoord": r.get_answer_display(),
            "toelichting": r.note,
            "op_de_wachtlijst": r.waiting,
            "was_er": r.attended,
        }
        for r in found.order_by("session__date")
    ]


def _terugblikken(user) -> list[dict]:
    found = Terugblik.objects.filter(membership__user=user).select_related("session__network")
    return [
        {
            "netwerk": t.session.network.name,
            "bijeenkomst": t.session.theme,
            "wat_ging_goed": t.went_well,
            "wat_heb_je_nodig": t.needs,
        }
        for t in found
    ]


def _actions(user) -> list[dict]:
    actions = ActionPoint.objects.filter(owner__user=user).select_related("network")
    tasks = PreparationTask.objects.filter(assignee__user=user).select_related("session__network")
    rows = [("actiepunt", a.network.name, a.what, a.due_on, a.done_at) for a in actions]
    rows += [("taak", t.session.network.name, t.title, t.due_on, t.done_at) for t in tasks]
    keys = ("soort", "netwerk", "wat", "klaar_op", "gedaan_op")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def _forget_calendar(user) -> None:
    """The private calendar address stops working (the feed also refuses inactive
    accounts): its key goes."""
    CalendarKey.objects.filter(user=user).delete()


CONTRIBUTIONS = [
    (
        HOME_SECTIONS,
        "sessions-to-answer",
        HomeSection(
            "bijeenkomsten/home_sessions_to_answer.html",
            _sessions_to_answer,
            group=home.ANSWER,
            next=True,
        ),
    ),
    (
        HOME_SECTIONS,
        "next-sessions",
        HomeSection("bijeenkomsten/home_next_sessions.html", _next_sessions, next=True),
    ),
    (
        HOME_SECTIONS,
        "my-tasks",
        HomeSection("bijeenkomsten/home_my_tasks.html", _my_tasks, next=True),
    ),
    (
        HOME_SECTIONS,
        "my-actions",
        HomeSection("bijeenkomsten/home_my_actions.html", _my_actions, next=True),
    ),
    (
        OVERVIEW_PANELS,
        "next-session",
        Panel("bijeenkomsten/panel_next_session.html", _next_session),
    ),
    (OVERVIEW_PANELS, "attendance", Panel("bijeenkomsten/panel_attendance.html", _attendance)),
    (NEXT_STEPS, "missing-report", NextStep(_missing_report)),
    (WERKVORM_NOTES, "ratings", RelatedNote(_("Zo werkte het in netwerken"), rating_text)),
    (MAIL_KINDS, notices.SESSIONS.code, notices.SESSIONS),
    (MAIL_KINDS, notices.REPORTS.code, notices.REPORTS),
    (MAIL_KINDS, notices.TASKS.code, notices.TASKS),
    (DAILY_MAIL_SECTIONS, notices.TASKS.code, notices.TASKS_SECTION),
    (DAILY_JOBS, "upcoming-reminders", notices.upcoming_reminders),
    (CATALOGUE_PARTS, "bijeenkomsten", Part("bijeenkomsten", catalogue.check, catalogue.load)),
    (DEMO_PARTS, "sessions", demo.demo_sessions),
    (SEARCH_SOURCES, "sessions", SESSIONS_FOUND),
    (SEARCH_SOURCES, "minutes", MINUTES_FOUND),
    (PERSONAL_DATA, "registrations", PersonalSection("aanmeldingen", _registrations)),
    (PERSONAL_DATA, "terugblikken", PersonalSection("terugblikken", _terugblikken)),
    (PERSONAL_DATA, "actions", PersonalSection("actiepunten en taken", _actions)),
    (ACCOUNT_REMOVAL, "calendar", RemovalPart(_forget_calendar)),
]
