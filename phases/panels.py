"""How the journey goes, in panels: on the Leren page, and loaded into the network
overview (which already has its own panels and stays within its query budget that way).
Each panel function makes one query."""

from django.db.models import Count, Q

from liso.compiled import EXAMPLE_ID, CompiledOnce
from phases.models import Experiment, PhaseChange, Reflection, Round
from phases.products import products_panel, successes_panel

RECENT_CHANGES = 3
RECENT_REFLECTIONS = 3

# The panels' queries have one shape for every network: each is compiled once
# (liso/compiled.py) and run with the network's id.
_latest_changes = CompiledOnce(
    lambda network_id: PhaseChange.objects.filter(network_id=network_id).select_related(
        "changed_by"
    )[: RECENT_CHANGES + 1],
    network_id=EXAMPLE_ID,
)
_open_round = CompiledOnce(
    lambda network_id: (
        Round.objects.filter(network_id=network_id, closed_on=None)
        .annotate(
            **{
                f"n_{value}": Count("experiments", filter=Q(experiments__status=value))
                for value in Experiment.Status.values
            }
        )
        .order_by("pk")[:1]
    ),
    network_id=EXAMPLE_ID,
)
_recent_reflections = CompiledOnce(
    lambda network_id: (
        Reflection.objects.shared()
        .filter(network_id=network_id)
        .select_related("author__user", "session", "experiment")[:RECENT_REFLECTIONS]
    ),
    network_id=EXAMPLE_ID,
)


def phase_panel(network) -> dict:
    changes = _latest_changes(network_id=network.pk)
    return {
        "network": network,
        "changes": changes[:RECENT_CHANGES],
        "more": len(changes) > RECENT_CHANGES,
    }


def experiments_panel(network) -> dict:
    """Experiments by status in the open round (with the round itself)."""
    current = _open_round.first(network_id=network.pk)
    statuses = [
        (value, label, getattr(current, f"n_{value}", 0))
        for value, label in Experiment.Status.choices
    ]
    return {"network": network, "round": current, "statuses": statuses}


def reflections_panel(network) -> dict:
    return {"network": network, "reflections": _recent_reflections(network_id=network.pk)}


def journey_panels(network, *, with_phase=True) -> list[tuple[str, dict]]:
    """(template, context) of each panel, in reading order; a panel may stay hidden.
    The Leren page shows the whole phase history itself, so it leaves out the phase."""
    panels = [
        ("phases/_panel_phase.html", phase_panel(network) if with_phase else None),
        ("phases/_panel_experiments.html", experiments_panel(network)),
        ("phases/_panel_reflections.html", reflections_panel(network)),
        ("phases/_panel_products.html", products_panel(network)),
        ("phases/_panel_successes.html", successes_panel(network)),
    ]
    return [(template, context) for template, context in panels if context is not None]
