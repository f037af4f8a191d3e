"""Demo data: a realistic network on youth care for the README's demo accounts."""

from datetime import date, timedelta

from django.utils import timezone

from liso import demo
from liso.method import Perspective, Phase, Role
from liso.models import User
from networks.models import Invitation, Membership, MembershipRole, Network, Organisation

ORGANISATIONS = [
    ("Gemeente Rivierstad", Perspective.BELEID, Organisation.Kind.PUBLIEK),
    ("Gemeente Heuvelland", Perspective.BELEID, Organisation.Kind.PUBLIEK),
    ("Jeugdhulp Regio Oost", Perspective.PRAKTIJK, Organisation.Kind.PUBLIEK),
    ("Buurtteams Rivierstad", Perspective.PRAKTIJK, Organisation.Kind.PUBLIEK),
    ("Hogeschool Oost", Perspective.ONDERWIJS, Organisation.Kind.PUBLIEK),
    ("ROC Rivierland", Perspective.ONDERWIJS, Organisation.Kind.PUBLIEK),
    ("Kenniscentrum Jeugd", Perspective.ONDERZOEK, Organisation.Kind.PUBLIEK),
    ("Universiteit Oost, vakgroep Pedagogiek", Perspective.ONDERZOEK, Organisation.Kind.PUBLIEK),
    ("Ouderplatform Rivierstad", Perspective.DOELGROEP, Organisation.Kind.PUBLIEK),
    ("Jongerenraad Oost", Perspective.DOELGROEP, Organisation.Kind.PUBLIEK),
    ("Fonds Jeugd en Gezin", Perspective.FINANCIER, Organisation.Kind.PRIVAAT),
    ("Zorgverzekeraar Oost", Perspective.FINANCIER, Organisation.Kind.PRIVAAT),
]

# (e-mail, name, organisation, roles, ring, hours); the first three are the demo accounts.
MEMBERS = [
    (
        "trekker@example.org",
        "Fatima El Amrani",
        "Gemeente Rivierstad",
        [Role.TREKKER],
        "kernteam",
        8,
    ),
    (
        "procesbegeleider@example.org",
        "Joost van Dijk",
        "Hogeschool Oost",
        [Role.PROCESBEGELEIDER],
        "kernteam",
        8,
    ),
    (
        "deelnemer@example.org",
        "Priya Ramdin",
        "Buurtteams Rivierstad",
        [Role.DEELNEMER],
        "kernteam",
        4,
    ),
    (
        "sanne.bakker@example.org",
        "Sanne Bakker",
        "Jeugdhulp Regio Oost",
        [Role.DEELNEMER, Role.VERBINDINGSFUNCTIONARIS],
        "kernteam",
        8,
    ),
    (
        "ahmed.yilmaz@example.org",
        "Ahmed Yilmaz",
        "Gemeente Heuvelland",
        [Role.DEELNEMER],
        "kernteam",
        4,
    ),
    (
        "lotte.de.graaf@example.org",
        "Lotte de Graaf",
        "Kenniscentrum Jeugd",
        [Role.DEELNEMER],
        "kernteam",
        4,
    ),
    (
        "mila.jansen@example.org",
        "Mila Jansen",
        "Ouderplatform Rivierstad",
        [Role.DEELNEMER],
        "kernteam",
        3,
    ),
    (
        "daan.visser@example.org",
        "Daan Visser",
        "Jongerenraad Oost",
        [Role.DEELNEMER],
        "kernteam",
        2,
    ),
    ("eva.smit@example.org", "Eva Smit", "ROC Rivierland", [Role.DEELNEMER], "tweede-schil", 2),
    (
        "noah.peters@example.org",
        "Noah Peters",
        "Jeugdhulp Regio Oost",
        [Role.PROJECTASSISTENT],
        "kernteam",
        4,
    ),
    (
        "iris.mulder@example.org",
        "Iris Mulder",
        "Gemeente Rivierstad",
        [Role.COMMUNICATIEADVISEUR],
        "tweede-schil",
        2,
    ),
    (
        "ruben.vos@example.org",
        "Ruben Vos",
        "Universiteit Oost, vakgroep Pedagogiek",
        [Role.DEELNEMER],
        "tweede-schil",
        2,
    ),
]


def demo_network() -> None:
    """One running network with twelve members; the financier is still being invited."""
    organisations = {}
    for name, perspective, kind in ORGANISATIONS:
        organisations[name], _created = Organisation.objects.get_or_create(
            name=name, defaults={"perspective": perspective, "kind": kind}
        )
    trekker = User.objects.get(email="trekker@example.org")
    network, created = Network.objects.get_or_create(
        slug="jeugdhulp-dichtbij",
        defaults={
            "name": "Jeugdhulp dichtbij",
            "vraagstuk": "Steeds meer jongeren in de regio wachten lang op passende hulp, terwijl "
            "hulp in de buurt vaak eerder en lichter had gekund. Hoe organiseren we samen met "
            "jongeren en ouders hulp die dichtbij, op tijd en in samenhang is?",
            "why_network": "Niemand heeft het antwoord: gemeenten, hulpverleners, onderwijs, "
            "onderzoekers en gezinnen zien elk een deel. Alleen samen leren we wat werkt.",
            "level": Network.Level.REGIO,
            "start_date": date.today() - timedelta(days=400),
            "planned_years": 4,
            "rhythm": Network.Rhythm.ZESWEKELIJKS,
            "core_values": "Gelijkwaardig, nieuwsgierig, het gezin voorop.",
            "reason": "Een regionale analyse liet lange wachttijden en veel doorverwijzingen zien.",
            "goals": "Kortere wachttijden, meer hulp in de wijk, en studenten die dit meenemen.",
            "status": Network.Status.LOPEND,
            "current_phase": Phase.SAMEN_DOORGRONDEN,
            "suitability": [
                "meerdere-oorzaken",
                "oorzaken-gevolgen-verweven",
                "veel-partijen",
                "interdisciplinair",
                "nog-niet-aangepakt",
            ],
            "created_by": trekker,
        },
    )
    if not created:
        return
    for email, full_name, organisation, roles, ring, hours in MEMBERS:
        user, new = User.objects.get_or_create(email=email, defaults={"full_name": full_name})
        if new:
            user.set_password(demo.DEMO_PASSWORD)
            user.save(update_fields=["password"])
        membership = Membership.objects.create(
            network=network,
            user=user,
            organisation=organisations[organisation],
            perspective=organisations[organisation].perspective,
            ring=ring,
            hours_per_week=hours,
            joined_on=network.start_date,
        )
        MembershipRole.objects.bulk_create(
            MembershipRole(membership=membership, role=role) for role in roles
        )
    Membership.objects.filter(network=network, user__email="mila.jansen@example.org").update(
        support_needed="Vervoer naar de bijeenkomsten (taxi).",
        compensation="Vrijwilligersvergoeding per bijeenkomst.",
    )
    now = timezone.now()
    Invitation.objects.create(
        network=network,
        email="bram.hendriks@example.org",
        full_name="Bram Hendriks",
        roles=[Role.DEELNEMER],
        perspective=Perspective.FINANCIER,
        organisation=organisations["Fonds Jeugd en Gezin"],
        hours_per_week=2,
        token_hash="demo-invitation-without-a-usable-link",
        invited_by=trekker,
        sent_at=now,
        expires_at=now + timedelta(days=Invitation.VALID_DAYS),
    )
