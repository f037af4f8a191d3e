"""What the phases app contributes (liso/contributions.py): the journey's panels on the
network overview (loaded after the page, so the overview keeps its query budget), one's
experiments in progress and a quick reflection on the home page, "write a reflection" and
the experiments judged on a session's page, the phases a werkvorm is a core werkvorm of,
its catalogue and demo parts."""

from datetime import timedelta

from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bijeenkomsten.session_links import SessionLink
from liso.account import RemovalPart
from liso.catalogue import Part
from liso.compiled import EXAMPLE_ID, CompiledOnce
from liso.contributions import (
    ACCOUNT_REMOVAL,
    CATALOGUE_PARTS,
    DEMO_PARTS,
    HOME_SECTIONS,
    OVERVIEW_PANELS,
    PERSONAL_DATA,
    SEARCH_SOURCES,
    SESSION_LINKS,
    WERKVORM_SECTIONS,
)
from liso.home import HomeSection
from liso.personal import PersonalSection
from networks import permissions
from networks.panels import Panel
from networks.search import SearchSource
from phases import catalogue, demo
from phases.forms import ReflectionForm
from phases.models import Experiment, Leervraag, Observation, Phase, Reflection, Success
from werkvormen.registry import RelatedSection


def _journey_panels(request):
    return {"network": request.network}


def _quick_reflection(request):
    memberships = permissions.memberships_with(request, permissions.LEARNING_TAKE_PART)
    if not memberships:
        return None
    networks = [m.network for m in memberships]
    return {"networks": networks, "form": ReflectionForm(auto_id="snel-%s")}


MY_EXPERIMENTS_SHOWN = 10


def _next_step(experiment, today) -> tuple[str, str]:
    """What the group does next with a running or planned experiment, and where."""
    slug = experiment.network.slug
    detail = reverse("experiment_detail", args=[slug, experiment.pk])
    if experiment.status == Experiment.Status.PLAN:
        return _("Nog niet begonnen. Start het experiment als jullie er klaar voor zijn."), detail
    if (
        experiment.starts_on
        and experiment.weeks
        and (experiment.starts_on + timedelta(weeks=experiment.weeks) <= today)
    ):
        return (
            _("De geplande tijd is om. Schrijf de uitkomst op: klopte de verwachting?"),
            reverse("experiment_outcome", args=[slug, experiment.pk]),
        )
    return _("Schrijf op wat je ziet gebeuren: voeg een waarneming toe."), f"{detail}#waarnemingen"


def _in_progress_of(user_id: int):
    """The experiments planned or running whose group the person is in (in a membership
    that may take part), running first, each with the day of its last observation."""
    taking_part = permissions.current_holding(user_id, permissions.LEARNING_TAKE_PART)
    last_noted = Observation.objects.filter(experiment=OuterRef("pk")).order_by("-noted_on")
    return (
        Experiment.objects.filter(
            group__in=taking_part,
            status__in=[Experiment.Status.PLAN, Experiment.Status.LOOPT],
            network__archived_at=None,
        )
        .annotate(last_noted=Subquery(last_noted.values("noted_on")[:1]))
        .select_related("network")
        .order_by("status", "network__name", "title", "pk")  # running ("loopt") first
    )


# One shape for everyone: compiled once (liso/compiled.py), run with the person's id.
_experiments_in_progress = CompiledOnce(
    lambda user_id: _in_progress_of(user_id)[: MY_EXPERIMENTS_SHOWN + 1], user_id=EXAMPLE_ID
)


def _my_experiments(request):
    """The experiments in progress whose group the person is in, with their next step."""
    memberships = permissions.memberships_with(request, permissions.LEARNING_TAKE_PART)
    if not memberships:
        return None
    experiments = _experiments_in_progress(user_id=request.user.pk)
    if not experiments:
        return None
    today = timezone.localdate()
    for experiment in experiments:
        experiment.next_step, experiment.next_url = _next_step(experiment, today)
    return {
        "experiments": experiments[:MY_EXPERIMENTS_SHOWN],
        "more": len(experiments) > MY_EXPERIMENTS_SHOWN,
        "networks": [m.network for m in memberships],
    }


def _reflect_on_session(request, session):
    if permissions.LEARNING_TAKE_PART not in request.network_perms or session.is_cancelled:
        return None
    url = reverse("reflection_add", args=[request.network.slug])
    return f"{url}?bijeenkomst={session.pk}"


def _judged_in_session(request, session):
    """The experiments whose outcome the network judged in this session, if any."""
    if not session.assessments.exists():
        return None
    url = reverse("experiment_list", args=[request.network.slug])
    return f"{url}?bijeenkomst={session.pk}"


def _core_of_phases(werkvorm):
    return [
        (
            f"{phase.number}. {phase.get_number_display()}",
            reverse("guide_phase", args=[phase.number]),
        )
        for phase in Phase.objects.filter(werkvormen=werkvorm)
    ]


def _reflections(network, membership):
    """Reflections shared with the network, and the searcher's own private ones."""
    return network.reflections.filter(Q(shared_at__isnull=False) | Q(author=membership))


def _url(name: str, anchor: str = ""):
    """Where a result is: a page of the network by name, with the key or as an anchor."""
    if anchor:
        return lambda network, key: reverse(name, args=[network.slug]) + f"#{anchor}-{key}"
    return lambda network, key: reverse(name, args=[network.slug, key])


FOUND = [
    SearchSource(
        kind="experiments",
        label=_("Experiment"),
        rows=lambda network, membership: network.experiments.all(),
        fields=["title", "change", "expectation", "outcome_note", "assessment"],
        title="title",
        key="pk",
        day="created_at",
        url=_url("experiment_detail"),
    ),
    SearchSource(
        kind="observations",
        label=_("Waarneming"),
        rows=lambda network, membership: Observation.objects.filter(experiment__network=network),
        fields=["text"],
        title="experiment__title",
        key="experiment_id",
        day="noted_on",
        url=_url("experiment_detail"),
    ),
    SearchSource(
        kind="reflections",
        label=_("Reflectie"),
        rows=_reflections,
        fields=["text"],
        title="author__user__full_name",
        key="pk",
        day="created_at",
        url=lambda network, key: reverse("reflection_list", args=[network.slug]),
    ),
    SearchSource(
        kind="terms",
        label=_("Begrip"),
        rows=lambda network, membership: network.terms.all(),
        fields=["term", "definition", "perspectives", "alternatives"],
        title="term",
        key="pk",
        day="updated_at",
        url=_url("term_list", anchor="begrip"),
    ),
    SearchSource(
        kind="products",
        label=_("Kennisproduct"),
        rows=lambda network, membership: network.products.all(),
        fields=["title", "summary", "audience"],
        title="title",
        key="pk",
        day="updated_at",
        url=_url("product_detail"),
    ),
]


def _reflections_of(user) -> list[dict]:
    found = Reflection.objects.filter(author__user=user).select_related("network")
    return [
        {
            "netwerk": r.network.name,
            "niveau": r.get_level_display(),
            "tekst": r.text,
            "geschreven_op": r.created_at,
            "gedeeld_op": r.shared_at,
        }
        for r in found
    ]


def _leervragen_of(user) -> list[dict]:
    found = Leervraag.objects.filter(owner__user=user).select_related("network")
    return [
        {"netwerk": q.network.name, "leervraag": q.question, "antwoord": q.answer} for q in found
    ]


def _observations_of(user) -> list[dict]:
    found = Observation.objects.filter(author__user=user).select_related("experiment__network")
    return [
        {
            "netwerk": o.experiment.network.name,
            "experiment": o.experiment.title,
            "datum": o.noted_on,
            "wat_je_zag": o.text,
        }
        for o in found
    ]


def _successes_of(user) -> list[dict]:
    found = Success.objects.filter(author__user=user).select_related("network")
    return [{"netwerk": s.network.name, "tekst": s.text, "op": s.created_at} for s in found]


def _delete_private_reflections(user) -> None:
    """Reflections nobody else ever read go with the account; shared ones stay, as the
    network's, under "oud-lid". Leervragen stay too: every member reads them and
    experiments name them."""
    Reflection.objects.filter(author__user=user, shared_at__isnull=True).delete()


CONTRIBUTIONS = [
    (OVERVIEW_PANELS, "journey", Panel("phases/panel_journey.html", _journey_panels)),
    (
        HOME_SECTIONS,
        "my-experiments",
        HomeSection("phases/home_my_experiments.html", _my_experiments, next=True),
    ),
    (
        HOME_SECTIONS,
        "quick-reflection",
        HomeSection("phases/home_reflection.html", _quick_reflection),
    ),
    (SESSION_LINKS, "reflect", SessionLink(_("Reflectie schrijven"), _reflect_on_session)),
    (SESSION_LINKS, "judged", SessionLink(_("Besproken experimenten"), _judged_in_session)),
    (WERKVORM_SECTIONS, "phases", RelatedSection(_("Kernwerkvorm van de fase"), _core_of_phases)),
    (CATALOGUE_PARTS, "phases", Part("phases", catalogue.check, catalogue.load)),
    (DEMO_PARTS, "journey", demo.demo_journey),
    *[(SEARCH_SOURCES, source.kind, source) for source in FOUND],
    (PERSONAL_DATA, "reflections", PersonalSection("reflecties", _reflections_of)),
    (PERSONAL_DATA, "leervragen", PersonalSection("leervragen", _leervragen_of)),
    (PERSONAL_DATA, "observations", PersonalSection("waarnemingen", _observations_of)),
    (PERSONAL_DATA, "successes", PersonalSection("successen", _successes_of)),
    (ACCOUNT_REMOVAL, "reflections", RemovalPart(_delete_private_reflections)),
]
