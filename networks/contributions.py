"""What the networks app adds to the home page and to its own overview registry."""

from django.urls import reverse
from django.utils.translation import gettext as _

from liso import method
from liso.home import HomeSection
from networks import permissions
from networks.insight import network_insight
from networks.models import Network
from networks.panels import NextStep, Panel


def insight_for(request):
    """The network's insight, computed once per request however many panels ask."""
    if not hasattr(request, "_network_insight"):
        request._network_insight = network_insight(request.network)
    return request._network_insight


def _my_networks(request):
    networks = Network.objects.of_user(request.user).order_by("archived_at", "name")
    return {"networks": list(networks)}


MY_NETWORKS = HomeSection("my-networks", "networks/home_my_networks.html", _my_networks)


def _members_panel(request):
    return {"insight": insight_for(request), "network": request.network}


MEMBERS_PANEL = Panel("members", "networks/panel_members.html", _members_panel, order=50)


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


NEXT_STEPS = [
    NextStep("invite-first-people", _invite_first_people, order=10),
    NextStep("find-procesbegeleider", _find_procesbegeleider, order=20),
    NextStep("fill-perspectives", _fill_perspectives, order=30),
]
