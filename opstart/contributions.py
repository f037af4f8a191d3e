"""What the start-up adds to the network overview: a progress panel, and the next step of
the path as the overview's hint until the network is running."""

from django.urls import reverse
from django.utils.translation import gettext as _

from liso.contributions import DEMO_PARTS, NEXT_STEPS, OVERVIEW_PANELS, PERSONAL_DATA
from liso.personal import PersonalSection
from networks import permissions
from networks.models import Network
from networks.panels import NextStep, Panel
from opstart import demo, services
from opstart.models import Signature, Step

IN_STARTUP = (Network.Status.VERKENNING, Network.Status.OPSTART)


def path_for(request):
    """The start-up path, computed once per request however many parts ask."""
    if not hasattr(request, "_startup_path"):
        request._startup_path = services.startup_path(request.network)
    return request._startup_path


def _panel(request):
    if permissions.STARTUP_VIEW not in request.network_perms:
        return None
    if request.network.status not in IN_STARTUP:
        return {"network": request.network, "finished": True}
    steps = path_for(request)
    done = sum(1 for state in steps if state.status == "done")
    return {"network": request.network, "steps": steps, "done": done, "finished": False}


def _next_startup_step(request):
    if permissions.STARTUP_VIEW not in request.network_perms:
        return None
    if request.network.status not in IN_STARTUP:
        return None
    state = services.next_step(path_for(request))
    if state is None:
        return None
    text = _("Opstart, stap %(number)s van %(total)s: %(step)s.") % {
        "number": state.number,
        "total": len(Step),
        "step": state.label,
    }
    # The talks are for the few who hold them; everyone else is shown the whole path.
    may_open = state.step != Step.GESPREKKEN or permissions.STARTUP_TALKS in request.network_perms
    url_name = state.url_name if may_open else "opstart_path"
    return text, reverse(url_name, args=[request.network.slug])


def _signatures(user) -> list[dict]:
    """The samenwerkingsovereenkomsten the person signed online, for their organisation."""
    found = Signature.objects.filter(signed_by=user).select_related("network", "organisation")
    return [
        {
            "netwerk": s.network.name,
            "organisatie": s.organisation.name,
            "getekend_op": s.signed_on,
            "functie": s.signer_function,
        }
        for s in found.order_by("signed_on", "pk")
    ]


CONTRIBUTIONS = [
    (OVERVIEW_PANELS, "startup", Panel("opstart/panel_startup.html", _panel)),
    (NEXT_STEPS, "startup", NextStep(_next_startup_step)),
    (PERSONAL_DATA, "signatures", PersonalSection("ondertekeningen", _signatures)),
    (DEMO_PARTS, "startup-network", demo.demo_startup_network),
    (DEMO_PARTS, "running-network-agreement", demo.demo_running_network_agreement),
]
