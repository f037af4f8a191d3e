"""The start-up part of the test world: one of each item, so that every start-up URL of
the access matrix has something to point at."""

from datetime import date, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile

from liso.method import Agenda, Role
from networks.models import Revision
from opstart import models
from tests.bijeenkomsten.world import pdf_bytes
from tests.networks.factories import OrganisationFactory

# A small real PDF, as the scan of a signed paper would be (only smaller).
SCAN_PDF = pdf_bytes()

# Placeholders in the matrix's kwargs, each naming one object of the start-up world.
PLACEHOLDERS = (
    "<talk>",
    "<figure>",
    "<goal>",
    "<milestone>",
    "<funder>",
    "<fee>",
    "<budget>",
    "<venue>",
    "<planned>",
    "<party>",
    "<signed-party>",
)


def build_startup(network, members: dict) -> dict:
    """Objects of the start-up, by placeholder. Two organisations take part: the trekker's
    (not yet signed) and the deelnemer's (signed)."""
    trekker = members[Role.TREKKER]
    unsigned = OrganisationFactory(name="Gemeente Rivierstad")
    signed = OrganisationFactory(name="Hogeschool Oost")
    trekker.organisation = unsigned
    trekker.save(update_fields=["organisation"])
    members[Role.DEELNEMER].organisation = signed
    members[Role.DEELNEMER].save(update_fields=["organisation"])
    today = date.today()
    goal = models.Goal.objects.create(
        network=network,
        agenda=Agenda.VERANDERAGENDA,
        title="Kortere wachttijd",
        agreement="Binnen 4 weken",
    )
    models.Signature.objects.create(
        network=network,
        organisation=signed,
        signer_name="Directeur",
        signed_on=today,
        recorded_by=trekker.user,
    )
    agreement = models.Agreement(network=network, version=1, signed_scan_type="application/pdf")
    agreement.signed_scan.save("scan.pdf", ContentFile(SCAN_PDF), save=False)
    agreement.save()
    objects = {
        "<talk>": models.Talk.objects.create(
            network=network, person_name="Karin Bos", held_on=today
        ),
        "<figure>": models.Figure.objects.create(
            network=network, description="Wachtenden", value="1.240", source="Monitor"
        ),
        "<goal>": goal,
        "<milestone>": models.Milestone.objects.create(
            goal=goal, title="Pilot", due_on=today + timedelta(days=90)
        ),
        "<funder>": models.Funder.objects.create(
            network=network,
            name="ZonMw",
            amount=Decimal(50000),
            starts_on=today,
            ends_on=today + timedelta(days=700),
        ),
        "<fee>": models.MemberFee.objects.create(
            network=network, organisation=unsigned, amount_per_year=Decimal(1500)
        ),
        "<budget>": models.BudgetLine.objects.create(
            network=network, kind="catering", year=today.year, amount=Decimal(800)
        ),
        "<venue>": models.Venue.objects.create(network=network, name="Buurthuis De Linde"),
        "<planned>": models.PlannedSession.objects.create(
            network=network, date=today + timedelta(days=30)
        ),
        "<party>": unsigned,
        "<signed-party>": signed,
    }
    return {placeholder: obj.pk for placeholder, obj in objects.items()}


def grow_startup(network, user, n: int = 20) -> None:
    """Many more of every start-up item, for the query-count test's large network."""
    today = date.today()
    models.Signature.objects.create(
        network=network,
        organisation=OrganisationFactory(name="Online getekend"),
        signed_on=today,
        method=models.Signature.Method.ONLINE,
        signed_by=user,
        recorded_by=user,
    )
    for i in range(n):
        goal = models.Goal.objects.create(
            network=network, agenda=Agenda.values[i % 3], title=f"Doel {i}", agreement="Afspraak"
        )
        models.Milestone.objects.bulk_create(
            models.Milestone(goal=goal, title=f"Mijlpaal {j}", due_on=today) for j in range(3)
        )
        models.Talk.objects.create(network=network, person_name=f"Persoon {i}", held_on=today)
        models.Figure.objects.create(
            network=network, description=f"Cijfer {i}", value="1", source="Bron"
        )
        models.Funder.objects.create(
            network=network,
            name=f"Fonds {i}",
            amount=Decimal(1000),
            starts_on=today,
            ends_on=today + timedelta(days=400),
        )
        models.BudgetLine.objects.create(
            network=network, kind="materialen", year=today.year, amount=Decimal(100)
        )
        venue = models.Venue.objects.create(network=network, name=f"Zaal {i}")
        models.PlannedSession.objects.create(network=network, date=today, venue=venue)
        Revision.objects.create(
            network=network,
            object_type="doel",
            object_key=f"goal:{goal.pk}",
            object_label=goal.title,
            action="gewijzigd",
            version=2,
            changed_by=user,
            changes=[{"field": "title", "label": "doel", "old": "x", "new": goal.title}],
        )
