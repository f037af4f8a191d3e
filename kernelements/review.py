"""The jaarlijkse terugblik (yearly review): when the next one falls due, what the year
brought to look back on, starting one with the signals of the moment, and its agreements,
which become the network's action points.

The method says a network should look back once a year; the questions that help are this
platform's own (fixtures/reflectievragen.toml, [[jaarlijks]]).
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils.text import slugify

from bijeenkomsten.models import ActionPoint
from kernelements import scans, signals
from kernelements.models import Decision, ScanRound, StruikelblokEntry, YearlyReview
from liso import method
from liso.pdf import render_pdf
from networks.models import Network
from opstart.models import Goal
from phases.models import ReflectionPrompt

SIDES = ("goed", "anders")  # what goes well, what must change (YearlyReview.findings)


def a_year_after(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def year_before(day: date) -> date:
    """The first day of the year a review held on `day` looks back on."""
    try:
        return day.replace(year=day.year - 1) + timedelta(days=1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28) + timedelta(days=1)


@dataclass
class NextReview:
    on: date
    due: bool  # the day has come (or passed) without a review


def next_review(network: Network, last_held_on: date | None, today: date | None = None):
    """A year after the last review, or after the network's start when it had none. When
    years went by without one, the latest of those yearly dates: the review is due again
    each year, not once ever."""
    today = today or date.today()
    on = a_year_after(last_held_on or network.start_date)
    while a_year_after(on) <= today:
        on = a_year_after(on)
    return NextReview(on, on <= today)


def reviews_of(network: Network | int):
    """The network's reviews, newest first, each with its session and the date of the
    review before it (`previous_held_on`), which is where its period starts."""
    earlier = YearlyReview.objects.filter(
        network=OuterRef("network"), held_on__lt=OuterRef("held_on")
    ).order_by("-held_on")
    network_id = network if isinstance(network, int) else network.pk
    reviews = YearlyReview.objects.filter(network_id=network_id)
    return reviews.select_related("session").annotate(
        previous_held_on=Subquery(earlier.values("held_on")[:1])
    )


def period_start(review: YearlyReview) -> date:
    """The day after the review before it, or a year back for the first."""
    previous = getattr(review, "previous_held_on", None)
    return previous + timedelta(days=1) if previous else year_before(review.held_on)


def signals_now(network: Network) -> list[dict]:
    """The signals of this moment, as a review keeps them: what the data said when the
    network sat down to look back."""
    fired = signals.signals_for(network, log=list(network.struikelblok_log.all()))
    return [{"struikelblok": str(s.struikelblok), "reason": s.reason} for s in fired]


def agreement_add(*, review: YearlyReview, action: ActionPoint) -> ActionPoint:
    """An agreement of the review: an action point of the network, agreed on the review's
    date (and at its session, when it was held in one)."""
    with transaction.atomic():
        action.network = review.network
        action.session = review.session
        action.agreed_on = review.held_on
        action.save()
        review.agreements.add(action)
    return action


def agreements_follow(review: YearlyReview) -> None:
    """After the review's date or session changed, its agreements say so too."""
    review.agreements.all().update(session=review.session, agreed_on=review.held_on)


def questions_by_kernelement() -> dict[str, list[str]]:
    """The platform's questions for the review, per kernelement (one query)."""
    questions: dict[str, list[str]] = {}
    for prompt in ReflectionPrompt.objects.exclude(kernelement="").order_by("order", "pk"):
        questions.setdefault(prompt.kernelement, []).append(prompt.question)
    return questions


@dataclass
class KernelementPart:
    code: str
    label: str
    score: scans.Score | None  # from the year's last kernelementen scan, when it showed
    questions: list[str]
    goes_well: str
    must_change: str


@dataclass
class Material:
    """What the year brought, for the review page and its PDF (eight queries, whatever the
    size of the network)."""

    since: date
    scan_round: ScanRound | None
    scan_results: scans.Results | None
    kernelementen: list[KernelementPart]
    log: list[StruikelblokEntry]
    decisions: list[Decision]
    goals: list[Goal]
    agreements: list[ActionPoint] = field(default_factory=list)


def _last_scan(network, review, since: date):
    """The latest kernelementen round closed in the review's period (a later one is for
    the next review, an older one for an earlier)."""
    return (
        network.scan_rounds.filter(
            kind=ScanRound.Kind.KERNELEMENTEN,
            closed_at__date__gte=since,
            closed_at__date__lte=review.held_on,
        )
        .order_by("-closed_at")
        .first()
    )


def material(review: YearlyReview) -> Material:
    network = review.network
    since = period_start(review)
    scan_round = _last_scan(network, review, since)
    results = None
    scores = {}
    if scan_round is not None:
        groups = scans.statement_groups(scan_round.kind, with_texts=False)
        results = scans.results(scan_round, groups)
        scores = {group.code: group.score for group in results.groups}
    questions = questions_by_kernelement()
    parts = [
        KernelementPart(
            code=kernelement.value,
            label=kernelement.label,
            score=scores.get(kernelement.value),
            questions=questions.get(kernelement.value, []),
            goes_well=review.finding(kernelement.value, "goed"),
            must_change=review.finding(kernelement.value, "anders"),
        )
        for kernelement in method.Kernelement
    ]
    return Material(
        since=since,
        scan_round=scan_round,
        scan_results=results,
        kernelementen=parts,
        log=list(
            network.struikelblok_log.filter(created_at__date__lte=review.held_on)
            .exclude(closed_at__date__lt=since)
            .select_related("struikelblok")
        ),
        decisions=list(
            network.decisions.filter(decided_on__gte=since, decided_on__lte=review.held_on)
        ),
        goals=list(network.agenda_goals.all()),
        agreements=list(
            review.agreements.select_related("owner__user").order_by("done_at", "due_on", "pk")
        ),
    )


def pdf_context(review: YearlyReview) -> dict:
    return {"network": review.network, "review": review, "material": material(review)}


def review_pdf(review: YearlyReview) -> tuple[bytes, str]:
    """PDF bytes, and a file name that says what, when and for which network."""
    pdf = render_pdf("pdf/terugblik.html", pdf_context(review))
    return pdf, f"terugblik-{review.held_on:%Y-%m-%d}-{slugify(review.network.name)}.pdf"
