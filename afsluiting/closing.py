"""What the closing path shows and gathers: the state of its five steps, the network's
loose ends beside the right moment, the borging table, the reisverslag's first draft
from the network's own history, and everything the reisverslag PDF holds. Each is a
fixed number of queries, however long the network ran."""

from dataclasses import dataclass, field
from datetime import date

from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from afsluiting.models import ChosenReflection, Closing, Safeguard
from bijeenkomsten.models import Session
from liso import method
from liso.compiled import EXAMPLE_ID, CompiledOnce
from liso.pdf import render_pdf
from networks.models import Membership, Network, Organisation
from phases.models import Adoption, Experiment, Kennisproduct, Reflection
from rapportage.progress import Period, Progress, progress

STEPS = [
    ("moment", gettext_lazy("Het goede moment"), "closing_moment"),
    ("borging", gettext_lazy("Borging"), "closing_safeguards"),
    ("reisverslag", gettext_lazy("Reisverslag"), "closing_story"),
    ("laatste-bijeenkomst", gettext_lazy("De laatste bijeenkomst"), "closing_last_session"),
    ("afsluiten", gettext_lazy("Afsluiten"), "closing_close"),
]


# Every closing page reads it: compiled once (liso/compiled.py), run with the network's id.
_closing_of = CompiledOnce(
    lambda network_id: Closing.objects.select_related("last_session").filter(network_id=network_id)[
        :1
    ],
    network_id=EXAMPLE_ID,
)


def closing_of(network: Network) -> Closing:
    """The network's closing; a new, unsaved one until the trekker first saves a step."""
    return _closing_of.first(network_id=network.pk) or Closing(network=network)


@dataclass
class StepState:
    step: str
    number: int
    label: str
    url_name: str
    status: str  # "done" or "open"
    status_label: str


def path_states(network: Network, closing: Closing) -> list[StepState]:
    settled, total = borging_progress(network)
    done = {
        "moment": bool(closing.reason),
        "borging": total > 0 and settled == total,
        "reisverslag": bool(closing.story.strip()),
        "laatste-bijeenkomst": bool(
            closing.last_session and closing.last_session.date <= date.today()
        ),
        "afsluiten": closing.closed_on is not None,
    }
    notes = {
        "borging": _("%(settled)s van %(total)s antwoorden gegeven")
        % {"settled": settled, "total": total},
        "laatste-bijeenkomst": _("gepland op %(date)s")
        % {"date": date_format(closing.last_session.date, "j F Y")}
        if closing.last_session
        else "",
        "afsluiten": _("%(status)s op %(date)s")
        % {
            "status": closing.get_final_status_display(),
            "date": date_format(closing.closed_on, "j F Y"),
        }
        if closing.closed_on
        else "",
    }
    return [
        StepState(
            step=step,
            number=number,
            label=str(label),
            url_name=url_name,
            status="done" if done[step] else "open",
            status_label=str(notes.get(step) or (_("klaar") if done[step] else _("nog te doen"))),
        )
        for number, (step, label, url_name) in enumerate(STEPS, start=1)
    ]


@dataclass
class OpenExperiment:
    pk: int
    title: str
    status_label: str


@dataclass
class OpenAction:
    what: str
    owner_name: str | None  # None: nobody took it on


@dataclass
class LooseEnds:
    """What is still open in the network when it thinks about stopping (only the fields
    the page shows, not whole model instances: a long-running network has many)."""

    open_experiments: list[OpenExperiment]
    products_not_in_use: list[dict]  # pk and title
    open_actions: list[OpenAction]


def _open_experiments(network: Network):
    return network.experiments.exclude(status=Experiment.Status.KLAAR)


def _open_actions(network: Network):
    return network.actions.filter(done_at=None)


def loose_ends(network: Network) -> LooseEnds:
    in_use = Adoption.objects.filter(product=OuterRef("pk"), status=Adoption.Status.IN_GEBRUIK)
    status_labels = {value: str(label) for value, label in Experiment.Status.choices}
    experiments = _open_experiments(network).order_by("created_at")
    actions = _open_actions(network).order_by("pk")
    return LooseEnds(
        open_experiments=[
            OpenExperiment(pk, title, status_labels[status])
            for pk, title, status in experiments.values_list("pk", "title", "status")
        ],
        products_not_in_use=list(
            network.products.annotate(used=Exists(in_use))
            .filter(used=False)
            .order_by("title")
            .values("pk", "title")
        ),
        open_actions=[
            OpenAction(what, name if owner_id else None)
            for what, owner_id, name in actions.values_list(
                "what", "owner_id", "owner__user__full_name"
            )
        ],
    )


@dataclass
class LooseEndCounts:
    open_experiments: int
    open_actions: int


def loose_end_counts(network: Network) -> LooseEndCounts:
    """How many experiments and action points are still open, for a warning."""
    return LooseEndCounts(
        open_experiments=_open_experiments(network).count(),
        open_actions=_open_actions(network).count(),
    )


SHORT_QUESTIONS = [
    gettext_lazy("Vindbaar"),
    gettext_lazy("Verankerd"),
    gettext_lazy("In het onderwijs"),
]  # as Safeguard.Question


@dataclass
class SafeguardRow:
    """One kennisproduct or organisation with its answer to each borging question."""

    subject: Kennisproduct | Organisation
    kind: str  # "product" or "organisatie"
    answers: list  # per Safeguard.Question: the Safeguard, or None when not answered

    @property
    def questions(self) -> list[tuple[str, Safeguard | None]]:
        """Each answer beside the question's short name (the page explains them in full)."""
        return list(zip(SHORT_QUESTIONS, self.answers, strict=True))


@dataclass
class SafeguardTable:
    products: list[SafeguardRow] = field(default_factory=list)
    organisations: list[SafeguardRow] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(Safeguard.Question) * (len(self.products) + len(self.organisations))

    @property
    def settled(self) -> int:
        """Answers past "not yet": done, busy, or not applicable."""
        return sum(
            1
            for row in self.products + self.organisations
            for answer in row.answers
            if answer is not None and answer.state != Safeguard.State.OPEN
        )


def _borging_sql() -> str:
    """One SELECT counting, for network %(n)s, its kennisproducten, its members'
    organisations, and the borging answers past "not yet" of both. Plain SQL (portable
    between PostgreSQL and SQLite): built with the ORM, this query took longer to compile
    than to run, and every page of the path shows it."""
    member = Membership._meta.db_table
    current = "network_id = %(n)s AND left_on IS NULL"
    return (
        f"SELECT (SELECT COUNT(*) FROM {Kennisproduct._meta.db_table} WHERE network_id = %(n)s),"
        f" (SELECT COUNT(DISTINCT organisation_id) FROM {member} WHERE {current}"
        f" AND organisation_id IS NOT NULL),"
        f" (SELECT COUNT(*) FROM {Safeguard._meta.db_table} WHERE network_id = %(n)s"
        f" AND state <> %(open)s AND (product_id IS NOT NULL OR organisation_id IN"
        f" (SELECT organisation_id FROM {member} WHERE {current})))"
    )


_BORGING_SQL: list[str] = []  # built on first use, when all models are loaded


def borging_progress(network: Network) -> tuple[int, int]:
    """How many borging answers are past "not yet", and how many there are to give (one
    query, for the steps beside every page of the path)."""
    if not _BORGING_SQL:
        _BORGING_SQL.append(_borging_sql())
    with connection.cursor() as cursor:
        cursor.execute(_BORGING_SQL[0], {"n": network.pk, "open": Safeguard.State.OPEN.value})
        products, organisations, settled = cursor.fetchone()
    return settled, len(Safeguard.Question) * (products + organisations)


def member_organisations(network: Network) -> list[Organisation]:
    return list(
        Organisation.objects.filter(memberships__network=network, memberships__left_on__isnull=True)
        .distinct()
        .order_by("name")
    )


def safeguard_table(network: Network) -> SafeguardTable:
    """Every kennisproduct and member organisation with their three answers (three
    queries)."""
    saved = list(network.safeguards.select_related("caretaker__user"))
    by_subject = {}
    for safeguard in saved:
        key = (
            ("product", safeguard.product_id)
            if safeguard.product_id
            else ("organisatie", safeguard.organisation_id)
        )
        by_subject.setdefault(key, {})[safeguard.question] = safeguard

    def row(subject, kind):
        answers = by_subject.get((kind, subject.pk), {})
        return SafeguardRow(
            subject=subject,
            kind=kind,
            answers=[answers.get(question) for question in Safeguard.Question.values],
        )

    return SafeguardTable(
        products=[row(product, "product") for product in network.products.order_by("title")],
        organisations=[
            row(organisation, "organisatie") for organisation in member_organisations(network)
        ],
    )


def draft_story(network: Network) -> str:
    """A first version of the story of the journey, in Markdown, from what the network
    recorded: the trekker rewrites it into their own story."""
    parts = [
        "## " + _("Hoe het begon"),
        _("Het netwerk begon op %(date)s met dit vraagstuk: %(vraagstuk)s")
        % {"date": date_format(network.start_date, "j F Y"), "vraagstuk": network.vraagstuk},
    ]
    changes = network.phase_changes.order_by("changed_at", "pk")
    if changes:
        parts += ["## " + _("De fasen")]
        parts += [
            f"- {date_format(change.changed_at, 'j F Y')}: "
            + _("naar fase %(number)s, %(name)s.")
            % {"number": change.to_phase, "name": change.get_to_phase_display()}
            + (f" {change.reason}" if change.reason else "")
            for change in changes
        ]
    held = network.sessions.filter(date__lte=date.today()).exclude(status=Session.Status.AFGELAST)
    if sessions := list(held.order_by("date")):
        parts += ["## " + _("De bijeenkomsten")]
        parts += [f"- {date_format(s.date, 'j F Y')}: {s.theme}" for s in sessions]
    finished = network.experiments.filter(status=Experiment.Status.KLAAR).order_by("created_at")
    if experiments := list(finished):
        parts += ["## " + _("Wat we uitprobeerden")]
        parts += [
            f"- {e.title}" + (f": {e.get_outcome_display().lower()}." if e.outcome else ".")
            for e in experiments
        ]
    products = network.products.prefetch_related(
        Prefetch(
            "adoptions",
            Adoption.objects.filter(status=Adoption.Status.IN_GEBRUIK).select_related(
                "organisation"
            ),
        )
    ).order_by("title")
    if products := list(products):
        parts += ["## " + _("Wat we maakten")]
        parts += [_product_line(product) for product in products]
    if decisions := list(network.decisions.order_by("decided_on")):
        parts += ["## " + _("Wat we besloten")]
        parts += [f"- {date_format(d.decided_on, 'j F Y')}: {d.title}" for d in decisions]
    return "\n\n".join(_join_lists(parts))


def _product_line(product) -> str:
    users = [adoption.organisation.name for adoption in product.adoptions.all()]
    if users:
        return f"- {product.title}: " + _("in gebruik bij %(names)s.") % {"names": ", ".join(users)}
    return f"- {product.title}: " + _("nog niet in gebruik.")


def _join_lists(parts: list[str]) -> list[str]:
    """Keep the lines of one list together, so Markdown reads them as one list."""
    joined: list[str] = []
    for part in parts:
        if part.startswith("- ") and joined and joined[-1].startswith("- "):
            joined[-1] += "\n" + part
        else:
            joined.append(part)
    return joined


# Compiled once (liso/compiled.py), run with the network's id.
_chosen_reflections = CompiledOnce(
    lambda network_id: (
        Reflection.objects.shared()
        .filter(network_id=network_id, in_reisverslag__isnull=False)
        .select_related("author__user", "session", "experiment")
        .order_by("created_at")
    ),
    network_id=EXAMPLE_ID,
)


def chosen_reflections(network: Network) -> list[Reflection]:
    """Shared reflections their authors chose for the reisverslag."""
    return _chosen_reflections(network_id=network.pk)


def own_shared_reflections(network: Network, membership) -> list[Reflection]:
    """The member's shared reflections, each marked `chosen` when it is in the
    reisverslag."""
    chosen = ChosenReflection.objects.filter(reflection=OuterRef("pk"))
    return list(
        Reflection.objects.shared()
        .filter(network=network, author=membership)
        .annotate(chosen=Exists(chosen))
        .order_by("-created_at")
    )


@dataclass
class Reisverslag:
    network: Network
    closing: Closing
    facts: Progress  # the network's whole life, as the voortgangsrapportage gathers it
    phase_changes: list
    successes: list
    reflections: list
    safeguards: SafeguardTable
    lessons: list  # (perspective label, text), only those written


def reisverslag(network: Network) -> Reisverslag:
    closing = closing_of(network)
    end = closing.closed_on or date.today()
    return Reisverslag(
        network=network,
        closing=closing,
        facts=progress(network, Period(min(network.start_date, end), end)),
        phase_changes=list(network.phase_changes.order_by("changed_at", "pk")),
        successes=list(network.successes.select_related("author__user").order_by("created_at")),
        reflections=chosen_reflections(network),
        safeguards=safeguard_table(network),
        lessons=[
            (perspective.label, text)
            for perspective in method.Perspective
            if (text := closing.lesson(perspective.value))
        ],
    )


def reisverslag_pdf(network: Network) -> tuple[bytes, str]:
    pdf = render_pdf("pdf/reisverslag.html", {"verslag": reisverslag(network)})
    return pdf, f"reisverslag-{slugify(network.name)}.pdf"
