"""What sessions add to the home page ("Mijn taken") and to the network overview (the
next session)."""

from datetime import date

from liso.home import HomeSection
from networks import permissions
from networks.panels import Panel
from phases.services import open_tasks_of

MY_TASKS_SHOWN = 15


def _my_tasks(request):
    tasks = list(open_tasks_of(request.user)[: MY_TASKS_SHOWN + 1])
    if not tasks:
        return None
    return {"tasks": tasks[:MY_TASKS_SHOWN], "more": len(tasks) > MY_TASKS_SHOWN,
            "today": date.today()}  # fmt: skip


MY_TASKS = HomeSection("my-tasks", "phases/home_my_tasks.html", _my_tasks)


def _next_session(request):
    if permissions.SESSIONS_VIEW not in request.network_perms:
        return None
    upcoming = request.network.sessions.filter(date__gte=date.today()).select_related("venue")
    return {"network": request.network, "session": upcoming.first()}


NEXT_SESSION_PANEL = Panel("next-session", "phases/panel_next_session.html", _next_session,
                           order=10)  # fmt: skip
