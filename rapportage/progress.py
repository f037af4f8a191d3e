"""The voortgangsrapportage: what a network did and achieved in a period, for financiers
and boards. Everything is gathered here in a fixed number of queries (fifteen), however
large the network; the PDF template only lays it out."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.text import slugify

from bijeenkomsten.models import Session
from kernelements import scans
from kernelements.models import ScanRound, SignalNotice
from liso.pdf import render_pdf
from networks.models import Network


@dataclass
class Period:
    start: date
    end: date

    def __contains__(self, day) -> bool:
        return day is not None and self.start <= day <= self.end

    @classmethod
    def last_twelve_months(cls, today: date) -> "Period":
        return cls(today - timedelta(days=365), today)


@dataclass
class Progress:
    network: Network
    period: Period
    goals: list  # opstart Goal, with their milestones
    milestones_reached: int
    experiments: list  # worked on in the period
    experiments_by_outcome: dict[str, int]
    products: list  # kennisproducten, with their adoptions
    adoptions_in_period: int
    sessions: list  # held in the period, with `present` and `invited`
    scan_groups: list  # the kernelementen, for the scan table's columns
    scan_rows: list  # scans.TrendRow of rounds closed in the period
    signals: list  # SignalNotice: signals that came up in the period
    log: list  # StruikelblokEntry worked on in the period
    decisions: list
    funders: list
    budget_lines: list
    hours_per_week: Decimal


def _touched(queryset, period: Period):
    """Rows made by the end of the period and changed since its start: worked on in it."""
    return queryset.filter(created_at__date__lte=period.end, updated_at__date__gte=period.start)


def progress(network: Network, period: Period) -> Progress:
    goals = list(network.agenda_goals.prefetch_related("milestones"))
    experiments = list(
        _touched(network.experiments.select_related("round"), period).order_by("created_at")
    )
    products = list(
        network.products.filter(updated_at__date__lte=period.end)
        .prefetch_related("adoptions__organisation")
        .order_by("title")
    )
    held = (
        network.sessions.filter(date__gte=period.start, date__lte=period.end)
        .exclude(status=Session.Status.AFGELAST)
        .annotate(
            present=Count("registrations", filter=Q(registrations__attended=True)),
            invited=Count("registrations"),
        )
        .order_by("date")
    )
    groups = scans.statement_groups(ScanRound.Kind.KERNELEMENTEN, with_texts=False)
    rounds = scans.trend(network, ScanRound.Kind.KERNELEMENTEN, groups)
    closed_in_period = [
        row
        for row in rounds
        if row.scan_round.closed_at and row.scan_round.closed_at.date() in period
    ]
    hours = network.memberships.filter(left_on__isnull=True).aggregate(total=Sum("hours_per_week"))[
        "total"
    ]
    return Progress(
        network=network,
        period=period,
        goals=goals,
        milestones_reached=sum(
            1
            for goal in goals
            for milestone in goal.milestones.all()
            if milestone.status == milestone.Status.BEHAALD and milestone.due_on in period
        ),
        experiments=experiments,
        experiments_by_outcome=_by_outcome(experiments),
        products=products,
        adoptions_in_period=sum(
            1
            for product in products
            for adoption in product.adoptions.all()
            if adoption.since in period
        ),
        sessions=list(held),
        scan_groups=groups,
        scan_rows=closed_in_period,
        signals=list(
            SignalNotice.objects.filter(
                network=network, mailed_on__gte=period.start, mailed_on__lte=period.end
            )
            .select_related("struikelblok")
            .order_by("mailed_on")
        ),
        log=list(
            network.struikelblok_log.filter(created_at__date__lte=period.end)
            .exclude(closed_at__date__lt=period.start)
            .select_related("struikelblok")
        ),
        decisions=list(
            network.decisions.filter(
                decided_on__gte=period.start, decided_on__lte=period.end
            ).order_by("decided_on")
        ),
        funders=list(network.funders.filter(starts_on__lte=period.end, ends_on__gte=period.start)),
        budget_lines=list(
            network.budget_lines.filter(year__gte=period.start.year, year__lte=period.end.year)
        ),
        hours_per_week=hours or Decimal(0),
    )


def _by_outcome(experiments) -> dict[str, int]:
    counts: dict[str, int] = {}
    for experiment in experiments:
        label = (
            experiment.get_outcome_display()
            if experiment.outcome
            else experiment.get_status_display()
        )
        counts[label] = counts.get(label, 0) + 1
    return counts


def progress_pdf(network: Network, period: Period) -> tuple[bytes, str]:
    """PDF bytes, and a file name that says what, for which network and which period."""
    pdf = render_pdf("pdf/voortgangsrapportage.html", {"report": progress(network, period)})
    name = f"voortgangsrapportage-{slugify(network.name)}-{period.start}-{period.end}.pdf"
    return pdf, name
