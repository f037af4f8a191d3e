"""The one place that decides who may do what in a network.

A member's roles map to sets of permission names; their permissions are the union over
their roles. Views declare the permission they need with `network_permission_required`,
which finds the network from the URL once and puts it on the request:

- someone who is not a current member (also: who left, or who was never in) gets 404, so
  nothing leaks, not even that the network exists;
- a member without the permission gets 403;
- in an archived network only reading remains (and the trekker may restore it).

Templates ask for permissions, never roles: `{% if "members.manage" in request.network_perms %}`.
"""

from collections.abc import Iterable
from functools import cache, wraps

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from liso.compiled import EXAMPLE_ID, SECOND_EXAMPLE_ID, CompiledOnce
from liso.method import Role
from networks.models import Membership, MembershipRole, Network

# Permission names, by what they guard.
NETWORK_VIEW = "network.view"
NETWORK_CHANGE = "network.change"
NETWORK_ARCHIVE = "network.archive"
# The whole network as one file, to move it to another install (transfer).
NETWORK_EXPORT = "network.export"
MEMBERS_VIEW = "members.view"
MEMBERS_MANAGE = "members.manage"
INSIGHT_VIEW = "insight.view"
# Only a trekker may make someone trekker, or change or end a trekker's membership.
MEMBERS_MANAGE_TREKKERS = "members.manage_trekkers"
# The start-up (opstart): everyone reads the documents; each part has its own editors.
STARTUP_VIEW = "startup.view"
STARTUP_CHANGE = "startup.change"  # startnotitie, steps, governance, agreement, signing
STARTUP_TALKS = "startup.talks"  # verkennende gesprekken: notes about people, few may read
# Signing the samenwerkingsovereenkomst online, for one's own organisation only
# (may_sign_for); recording a signature on paper is startup.change.
STARTUP_SIGN = "startup.sign"
AGENDAS_CHANGE = "agendas.change"
MONEY_CHANGE = "money.change"
PLANNING_CHANGE = "planning.change"  # year planning and venues
COMMUNICATION_CHANGE = "communication.change"
REPORTS_EXPORT = "reports.export"  # documents as PDF
# Sessions: everyone reads them; planners plan them and their preparation.
SESSIONS_VIEW = "sessions.view"
# Taking part: answering an invitation, looking back, ticking off one's own action point
# (gone when the network is archived, like every other change).
SESSIONS_TAKE_PART = "sessions.take_part"
SESSIONS_CHANGE = "sessions.change"
# The network's own werkvormen: everyone uses them; those who build draaiboeken make them.
WERKVORMEN_CHANGE = "werkvormen.change"
# The journey (leren, opbrengsten): every member writes their leervraag, experiments,
# reflections, glossary terms, products and successes; the few who lead the learning move
# the network between phases, open and close rounds, and may change any experiment.
LEARNING_TAKE_PART = "learning.take_part"
LEARNING_MANAGE = "learning.manage"
# Health (gezondheid): everyone reads the results and answers the zelfscans; those who lead
# the network open and close scan rounds.
HEALTH_VIEW = "health.view"
HEALTH_TAKE_PART = "health.take_part"
HEALTH_MANAGE = "health.manage"
# The besluitenlijst: every member reads it (health.view); those who lead keep it.
DECISIONS_CHANGE = "decisions.change"
# The afsluiting: every member reads the closing path and chooses which of their shared
# reflections go into the reisverslag; the trekker walks it and closes the network.
CLOSING_MANAGE = "closing.manage"

EVERYONE = {NETWORK_VIEW, MEMBERS_VIEW, STARTUP_VIEW, SESSIONS_VIEW, SESSIONS_TAKE_PART}
EVERYONE |= {LEARNING_TAKE_PART, HEALTH_VIEW, HEALTH_TAKE_PART, STARTUP_SIGN}

ROLE_PERMISSIONS: dict[str, set[str]] = {
    Role.TREKKER: EVERYONE
    | {
        NETWORK_CHANGE,
        NETWORK_ARCHIVE,
        NETWORK_EXPORT,
        MEMBERS_MANAGE,
        MEMBERS_MANAGE_TREKKERS,
        INSIGHT_VIEW,
    }
    | {STARTUP_CHANGE, STARTUP_TALKS, AGENDAS_CHANGE, MONEY_CHANGE, PLANNING_CHANGE}
    | {COMMUNICATION_CHANGE, REPORTS_EXPORT, SESSIONS_CHANGE, WERKVORMEN_CHANGE}
    | {LEARNING_MANAGE, HEALTH_MANAGE, DECISIONS_CHANGE, CLOSING_MANAGE},
    Role.PROCESBEGELEIDER: EVERYONE
    | {MEMBERS_MANAGE, INSIGHT_VIEW, STARTUP_TALKS, AGENDAS_CHANGE, REPORTS_EXPORT}
    | {SESSIONS_CHANGE, WERKVORMEN_CHANGE, LEARNING_MANAGE, HEALTH_MANAGE, DECISIONS_CHANGE},
    Role.PROJECTASSISTENT: EVERYONE
    | {INSIGHT_VIEW, MONEY_CHANGE, PLANNING_CHANGE, REPORTS_EXPORT, SESSIONS_CHANGE}
    | {WERKVORMEN_CHANGE},
    Role.COMMUNICATIEADVISEUR: EVERYONE | {COMMUNICATION_CHANGE, REPORTS_EXPORT},
    Role.VERBINDINGSFUNCTIONARIS: EVERYONE,
    Role.DEELNEMER: EVERYONE,
}

# What still works in an archived (or closed) network: reading, and restoring (reopening) it.
ARCHIVED_KEEPS = {NETWORK_VIEW, MEMBERS_VIEW, INSIGHT_VIEW, NETWORK_ARCHIVE, STARTUP_VIEW}
ARCHIVED_KEEPS |= {REPORTS_EXPORT, SESSIONS_VIEW, HEALTH_VIEW, NETWORK_EXPORT}


def grantable_roles(perms) -> list[str]:
    """The roles someone with these permissions may give or take away: those whose every
    permission they hold already, so nobody gains a right by granting a role (a
    procesbegeleider cannot make themselves projectassistent to reach the money). Only who
    may manage trekkers grants or removes the trekker role."""
    return [
        role
        for role in Role.values
        if ROLE_PERMISSIONS[role] <= perms
        and (role != Role.TREKKER or MEMBERS_MANAGE_TREKKERS in perms)
    ]


def permissions_for(membership: Membership) -> frozenset[str]:
    perms = set()
    for role in membership.role_codes():
        perms |= ROLE_PERMISSIONS.get(role, set())
    if membership.network.is_archived:
        perms &= ARCHIVED_KEEPS
    return frozenset(perms)


def _current(user_id):
    """A person's current memberships, with their network and roles."""
    return (
        Membership.objects.with_roles()
        .select_related("network")
        .filter(user_id=user_id, left_on__isnull=True)
    )


# Every network page asks the first, every home page the second: one query each, compiled
# once (liso/compiled.py).
_membership_query = CompiledOnce(
    lambda slug, user_id: _current(user_id).filter(network__slug=slug)[:1],
    slug="(example slug)",
    user_id=EXAMPLE_ID,
)
_memberships_query = CompiledOnce(
    lambda user_id: _current(user_id).order_by("network__name", "network__pk"),
    user_id=EXAMPLE_ID,
)


def current_membership(user, slug: str) -> Membership:
    """The user's current membership of the network at `slug`, with its network and roles
    (one query), or 404 (also for a network that does not exist: the two must look the
    same)."""
    if not user.is_authenticated:
        raise Http404
    found = _membership_query(slug=slug, user_id=user.pk)
    if not found:
        raise Http404
    return found[0].keep_role_list()


def _current_memberships(user) -> list[Membership]:
    """The user's current memberships with their networks and roles, by network name (one
    query)."""
    return [membership.keep_role_list() for membership in _memberships_query(user_id=user.pk)]


def network_permission_required(permission: str):
    """Decorate a view taking `slug` first: 404 for non-members, 403 without `permission`."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, slug, *args, **kwargs):
            membership = current_membership(request.user, slug)
            request.membership = membership
            request.network = membership.network
            request.network_perms = permissions_for(membership)
            if permission not in request.network_perms:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapper.network_permission = permission
        return wrapper

    return decorator


@cache
def _in_network(model, related: tuple[str, ...]) -> CompiledOnce:
    # Pages read their object by network and id: one query shape per model (and the
    # objects read along), compiled once per process (liso/compiled.py).
    def build(network_id, pk):
        found = model._default_manager.filter(network_id=network_id, pk=pk)
        return (found.select_related(*related) if related else found)[:1]

    return CompiledOnce(build, network_id=EXAMPLE_ID, pk=SECOND_EXAMPLE_ID)


def object_in_network(request, model, pk: int, *related: str):
    """The `model` object `pk` of the request's network, with the objects `related` names
    read along, or 404: an object of another network looks like none."""
    return found_in_network(_in_network(model, related), request, pk)


def found_in_network(query: CompiledOnce, request, pk: int):
    """The object `pk` of the request's network that `query` (compiled with a `network_id`
    and a `pk`) finds, or 404. Its network is the request's, as `request.network.<objects>`
    would give it."""
    found = query.first(network_id=request.network.pk, pk=pk)
    if found is None:
        raise Http404
    found.network = request.network
    return found


def networks_of(user):
    """The networks whose members-only things `user` may see: those they are a current
    member of (a queryset, to filter other querysets with)."""
    return Network.objects.of_user(user)


def networks_with(user, permission: str) -> list:
    """The networks in which `user` holds `permission` now (one query)."""
    return [m.network for m in _current_memberships(user) if permission in permissions_for(m)]


def memberships_of(request) -> list[Membership]:
    """The request's person's current memberships with their network and roles, read once
    per request (one query) however many parts of the page ask: the home page's sections
    each look at the person's networks."""
    if not hasattr(request, "_current_memberships"):
        request._current_memberships = _current_memberships(request.user)
    return request._current_memberships


def memberships_with(request, permission: str) -> list[Membership]:
    """Those of `memberships_of` that hold `permission` now (none in an archived network
    but reading)."""
    return [m for m in memberships_of(request) if permission in permissions_for(m)]


def holding(permission: str) -> Q:
    """`permissions_for`'s rule as a filter on memberships: a role that grants
    `permission`, and in an archived network only what ARCHIVED_KEEPS keeps. Made from the
    same two tables, so the rule stays here; a query filtered with it has one shape
    whoever asks, so it can be compiled once (liso/compiled.py)."""
    granting = [role for role in Role.values if permission in ROLE_PERMISSIONS[role]]
    rule = Q(Exists(MembershipRole.objects.filter(membership=OuterRef("pk"), role__in=granting)))
    if permission not in ARCHIVED_KEEPS:
        rule &= Q(network__archived_at=None)
    return rule


def current_holding(user_id: int, permission: str) -> QuerySet:
    """The current memberships of the person `user_id` that hold `permission`, as a query
    to filter others with: the same as `memberships_with`, in SQL."""
    current = Membership.objects.filter(user_id=user_id, left_on__isnull=True)
    return current.filter(holding(permission))


def require(request, permission: str) -> None:
    """For a page that everyone in the network may read but only some may change: call
    before acting on a POST (403 without the permission)."""
    if permission not in request.network_perms:
        raise PermissionDenied


# --- whose object is it? ----------------------------------------------------------------------
# Some changes depend on the object as well as the role: a member may tick off their own task
# or remove their own observation, while those who lead may do it for anyone. Every such rule
# is here, built on one: `may_change_own`. Each takes the request of a view decorated with
# `network_permission_required`, and the object. In an archived network the permissions they
# ask for are gone (ARCHIVED_KEEPS), so nobody changes anything there.


def may_change_own(
    request, owner_ids: Iterable[int | None], *, take_part: str, manage: str | None
) -> bool:
    """Those with `manage` may change anyone's; a member who may `take_part`, their own
    (their membership is one of `owner_ids`)."""
    perms = request.network_perms
    if manage is not None and manage in perms:
        return True
    return take_part in perms and request.membership.pk in owner_ids


def may_tick_task(request, task) -> bool:
    """A preparation task: planners tick off any, a member the one assigned to them."""
    return may_change_own(
        request, {task.assignee_id}, take_part=SESSIONS_TAKE_PART, manage=SESSIONS_CHANGE
    )


def may_tick_action(request, action) -> bool:
    """An action point of a session report: planners tick off any, a member their own."""
    return may_change_own(
        request, {action.owner_id}, take_part=SESSIONS_TAKE_PART, manage=SESSIONS_CHANGE
    )


def may_remove_learning_item(request, owner_id: int | None) -> bool:
    """An experiment, an observation or a success: those who lead the learning may remove
    anyone's, a member what they made."""
    return may_change_own(request, {owner_id}, take_part=LEARNING_TAKE_PART, manage=LEARNING_MANAGE)


def may_change_experiment(request, experiment) -> bool:
    """Those who lead the learning change any experiment; a member one whose group they
    are in, or that they planned."""

    def owners():  # a generator, so the group is read only when the role does not decide
        yield experiment.created_by_id
        yield from (member.pk for member in experiment.group.all())

    return may_change_own(request, owners(), take_part=LEARNING_TAKE_PART, manage=LEARNING_MANAGE)


def may_assess_experiment(request, experiment) -> bool:
    """The joint assessment is the participants' shared judgement: those who lead the
    learning record it, and so does any member of the experiment's group."""

    def members():  # a generator function: the group is read only when the role does not decide
        yield from (member.pk for member in experiment.group.all())

    return may_change_own(request, members(), take_part=LEARNING_TAKE_PART, manage=LEARNING_MANAGE)


def may_change_leervraag(request, leervraag) -> bool:
    """A leervraag is its owner's alone: nobody else changes it, the trekker neither."""
    return may_change_own(request, {leervraag.owner_id}, take_part=LEARNING_TAKE_PART, manage=None)


def may_sign_for(request, organisation_id: int) -> bool:
    """The samenwerkingsovereenkomst online: a member signs for the organisation they
    represent in this network (the agreement names its members as its representatives),
    never for another; nobody may do it for them."""

    def representatives():  # of that organisation, as far as this request can tell
        if request.membership.organisation_id == organisation_id:
            yield request.membership.pk

    return may_change_own(request, representatives(), take_part=STARTUP_SIGN, manage=None)
