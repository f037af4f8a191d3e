"""What the phases app contributes (liso/contributions.py): the journey's panels on the
network overview (loaded after the page, so the overview keeps its query budget), a quick
reflection on the home page, "write a reflection" and the experiments judged on a
session's page, the phases a werkvorm is a core werkvorm of, its catalogue and demo parts."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bijeenkomsten.session_links import SessionLink
from liso.catalogue import Part
from liso.contributions import (
    CATALOGUE_PARTS,
    DEMO_PARTS,
    HOME_SECTIONS,
    OVERVIEW_PANELS,
    SESSION_LINKS,
    WERKVORM_SECTIONS,
)
from liso.home import HomeSection
from networks import permissions
from networks.panels import Panel
from phases import catalogue, demo
from phases.forms import ReflectionForm
from phases.models import Phase
from werkvormen.registry import RelatedSection


def _journey_panels(request):
    return {"network": request.network}


def _quick_reflection(request):
    networks = permissions.networks_with(request.user, permissions.LEARNING_TAKE_PART)
    if not networks:
        return None
    return {"networks": networks, "form": ReflectionForm(auto_id="snel-%s")}


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


CONTRIBUTIONS = [
    (OVERVIEW_PANELS, "journey", Panel("phases/panel_journey.html", _journey_panels)),
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
]
