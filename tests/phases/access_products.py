"""Who may reach the journey's products URLs (merged into tests/access.py ROUTES)."""

from networks import permissions as P
from tests.access import NETWORK, THE_NETWORK, Route

VIEW, TAKE_PART, MANAGE = "network.view", "learning.take_part", "learning.manage"
PRODUCT = {"slug": THE_NETWORK, "pk": "<product>"}
BARRIER = {**PRODUCT, "barrier": "<barrier>"}

ROUTES: dict = {
    "product_list": Route(NETWORK, kwargs={"slug": THE_NETWORK}, permission=VIEW),
    "adoption_csv": Route(
        NETWORK, kwargs={"slug": THE_NETWORK}, permission=P.REPORTS_EXPORT, page=False
    ),
    "product_add": Route(NETWORK, kwargs={"slug": THE_NETWORK}, permission=TAKE_PART),
    "product_detail": Route(NETWORK, kwargs=PRODUCT, permission=VIEW),
    "product_edit": Route(NETWORK, kwargs=PRODUCT, permission=TAKE_PART),
    "product_delete": Route(
        NETWORK, method="post", page=False, kwargs=PRODUCT, permission=MANAGE, status=302
    ),
    # The world's product has an image; members only (no public media URL).
    "product_file": Route(NETWORK, page=False, kwargs=PRODUCT, permission=VIEW),
    "product_adoption": Route(NETWORK, kwargs=PRODUCT, permission=TAKE_PART),
    "barrier_add": Route(NETWORK, kwargs=PRODUCT, permission=TAKE_PART),
    "barrier_edit": Route(NETWORK, kwargs=BARRIER, permission=TAKE_PART),
    "barrier_delete": Route(
        NETWORK, method="post", page=False, kwargs=BARRIER, permission=TAKE_PART, status=302
    ),
    "success_list": Route(NETWORK, kwargs={"slug": THE_NETWORK}, permission=VIEW),
    # Posted empty: the wall again, with what is missing (200).
    "success_add": Route(
        NETWORK, method="post", page=False, kwargs={"slug": THE_NETWORK}, permission=TAKE_PART
    ),
    # The world's success is the deelnemer's: they and those who lead the learning may take
    # it away, the other members not.
    "success_delete": Route(
        NETWORK,
        method="post",
        page=False,
        kwargs={"slug": THE_NETWORK, "pk": "<success>"},
        permission=TAKE_PART,
        status=302,
        not_theirs=frozenset(
            {"projectassistent", "communicatieadviseur", "verbindingsfunctionaris"}
        ),
    ),
}
