"""What sessions add to the home page ("Mijn taken") and to the network overview (the
next session, and the attendance of the last sessions)."""

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _

from bijeenkomsten.followup import open_actions_of, session_without_report
from bijeenkomsten.models import Session
from bijeenkomsten.registrations import attendance_trend, is_falling
from bijeenkomsten.services import open_tasks_of
from liso.home import HomeSection
from networks import permissions
from networks.panels import NextStep, Panel

MY_TASKS_SHOWN = 15


def _my_tasks(request):
    tasks = list(open_tasks_of(request.user)[: MY_TASKS_SHOWN + 1])
    if not tasks:
        return None
    return {
        "tasks": tasks[:MY_TASKS_SHOWN],
        "more": len(tasks) > MY_TASKS_SHOWN,
        "today": date.today(),
    }


MY_TASKS = HomeSection("my-tasks", "bijeenkomsten/home_my_tasks.html", _my_tasks)


def _next_session(request):
    if permissions.SESSIONS_VIEW not in request.network_perms:
        return None
    upcoming = (
        request.network.sessions.filter(date__gte=date.today())
        .exclude(status=Session.Status.AFGELAST)
        .select_related("venue")
    )
    return {"network": request.network, "session": upcoming.first()}


NEXT_SESSION_PANEL = Panel(
    "next-session", "bijeenkomsten/panel_next_session.html", _next_session, order=10
)


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


ATTENDANCE_PANEL = Panel("attendance", "bijeenkomsten/panel_attendance.html", _attendance, order=12)


def _my_actions(request):
    actions = list(open_actions_of(request.user)[: MY_TASKS_SHOWN + 1])
    if not actions:
        return None
    return {"actions": actions[:MY_TASKS_SHOWN], "more": len(actions) > MY_TASKS_SHOWN}


MY_ACTIONS = HomeSection("my-actions", "bijeenkomsten/home_my_actions.html", _my_actions)


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


MISSING_REPORT = NextStep("missing-report", _missing_report, order=5)
