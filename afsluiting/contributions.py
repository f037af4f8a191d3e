"""What the afsluiting adds to pages of lower apps: its panel on the network overview."""

from afsluiting.closing import closing_of
from liso.contributions import OVERVIEW_PANELS
from networks import permissions
from networks.models import Network
from networks.panels import Panel


def _closing_panel(request):
    """A closed network says so first; a running one shows how far its closing is, to
    the trekker always and to the others once the trekker began."""
    network = request.network
    closing = closing_of(network)
    manages = permissions.CLOSING_MANAGE in request.network_perms
    under_way = {Network.Status.OPSTART, Network.Status.LOPEND}
    running = network.status in under_way and not network.is_archived
    if network.is_closed or (running and (manages or closing.pk)):
        return {"network": network, "closing": closing, "manages": manages}
    return None


CONTRIBUTIONS = [
    (OVERVIEW_PANELS, "closing", Panel("afsluiting/panel.html", _closing_panel)),
]
