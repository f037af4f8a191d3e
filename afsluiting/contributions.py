"""What the afsluiting adds to pages of lower apps: its panel on the network overview."""

from afsluiting.closing import closing_of
from liso.contributions import OVERVIEW_PANELS
from networks import permissions
from networks.models import Network
from networks.panels import Panel


def _closing_panel(request):
    """A closed network says so first; one under way shows how far its closing is, to
    the trekker always and to the others once the trekker began. A network still being
    explored has nothing to close (and costs no query)."""
    network = request.network
    under_way = {Network.Status.OPSTART, Network.Status.LOPEND}
    if not network.is_closed and (network.status not in under_way or network.is_archived):
        return None
    closing = closing_of(network)
    manages = permissions.CLOSING_MANAGE in request.network_perms
    if network.is_closed or manages or closing.pk:
        return {"network": network, "closing": closing, "manages": manages}
    return None


CONTRIBUTIONS = [
    (OVERVIEW_PANELS, "closing", Panel("afsluiting/panel.html", _closing_panel)),
]
