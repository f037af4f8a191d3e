"""Struikelblok signals: the method's nine known stumbling blocks, noticed in the network's
own data before they bite.

Each rule below looks at facts gathered once (a fixed number of queries, whatever the
network's size) and either stays quiet or says, in plain Dutch and with the numbers, why it
thinks the network may be running into that struikelblok. The thresholds are named
constants: they are the product's own judgement, not the method's, and the signal page says
so. A rule is a function of the facts; adding a tenth struikelblok with a rule is adding a
function to RULES.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bijeenkomsten.models import DraaiboekBlock, Registration, Session
from bijeenkomsten.registrations import AttendancePoint, attendance_trend, is_falling
from kernelements.models import Decision, Struikelblok, StruikelblokEntry, YearlyReview
from liso import method
from liso.compiled import EXAMPLE_ID, CompiledOnce, CompiledPerDay
from networks.models import Membership, Network, Organisation
from opstart.models import Milestone
from phases.models import Adoption, Experiment, Kennisproduct, Reflection

# 2 De eerste sessie: how far ahead the first session's preparation is looked at.
FIRST_SESSION_AHEAD = timedelta(weeks=6)
# 3 Overvolle sessies: the share of a draaiboek that should go to learning together.
LEARNING_SHARE_MIN = 0.5
# 4 Veel verloop: the share of the members (and the least number) who left within a year.
TURNOVER_SHARE = 0.25
TURNOVER_MIN_LEFT = 2
TURNOVER_PERIOD = timedelta(days=365)
# 5 Onduidelijkheid over wie besluit: how far back the besluitenlijst is read.
DECISION_PERIOD = timedelta(days=365)
# 6 Nog niet klaar: how long a running network may go without an experiment, a product
# or a reached milestone.
QUIET_PERIOD = timedelta(days=180)
# 7 Selectiestress: the size of the kernteam the method names, and the perspectives that
# should be at the table (the financier may be, but need not).
KERNTEAM_MIN, KERNTEAM_MAX = 5, 20
NEEDED_PERSPECTIVES = [
    method.Perspective.BELEID,
    method.Perspective.PRAKTIJK,
    method.Perspective.ONDERZOEK,
    method.Perspective.ONDERWIJS,
    method.Perspective.DOELGROEP,
]
# 8 Een partner beweegt niet mee: how long a member organisation may show no attendance,
# no experiment and no adoption.
PARTNER_QUIET_PERIOD = timedelta(days=120)
# 9 Geen idee, zijn we een leernetwerk?: from this age on, how many experiments and shared
# reflections a network should have per year of its life.
LEARNING_AGE = timedelta(days=365)
LEARNING_PER_YEAR = 6


@dataclass
class NextSession:
    date: date
    theme: str


@dataclass
class Facts:
    """What the rules look at, gathered in at most four queries: two of them only when a
    rule reads them (a page about one signal asks only its rule)."""

    today: date
    network: Network  # with the counts below annotated
    next_session: NextSession | None
    next_blocks: list[DraaiboekBlock]

    @cached_property
    def attendance(self) -> list[AttendancePoint]:
        return attendance_trend(self.network)

    @cached_property
    def quiet_organisations(self) -> list[str]:  # names
        return _quiet_organisations(self.network, self.today)


@dataclass
class Signal:
    struikelblok: Struikelblok
    reason: str
    werkvorm: object | None  # a werkvorm the method names for it, or None


def _count(model, network_path: str = "network", **filters):
    rows = (
        model.objects.filter(**{network_path: OuterRef("pk")}, **filters)
        .order_by()
        .values(network_path)
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def _members(**filters):
    return _count(Membership, **filters)


def _has_perspective(perspective):
    members = Membership.objects.filter(
        network=OuterRef("pk"),
        left_on=None,
        ring=Membership.Ring.KERNTEAM,
        perspective=perspective,
    )
    return Exists(members)


def _next(field: str, today: date):
    upcoming = Session.objects.filter(network=OuterRef("pk")).upcoming(today)
    return Subquery(upcoming.values(field)[:1])


# Building and compiling the two queries below (two dozen subqueries, and three) cost more
# than running them: each is compiled once a day (liso/compiled.py) and run per network.
_counted_on = CompiledPerDay(
    lambda today, network_id: _counted(today).filter(pk=network_id), network_id=EXAMPLE_ID
)


def _counted(today: date):
    """Every network with the counts the rules read, as of `today`."""
    quiet_since = today - QUIET_PERIOD
    return Network.objects.select_related("infrastructure").annotate(
        held=_count(Session, date__lt=today, status=Session.Status.GEPLAND),
        recorded_recently=_count(
            Session,
            attendance_recorded_at__isnull=False,
            date__gte=today - PARTNER_QUIET_PERIOD,
        ),
        experiments_total=_count(Experiment),
        experiments_recent=_count(Experiment, created_at__date__gte=quiet_since),
        products_recent=_count(Kennisproduct, updated_at__date__gte=quiet_since),
        milestones_recent=_count(
            Milestone,
            "goal__network",
            status=Milestone.Status.BEHAALD,
            updated_at__date__gte=quiet_since,
        ),
        shared_reflections=_count(Reflection, shared_at__isnull=False),
        decisions_taken=_count(
            Decision, status=Decision.Status.GENOMEN, decided_on__gte=today - DECISION_PERIOD
        ),
        unheard_decisions=_count(
            Decision,
            status=Decision.Status.GENOMEN,
            decided_on__gte=today - DECISION_PERIOD,
            heard_perspectives=[],
            heard_organisations__isnull=True,
        ),
        first_held=Subquery(
            Session.objects.filter(
                network=OuterRef("pk"), date__lt=today, status=Session.Status.GEPLAND
            )
            .order_by("date")
            .values("date")[:1]
        ),
        next_id=_next("pk", today),
        next_date=_next("date", today),
        next_theme=_next("theme", today),
        active=_members(left_on=None),
        kernteam=_members(left_on=None, ring=Membership.Ring.KERNTEAM),
        left_recently=_members(left_on__gte=today - TURNOVER_PERIOD),
        **{f"has_{p.value}": _has_perspective(p) for p in NEEDED_PERSPECTIVES},
        # No rule reads this; the health page shows it beside the signals (the next
        # yearly review), and so needs no query of its own.
        last_review_on=Subquery(
            YearlyReview.objects.filter(network=OuterRef("pk"))
            .order_by("-held_on")
            .values("held_on")[:1]
        ),
    )


# The next session's blocks with their werkvormen: compiled once, run with its id.
_blocks_of = CompiledOnce(
    lambda session_id: DraaiboekBlock.objects.filter(session_id=session_id).select_related(
        "werkvorm__based_on"
    ),
    session_id=EXAMPLE_ID,
)


def gather(network: Network, today: date | None = None) -> Facts:
    today = today or date.today()
    (counted,) = _counted_on(today, network_id=network.pk)
    next_session = None
    blocks = []
    if counted.next_id:
        next_session = NextSession(counted.next_date, counted.next_theme)
        blocks = _blocks_of(session_id=counted.next_id)
    return Facts(today=today, network=counted, next_session=next_session, next_blocks=blocks)


def _quiet_organisations(network, today) -> list[str]:
    """Member organisations with no attendance, experiment or adoption lately (one query)."""
    return _quiet_since(today - PARTNER_QUIET_PERIOD, network_id=network.pk)


_quiet_since = CompiledPerDay(
    lambda since, network_id: _quiet(network_id, since).values_list("name", flat=True),
    network_id=EXAMPLE_ID,
)


def _quiet(network_id: int, since: date):
    # Only organisations that have been members long enough to be expected to show up.
    members = Membership.objects.filter(network_id=network_id, left_on=None, joined_on__lte=since)
    return (
        Organisation.objects.filter(pk__in=members.values("organisation"))
        .annotate(
            attended=Exists(
                Registration.objects.filter(
                    session__network_id=network_id,
                    attended=True,
                    session__date__gte=since,
                    membership__organisation=OuterRef("pk"),
                )
            ),
            experimented=Exists(
                Experiment.objects.filter(
                    Q(created_at__date__gte=since) | Q(status=Experiment.Status.LOOPT),
                    network_id=network_id,
                    organisation=OuterRef("pk"),
                )
            ),
            adopted=Exists(
                Adoption.objects.filter(
                    product__network_id=network_id,
                    status__in=[Adoption.Status.AFGESPROKEN, Adoption.Status.IN_GEBRUIK],
                    organisation=OuterRef("pk"),
                )
            ),
        )
        .filter(attended=False, experimented=False, adopted=False)
        .order_by("name")
    )


# --- the rules, one per struikelblok -----------------------------------------------------------


def falling_attendance(facts: Facts) -> str | None:
    """1 Deelnemersbetrokkenheid: fewer people at the last sessions."""
    if not is_falling(facts.attendance):
        return None
    counts = ", ".join(str(point.present) for point in facts.attendance[-3:])
    return _("Bij de laatste drie bijeenkomsten waren er %(counts)s aanwezig.") % {"counts": counts}


def first_session_unprepared(facts: Facts, werkvormen: set[str]) -> str | None:
    """2 De eerste sessie: the first session is near and its draaiboek has nothing to get
    to know each other and the vraagstuk (a werkvorm the method names for it)."""
    session = facts.next_session
    if facts.network.held or session is None:
        return None
    if session.date - facts.today > FIRST_SESSION_AHEAD:
        return None
    used = {block.werkvorm.lineage_code for block in facts.next_blocks if block.werkvorm}
    if used & werkvormen:
        return None
    # The date, not "in 12 days": the same data must give the same words, or a signal set
    # aside would come back every day.
    return _(
        "De eerste bijeenkomst is op %(date)s, en het draaiboek heeft nog geen werkvorm om "
        "elkaar en het vraagstuk te leren kennen."
    ) % {"date": date_format(session.date, "j F Y")}


def little_learning_time(facts: Facts) -> str | None:
    """3 Overvolle sessies: the next draaiboek leaves little time for learning together."""
    total = sum(block.minutes for block in facts.next_blocks)
    if not total:
        return None
    learning = sum(block.minutes for block in facts.next_blocks if block.is_learning)
    if learning / total >= LEARNING_SHARE_MIN:
        return None
    return _(
        "In het draaiboek van “%(theme)s” gaat %(learning)s van de %(total)s minuten naar "
        "samen leren."
    ) % {"theme": facts.next_session.theme, "learning": learning, "total": total}


def high_turnover(facts: Facts) -> str | None:
    """4 Veel verloop: many members left within a year."""
    left = facts.network.left_recently
    before = facts.network.active + left
    if left < TURNOVER_MIN_LEFT or left < TURNOVER_SHARE * before:
        return None
    return _("%(left)s van de %(total)s leden zijn het afgelopen jaar vertrokken.") % {
        "left": left,
        "total": before,
    }


def unclear_decisions(facts: Facts) -> str | None:
    """5 Onduidelijkheid over wie besluit: no penvoerder, nobody named who must be heard
    before a decision, or decisions of the past year that do not say who was heard."""
    infrastructure = getattr(facts.network, "infrastructure", None)
    if facts.network.status != Network.Status.LOPEND:
        return None  # setting this up is what the start-up is for
    if infrastructure is None or infrastructure.penvoerder_id is None:
        return _("In de kennisinfrastructuur staat nog geen penvoerder: wie besluit formeel?")
    if not infrastructure.heard_perspectives and not infrastructure.must_be_heard.strip():
        return _("Er staat nog niet vastgelegd wie gehoord wordt voordat er een besluit valt.")
    if facts.network.unheard_decisions:
        return ngettext(
            "Bij %(n)s van de %(total)s besluiten van het afgelopen jaar staat niet wie er "
            "gehoord is.",
            "Bij %(n)s van de %(total)s besluiten van het afgelopen jaar staat niet wie er "
            "gehoord is.",
            facts.network.unheard_decisions,
        ) % {"n": facts.network.unheard_decisions, "total": facts.network.decisions_taken}
    return None


def long_quiet(facts: Facts) -> str | None:
    """6 Nog niet klaar: a running network long without an experiment, a product or a
    reached milestone."""
    network = facts.network
    if network.status != Network.Status.LOPEND or not _running_for(facts, QUIET_PERIOD):
        return None
    if network.experiments_recent or network.products_recent or network.milestones_recent:
        return None
    months = QUIET_PERIOD.days // 30
    return _(
        "In de afgelopen %(months)s maanden kwam er geen experiment, kennisproduct of "
        "bereikte mijlpaal bij."
    ) % {"months": months}


def kernteam_out_of_shape(facts: Facts) -> str | None:
    """7 Selectiestress: a kernteam under five or over twenty, or a perspective missing."""
    if facts.network.status != Network.Status.LOPEND:
        return None  # the start-up is where the kernteam is formed
    size = facts.network.kernteam
    if not KERNTEAM_MIN <= size <= KERNTEAM_MAX:
        return ngettext(
            "Het kernteam heeft %(n)s lid; de methode gaat uit van 5 tot 20.",
            "Het kernteam heeft %(n)s leden; de methode gaat uit van 5 tot 20.",
            size,
        ) % {"n": size}
    network = facts.network
    missing = [p.label for p in NEEDED_PERSPECTIVES if not getattr(network, f"has_{p.value}")]
    if not missing:
        return None
    return ngettext(
        "Dit perspectief zit nog niet aan tafel: %(missing)s.",
        "Deze perspectieven zitten nog niet aan tafel: %(missing)s.",
        len(missing),
    ) % {"missing": ", ".join(str(label).lower() for label in missing)}


def quiet_partner(facts: Facts) -> str | None:
    """8 Een partner beweegt niet mee: a member organisation without attendance,
    experiments or adoption for months."""
    if not facts.quiet_organisations or not facts.network.recorded_recently:
        return None  # without recorded attendance, staying away cannot be seen
    months = PARTNER_QUIET_PERIOD.days // 30
    return ngettext(
        "Van %(names)s was de afgelopen %(months)s maanden niemand bij een bijeenkomst, "
        "liep er geen experiment en is er geen kennisproduct in gebruik of afgesproken.",
        "Van %(names)s was de afgelopen %(months)s maanden niemand bij een bijeenkomst, "
        "liep er geen experiment en is er geen kennisproduct in gebruik of afgesproken.",
        len(facts.quiet_organisations),
    ) % {"names": ", ".join(facts.quiet_organisations), "months": months}


def little_learning(facts: Facts) -> str | None:
    """9 Geen idee, zijn we een leernetwerk?: few experiments and shared reflections for
    the time the network has been meeting."""
    network = facts.network
    if network.status != Network.Status.LOPEND or not _running_for(facts, LEARNING_AGE):
        return None
    years = (facts.today - network.first_held).days / 365
    done = network.experiments_total + network.shared_reflections
    if done >= LEARNING_PER_YEAR * years:
        return None
    experiments = ngettext("%(n)s experiment", "%(n)s experimenten", network.experiments_total) % {
        "n": network.experiments_total
    }
    reflections = ngettext(
        "%(n)s gedeelde reflectie", "%(n)s gedeelde reflecties", network.shared_reflections
    ) % {"n": network.shared_reflections}
    return _(
        "Het netwerk komt sinds %(date)s bij elkaar en heeft %(experiments)s en %(reflections)s."
    ) % {
        "date": date_format(network.first_held, "j F Y"),
        "experiments": experiments,
        "reflections": reflections,
    }


def _running_for(facts: Facts, period: timedelta) -> bool:
    """Whether the network has met for at least `period` (since its first session held)."""
    first = facts.network.first_held
    return first is not None and facts.today - first >= period


# struikelblok code -> rule; the rule of "de eerste sessie" also gets the struikelblok's own
# werkvormen (what the method advises to get to know each other).
RULES: dict[str, Callable] = {
    "deelnemersbetrokkenheid": falling_attendance,
    "de-eerste-sessie": first_session_unprepared,
    "overvolle-sessies": little_learning_time,
    "veel-verloop": high_turnover,
    "onduidelijkheid-over-wie-besluit": unclear_decisions,
    "nog-niet-klaar": long_quiet,
    "selectiestress": kernteam_out_of_shape,
    "partner-beweegt-niet-mee": quiet_partner,
    "zijn-we-een-leernetwerk": little_learning,
}


def is_quiet(reason: str, entry: StruikelblokEntry | None) -> bool:
    """A signal the network is working on stays quiet; one it set aside or finished stays
    quiet until its reason, and so the data behind it, changes."""
    if entry is None:
        return False
    return entry.status == StruikelblokEntry.Status.OPEN or entry.signal_reason == reason


def latest_entries(log) -> dict[int, StruikelblokEntry]:
    """The newest log entry per struikelblok (the log comes newest first)."""
    latest = {}
    for entry in log:
        latest.setdefault(entry.struikelblok_id, entry)
    return latest


def signals_for(
    network: Network, today: date | None = None, log=(), facts: Facts | None = None, codes=RULES
) -> list[Signal]:
    """The signals that fire now, in the order of the struikelblokken (at most six
    queries), less those the network's log quiets (`log`: its entries, newest first, read
    once by the caller, who shows them too). A caller that shows more of the facts
    gathers them itself and passes them; one that asks about some struikelblokken only
    names their `codes`, and only their rules run."""
    facts = facts or gather(network, today)
    latest = latest_entries(log)
    struikelblokken = list(
        Struikelblok.objects.filter(
            code__in=[code for code in codes if code in RULES]
        ).prefetch_related("werkvormen")
    )
    fired = []
    for struikelblok in struikelblokken:
        rule = RULES[struikelblok.code]
        werkvormen = list(struikelblok.werkvormen.all())
        if rule is first_session_unprepared:
            reason = rule(facts, {w.code for w in werkvormen})
        else:
            reason = rule(facts)
        if reason and not is_quiet(reason, latest.get(struikelblok.pk)):
            fired.append(Signal(struikelblok, reason, werkvormen[0] if werkvormen else None))
    return fired
