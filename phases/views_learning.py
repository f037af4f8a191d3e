"""The Leren section's own pages: where the network stands in the three phases, a page
per phase (goal, what the network made in it, werkvormen, points of attention), moving
to another phase, and the journey's panels for the network overview."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from liso import method
from networks import permissions as P
from phases import services
from phases.forms import PhaseChangeForm
from phases.models import Phase
from phases.panels import journey_panels
from phases.sections import learning_crumb
from phases.words import leervragen_of

HISTORY_SHOWN = 50


@P.network_permission_required(P.NETWORK_VIEW)
def journey_home(request):
    network = request.network
    phase = Phase.objects.filter(number=network.current_phase).first()
    history = list(network.phase_changes.select_related("changed_by")[:HISTORY_SHOWN])
    context = {
        "network": network,
        "phase": phase,
        "history": history,
        "panels": journey_panels(network, with_phase=False),
        "title": _("Leren"),
        "phases": method.Phase.choices,
    }
    return render(request, "phases/home.html", context)


@P.network_permission_required(P.NETWORK_VIEW)
def journey_panels_view(request):
    """The journey's panels alone: loaded into the network overview by htmx."""
    network = request.network
    context = {"network": network, "panels": journey_panels(network)}
    return render(request, "phases/_panels.html", context)


def _produced(network, number: int) -> list[tuple[str, int, str]]:
    """What the network made that belongs to this phase: (label, count, URL name)."""
    if number == method.Phase.SAMEN_BEGRIJPEN:
        return [
            (_("begrippen in de woordenlijst"), network.terms.count(), "term_list"),
            (_("leervragen"), leervragen_of(network).count(), "leervraag_list"),
        ]
    if number == method.Phase.SAMEN_DOORGRONDEN:
        return [
            (_("experimenten"), network.experiments.count(), "experiment_list"),
            (_("rondes"), network.rounds.count(), "round_list"),
        ]
    return [
        (_("kennisproducten"), network.products.count(), "product_list"),
        (
            _("leervragen met een antwoord"),
            network.leervragen.exclude(answer="").count(),
            "leervraag_list",
        ),
    ]


@P.network_permission_required(P.NETWORK_VIEW)
def phase_detail(request, number):
    """One phase as this network lives it."""
    network = request.network
    phase = get_object_or_404(Phase.objects.prefetch_related("werkvormen"), number=number)
    sessions = network.sessions.filter(phase=number).order_by("-date")
    context = {
        "network": network,
        "phase": phase,
        "produced": _produced(network, number),
        "werkvormen": [w for w in phase.werkvormen.all() if w.network_id is None],
        "sessions": list(sessions[:10]),
        "is_current": network.current_phase == number,
        "title": f"{phase.number}. {phase.get_number_display()}",
        **learning_crumb(request),
    }
    return render(request, "phases/phase.html", context)


@P.network_permission_required(P.LEARNING_MANAGE)
def phase_change(request):
    network = request.network
    form = PhaseChangeForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        try:
            change = services.phase_change(
                network=network,
                by=request.user,
                to_phase=form.cleaned_data["to_phase"],
                reason=form.cleaned_data["reason"],
            )
        except services.JourneyError as error:
            form.add_error("to_phase", str(error))
        else:
            messages.success(
                request,
                _("Het netwerk zit nu in fase %(n)s: %(name)s.")
                % {"n": change.to_phase, "name": change.get_to_phase_display()},
            )
            return redirect("journey_home", network.slug)
    context = {
        "network": network,
        "form": form,
        "title": _("Naar een andere fase"),
        "lead": _phase_change_lead(network),
        "submit_label": _("Fase wijzigen"),
        "back_url": reverse("journey_home", args=[network.slug]),
        **learning_crumb(request),
    }
    return render(request, "components/network_form_page.html", context)


def _phase_change_lead(network) -> str:
    if not network.current_phase:
        return _("Kies in welke fase het netwerk begint. Dat hoeft niet fase 1 te zijn.")
    return _(
        "Het netwerk zit nu in fase %(n)s: %(name)s. Een fase duurt zo lang als nodig is. "
        "Teruggaan naar een eerdere fase is gewoon, en na fase 3 kun je opnieuw beginnen."
    ) % {"n": network.current_phase, "name": network.get_current_phase_display()}
