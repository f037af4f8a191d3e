"""Use cases of the journey: moving between phases, opening and closing rounds, who may
change an experiment, and the experiment's life from plan to outcome and assessment."""

from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from networks.models import Network
from phases.models import Experiment, PhaseChange, Round


class JourneyError(Exception):
    """A step that does not fit where the network or the experiment stands; the message
    says why in plain Dutch."""


# --- phases ---------------------------------------------------------------------------------


@transaction.atomic
def phase_change(*, network: Network, to_phase: int, reason: str, by) -> PhaseChange:
    """Move the network to `to_phase`, keeping where it came from and why."""
    network = Network.objects.select_for_update().get(pk=network.pk)
    if network.current_phase == to_phase:
        raise JourneyError(_("Het netwerk zit al in deze fase."))
    change = PhaseChange.objects.create(
        network=network,
        from_phase=network.current_phase,
        to_phase=to_phase,
        reason=reason,
        changed_by=by,
    )
    network.current_phase = to_phase
    network.save(update_fields=["current_phase"])
    return change


# --- rounds ---------------------------------------------------------------------------------


@transaction.atomic
def round_open(*, network: Network, on) -> Round:
    """Open the next round of experiments; one round is open at a time."""
    Network.objects.select_for_update().get(pk=network.pk)
    if open_round(network) is not None:
        raise JourneyError(_("Er loopt al een ronde. Sluit die eerst af."))
    last = network.rounds.order_by("-number").first()
    return Round.objects.create(
        network=network, number=(last.number + 1) if last else 1, opened_on=on
    )


@transaction.atomic
def round_close(*, round: Round, on) -> Round:
    """Close a round so its results can be pooled. Experiments still running stay as
    they are; the overview of the round shows them as not finished."""
    if not round.is_open:
        raise JourneyError(_("Deze ronde is al gesloten."))
    round.closed_on = max(on, round.opened_on)
    round.save(update_fields=["closed_on"])
    return round


def open_round(network: Network) -> Round | None:
    return network.rounds.filter(closed_on=None).first()


def round_results(round: Round) -> dict:
    """A round's experiments pooled: how many per status and per outcome (one query)."""
    counts = round.experiments.aggregate(
        total=Count("pk"),
        **{f"status_{s}": Count("pk", filter=Q(status=s)) for s in Experiment.Status.values},
        **{f"outcome_{o}": Count("pk", filter=Q(outcome=o)) for o in Experiment.Outcome.values},
    )
    return {
        "total": counts["total"],
        "statuses": [
            (label, counts[f"status_{value}"]) for value, label in Experiment.Status.choices
        ],
        "outcomes": [
            (value, label, counts[f"outcome_{value}"])
            for value, label in Experiment.Outcome.choices
        ],
    }


# --- experiments ----------------------------------------------------------------------------


# The knowledge a group should mix (the method: lived experience, professional practice
# and research), with the perspectives that bring it.
KNOWLEDGE_KINDS = [
    ("ervaring", gettext_lazy("ervaringskennis"), {"doelgroep"}),
    (
        "praktijk",
        gettext_lazy("professionele kennis"),
        {"praktijk", "beleid", "onderwijs", "financier"},
    ),
    ("onderzoek", gettext_lazy("wetenschappelijke kennis"), {"onderzoek"}),
]


def missing_knowledge(group) -> list[str]:
    """The kinds of knowledge no one in the group brings, by the members' perspectives."""
    perspectives = {member.perspective for member in group}
    return [str(label) for _key, label, kinds in KNOWLEDGE_KINDS if not perspectives & kinds]
