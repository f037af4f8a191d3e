"""Who may reach the health URLs (merged into tests/access.py ROUTES).

Every member reads the scans' results and answers a scan (nobody in an archived network);
the trekker and the procesbegeleider open and close rounds."""

from networks import permissions as P
from tests.access import NETWORK, THE_NETWORK, Route

_NETWORK = {"slug": THE_NETWORK}
_SCAN = {"slug": THE_NETWORK, "pk": "<scan>"}

ROUTES: dict = {
    "health_home": Route(NETWORK, kwargs=_NETWORK, permission=P.HEALTH_VIEW),
    "health_panel": Route(NETWORK, kwargs=_NETWORK, permission=P.HEALTH_VIEW, page=False),
    "signals_panel": Route(NETWORK, kwargs=_NETWORK, permission=P.HEALTH_VIEW, page=False),
    # An empty form is shown again with its errors.
    "scan_open": Route(
        NETWORK, method="post", page=False, kwargs=_NETWORK, permission=P.HEALTH_MANAGE
    ),
    "scan_detail": Route(NETWORK, kwargs=_SCAN, permission=P.HEALTH_VIEW),
    "scan_answer": Route(NETWORK, kwargs=_SCAN, permission=P.HEALTH_TAKE_PART),
    "scan_close": Route(
        NETWORK,
        method="post",
        page=False,
        status=302,
        kwargs=_SCAN,
        permission=P.HEALTH_MANAGE,
    ),
}
