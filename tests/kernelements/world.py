"""The health part of the test world: an open scan round of the kernelementen that three
members answered, and a closed one a year ago with three answers (so its results show); a
struikelblok in the log and a decision."""

from datetime import date, timedelta

from django.utils import timezone

from kernelements import scans
from kernelements.models import (
    Decision,
    ScanAnswer,
    ScanResponse,
    ScanRound,
    Struikelblok,
    StruikelblokEntry,
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
    return {
        "<scan>": current.pk,
        "<closed_scan>": earlier.pk,
        "<entry>": entry.pk,
        "<decision>": decision.pk,
    }


def grow_health(network, rounds: int = 10, members=None) -> None:
    """Ten closed rounds with an answer from each of `members` (for the query counts)."""
    members = list(members or network.memberships.filter(left_on=None)[:20])
    opener = members[0].user
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
