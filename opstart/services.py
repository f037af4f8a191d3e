"""Use cases of the start-up: the path's progress, the money overview, and signing the
samenwerkingsovereenkomst. Saving with history is networks/history.py."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache

from django.db import connection, models, transaction
from django.db.models import OuterRef, Q, Subquery
from django.utils.translation import gettext as _

from liso.compiled import EXAMPLE_ID, CompiledOnce
from networks import history
from networks.models import (
    Membership,
    MembershipRole,
    Network,
    Organisation,
    Revision,
    RoleProfile,
    Versioned,
)
from opstart.models import (
    Agreement,
    BudgetLine,
    Figure,
    Funder,
    Goal,
    Infrastructure,
    MemberFee,
    PlannedSession,
    Signature,
    Startnotitie,
    Step,
    StepCompletion,
    Talk,
    Venue,
)


def mark_started(network: Network) -> None:
    """The first thing written in the start-up moves a network from verkenning to opstart."""
    if network.status == Network.Status.VERKENNING:
        network.status = Network.Status.OPSTART
        network.save(update_fields=["status"])


@cache
def _document_query(model: type[Versioned]) -> CompiledOnce:
    # One query shape per kind of document, compiled once (liso/compiled.py).
    return CompiledOnce(
        lambda network_id: model.objects.filter(network_id=network_id).select_related("updated_by")[
            :1
        ],
        network_id=EXAMPLE_ID,
    )


def document_for(network: Network, model: type[Versioned]) -> Versioned:
    """The network's one document of this kind (with who saved it last), or a fresh
    unsaved one: opening a page writes nothing."""
    return _document_query(model).first(network_id=network.pk) or model(network=network)


# Compiled once (liso/compiled.py), run with the network's id.
_with_documents = CompiledOnce(
    lambda network_id: Network.objects.select_related(
        "agreement__updated_by", "infrastructure__penvoerder"
    ).filter(pk=network_id),
    network_id=EXAMPLE_ID,
)


def agreement_documents(network: Network) -> tuple[Agreement, Infrastructure]:
    """The agreement and the kennisinfrastructuur (with the penvoerder) in one query."""
    (loaded,) = _with_documents(network_id=network.pk)
    # A missing one-to-one raises an AttributeError subclass, so getattr's default applies.
    agreement = getattr(loaded, "agreement", None) or Agreement(network=network)
    infrastructure = getattr(loaded, "infrastructure", None) or Infrastructure(network=network)
    return agreement, infrastructure


# --- the path ------------------------------------------------------------------------------


@dataclass
class StepState:
    step: Step
    number: int
    status: str  # "todo", "busy" or "done"
    url_name: str
    # For the agreement: how many organisations take part, and how many have signed.
    parties: int = 0
    signed: int = 0

    @property
    def label(self) -> str:
        return self.step.label

    @property
    def status_label(self) -> str:
        return {"todo": _("Nog niet begonnen"), "busy": _("Bezig"), "done": _("Klaar")}[self.status]


STEP_URLS = {
    Step.GESCHIKTHEID: "opstart_suitability",
    Step.GESPREKKEN: "opstart_talks",
    Step.STARTNOTITIE: "opstart_startnotitie",
    Step.AGENDAS: "opstart_agendas",
    Step.GELD: "opstart_money",
    Step.INFRASTRUCTUUR: "opstart_infrastructure",
    Step.OVEREENKOMST: "opstart_agreement",
}


def participating_organisations(network: Network, *, by_name: bool = False) -> list[Organisation]:
    """The organisations of the network's current members: the parties that sign."""
    return _participating[by_name](network_id=network.pk)


def _participants(network_id: int):
    return Organisation.objects.filter(
        memberships__network_id=network_id, memberships__left_on__isnull=True
    ).distinct()


# In no order, or by name: each compiled once (liso/compiled.py).
_participating = {
    False: CompiledOnce(_participants, network_id=EXAMPLE_ID),
    True: CompiledOnce(
        lambda network_id: _participants(network_id).order_by("name"), network_id=EXAMPLE_ID
    ),
}


@dataclass
class Signing:
    parties: list[tuple[Organisation, Signature | None]]

    @property
    def signed(self) -> int:
        return sum(1 for _organisation, signature in self.parties if signature)

    @property
    def complete(self) -> bool:
        return bool(self.parties) and self.signed == len(self.parties)


SIGNATURE_FIELDS = (
    "pk",
    "signer_name",
    "signer_function",
    "signed_on",
    "signed_revision",
    "method",
)


def _with_signatures(network_id: int) -> models.QuerySet:
    signature = Signature.objects.filter(
        network_id=network_id, organisation=OuterRef("organisation")
    )
    return (
        Membership.objects.filter(network_id=network_id, left_on__isnull=True)
        .select_related("organisation", "user")
        .annotate(
            **{
                f"signature_{name}": Subquery(signature.values(name)[:1])
                for name in SIGNATURE_FIELDS
            },
            signature_online_name=Subquery(signature.values("signed_by__full_name")[:1]),
        )
        .order_by("organisation__name", "user__full_name")
    )


# Building and compiling its nine subqueries cost more than running them: compiled once
# (liso/compiled.py), run with the network's id.
_members_with_signatures = CompiledOnce(_with_signatures, network_id=EXAMPLE_ID)


def members_with_signatures(network: Network) -> list[Membership]:
    """The current members, each carrying its organisation's signature (if any), in one
    query; `role_summaries` adds their roles."""
    return _members_with_signatures(network_id=network.pk)


def role_summaries(members) -> dict[int, dict[str, str]]:
    """Per member (by id): their roles, each with the summary of the role's profile (one
    query; plain values, as a prefetch makes a queryset per member)."""
    summary = RoleProfile.objects.filter(code=OuterRef("role")).values("summary")[:1]
    roles = MembershipRole.objects.filter(membership__in=[m.pk for m in members])
    held: dict[int, dict[str, str]] = {member.pk: {} for member in members}
    for member, role, text in roles.annotate(summary=Subquery(summary)).values_list(
        "membership_id", "role", "summary"
    ):
        held[member][role] = text or ""
    return held


def signing_from(members) -> Signing:
    """Who must sign (the organisations of the members) and who has, from
    `members_with_signatures`."""
    parties: dict[int, tuple[Organisation, Signature | None]] = {}
    for member in members:
        if member.organisation is None or member.organisation_id in parties:
            continue
        signature = None
        if member.signature_pk:
            signature = Signature(
                network_id=member.network_id,
                organisation=member.organisation,
                **{name: getattr(member, f"signature_{name}") for name in SIGNATURE_FIELDS},
            )
            if signature.is_online:  # the signer's name as their account says it now
                signature.signer_name = member.signature_online_name
        parties[member.organisation_id] = (member.organisation, signature)
    return Signing(sorted(parties.values(), key=lambda party: party[0].name.lower()))


def signing_for(network: Network) -> Signing:
    return signing_from(members_with_signatures(network))


def _startup_sql() -> str:
    """One SELECT telling, for network %(n)s, which parts of the start-up hold something,
    which steps were called done, how many organisations take part and how many of those
    signed. Plain SQL (portable between PostgreSQL and SQLite): built with the ORM, this
    query took longer to compile than to run, on every start-up page."""

    def table(model) -> str:
        return model._meta.db_table

    def exists(model, extra: str = "") -> str:
        return f"EXISTS (SELECT 1 FROM {table(model)} WHERE network_id = %(n)s{extra})"

    member = table(Membership)
    columns = {
        "talks": exists(Talk),
        "note": exists(Startnotitie),
        "figures": exists(Figure),
        "goals": exists(Goal),
        "funders": exists(Funder),
        "fees": exists(MemberFee),
        "budget": exists(BudgetLine),
        "infra": exists(Infrastructure),
        "planned": exists(PlannedSession),
        "venues": exists(Venue),
        "agreement": exists(Agreement),
        **{
            f"done_{step.value}": exists(StepCompletion, f" AND step = %(step_{step.value})s")
            for step in Step
        },
        "parties": f"(SELECT COUNT(DISTINCT organisation_id) FROM {member} WHERE network_id ="
        f" %(n)s AND left_on IS NULL AND organisation_id IS NOT NULL)",
        "signed": f"(SELECT COUNT(DISTINCT s.organisation_id) FROM {table(Signature)} s WHERE"
        f" s.network_id = %(n)s AND EXISTS (SELECT 1 FROM {member} m WHERE"
        f" m.network_id = %(n)s AND m.organisation_id = s.organisation_id AND"
        f" m.left_on IS NULL))",
    }
    return "SELECT " + ", ".join(f"{sql} AS {name}" for name, sql in columns.items())


_STARTUP_SQL: list[str] = []  # built on first use, when all models are loaded


def _startup_row(network: Network) -> dict:
    if not _STARTUP_SQL:
        _STARTUP_SQL.append(_startup_sql())
    params = {"n": network.pk, **{f"step_{step.value}": step.value for step in Step}}
    with connection.cursor() as cursor:
        cursor.execute(_STARTUP_SQL[0], params)
        names = [column[0] for column in cursor.description]
        return dict(zip(names, cursor.fetchone(), strict=True))


def startup_path(network: Network) -> list[StepState]:
    """Each step with its status: busy once something is written, done when the network
    says so (the agreement: when every party has signed). One query."""
    row = _startup_row(network)
    parties, signed = row["parties"] or 0, row["signed"] or 0
    busy = {
        Step.GESCHIKTHEID: bool(network.suitability),
        Step.GESPREKKEN: row["talks"],
        Step.STARTNOTITIE: row["note"] or row["figures"],
        Step.AGENDAS: row["goals"],
        Step.GELD: row["funders"] or row["fees"] or row["budget"],
        Step.INFRASTRUCTUUR: row["infra"] or row["planned"] or row["venues"],
        Step.OVEREENKOMST: row["agreement"] or signed > 0,
    }
    states = []
    for number, step in enumerate(Step, start=1):
        if step == Step.OVEREENKOMST:
            is_done = parties > 0 and signed == parties
            state = StepState(step, number, "", STEP_URLS[step], parties=parties, signed=signed)
        else:
            is_done = bool(row[f"done_{step.value}"])
            state = StepState(step, number, "", STEP_URLS[step])
        state.status = "done" if is_done else "busy" if busy[step] else "todo"
        states.append(state)
    return states


def next_step(states: list[StepState]) -> StepState | None:
    return next((state for state in states if state.status != "done"), None)


@transaction.atomic
def step_mark(*, network: Network, step: Step, done: bool, by) -> None:
    if done:
        StepCompletion.objects.get_or_create(network=network, step=step, defaults={"done_by": by})
    else:
        network.finished_steps.filter(step=step).delete()


# --- money ---------------------------------------------------------------------------------

# In-kind hours per year count 40 working weeks: holidays and quiet weeks are left out.
WORKING_WEEKS_PER_YEAR = 40


@dataclass
class YearTotals:
    year: int
    funding: Decimal = Decimal(0)
    fees: Decimal = Decimal(0)
    costs: Decimal = Decimal(0)

    @property
    def income(self) -> Decimal:
        return self.funding + self.fees

    @property
    def balance(self) -> Decimal:
        return self.income - self.costs


@dataclass
class InKind:
    organisation: str
    hours_per_week: Decimal

    @property
    def hours_per_year(self) -> Decimal:
        return self.hours_per_week * WORKING_WEEKS_PER_YEAR


@dataclass
class MoneyOverview:
    years: list[YearTotals]
    in_kind: list[InKind] = field(default_factory=list)

    @property
    def total(self) -> YearTotals:
        total = YearTotals(year=0)
        for row in self.years:
            total.funding += row.funding
            total.fees += row.fees
            total.costs += row.costs
        return total

    @property
    def in_kind_hours_per_week(self) -> Decimal:
        return sum((row.hours_per_week for row in self.in_kind), Decimal(0))


def _spread_over_years(amount: Decimal, starts: date, ends: date) -> dict[int, Decimal]:
    """An amount for a period, divided over the calendar years by the days in each."""
    if ends < starts:
        return {starts.year: amount}
    total_days = (ends - starts).days + 1
    shares: dict[int, Decimal] = {}
    for year in range(starts.year, ends.year + 1):
        first = max(starts, date(year, 1, 1))
        last = min(ends, date(year, 12, 31))
        shares[year] = (amount * ((last - first).days + 1) / total_days).quantize(Decimal("0.01"))
    # Rounding leftovers go to the last year, so the parts always add up to the amount.
    shares[ends.year] += amount - sum(shares.values())
    return shares


def network_years(network: Network) -> list[int]:
    first = network.start_date.year
    return list(range(first, first + max(network.planned_years, 1)))


def money_overview(network: Network, *, funders, fees, lines, members) -> MoneyOverview:
    years: dict[int, YearTotals] = {year: YearTotals(year) for year in network_years(network)}

    def row(year):
        return years.setdefault(year, YearTotals(year))

    for funder in funders:
        for year, share in _spread_over_years(
            funder.amount, funder.starts_on, funder.ends_on
        ).items():
            row(year).funding += share
    fee_total = sum((fee.amount_per_year for fee in fees), Decimal(0))
    for year in network_years(network):
        row(year).fees += fee_total
    for line in lines:
        row(line.year).costs += line.amount
    hours: dict[str, Decimal] = defaultdict(Decimal)
    for membership in members:
        name = membership.organisation.name if membership.organisation else _("Zonder organisatie")
        hours[name] += membership.hours_per_week
    in_kind = [InKind(name, total) for name, total in sorted(hours.items()) if total]
    return MoneyOverview(sorted(years.values(), key=lambda r: r.year), in_kind)


def active_memberships(network: Network) -> models.QuerySet:
    return network.memberships.filter(left_on__isnull=True).select_related("organisation", "user")


# --- signing -------------------------------------------------------------------------------


# What the agreement's articles are made of, by model name in the history.
AGREEMENT_SOURCES = (
    "agreement",
    "goal",
    "milestone",
    "funder",
    "memberfee",
    "budgetline",
    "infrastructure",
)


# The agreement's scan of the signed paper: kept with the agreement (and in its history),
# but a new scan changes nothing the parties agreed to. Its form changes only this field.
SCAN_FIELD = "signed_scan"


def latest_agreement_change(network: Network) -> Revision | None:
    """The newest saved change to anything the agreement's articles are made of (a new
    or removed scan of the signed paper is not one)."""
    keys = Q()
    for source in AGREEMENT_SOURCES:
        keys |= Q(object_key__startswith=f"{source}:")
    scan_only = Q(object_key__startswith="agreement:", changes__0__field=SCAN_FIELD)
    return network.revisions.filter(keys).exclude(scan_only).order_by("-pk").first()


def agreement_gaps(network: Network) -> list[str]:
    """What the agreement does not say yet, for a look before anyone signs."""
    agreement, infrastructure = agreement_documents(network)
    gaps = []
    if not agreement.innovation_owner:
        gaps.append(_("wie eigenaar is van de innovaties"))
    if not agreement.intellectual_property:
        gaps.append(_("wat er geldt voor het intellectueel eigendom"))
    if not infrastructure.penvoerder_id:
        gaps.append(_("wie de penvoerder is"))
    if not network.agenda_goals.exists():
        gaps.append(_("de doelen op de drie agenda's"))
    return gaps


class StartupError(Exception):
    """A start-up action that the network's state does not allow; the message says why."""


@transaction.atomic
def signature_sign_online(
    *, network: Network, organisation: Organisation, by, signer_function: str = ""
) -> bool:
    """`by` signs for their own organisation, today, online (the view has checked that
    they represent it and read the text as it stands). Returns True when it was the last
    signature missing and the network became lopend."""
    return signature_record(
        network=network,
        organisation=organisation,
        by=by,
        method=Signature.Method.ONLINE,
        signer_name="",
        signer_function=signer_function,
        signed_on=date.today(),
        signed_by=by,
    )


@transaction.atomic
def signature_record(
    *,
    network: Network,
    organisation: Organisation,
    by,
    method: str = Signature.Method.PAPER,
    **details,
) -> bool:
    """Record an organisation's signature: on paper, as the trekker copies it from the
    signed paper, unless `method` says online. When it is the last one missing, the
    start-up is done and the network becomes lopend; returns True then."""
    # Lock the network: of two last signatures at once, one must see the other.
    network = Network.objects.select_for_update().get(pk=network.pk)
    latest = latest_agreement_change(network)
    signature = Signature.objects.create(
        network=network,
        organisation=organisation,
        recorded_by=by,
        signed_revision=latest.pk if latest else 0,
        method=method,
        **details,
    )
    if signature.is_online:
        # The name alone, so that removing the account can say "oud-lid" here too.
        signer = {"field": "signed_by", "label": _("getekend door"), "old": "", "new": by.full_name}
    else:
        signer = {
            "field": "signer_name",
            "label": _("getekend door"),
            "old": "",
            "new": f"{signature.signer_name} ({signature.signed_on:%d-%m-%Y})",
        }
    changes = [
        signer,
        {
            "field": "method",
            "label": _("manier van tekenen"),
            "old": "",
            "new": signature.get_method_display(),
        },
    ]
    history.record(
        network=network,
        instance=signature,
        action=Revision.Action.CREATED,
        changes=changes,
        by=by,
        version=1,
    )
    if signing_for(network).complete and network.status in (
        Network.Status.VERKENNING,
        Network.Status.OPSTART,
    ):
        network.status = Network.Status.LOPEND
        network.save(update_fields=["status"])
        return True
    return False


@transaction.atomic
def signature_withdraw(*, network: Network, signature: Signature, by) -> None:
    history.record(
        network=network,
        instance=signature,
        action=Revision.Action.DELETED,
        changes=[],
        by=by,
        version=2,
    )
    signature.delete()


@transaction.atomic
def network_set_running(*, network: Network, running: bool) -> None:
    """The trekker's word on the status: lopend once everyone has signed, or back from
    lopend to opstart. Raises StartupError for anything else."""
    network = Network.objects.select_for_update().get(pk=network.pk)
    if running:
        if network.status not in (Network.Status.VERKENNING, Network.Status.OPSTART):
            raise StartupError(_("Het netwerk is niet in de opstart."))
        if not signing_for(network).complete:
            raise StartupError(_("Nog niet alle organisaties hebben getekend."))
        network.status = Network.Status.LOPEND
    else:
        if network.status != Network.Status.LOPEND:
            raise StartupError(_("Alleen een lopend netwerk kan terug naar de opstart."))
        network.status = Network.Status.OPSTART
    network.save(update_fields=["status"])
