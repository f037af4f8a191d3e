"""The health part of the test world: an open scan round of the kernelementen that three
members answered, and a closed one a year ago with three answers (so its results show); a
struikelblok in the log, a decision, and a yearly review with an agreement."""

from datetime import date, timedelta

from django.utils import timezone

from bijeenkomsten.models import ActionPoint
from kernelements import review, scans
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
from liso.method import Role

ANSWERED_BY = (Role.TREKKER, Role.PROCESBEGELEIDER, Role.DEELNEMER)


def answer_all(scan_round, membership, score) -> ScanResponse:
    """A member's answers to every statement of a kernelementen round, all `score`."""
    response = ScanResponse.objects.create(
        round=scan_round, membership=membership, perspective=membership.perspective
    )
    ScanAnswer.objects.bulk_create(
        ScanAnswer(response=response, item=point.value, score=score)
        for points in method.AANDACHTSPUNTEN.values()
        for point in points
    )
    return response


def build_health(network, members: dict) -> dict:
    today = date.today()
    earlier = ScanRound.objects.create(
        network=network,
        kind=ScanRound.Kind.KERNELEMENTEN,
        opened_on=today - timedelta(days=380),
        closes_on=today - timedelta(days=366),
        opened_by=members[Role.TREKKER].user,
    )
    for role, score in zip(ANSWERED_BY, (2, 3, 4), strict=True):
        answer_all(earlier, members[role], score)
    scans.round_close(scan_round=earlier)
    # Closed (late) within the year the test world's review looks back on.
    ScanRound.objects.filter(pk=earlier.pk).update(closed_at=timezone.now() - timedelta(days=340))
    current = ScanRound.objects.create(
        network=network,
        kind=ScanRound.Kind.KERNELEMENTEN,
        opened_on=today,
        closes_on=today + timedelta(days=14),
        opened_by=members[Role.TREKKER].user,
    )
    for role, score in zip(ANSWERED_BY, (3, 4, 5), strict=True):
        answer_all(current, members[role], score)
    entry = StruikelblokEntry.objects.create(
        network=network,
        struikelblok=Struikelblok.objects.get(code="veel-verloop"),
        decision="Bij elk vertrek vragen we waarom.",
        review_on=today + timedelta(days=60),
    )
    decision = Decision.objects.create(
        network=network,
        title="We werken twee jaar met één vaste locatie.",
        decided_on=today - timedelta(days=20),
        heard_perspectives=["doelgroep", "praktijk"],
    )
    # Nobody took the agreement on yet: it stays off the members' own lists and mails.
    yearly, agreement = a_yearly_review(network, None, today - timedelta(days=5))
    return {
        "<scan>": current.pk,
        "<closed_scan>": earlier.pk,
        "<entry>": entry.pk,
        "<decision>": decision.pk,
        "<review>": yearly.pk,
        "<agreement>": agreement.pk,
    }


def a_yearly_review(network, owner, held_on, agreements=1):
    """A review with findings on two kernelementen and agreements for `owner`."""
    yearly = YearlyReview.objects.create(
        network=network,
        held_on=held_on,
        participants="trekker en procesbegeleider",
        findings={
            method.Kernelement.SYNERGIE.value: {"goed": "Goede sfeer.", "anders": ""},
            method.Kernelement.VLIEGWIEL.value: {"goed": "", "anders": "Meer delen."},
        },
        signals_then=[{"struikelblok": "7. Samenstelling", "reason": "Te klein kernteam."}],
    )
    made = [
        review.agreement_add(
            review=yearly,
            action=ActionPoint(
                what=f"Afspraak {n}", owner=owner, due_on=held_on if owner else None
            ),
        )
        for n in range(agreements)
    ]
    return yearly, made[0]


def grow_health(network, rounds: int = 10, members=None) -> None:
    """Ten closed rounds with an answer from each of `members` (for the query counts)."""
    members = list(members or network.memberships.filter(left_on=None)[:20])
    opener = members[0].user
    first_review = network.yearly_reviews.order_by("pk").first()
    for n, membership in enumerate(members):
        if first_review is not None:
            review.agreement_add(
                review=first_review,
                action=ActionPoint(what=f"Meer afgesproken {n}", owner=membership),
            )
    today = date.today()
    for n in range(rounds):
        scan_round = ScanRound.objects.create(
            network=network,
            kind=ScanRound.Kind.KERNELEMENTEN,
            opened_on=today - timedelta(days=400 + 40 * n),
            closes_on=today - timedelta(days=390 + 40 * n),
            closed_at=timezone.now(),
            opened_by=opener,
        )
        for index, membership in enumerate(members):
            answer_all(scan_round, membership, 1 + (index + n) % 5)
        scan_round.responses.update(membership=None)  # as closing leaves them
        a_yearly_review(network, members[n % len(members)], today - timedelta(days=365 * n), 5)
