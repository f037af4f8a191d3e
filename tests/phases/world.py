"""The journey's part of the test world: placeholders for the access matrix."""

from django.core.files.base import ContentFile
from django.utils import timezone

from liso.method import Role
from phases.models import Experiment, Observation, Reflection, Round
from tests.bijeenkomsten.world import png_bytes
from tests.phases.world_products import build_products, grow_products
from tests.phases.world_words import build_words, grow_words


def build_learning(network, members: dict) -> dict:
    """An open round with the deelnemer's experiment (an observation with a photo) and
    the deelnemer's private reflection."""
    deelnemer = members[Role.DEELNEMER]
    round_ = Round.objects.create(network=network, number=1, opened_on="2026-01-05")
    experiment = Experiment.objects.create(
        network=network,
        round=round_,
        title="Samen aan de keukentafel",
        expectation="Jongeren praten vrijer thuis.",
        change="Gesprekken thuis in plaats van op kantoor.",
        created_by=deelnemer,
        version=1,
        status=Experiment.Status.LOOPT,
    )
    experiment.group.set([deelnemer])
    observation = Observation(
        experiment=experiment,
        author=deelnemer,
        noted_on="2026-02-01",
        text="Twee gesprekken thuis",
        photo_type="image/png",
    )
    observation.photo.save("x.png", ContentFile(png_bytes()), save=False)
    observation.save()
    reflection = Reflection.objects.create(
        network=network, author=deelnemer, text="Alleen voor mij"
    )
    shared = Reflection.objects.create(
        network=network,
        author=members[Role.TREKKER],
        text="Gedeeld door de trekker",
        shared_at="2026-02-01T12:00Z",
    )
    return {
        "<shared-reflection>": shared.pk,
        "<experiment>": experiment.pk,
        "<observation>": observation.pk,
        "<round>": round_.number,
        "<reflection>": reflection.pk,
    }


def build_journey(network, members: dict) -> dict:
    return {
        **build_learning(network, members),
        **build_words(network, members),
        **build_products(network, members),
    }


def grow_learning(network) -> None:
    """A long journey: phase changes, rounds, many experiments with groups and
    observations, reflections private and shared: the large network."""
    from datetime import date, timedelta

    from phases.models import PhaseChange

    members = list(network.memberships.filter(left_on=None))
    trekker = members[0].user
    PhaseChange.objects.bulk_create(
        PhaseChange(
            network=network,
            from_phase=n % 3 + 1,
            to_phase=(n + 1) % 3 + 1,
            reason=f"Reden {n}",
            changed_by=trekker,
        )
        for n in range(12)
    )
    first = network.rounds.get(number=1)
    first.closed_on = date.today() - timedelta(days=30)
    first.save()
    rounds = [
        first,
        *Round.objects.bulk_create(
            Round(
                network=network,
                number=n,
                opened_on=date.today() - timedelta(days=40 - n),
                closed_on=None if n == 6 else date.today() - timedelta(days=31 - n),
            )
            for n in range(2, 7)
        ),
    ]
    experiments = Experiment.objects.bulk_create(
        Experiment(
            network=network,
            round=rounds[n % len(rounds)],
            title=f"Experiment {n}",
            expectation="Verwachting",
            change="Anders",
            status=("plan", "loopt", "klaar")[n % 3],
            outcome="deels" if n % 3 == 2 else "",
            version=1,
            created_by=members[n % len(members)],
        )
        for n in range(45)
    )
    Group = Experiment.group.through
    Group.objects.bulk_create(
        Group(experiment=experiment, membership=member)
        for experiment in experiments
        for member in members[:4]
    )
    Observation.objects.bulk_create(
        Observation(
            experiment=experiment,
            author=members[0],
            noted_on=date.today(),
            text=f"Waarneming {n}",
            value=n,
        )
        for experiment in experiments[:10]
        for n in range(5)
    )
    Reflection.objects.bulk_create(
        Reflection(
            network=network,
            author=members[n % len(members)],
            text=f"Reflectie {n}",
            level=("ik", "netwerk", "werkveld")[n % 3],
            shared_at=None if n % 2 else timezone.now(),
        )
        for n in range(60)
    )


def grow_journey(network) -> None:
    grow_learning(network)
    grow_words(network)
    grow_products(network)
