"""The besluitenlijst (/netwerken/<slug>/gezondheid/besluiten/): what the network decided,
who was heard, what was not chosen and why, and what a minority thought. Every member reads
it; those who lead keep it, with history (networks/editing.py)."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kernelements.forms import DecisionForm
from kernelements.models import Decision
from kernelements.views_health import health_crumb
from liso.spreadsheet import csv_response
from networks import permissions as P
from networks.editing import edit_page

PER_PAGE = 25


def _list_url(request) -> str:
    return reverse("decision_list", args=[request.network.slug])


@P.network_permission_required(P.HEALTH_VIEW)
def decision_list(request):
    decisions = request.network.decisions.select_related("session").prefetch_related(
        "heard_organisations"
    )
    page = Paginator(decisions, PER_PAGE).get_page(request.GET.get("pagina"))
    context = {
        "network": request.network,
        "page": page,
        "title": _("Besluitenlijst"),
        **health_crumb(request),
    }
    return render(request, "kernelements/health/decisions.html", context)


def _page(request, decision, title):
    form = DecisionForm(request.POST or None, instance=decision, network=request.network)
    return edit_page(
        request,
        form=form,
        title=title,
        back_url=_list_url(request),
        success=_("Het besluit staat op de lijst."),
        crumb=health_crumb(request),
    )


@P.network_permission_required(P.DECISIONS_CHANGE)
def decision_add(request):
    return _page(request, Decision(network=request.network), _("Een besluit vastleggen"))


@P.network_permission_required(P.DECISIONS_CHANGE)
def decision_edit(request, pk):
    decision = get_object_or_404(request.network.decisions, pk=pk)
    return _page(request, decision, _("Besluit"))


@P.network_permission_required(P.REPORTS_EXPORT)
def decision_csv(request):
    """The besluitenlijst for a spreadsheet, oldest first."""
    decisions = request.network.decisions.select_related("session").prefetch_related(
        "heard_organisations"
    )
    header = [
        _("Datum"),
        _("Besluit"),
        _("Stand"),
        _("Bijeenkomst"),
        _("Gehoorde perspectieven"),
        _("Gehoorde organisaties"),
        _("Niet gekozen, en waarom"),
        _("Minderheidsstandpunten"),
    ]

    def row(decision):
        return [
            decision.decided_on,
            decision.title,
            decision.get_status_display(),
            decision.session and decision.session.theme,
            decision.get_heard_perspectives_display(),
            ", ".join(sorted(o.name for o in decision.heard_organisations.all())),
            decision.alternatives,
            decision.minority,
        ]

    rows = (row(decision) for decision in decisions.order_by("decided_on", "pk"))
    return csv_response(f"besluiten-{request.network.slug}.csv", header, rows)
