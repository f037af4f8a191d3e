"""The zelfscans: how a network rates itself on the five kernelementen (fifteen statements,
one per aandachtspunt) or, with commercial partners, on the five public-private dimensions.

Anonymous to everyone. Results exist only once the round is closed (while it is open, each
new answer would show as the difference between two views of the results) and at least
MIN_RESPONDENTS members answered, and only as means and spreads, never per person. Results
per perspective only where that perspective has MIN_RESPONDENTS answers of its own, and
only when the answers left out number none or at least MIN_RESPONDENTS too (otherwise the
total minus the rows shown would be those few people). A member sees and changes their own
answers while the round is open; closing the round copies the answers into new rows in a
random order, without the person and without when they answered, keeping the perspective.

Every page reads a fixed number of queries: the sums are made by the database.
"""

import math
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, F, OuterRef, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kernelements.models import Aandachtspunt, ScanAnswer, ScanResponse, ScanRound
from liso import method
from networks import permissions

# Fewer answers than this show nothing: with two, each could work out the other's.
MIN_RESPONDENTS = 3
# A group's mean under this is low: the advice looks at it first.
LOW_MEAN = 3.0
# A standard deviation from this on means the members see it very differently.
DISPUTED_SPREAD = 1.2
# The spread up to this reads as "eens".
AGREED_SPREAD = 0.8
DEFAULT_OPEN_DAYS = 14
MAX_OPEN_DAYS = 90
SCORES = [1, 2, 3, 4, 5]


class ScanError(Exception):
    """A scan action that cannot be done; the message says why, in Dutch."""


@dataclass
class Statement:
    code: str
    label: str
    text: str = ""  # kernelementen: the statement to rate
    low: str = ""  # publiek-privaat: the weak pole (1)
    high: str = ""  # publiek-privaat: the strong pole (5)


@dataclass
class Group:
    """A kernelement with its three statements, or a dimension with its one."""

    code: str
    label: str
    statements: list[Statement]


def statement_groups(kind: str, with_texts: bool = True) -> list[Group]:
    """What a round of this kind asks, grouped as the results show it: one query for the
    statements of the kernelementen scan, none without their texts (for a summary) or for
    the public-private one."""
    if kind == ScanRound.Kind.PUBLIEK_PRIVAAT:
        return [
            Group(
                dimension.value,
                dimension.label,
                [
                    Statement(
                        dimension.value,
                        dimension.label,
                        low=method.DIMENSION_POLES[dimension][0],
                        high=method.DIMENSION_POLES[dimension][1],
                    )
                ],
            )
            for dimension in method.Dimension
        ]
    texts = dict(Aandachtspunt.objects.values_list("code", "statement")) if with_texts else {}
    return [
        Group(
            kernelement.value,
            kernelement.label,
            [
                Statement(point.value, point.label, text=texts.get(point.value, ""))
                for point in method.AANDACHTSPUNTEN[kernelement]
            ],
        )
        for kernelement in method.Kernelement
    ]


def _group_of_item(kind: str) -> dict[str, str]:
    if kind == ScanRound.Kind.PUBLIEK_PRIVAAT:
        return {dimension.value: dimension.value for dimension in method.Dimension}
    return {
        point.value: kernelement.value
        for kernelement, points in method.AANDACHTSPUNTEN.items()
        for point in points
    }


# --- rounds -----------------------------------------------------------------------------------


def is_open(scan_round: ScanRound, today: date | None = None) -> bool:
    today = today or date.today()
    return scan_round.closed_at is None and today <= scan_round.closes_on


@transaction.atomic
def round_open(*, network, kind: str, closes_on: date, by) -> ScanRound:
    """Open a round; a round of the same kind that is past its date is closed first."""
    today = date.today()
    if not today < closes_on <= today + timedelta(days=MAX_OPEN_DAYS):
        raise ScanError(
            _("Kies een einddatum na vandaag en binnen %(days)s dagen.") % {"days": MAX_OPEN_DAYS}
        )
    for overdue in network.scan_rounds.select_for_update().filter(kind=kind, closed_at=None):
        if is_open(overdue, today):
            raise ScanError(_("Er loopt al een ronde van deze scan. Sluit die eerst."))
        _close(overdue)
    try:
        with transaction.atomic():
            return ScanRound.objects.create(
                network=network, kind=kind, opened_on=today, closes_on=closes_on, opened_by=by
            )
    except IntegrityError:  # someone else opened one at the same moment
        raise ScanError(_("Er loopt al een ronde van deze scan. Sluit die eerst.")) from None


def _close(scan_round: ScanRound) -> None:
    """Close the round and let go of who answered: every response is copied, in a random
    order and with one moment for all, without the member; the originals go. So neither a
    link, nor the order of the rows, nor a time tells whose answers these were."""
    scan_round.closed_at = timezone.now()
    scan_round.save(update_fields=["closed_at"])
    originals = list(scan_round.responses.prefetch_related("answers"))
    random.shuffle(originals)
    for original in originals:
        copy = ScanResponse.objects.create(
            round=scan_round, perspective=original.perspective, remark=original.remark
        )
        answers = list(original.answers.all())
        random.shuffle(answers)
        ScanAnswer.objects.bulk_create(
            ScanAnswer(response=copy, item=answer.item, score=answer.score) for answer in answers
        )
    ScanResponse.objects.filter(pk__in=[original.pk for original in originals]).delete()
    scan_round.responses.update(updated_at=scan_round.closed_at)


@transaction.atomic
def round_close(*, scan_round: ScanRound) -> None:
    locked = ScanRound.objects.select_for_update().get(pk=scan_round.pk)
    if locked.closed_at is None:
        _close(locked)


def close_if_overdue(scan_round: ScanRound) -> None:
    """A round past its date closes when someone looks at it, not only with the daily job."""
    if scan_round.closed_at is None and not is_open(scan_round):
        round_close(scan_round=scan_round)
        scan_round.refresh_from_db(fields=["closed_at"])


def close_overdue_rounds(day: date) -> None:
    """The daily job: close the rounds whose date has passed, so their answers let go of
    the people who gave them."""
    for scan_round in ScanRound.objects.filter(closed_at=None, closes_on__lt=day):
        round_close(scan_round=scan_round)


# --- answering --------------------------------------------------------------------------------


def rounds_to_answer(user_id: int, today: date):
    """The open rounds in the person's networks (where their membership may answer) that
    they have not answered yet, the first to close first (one query, of one shape for
    everyone: the home page compiles it once a day)."""
    taking_part = permissions.current_holding(user_id, permissions.HEALTH_TAKE_PART)
    answered = ScanResponse.objects.filter(round=OuterRef("pk"), membership__in=taking_part)
    return (
        ScanRound.objects.filter(
            network__in=taking_part.values("network"),
            closed_at=None,
            closes_on__gte=today,
        )
        .exclude(Exists(answered))
        .select_related("network")
        .order_by("closes_on", "pk")
    )


def own_response(scan_round: ScanRound, membership) -> ScanResponse | None:
    return (
        ScanResponse.objects.filter(round=scan_round, membership=membership)
        .prefetch_related("answers")
        .first()
    )


@transaction.atomic
def response_save(*, scan_round: ScanRound, membership, scores: dict, remark: str) -> None:
    """Keep a member's answers (a score or None, "weet ik niet", per statement code);
    answering again replaces them."""
    locked = ScanRound.objects.select_for_update().get(pk=scan_round.pk)
    if not is_open(locked):
        raise ScanError(_("Deze ronde is gesloten; je kunt niet meer invullen."))
    response, _created = ScanResponse.objects.update_or_create(
        round=locked,
        membership=membership,
        defaults={"perspective": membership.perspective or "", "remark": remark},
    )
    response.answers.all().delete()
    ScanAnswer.objects.bulk_create(
        ScanAnswer(response=response, item=code, score=score) for code, score in scores.items()
    )


# --- results ----------------------------------------------------------------------------------


@dataclass
class Score:
    """The pooled scores of a group (or a statement): how many, their sum and squares."""

    count: int = 0
    total: int = 0
    squares: int = 0
    dont_know: int = 0

    def add(self, count, total, squares, dont_know):
        self.count += count or 0
        self.total += total or 0
        self.squares += squares or 0
        self.dont_know += dont_know or 0

    @property
    def mean(self) -> float | None:
        return self.total / self.count if self.count else None

    @property
    def spread(self) -> float | None:
        """The standard deviation: how far apart the members are."""
        if not self.count:
            return None
        return math.sqrt(max(self.squares / self.count - self.mean**2, 0.0))

    @property
    def agreement(self) -> str:
        if self.spread is None:
            return ""
        if self.spread >= DISPUTED_SPREAD:
            return str(_("veel verschil"))
        if self.spread > AGREED_SPREAD:
            return str(_("wisselend"))
        return str(_("eens"))

    @property
    def low(self) -> bool:
        return self.mean is not None and self.mean < LOW_MEAN

    @property
    def disputed(self) -> bool:
        return self.spread is not None and self.spread >= DISPUTED_SPREAD


@dataclass
class GroupResult:
    code: str
    label: str
    score: Score
    statements: list[tuple[Statement, Score]]


@dataclass
class PerspectiveResult:
    perspective: str
    label: str
    respondents: int
    scores: list[Score]  # in the order of the groups


@dataclass
class Results:
    respondents: int
    shown: bool
    groups: list[GroupResult] = field(default_factory=list)
    perspectives: list[PerspectiveResult] = field(default_factory=list)
    hidden_perspectives: int = 0  # perspectives with too few answers of their own
    # No row per perspective at all: the answers left out would be too few to hide in.
    perspectives_withheld: bool = False

    @property
    def needed(self) -> int:
        return max(MIN_RESPONDENTS - self.respondents, 0)

    @property
    def attention(self) -> list[GroupResult]:
        """The groups the advice is about: low, or seen very differently."""
        return [group for group in self.groups if group.score.low or group.score.disputed]


def _sums(answers):
    """Per group of rows: how many answered (every response answers every statement, so
    the most of these over the statements is the number of respondents), how many gave a
    score, their sum and sum of squares, and how many said "weet ik niet"."""
    return answers.annotate(
        answered=Count("pk"),
        n=Count("score"),
        total=Sum("score"),
        squares=Sum(F("score") * F("score")),
        dont_know=Count("pk", filter=Q(score__isnull=True)),
    )


def results(scan_round: ScanRound, groups: list[Group]) -> Results:
    """The round's results (one query), or only how many answered, while fewer than
    MIN_RESPONDENTS did."""
    rows = list(
        _sums(
            ScanAnswer.objects.filter(response__round=scan_round)
            .values("item", "response__perspective")
            .order_by()
        )
    )
    per_perspective: dict[str, int] = {}
    for row in rows:
        perspective = row["response__perspective"]
        per_perspective[perspective] = max(per_perspective.get(perspective, 0), row["answered"])
    respondents = sum(per_perspective.values())
    if respondents < MIN_RESPONDENTS or scan_round.closed_at is None:
        return Results(respondents=respondents, shown=False)
    item_scores: dict[str, Score] = {}
    perspective_scores: dict[tuple[str, str], Score] = {}
    group_of = _group_of_item(scan_round.kind)
    for row in rows:
        sums = (row["n"], row["total"], row["squares"], row["dont_know"])
        item_scores.setdefault(row["item"], Score()).add(*sums)
        if row["item"] in group_of:
            key = (row["response__perspective"], group_of[row["item"]])
            perspective_scores.setdefault(key, Score()).add(*sums)
    outcome = Results(respondents=respondents, shown=True)
    for group in groups:
        pooled = Score()
        statements = []
        for statement in group.statements:
            score = item_scores.get(statement.code, Score())
            pooled.add(score.count, score.total, score.squares, score.dont_know)
            statements.append((statement, score))
        outcome.groups.append(GroupResult(group.code, group.label, pooled, statements))
    shown = [p for p in method.Perspective if per_perspective.get(p.value, 0) >= MIN_RESPONDENTS]
    left_out = respondents - sum(per_perspective[p.value] for p in shown)
    outcome.hidden_perspectives = sum(
        1 for p, count in per_perspective.items() if count and p not in {s.value for s in shown}
    )
    if 0 < left_out < MIN_RESPONDENTS:
        # The total minus the rows shown would be these few people's answers.
        outcome.perspectives_withheld = True
        return outcome
    for perspective in shown:
        outcome.perspectives.append(
            PerspectiveResult(
                perspective.value,
                perspective.label,
                per_perspective[perspective.value],
                [perspective_scores.get((perspective.value, g.code), Score()) for g in groups],
            )
        )
    return outcome


@dataclass
class TrendRow:
    scan_round: ScanRound
    respondents: int
    means: list[float | None]  # per group, None where hidden


def trend(network, kind: str, groups: list[Group]) -> list[TrendRow]:
    """Every round of this kind, oldest first, with its group means where it had enough
    answers (two queries, however many rounds)."""
    rounds = list(network.scan_rounds.filter(kind=kind).order_by("opened_on", "pk"))
    counts: dict[int, int] = {}
    rows = _sums(
        ScanAnswer.objects.filter(response__round__in=rounds)
        .values("response__round", "item")
        .order_by()
    )
    group_of = _group_of_item(kind)
    pooled: dict[tuple[int, str], Score] = {}
    for row in rows:
        round_id = row["response__round"]
        counts[round_id] = max(counts.get(round_id, 0), row["answered"])
        if row["item"] in group_of:
            key = (round_id, group_of[row["item"]])
            pooled.setdefault(key, Score()).add(
                row["n"], row["total"], row["squares"], row["dont_know"]
            )
    trend_rows = []
    for scan_round in rounds:
        respondents = counts.get(scan_round.pk, 0)
        shown = respondents >= MIN_RESPONDENTS and scan_round.closed_at is not None
        means = [
            pooled.get((scan_round.pk, group.code), Score()).mean if shown else None
            for group in groups
        ]
        trend_rows.append(TrendRow(scan_round, respondents, means))
    return trend_rows
