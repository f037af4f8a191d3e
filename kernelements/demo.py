"""Demo data: the running network "Jeugdhulp dichtbij" held the kernelementen scan twice, a
year apart, and handled a struikelblok in its first year. The picture changed: the basis
(kennisinfrastructuur) and the meetings (synergie) improved; carrying results into the
organisations (vliegwiel) stayed low, and on actieleren the members disagree more than
before, and they see few results yet (vertrouwen in opbrengsten). After the second scan,
the trekker and the procesbegeleider held the yearly review and made two agreements."""

from datetime import date, timedelta

from django.utils import timezone

from bijeenkomsten.models import ActionPoint
from kernelements import review
from kernelements.models import (
    Decision,
    ScanAnswer,
    ScanResponse,
    ScanRound,
    Struikelblok,
    StruikelblokEntry,
    YearlyReview,
)
from liso import method
from networks import history
from networks.models import Network

# The mean the members give each kernelement, in each round, and how far apart they are
# (each member's score moves by their place in the pattern times the spread).
ROUNDS = [
    (
        400,
        {
            method.Kernelement.KENNISINFRASTRUCTUUR: (2.5, 1),
            method.Kernelement.SYNERGIE: (3.3, 1),
            method.Kernelement.ACTIELEREN: (3.0, 1),
            method.Kernelement.VLIEGWIEL: (2.4, 1),
            method.Kernelement.VERTROUWEN: (3.0, 1),
        },
    ),
    (
        30,
        {
            method.Kernelement.KENNISINFRASTRUCTUUR: (3.6, 1),
            method.Kernelement.SYNERGIE: (4.0, 1),
            method.Kernelement.ACTIELEREN: (3.4, 2),
            method.Kernelement.VLIEGWIEL: (2.6, 1),
            method.Kernelement.VERTROUWEN: (2.4, 1),
        },
    ),
]
PATTERN = [0, 1, -1, 1, 0, -1, 1, -1, 0, 1, -1, 0]
REMARKS = [
    "De bijeenkomsten zijn fijn, maar ik merk op mijn werk nog weinig van wat we bedenken.",
    "Het zou helpen als we vaker met de teamleiders van de organisaties om tafel zitten.",
]


def _score(mean: float, spread: int, place: int) -> int:
    return max(1, min(5, round(mean + PATTERN[place % len(PATTERN)] * spread)))


def demo_health() -> None:
    network = Network.objects.filter(slug="jeugdhulp-dichtbij").first()
    if network is None or network.scan_rounds.exists():
        return
    members = list(network.memberships.filter(left_on=None).order_by("pk"))
    if len(members) < 3:
        return
    trekker = next((m for m in members if m.user.email == "trekker@example.org"), members[0])
    for days_ago, means in ROUNDS:
        opened = date.today() - timedelta(days=days_ago)
        scan_round = ScanRound.objects.create(
            network=network,
            kind=ScanRound.Kind.KERNELEMENTEN,
            opened_on=opened,
            closes_on=opened + timedelta(days=14),
            closed_at=timezone.now() - timedelta(days=days_ago - 14),
            opened_by=trekker.user,
        )
        # Nine members answered the first time, everyone the second; closed rounds keep
        # only each answer's perspective.
        answering = members[:9] if days_ago > 365 else members
        for place, membership in enumerate(answering):
            response = ScanResponse.objects.create(
                round=scan_round,
                perspective=membership.perspective,
                remark=REMARKS[place] if days_ago == 30 and place < len(REMARKS) else "",
            )
            ScanAnswer.objects.bulk_create(
                ScanAnswer(
                    response=response,
                    item=point.value,
                    score=None
                    if (place + index) % 11 == 10
                    else _score(*means[kernelement], place + index),
                )
                for kernelement, points in method.AANDACHTSPUNTEN.items()
                for index, point in enumerate(points)
            )
    _handled_struikelblok(network, trekker)
    _decisions(network, trekker)
    _yearly_review(network, trekker, members)


def _handled_struikelblok(network, trekker) -> None:
    """A struikelblok the network ran into in its first year and handled: in the log."""
    entry = StruikelblokEntry.objects.create(
        network=network,
        struikelblok=Struikelblok.objects.get(code="de-eerste-sessie"),
        status=StruikelblokEntry.Status.CLOSED,
        description="Na de eerste bijeenkomst wist de helft nog niet wat we samen wilden.",
        decision="Een tweede kennismaking met de werkvorm Bedoeling verkennen.",
        helped="Iedereen vertelde in twee minuten waarom het vraagstuk hem raakt.",
        closed_at=timezone.now() - timedelta(days=300),
        updated_by=trekker.user,
        version=1,
    )
    # Written down when it happened, not when the demo was made.
    StruikelblokEntry.objects.filter(pk=entry.pk).update(
        created_at=timezone.now() - timedelta(days=330)
    )
    history.record_creation(network=network, instance=entry, by=trekker.user)


DECISIONS = [
    # (days ago, title, status, heard perspectives, alternatives, minority)
    (
        330,
        "We komen zes keer per jaar bij elkaar, steeds bij een andere partner.",
        Decision.Status.GENOMEN,
        ["beleid", "praktijk", "doelgroep"],
        "Eén vaste zaal: makkelijker, maar dan leren we elkaars werkplek niet kennen.",
        "",
    ),
    (
        45,
        "Elk experiment heeft iemand met ervaringskennis in de groep.",
        Decision.Status.GENOMEN,
        ["doelgroep", "praktijk", "onderzoek"],
        "Alleen bij experimenten met ouders: te smal, de les geldt overal.",
        "Twee leden vinden dit te zwaar voor kleine experimenten.",
    ),
    (
        5,
        "We vragen de hogeschool om de handreiking in het onderwijs te gebruiken.",
        Decision.Status.VOORGESTELD,
        [],
        "",
        "",
    ),
]


def _decisions(network, trekker) -> None:
    held = network.sessions.filter(date__lt=date.today()).order_by("-date").first()
    for days_ago, title, status, heard, alternatives, minority in DECISIONS:
        decision = Decision.objects.create(
            network=network,
            title=title,
            decided_on=date.today() - timedelta(days=days_ago),
            status=status,
            session=held if days_ago == 45 else None,
            heard_perspectives=heard,
            alternatives=alternatives,
            minority=minority,
            updated_by=trekker.user,
            version=1,
        )
        history.record_creation(network=network, instance=decision, by=trekker.user)


FINDINGS = {
    method.Kernelement.KENNISINFRASTRUCTUUR: (
        "De penvoering ligt bij de gemeente en iedereen weet bij wie hij moet zijn.",
        "",
    ),
    method.Kernelement.SYNERGIE: (
        "De bijeenkomsten bij steeds een andere partner geven energie.",
        "Nieuwe leden vinden lastig aansluiting.",
    ),
    method.Kernelement.ACTIELEREN: (
        "",
        "We zien dit heel verschillend; de jongerenwerkers missen ruimte om te proberen.",
    ),
    method.Kernelement.VLIEGWIEL: (
        "",
        "Wat we leren komt nog niet terug in de eigen organisaties.",
    ),
}

AGREEMENTS = [
    # (owner's e-mail address, what, due in days)
    ("trekker@example.org", "Per partner één collega vragen die de lessen intern deelt", 40),
    ("deelnemer@example.org", "Een experiment met ruimte voor jongerenwerkers voorstellen", 60),
]


def _yearly_review(network, trekker, members) -> None:
    """A review held after the second scan, with its findings and two agreements."""
    held_on = date.today() - timedelta(days=10)
    entry = YearlyReview.objects.create(
        network=network,
        held_on=held_on,
        participants="de trekker en de procesbegeleider",
        findings={
            kernelement.value: {"goed": well, "anders": change}
            for kernelement, (well, change) in FINDINGS.items()
        },
        signals_then=review.signals_now(network),
        updated_by=trekker.user,
        version=1,
    )
    history.record_creation(network=network, instance=entry, by=trekker.user)
    by_email = {m.user.email: m for m in members}
    for email, what, due_in in AGREEMENTS:
        action = ActionPoint(
            what=what, owner=by_email.get(email), due_on=held_on + timedelta(days=due_in)
        )
        review.agreement_add(review=entry, action=action)
