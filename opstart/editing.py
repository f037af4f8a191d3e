"""Adding, editing and deleting the start-up's documents and list items, one way for all.

Each kind of item (a talk, a goal, a funder...) is described once by an `ItemKind`;
`item_urls()` turns the kinds into add/edit/delete views, each guarded by the kind's
permission. Every page is networks.editing's edit page, so each edit keeps its history and
a save from an outdated copy is caught and explained instead of overwriting; the first
thing saved moves the network from verkenning to opstart.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from networks import editing, history, permissions
from opstart import forms, models, services


def section(request) -> dict:
    """The start-up as the breadcrumb's level between the network and the page."""
    return {
        "section_label": _("Opstart"),
        "section_url": reverse("opstart_path", args=[request.network.slug]),
    }


def startup_edit_page(request, **options):
    """networks.editing's edit page in the start-up: its breadcrumb, and the first change
    starts the opstart."""
    network = request.network
    options.setdefault("crumb", section(request))
    return editing.edit_page(
        request, on_change=lambda instance: services.mark_started(network), **options
    )


@dataclass(frozen=True)
class ItemKind:
    """One kind of item in the start-up and where it lives."""

    key: str  # URL name part and path segment
    segment: str  # Dutch path segment, e.g. "gesprekken"
    model: type
    form: type
    permission: str
    back: str  # URL name of the page that lists these items
    add_title: str
    edit_title: str
    # The items of the request's network (edits reach only these).
    items: Callable[[object], object]
    # Attributes of a new item, from the request and the URL (a milestone's goal).
    new: Callable[..., dict] = field(default=lambda request: {"network": request.network})
    parent: str = ""  # extra URL part before "nieuw/", e.g. "<int:goal>/"


def _back_url(request, kind: ItemKind) -> str:
    return reverse(kind.back, args=[request.network.slug])


def _item_views(kind: ItemKind):
    guard = permissions.network_permission_required(kind.permission)

    def page(request, instance, title):
        form = kind.form(request.POST or None, instance=instance, network=request.network)
        delete_url = (
            reverse(f"opstart_{kind.key}_delete", args=[request.network.slug, instance.pk])
            if instance.pk
            else None
        )
        return startup_edit_page(
            request,
            form=form,
            title=title,
            back_url=_back_url(request, kind),
            delete_url=delete_url,
        )

    @guard
    def add(request, **url_kwargs):
        return page(request, kind.model(**kind.new(request, **url_kwargs)), kind.add_title)

    @guard
    def edit(request, pk):
        return page(request, get_object_or_404(kind.items(request.network), pk=pk), kind.edit_title)

    @require_POST
    @guard
    def delete(request, pk):
        instance = get_object_or_404(kind.items(request.network), pk=pk)
        history.item_delete(instance=instance, network=request.network, by=request.user)
        messages.success(request, _("“%(item)s” is verwijderd.") % {"item": instance})
        return redirect(_back_url(request, kind))

    return add, edit, delete


def item_urls(prefix: str, kinds: list[ItemKind]) -> list:
    urls = []
    for kind in kinds:
        add, edit, delete = _item_views(kind)
        base = f"{prefix}{kind.segment}/"
        urls += [
            path(f"{base}{kind.parent}nieuw/", add, name=f"opstart_{kind.key}_add"),
            path(f"{base}<int:pk>/", edit, name=f"opstart_{kind.key}_edit"),
            path(f"{base}<int:pk>/verwijderen/", delete, name=f"opstart_{kind.key}_delete"),
        ]
    return urls


def _milestone_new(request, goal):
    return {"goal": get_object_or_404(request.network.agenda_goals, pk=goal)}


def _goal_new(request):
    agenda = request.GET.get("agenda")
    return {
        "network": request.network,
        "agenda": agenda if agenda in dict(models.method.Agenda.choices) else "",
    }


P = permissions
KINDS = [
    ItemKind(
        "talk",
        "gesprekken",
        models.Talk,
        forms.TalkForm,
        P.STARTUP_TALKS,
        "opstart_talks",
        gettext_lazy("Verkennend gesprek vastleggen"),
        gettext_lazy("Verkennend gesprek"),
        lambda n: n.talks.all(),
    ),
    ItemKind(
        "figure",
        "startnotitie/cijfers",
        models.Figure,
        forms.FigureForm,
        P.STARTUP_CHANGE,
        "opstart_startnotitie",
        gettext_lazy("Cijfer toevoegen"),
        gettext_lazy("Cijfer"),
        lambda n: n.figures.all(),
    ),
    ItemKind(
        "goal",
        "doelen",
        models.Goal,
        forms.GoalForm,
        P.AGENDAS_CHANGE,
        "opstart_agendas",
        gettext_lazy("Doel toevoegen"),
        gettext_lazy("Doel"),
        lambda n: n.agenda_goals.all(),
        new=_goal_new,
    ),
    ItemKind(
        "milestone",
        "mijlpalen",
        models.Milestone,
        forms.MilestoneForm,
        P.AGENDAS_CHANGE,
        "opstart_agendas",
        gettext_lazy("Mijlpaal toevoegen"),
        gettext_lazy("Mijlpaal"),
        lambda n: models.Milestone.objects.filter(goal__network=n),
        new=_milestone_new,
        parent="doel-<int:goal>/",
    ),
    ItemKind(
        "funder",
        "financiers",
        models.Funder,
        forms.FunderForm,
        P.MONEY_CHANGE,
        "opstart_money",
        gettext_lazy("Financier toevoegen"),
        gettext_lazy("Financier"),
        lambda n: n.funders.all(),
    ),
    ItemKind(
        "fee",
        "ledenfees",
        models.MemberFee,
        forms.MemberFeeForm,
        P.MONEY_CHANGE,
        "opstart_money",
        gettext_lazy("Ledenfee toevoegen"),
        gettext_lazy("Ledenfee"),
        lambda n: n.fees.select_related("organisation"),
    ),
    ItemKind(
        "budget",
        "begroting",
        models.BudgetLine,
        forms.BudgetLineForm,
        P.MONEY_CHANGE,
        "opstart_money",
        gettext_lazy("Begrotingspost toevoegen"),
        gettext_lazy("Begrotingspost"),
        lambda n: n.budget_lines.all(),
    ),
    ItemKind(
        "venue",
        "locaties",
        models.Venue,
        forms.VenueForm,
        P.PLANNING_CHANGE,
        "opstart_infrastructure",
        gettext_lazy("Locatie toevoegen"),
        gettext_lazy("Locatie"),
        lambda n: n.venues.all(),
    ),
    ItemKind(
        "planned",
        "jaarplanning",
        models.PlannedSession,
        forms.PlannedSessionForm,
        P.PLANNING_CHANGE,
        "opstart_infrastructure",
        gettext_lazy("Bijeenkomst inplannen"),
        gettext_lazy("Geplande bijeenkomst"),
        lambda n: n.planned_sessions.all(),
    ),
]
