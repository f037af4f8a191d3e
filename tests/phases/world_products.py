"""The products part of the journey's test world."""

from datetime import date

from django.core.files.base import ContentFile

from liso.method import Role
from phases.models import Adoption, Barrier, Kennisproduct, Success
from tests.bijeenkomsten.world import png_bytes


def build_products(network, members: dict) -> dict:
    """Objects for the access matrix's placeholders: placeholder -> pk. A product with an
    image, a barrier and the deelnemer's organisation using it; a success shared by the
    deelnemer (so only they and those who lead the learning may take it away)."""
    deelnemer = members[Role.DEELNEMER]
    product = Kennisproduct(
        network=network,
        title="Handreiking keukentafelgesprek",
        kind=Kennisproduct.Kind.HANDREIKING,
        audience="wijkteams",
        status=Kennisproduct.Status.KLAAR,
        file_type="image/png",
        version=1,
    )
    product.file.save("voorkant.png", ContentFile(png_bytes()), save=False)
    product.save()
    barrier = Barrier.objects.create(
        product=product,
        barrier="Geen tijd voor de training",
        remedy="Korte versie in het teamoverleg",
    )
    if deelnemer.organisation_id:
        Adoption.objects.create(
            product=product,
            organisation_id=deelnemer.organisation_id,
            status=Adoption.Status.AFGESPROKEN,
        )
    success = Success.objects.create(
        network=network, author=deelnemer, text="De eerste jongere is via het loket geholpen."
    )
    return {"<product>": product.pk, "<barrier>": barrier.pk, "<success>": success.pk}


def grow_products(network, n: int = 40) -> None:
    """Many products, each with barriers and adoption, and many successes: the large
    network."""
    members = list(network.memberships.filter(left_on__isnull=True))
    organisations = {m.organisation_id for m in members if m.organisation_id}
    experiments = list(network.experiments.all()[:3])
    goal = network.agenda_goals.first()
    for i in range(n):
        product = Kennisproduct.objects.create(
            network=network,
            title=f"Kennisproduct {i}",
            kind=Kennisproduct.Kind.values[i % 6],
            audience="professionals",
            status=Kennisproduct.Status.values[i % 3],
            goal=goal,
        )
        product.experiments.add(*experiments)
        Barrier.objects.bulk_create(
            Barrier(product=product, barrier=f"Belemmering {i}.{k}") for k in range(3)
        )
        statuses = [Adoption.Status.values[(i + k) % 3] for k in range(len(organisations))]
        Adoption.objects.bulk_create(
            Adoption(
                product=product,
                organisation_id=organisation,
                status=status,
                since=date.today() if status == Adoption.Status.IN_GEBRUIK else None,
            )
            for organisation, status in zip(sorted(organisations), statuses, strict=True)
        )
    Success.objects.bulk_create(
        Success(
            network=network,
            author=members[i % len(members)],
            text=f"Succes {i}",
            size=Success.Size.values[i % 2],
        )
        for i in range(n)
    )
