"""What the journey adds to other apps' pages: its panels on the network overview
(loaded after the page, so the overview keeps its query budget), a quick reflection on
the home page, and "write a reflection" on a session's page."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bijeenkomsten.session_links import SessionLink
from liso.home import HomeSection
from networks import permissions
from networks.panels import Panel
from phases.forms import ReflectionForm


def _journey_panels(request):
    return {"network": request.network}


JOURNEY_PANELS = Panel("journey", "phases/panel_journey.html", _journey_panels, order=20)


def _quick_reflection(request):
    networks = permissions.networks_with(request.user, permissions.LEARNING_TAKE_PART)
    if not networks:
        return None
    return {"networks": networks, "form": ReflectionForm(auto_id="snel-%s")}


QUICK_REFLECTION = HomeSection("quick-reflection", "phases/home_reflection.html", _quick_reflection)


def _reflect_on_session(request, session):
    if permissions.LEARNING_TAKE_PART not in request.network_perms or session.is_cancelled:
        return None
    url = reverse("reflection_add", args=[request.network.slug])
    return f"{url}?bijeenkomst={session.pk}"


REFLECT_ON_SESSION = SessionLink("reflect", _("Reflectie schrijven"), _reflect_on_session)


def _judged_in_session(request, session):
    """The experiments whose outcome the network judged in this session, if any."""
    if not session.assessments.exists():
        return None
    url = reverse("experiment_list", args=[request.network.slug])
    return f"{url}?bijeenkomst={session.pk}"


JUDGED_IN_SESSION = SessionLink("judged", _("Besproken experimenten"), _judged_in_session)
