"""Looking back on a session: a participant's two questions and werkvorm ratings, and the
planners' grouped reading of the answers."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from bijeenkomsten import terugblik
from bijeenkomsten.models import Terugblik, WerkvormRating
from bijeenkomsten.views_sessions import crumb, session_of
from networks import permissions as P


def _score(value) -> int | None:
    return int(value) if value in {"1", "2", "3", "4", "5"} else None


@P.network_permission_required(P.SESSIONS_VIEW)
def session_terugblik(request, pk):
    """From the day of the session on: what went well, what do you need next, and how
    did the werkvormen work? Anyone in the network may answer, once, and change it."""
    session = session_of(request, pk)
    open_now = session.date <= date.today() and not session.is_cancelled
    used = terugblik.werkvormen_used(session) if open_now else []
    if request.method == "POST":
        P.require(request, P.SESSIONS_TAKE_PART)
        if not open_now:
            raise PermissionDenied
        terugblik.terugblik_save(
            session=session,
            membership=request.membership,
            went_well=request.POST.get("goed", "")[:2000],
            needs=request.POST.get("nodig", "")[:2000],
            scores={w.pk: _score(request.POST.get(f"werkvorm-{w.pk}")) for w in used},
        )
        messages.success(request, _("Dank je! Je terugblik is bewaard."))
        return redirect("session_detail", request.network.slug, session.pk)
    mine, scores = None, {}
    if open_now:
        own = {"session": session, "membership": request.membership}
        mine = Terugblik.objects.filter(**own).first()
        scores = dict(WerkvormRating.objects.filter(**own).values_list("werkvorm_id", "score"))
    context = {
        "network": request.network,
        "session": session,
        "open_now": open_now,
        "mine": mine,
        "werkvormen": [(w, scores.get(w.pk)) for w in used],
        "scores": terugblik.SCORES,
        "title": _("Terugblik"),
        **crumb(request),
    }
    return render(request, "bijeenkomsten/terugblik.html", context)


@P.network_permission_required(P.SESSIONS_CHANGE)
def session_terugblikken(request, pk):
    session = session_of(request, pk)
    context = {
        "network": request.network,
        "session": session,
        "grouped": terugblik.grouped(session),
        "title": _("Terugblikken: %(theme)s") % {"theme": session.theme},
        **crumb(request),
    }
    return render(request, "bijeenkomsten/terugblikken.html", context)
