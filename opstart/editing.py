"""Adding, editing and deleting the start-up's documents and list items, one way for all.

Each kind of item (a talk, a goal, a funder...) is described once by an `ItemKind`;
`item_urls()` turns the kinds into add/edit/delete views, each guarded by the kind's
permission. Every save goes through `services.item_save`, so each edit keeps its history
and a save from an outdated copy is caught and explained instead of overwriting.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from liso.markdown import render_markdown
from networks import permissions
from opstart import forms, models, services


def _markdown_fields(form) -> list[str]:
    model_meta = form._meta.model._meta
    return [
        name
        for name in form._meta.fields
        if model_meta.get_field(name).help_text == models.MARKDOWN_HELP
    ]


def _preview(form) -> list[tuple[str, str]]:
    """The Markdown fields as they will look, from what was typed (saved or not)."""
    return [
        (form.fields[name].label, render_markdown(form.data.get(name, "")))
        for name in _markdown_fields(form)
        if form.data.get(name, "").strip()
    ]


def section(request) -> dict:
    """The start-up as the breadcrumb's level between the network and the page."""
    return {
        "section_label": _("Opstart"),
        "section_url": reverse("opstart_path", args=[request.network.slug]),
    }


def edit_page(
    request,
    *,
    form,
    title,
    back_url,
    intro="",
    template="opstart/item_form.html",
    delete_url=None,
    success=None,
    crumb=None,
    after_save=None,
):
    """Show the form; on POST preview it or save it with history and conflict check.

    `crumb` names the section for the breadcrumb (default: the start-up); `after_save`
    is called with the saved object inside the same transaction, and may return the URL
    to go to next."""
    network = request.network
    conflict = None
    preview = None
    if request.method == "POST" and "voorbeeld" in request.POST:
        preview = _preview(form)
        if request.htmx:
            return render(request, f"{template}#preview", {"preview": preview})
    elif request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.item_save(
                    form=form,
                    network=network,
                    by=request.user,
                    expected_version=form.opened_version(),
                )
                next_url = after_save(form.instance) if after_save else None
        except services.ConflictError as error:
            conflict = _conflict(form, error.current)
        else:
            messages.success(request, success or _("Opgeslagen."))
            return redirect(next_url or back_url)
    context = {
        "network": network,
        "form": form,
        "title": title,
        "intro": intro,
        "back_url": back_url,
        "delete_url": delete_url,
        "conflict": conflict,
        "preview": preview,
        "has_markdown": bool(_markdown_fields(form)),
        "history": _history_link(request, form.instance),
        **(crumb or section(request)),
    }
    return render(request, template, context)


def _conflict(form, current) -> dict:
    """Tell who saved in between and what they saved; keep this person's text in the
    form and let the next save knowingly replace the stored version."""
    form.data = form.data.copy()
    form.data["version"] = current.version
    form.add_error(
        None,
        _(
            "Iemand anders heeft dit intussen opgeslagen. Je wijzigingen zijn "
            "nog niet bewaard: ze staan hieronder nog."
        ),
    )
    return {
        "by": current.updated_by,
        "at": current.updated_at,
        "differences": services._changes(current, form.instance),
    }


def _history_link(request, instance) -> str | None:
    if not instance.pk:
        return None
    key = f"{type(instance)._meta.model_name}:{instance.pk}"
    return f"{reverse('opstart_history', args=[request.network.slug])}?item={key}"


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
        return edit_page(
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
        services.item_delete(instance=instance, network=request.network, by=request.user)
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
