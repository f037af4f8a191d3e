"""What the networks app contributes (liso/contributions.py): "Mijn netwerken" and open
invitations to join a network on the home page, the members panel and next steps on its
own overview, news about the network itself as a kind of mail, its catalogue and demo
parts."""

from django.db.models.functions import Lower, Now
from django.urls import reverse
from django.utils.translation import gettext as _

from liso import home, method
from liso.account import RemovalPart
from liso.catalogue import Part
from liso.compiled import EXAMPLE_ID, CompiledOnce
from liso.contributions import (
    ACCOUNT_REMOVAL,
    CATALOGUE_PARTS,
    DEMO_PARTS,
    HOME_SECTIONS,
    MAIL_KINDS,
    NEXT_STEPS,
    OVERVIEW_PANELS,
    PERSONAL_DATA,
)
from liso.home import HomeSection
from liso.personal import PersonalSection
from networks import catalogue, demo, notices, permissions, services
from networks.insight import network_insight
from networks.models import Invitation, Membership
from networks.panels import NextStep, Panel


def insight_for(request):
    """The network's insight, computed once per request however many panels ask."""
    if not hasattr(request, "_network_insight"):
        request._network_insight = network_insight(request.network)
    return request._network_insight


def _my_networks(request):
    networks = [m.network for m in permissions.memberships_of(request)]
    # Archived networks last: what one works in now comes first.
    return {"networks": sorted(networks, key=lambda network: network.is_archived)}


NETWORK_INVITATIONS_SHOWN = 5


def _invitations_waiting(user_id: int, email: str):
    """Invitations mailed to `email` that still work, to networks the person is not in."""
    member_of = Membership.objects.filter(user_id=user_id, left_on__isnull=True)
    return (
        Invitation.objects.annotate(address=Lower("email"))
        .filter(
            address=email,
            accepted_at=None,
            revoked_at=None,
            expires_at__gt=Now(),
            network__archived_at=None,
        )
        .exclude(network__in=member_of.values("network"))
        .select_related("network", "invited_by")
        .order_by("-sent_at")[:NETWORK_INVITATIONS_SHOWN]
    )


# One shape for everyone (the moment is the database's own): compiled once
# (liso/compiled.py) and run with the person's id and address.
_network_invitations_of = CompiledOnce(
    _invitations_waiting, user_id=EXAMPLE_ID, email="(an example address)"
)


def _network_invitations(request):
    """Invitations to join a network, mailed to the address this person logs in with, that
    still work. Only the link in the mail accepts one (it holds the secret), so the home
    page points to that mail."""
    user = request.user
    invitations = _network_invitations_of(user_id=user.pk, email=user.email.lower())
    return {"invitations": invitations} if invitations else None


def _members_panel(request):
    return {"insight": insight_for(request), "network": request.network}


def _invite_first_people(request):
    if permissions.MEMBERS_MANAGE not in request.network_perms:
        return None
    if len(insight_for(request).members) > 1:
        return None
    return (
        _("Nodig de eerste mensen uit: samen met hen maak je het netwerk."),
        reverse("member_invite", args=[request.network.slug]),
    )


def _find_procesbegeleider(request):
    if permissions.MEMBERS_MANAGE not in request.network_perms:
        return None
    roles = {role for m in insight_for(request).members for role in m.role_codes()}
    if method.Role.PROCESBEGELEIDER in roles:
        return None
    return (
        _("Zoek een procesbegeleider die de bijeenkomsten voorbereidt en begeleidt."),
        reverse("member_invite", args=[request.network.slug]),
    )


def _fill_perspectives(request):
    if permissions.INSIGHT_VIEW not in request.network_perms:
        return None
    if not any(row.missing for row in insight_for(request).rows):
        return None
    return (
        _("Nog niet alle perspectieven zitten aan tafel. Kijk wie er ontbreekt."),
        reverse("member_coverage", args=[request.network.slug]),
    )


def _memberships(user) -> list[dict]:
    memberships = (
        Membership.objects.filter(user=user)
        .select_related("network", "organisation")
        .prefetch_related("roles")
    )
    return [
        {
            "netwerk": m.network.name,
            "rollen": [role.get_role_display() for role in m.roles.all()],
            "perspectief": m.get_perspective_display(),
            "organisatie": m.organisation and m.organisation.name,
            "ring": m.get_ring_display(),
            "uren_per_week": m.hours_per_week,
            "lid_sinds": m.joined_on,
            "vertrokken_op": m.left_on,
            "wat_je_nodig_hebt": m.support_needed,
            "vergoeding": m.compensation,
        }
        for m in memberships
    ]


CONTRIBUTIONS = [
    (HOME_SECTIONS, "my-networks", HomeSection("networks/home_my_networks.html", _my_networks)),
    (
        HOME_SECTIONS,
        "network-invitations",
        HomeSection(
            "networks/home_network_invitations.html",
            _network_invitations,
            group=home.ANSWER,
            next=True,
        ),
    ),
    (OVERVIEW_PANELS, "members", Panel("networks/panel_members.html", _members_panel)),
    (NEXT_STEPS, "invite-first-people", NextStep(_invite_first_people)),
    (NEXT_STEPS, "find-procesbegeleider", NextStep(_find_procesbegeleider)),
    (NEXT_STEPS, "fill-perspectives", NextStep(_fill_perspectives)),
    (CATALOGUE_PARTS, "networks", Part("networks", catalogue.check, catalogue.load)),
    (DEMO_PARTS, "network", demo.demo_network),
    (MAIL_KINDS, notices.NETWORK.code, notices.NETWORK),
    (PERSONAL_DATA, "memberships", PersonalSection("lidmaatschappen", _memberships)),
    (
        ACCOUNT_REMOVAL,
        "memberships",
        RemovalPart(services.account_removal, services.account_removal_refusals),
    ),
]
