"""Who may reach the journey's words URLs (merged into tests/access.py ROUTES).

Every member reads the woordenlijst and the leervragen, and takes part in both (no one in
an archived network). A leervraag is personal: only its owner changes or deletes it. The
world's leervraag is the deelnemer's, so every other role gets 403 there."""

from liso.method import Role
from networks import permissions as P
from tests.access import NETWORK, THE_NETWORK, Route

_NETWORK = {"slug": THE_NETWORK}
_TERM = {"slug": THE_NETWORK, "pk": "<term>"}
_LEERVRAAG = {"slug": THE_NETWORK, "pk": "<leervraag>"}
_NOT_THE_OWNER = frozenset(set(Role.values) - {Role.DEELNEMER})

ROUTES: dict = {
    "term_list": Route(NETWORK, kwargs=_NETWORK, permission=P.NETWORK_VIEW),
    # Printing the glossary is for every member, not only those who export reports.
    "term_pdf": Route(NETWORK, kwargs=_NETWORK, page=False, permission=P.NETWORK_VIEW),
    "term_add": Route(NETWORK, kwargs=_NETWORK, permission=P.LEARNING_TAKE_PART),
    "term_edit": Route(NETWORK, kwargs=_TERM, permission=P.LEARNING_TAKE_PART),
    "term_delete": Route(
        NETWORK,
        method="post",
        page=False,
        status=302,
        kwargs=_TERM,
        permission=P.LEARNING_TAKE_PART,
    ),
    "leervraag_list": Route(NETWORK, kwargs=_NETWORK, permission=P.NETWORK_VIEW),
    "leervraag_add": Route(NETWORK, kwargs=_NETWORK, permission=P.LEARNING_TAKE_PART),
    "leervraag_edit": Route(
        NETWORK, kwargs=_LEERVRAAG, permission=P.LEARNING_TAKE_PART, not_theirs=_NOT_THE_OWNER
    ),
    "leervraag_delete": Route(
        NETWORK,
        method="post",
        page=False,
        status=302,
        kwargs=_LEERVRAAG,
        permission=P.LEARNING_TAKE_PART,
        not_theirs=_NOT_THE_OWNER,
    ),
}
