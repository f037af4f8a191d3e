"""Who may reach the journey's learning URLs: phases, rounds, experiments, reflections
(merged into tests/access.py ROUTES). The world's experiment, its observation and the
private reflection are the deelnemer's (tests/phases/world.py)."""

from liso.method import Role
from networks import permissions as P
from tests.access import LOGGED_IN, NETWORK, THE_NETWORK, Route

VIEW, TAKE_PART, MANAGE = "network.view", "learning.take_part", "learning.manage"
NETWORK_ONLY = {"slug": THE_NETWORK}
EXPERIMENT = {"slug": THE_NETWORK, "pk": "<experiment>"}
OBSERVATION = {**EXPERIMENT, "observation": "<observation>"}
ROUND = {"slug": THE_NETWORK, "number": "<round>"}
REFLECTION = {"slug": THE_NETWORK, "pk": "<reflection>"}
# Members who may take part but are not in the experiment's group and do not lead the
# learning: someone else's experiment is not theirs to change.
OUTSIDE_THE_GROUP = frozenset(
    {Role.PROJECTASSISTENT, Role.COMMUNICATIEADVISEUR, Role.VERBINDINGSFUNCTIONARIS}
)
NOT_THE_AUTHOR = frozenset(set(Role.values) - {Role.DEELNEMER})


def _post(permission, kwargs, status=302, **extra) -> Route:
    return Route(
        NETWORK,
        method="post",
        page=False,
        kwargs=kwargs,
        permission=permission,
        status=status,
        **extra,
    )


ROUTES = {
    "journey_home": Route(NETWORK, kwargs=NETWORK_ONLY, permission=VIEW),
    # The overview's journey panels, loaded by htmx (a fragment, not a page).
    "journey_panels": Route(NETWORK, kwargs=NETWORK_ONLY, permission=VIEW, page=False),
    "phase_detail": Route(NETWORK, kwargs={"slug": THE_NETWORK, "number": 2}, permission=VIEW),
    "phase_change": Route(NETWORK, kwargs=NETWORK_ONLY, permission=MANAGE),
    "experiment_list": Route(NETWORK, kwargs=NETWORK_ONLY, permission=VIEW),
    "experiment_csv": Route(NETWORK, kwargs=NETWORK_ONLY, permission=P.REPORTS_EXPORT, page=False),
    "experiment_add": Route(NETWORK, kwargs=NETWORK_ONLY, permission=TAKE_PART),
    "experiment_detail": Route(NETWORK, kwargs=EXPERIMENT, permission=VIEW),
    "experiment_edit": Route(
        NETWORK, kwargs=EXPERIMENT, permission=TAKE_PART, not_theirs=OUTSIDE_THE_GROUP
    ),
    "experiment_start": _post(TAKE_PART, EXPERIMENT, not_theirs=OUTSIDE_THE_GROUP),
    "experiment_outcome": Route(
        NETWORK, kwargs=EXPERIMENT, permission=TAKE_PART, not_theirs=OUTSIDE_THE_GROUP
    ),
    # The participants' shared judgement: the group (the world's deelnemer) and those who
    # lead the learning; a member outside the group gets 403.
    "experiment_assessment": Route(
        NETWORK, kwargs=EXPERIMENT, permission=TAKE_PART, not_theirs=OUTSIDE_THE_GROUP
    ),
    # Those who lead the learning, or whoever planned it.
    "experiment_delete": _post(TAKE_PART, EXPERIMENT, not_theirs=OUTSIDE_THE_GROUP),
    # Posting nothing shows the form again with its messages (200).
    "observation_add": _post(TAKE_PART, EXPERIMENT, status=200, not_theirs=OUTSIDE_THE_GROUP),
    "observation_photo": Route(NETWORK, kwargs=OBSERVATION, permission=VIEW, page=False),
    "observation_delete": _post(TAKE_PART, OBSERVATION, not_theirs=OUTSIDE_THE_GROUP),
    "round_list": Route(NETWORK, kwargs=NETWORK_ONLY, permission=VIEW),
    # A round is open already: told so, back to the rounds.
    "round_open": _post(MANAGE, NETWORK_ONLY),
    "round_detail": Route(NETWORK, kwargs=ROUND, permission=VIEW),
    "round_close": _post(MANAGE, ROUND),
    "reflection_list": Route(NETWORK, kwargs=NETWORK_ONLY, permission=VIEW),
    "reflection_add": Route(NETWORK, kwargs=NETWORK_ONLY, permission=TAKE_PART),
    # Someone else's reflection does not exist for anyone but its author.
    "reflection_edit": Route(
        NETWORK, kwargs=REFLECTION, permission=TAKE_PART, not_found_for=NOT_THE_AUTHOR
    ),
    "reflection_delete": _post(TAKE_PART, REFLECTION, not_found_for=NOT_THE_AUTHOR),
    # From the home page; without a network of one's own it says so and goes home.
    "reflection_quick": Route(LOGGED_IN, method="post", page=False, status=302),
}
