"""Demo data for the start-up: a second network halfway through its opstart (for the demo
trekker to finish), and the signed agreement and agendas of the running network."""

from datetime import date, time, timedelta
from decimal import Decimal

from liso import demo
from liso.method import Agenda, Perspective, Role
from liso.models import User
from networks import history
from networks.models import Membership, MembershipRole, Network, Organisation
from opstart.models import (
    Agreement,
    BudgetLine,
    Figure,
    Funder,
    Goal,
    Infrastructure,
    Milestone,
    PlannedSession,
    Signature,
    Startnotitie,
    Step,
    StepCompletion,
    Talk,
    Venue,
)

NEW_ORGANISATIONS = [
    ("Welzijn Rivierstad", Perspective.PRAKTIJK),
    ("Seniorenraad Rivierstad", Perspective.DOELGROEP),
]
# (e-mail, name, organisation, roles, hours)
STARTUP_MEMBERS = [
    ("trekker@example.org", "Fatima El Amrani", "Gemeente Rivierstad", [Role.TREKKER], 8),
    (
        "procesbegeleider@example.org",
        "Joost van Dijk",
        "Hogeschool Oost",
        [Role.PROCESBEGELEIDER],
        8,
    ),
    ("deelnemer@example.org", "Priya Ramdin", "Buurtteams Rivierstad", [Role.DEELNEMER], 4),
    ("karin.bos@example.org", "Karin Bos", "Welzijn Rivierstad", [Role.DEELNEMER], 4),
    ("henk.de.wit@example.org", "Henk de Wit", "Seniorenraad Rivierstad", [Role.DEELNEMER], 2),
]


def _member(network, organisations, email, full_name, organisation, roles, hours):
    user, new = User.objects.get_or_create(email=email, defaults={"full_name": full_name})
    if new:
        user.set_password(demo.DEMO_PASSWORD)
        user.save(update_fields=["password"])
    membership = Membership.objects.create(
        network=network,
        user=user,
        organisation=organisations[organisation],
        perspective=organisations[organisation].perspective,
        hours_per_week=hours,
        joined_on=network.start_date,
    )
    MembershipRole.objects.bulk_create(MembershipRole(membership=membership, role=r) for r in roles)


def demo_startup_network() -> None:
    trekker = User.objects.get(email="trekker@example.org")
    for name, perspective in NEW_ORGANISATIONS:
        Organisation.objects.get_or_create(name=name, defaults={"perspective": perspective})
    network, created = Network.objects.get_or_create(
        slug="samen-tegen-eenzaamheid",
        defaults={
            "name": "Samen tegen eenzaamheid",
            "vraagstuk": "Veel ouderen in Rivierstad voelen zich eenzaam, en hulp bereikt hen "
            "vaak pas laat. Hoe vinden en steunen buurtteams, welzijn en ouderen zelf elkaar "
            "eerder?",
            "why_network": "Eenzaamheid heeft veel oorzaken en niemand heeft het antwoord alleen.",
            "level": Network.Level.WIJK,
            "start_date": date.today() + timedelta(days=60),
            "planned_years": 3,
            "rhythm": Network.Rhythm.ZESWEKELIJKS,
            "goals": "Eenzaamheid eerder zien, en ouderen zelf laten meedenken over de aanpak.",
            "status": Network.Status.OPSTART,
            "suitability": [
                "meerdere-oorzaken",
                "oorzaken-gevolgen-verweven",
                "veel-partijen",
                "interdisciplinair",
            ],
            "created_by": trekker,
        },
    )
    if not created:
        return
    organisations = {org.name: org for org in Organisation.objects.all()}
    for row in STARTUP_MEMBERS:
        _member(network, organisations, *row)
    StepCompletion.objects.create(network=network, step=Step.GESCHIKTHEID, done_by=trekker)
    today = date.today()
    Talk.objects.create(
        network=network,
        person_name="Karin Bos",
        organisation_name="Welzijn Rivierstad",
        held_on=today - timedelta(days=30),
        held_by="Fatima El Amrani",
        personal_reason="Ziet elke week ouderen die pas aan de bel trekken als het al lang "
        "niet meer gaat, en wil leren hoe dat eerder kan.",
        organisation_reason="Welzijn wil preventief werken en zoekt partners in de wijk.",
        open_questions="Hoeveel uur kan zij vrijmaken naast haar caseload?",
        updated_by=trekker,
        version=1,
    )
    Talk.objects.create(
        network=network,
        person_name="Henk de Wit",
        organisation_name="Seniorenraad Rivierstad",
        held_on=today - timedelta(days=21),
        held_by="Fatima El Amrani",
        personal_reason="Wil dat ouderen zelf meepraten in plaats van dat er over hen wordt "
        "besloten.",
        organisation_reason="De seniorenraad wil vaker aan het begin betrokken zijn.",
        open_questions="Vervoer naar de bijeenkomsten regelen.",
        updated_by=trekker,
        version=1,
    )
    Startnotitie.objects.create(
        network=network,
        updated_by=trekker,
        version=1,
        problem="Ouderen die eenzaam zijn, vragen zelden zelf om hulp. Buurtteams en welzijn "
        "zien hen vaak pas als er ook andere problemen zijn, zoals schulden of verwaarlozing.",
        relevance="Eenzaamheid onder ouderen groeit, en de gevolgen voor gezondheid zijn groot.",
    )
    Figure.objects.create(
        network=network,
        description="Ouderen (75+) die zich eenzaam voelen",
        value="52%",
        year=2024,
        source="Gezondheidsmonitor Ouderen, GGD Oost",
        updated_by=trekker,
        version=1,
    )
    goal = Goal.objects.create(
        network=network,
        agenda=Agenda.VERANDERAGENDA,
        updated_by=trekker,
        version=1,
        title="Eenzaamheid eerder signaleren in de wijk",
        measure=Goal.Measure.INDICATOR,
        unit="procent ouderen dat binnen een maand hulp krijgt",
        baseline=Decimal(20),
        target=Decimal(50),
    )
    Milestone.objects.create(
        goal=goal,
        title="Signaleringskaart getest in twee wijken",
        due_on=today + timedelta(days=240),
        version=1,
    )
    Goal.objects.create(
        network=network,
        agenda=Agenda.OPLEIDINGSAGENDA,
        updated_by=trekker,
        version=1,
        title="Eenzaamheid als thema in de opleiding Social Work",
        agreement="Een lesmodule over eenzaamheid is onderdeel van het tweede jaar.",
    )
    Funder.objects.create(
        network=network,
        name="Gemeente Rivierstad",
        amount=Decimal(60000),
        version=1,
        starts_on=network.start_date,
        ends_on=network.start_date + timedelta(days=3 * 365 - 1),
        updated_by=trekker,
    )
    for kind, amount in (
        (BudgetLine.Kind.TREKKER, 9000),
        (BudgetLine.Kind.PROCESBEGELEIDER, 9000),
        (BudgetLine.Kind.CATERING, 1200),
    ):
        BudgetLine.objects.create(
            network=network,
            kind=kind,
            year=network.start_date.year,
            amount=Decimal(amount),
            updated_by=trekker,
            version=1,
        )
    venue = Venue.objects.create(
        network=network,
        name="Buurthuis De Linde",
        address="Lindelaan 4, Rivierstad",
        accessibility="Rolstoeltoegankelijk, bushalte voor de deur.",
        updated_by=trekker,
        version=1,
    )
    for weeks in (9, 15):
        PlannedSession.objects.create(
            network=network,
            date=today + timedelta(weeks=weeks),
            start_time=time(13, 30),
            theme="Kennismaken en het vraagstuk verkennen" if weeks == 9 else "Woordenlijst",
            venue=venue,
            updated_by=trekker,
            version=1,
        )
    _record_history(network, trekker)


def _record_history(network, trekker) -> None:
    """The demo's start-up items appear in the history, as if typed in the forms."""
    for model in (Talk, Startnotitie, Figure, Goal, Funder, BudgetLine, Venue, PlannedSession):
        for instance in model.objects.filter(network=network).order_by("pk"):
            history.record_creation(network=network, instance=instance, by=trekker)


def demo_running_network_agreement() -> None:
    """The running network signed its agreement a year ago."""
    network = Network.objects.filter(slug="jeugdhulp-dichtbij").first()
    if network is None or Agreement.objects.filter(network=network).exists():
        return
    trekker = User.objects.get(email="trekker@example.org")
    Agreement.objects.create(
        network=network,
        updated_by=trekker,
        version=1,
        innovation_owner=Agreement.InnovationOwner.NETWERK,
        intellectual_property=Agreement.IntellectualProperty.OPEN,
        confidentiality="Wat gezinnen en jongeren in een bijeenkomst vertellen, blijft daar.",
    )
    Infrastructure.objects.create(
        network=network,
        updated_by=trekker,
        version=1,
        penvoerder=Organisation.objects.get(name="Gemeente Rivierstad"),
        heard_perspectives=[Perspective.DOELGROEP, Perspective.PRAKTIJK],
        decision_process="Het kernteam besluit in een bijeenkomst, na een ronde waarin "
        "iedereen zijn mening geeft. Ideeën van een minderheid komen in de besluitenlijst.",
        platform_name="Teams-omgeving Jeugdhulp dichtbij",
    )
    Goal.objects.create(
        network=network,
        agenda=Agenda.VERANDERAGENDA,
        updated_by=trekker,
        version=1,
        title="Kortere wachttijd voor lichte hulp",
        measure=Goal.Measure.INDICATOR,
        unit="weken wachttijd",
        baseline=Decimal(12),
        target=Decimal(4),
        current_value=Decimal(9),
        measured_on=date.today() - timedelta(days=30),
    )
    Goal.objects.create(
        network=network,
        agenda=Agenda.ONDERZOEKSAGENDA,
        updated_by=trekker,
        version=1,
        title="Weten welke hulp in de wijk werkt",
        agreement="Twee praktijkonderzoeken naar hulp in de wijk zijn afgerond en gedeeld.",
    )
    signed_on = network.start_date + timedelta(days=20)
    organisations = Organisation.objects.filter(
        memberships__network=network, memberships__left_on__isnull=True
    ).distinct()
    Signature.objects.bulk_create(
        Signature(
            network=network,
            organisation=org,
            signer_name=f"Directie {org.name}",
            signed_on=signed_on,
            recorded_by=trekker,
        )
        for org in organisations
    )
