"""The journey's part of the test world: placeholders for the access matrix."""

from django.core.files.base import ContentFile

from journey.models import Experiment, Observation, Reflection, Round
from liso.method import Role
from tests.journey.world_products import build_products
from tests.journey.world_words import build_words
from tests.phases.world import png_bytes


def build_learning(network, members: dict) -> dict:
    """An open round with the deelnemer's experiment (an observation with a photo) and
    the deelnemer's private reflection."""
    deelnemer = members[Role.DEELNEMER]
    round_ = Round.objects.create(network=network, number=1, opened_on="2026-01-05")
    experiment = Experiment.objects.create(
        network=network, round=round_, title="Samen aan de keukentafel",
        expectation="Jongeren praten vrijer thuis.", change="Gesprekken thuis in plaats van "
        "op kantoor.", created_by=deelnemer, version=1,
    )  # fmt: skip
    experiment.group.set([deelnemer])
    observation = Observation(experiment=experiment, author=deelnemer, noted_on="2026-02-01",
                              text="Twee gesprekken thuis", photo_type="image/png")  # fmt: skip
    observation.photo.save("x.png", ContentFile(png_bytes()), save=False)
    observation.save()
    reflection = Reflection.objects.create(network=network, author=deelnemer,
                                           text="Alleen voor mij")  # fmt: skip
    return {"<experiment>": experiment.pk, "<observation>": observation.pk,
            "<round>": round_.number, "<reflection>": reflection.pk}  # fmt: skip


def build_journey(network, members: dict) -> dict:
    return {**build_learning(network, members), **build_words(network, members),
            **build_products(network, members)}  # fmt: skip
