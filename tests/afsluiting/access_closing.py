"""Who may reach the closing path (merged into tests/access.py ROUTES). Every member reads
it; the trekker fills it in and closes; the world's shared reflection is the trekker's, so
only they may put it in the reisverslag."""

from liso.method import Role
from networks import permissions as P
from tests.access import NETWORK, THE_NETWORK, Route

NETWORK_ONLY = {"slug": THE_NETWORK}
NOT_THE_AUTHOR = frozenset(set(Role.values) - {Role.TREKKER})

ROUTES: dict = {
    "closing_path": Route(NETWORK, kwargs=NETWORK_ONLY, permission=P.NETWORK_VIEW),
    "closing_moment": Route(NETWORK, kwargs=NETWORK_ONLY, permission=P.NETWORK_VIEW),
    "closing_safeguards": Route(NETWORK, kwargs=NETWORK_ONLY, permission=P.NETWORK_VIEW),
    "closing_safeguard_edit": Route(
        NETWORK,
        kwargs={"slug": THE_NETWORK, "kind": "product", "pk": "<product>"},
        permission=P.CLOSING_MANAGE,
    ),
    "closing_story": Route(NETWORK, kwargs=NETWORK_ONLY, permission=P.NETWORK_VIEW),
    "closing_story_edit": Route(NETWORK, kwargs=NETWORK_ONLY, permission=P.CLOSING_MANAGE),
    "closing_story_pdf": Route(NETWORK, kwargs=NETWORK_ONLY, permission=P.NETWORK_VIEW, page=False),
    "closing_reflection_choose": Route(
        NETWORK,
        method="post",
        page=False,
        kwargs={"slug": THE_NETWORK, "pk": "<shared-reflection>"},
        permission=P.LEARNING_TAKE_PART,
        status=302,
        not_found_for=NOT_THE_AUTHOR,
    ),
    "closing_last_session": Route(NETWORK, kwargs=NETWORK_ONLY, permission=P.NETWORK_VIEW),
    "closing_close": Route(NETWORK, kwargs=NETWORK_ONLY, permission=P.NETWORK_VIEW),
    # The world's network is open: reopening it says so and goes to the path.
    "closing_reopen": Route(
        NETWORK,
        method="post",
        page=False,
        kwargs=NETWORK_ONLY,
        permission=P.NETWORK_ARCHIVE,
        status=302,
    ),
}
