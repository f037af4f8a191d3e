"""Who may reach the health URLs (merged into tests/access.py ROUTES).

Every member reads the scans' results and answers a scan (nobody in an archived network);
the trekker and the procesbegeleider open and close rounds."""

from networks import permissions as P
from tests.access import NETWORK, THE_NETWORK, Route

_NETWORK = {"slug": THE_NETWORK}
_SCAN = {"slug": THE_NETWORK, "pk": "<scan>"}
_CLOSED_SCAN = {"slug": THE_NETWORK, "pk": "<closed_scan>"}
_ENTRY = {"slug": THE_NETWORK, "pk": "<entry>"}
_DECISION = {"slug": THE_NETWORK, "pk": "<decision>"}
_SIGNAL = {"slug": THE_NETWORK, "code": "selectiestress"}
_REVIEW = {"slug": THE_NETWORK, "pk": "<review>"}
_AGREEMENT = {"slug": THE_NETWORK, "pk": "<review>", "action": "<agreement>"}

ROUTES: dict = {
    "health_home": Route(NETWORK, kwargs=_NETWORK, permission=P.HEALTH_VIEW),
    "health_panel": Route(NETWORK, kwargs=_NETWORK, permission=P.HEALTH_VIEW, page=False),
    "signals_panel": Route(NETWORK, kwargs=_NETWORK, permission=P.HEALTH_VIEW, page=False),
    # An empty form is shown again with its errors.
    "scan_open": Route(
        NETWORK, method="post", page=False, kwargs=_NETWORK, permission=P.HEALTH_MANAGE
    ),
    # A closed round, with its results: the page at its fullest.
    "scan_detail": Route(NETWORK, kwargs=_CLOSED_SCAN, permission=P.HEALTH_VIEW),
    "scan_answer": Route(NETWORK, kwargs=_SCAN, permission=P.HEALTH_TAKE_PART),
    # The besluitenlijst: every member reads it; those who lead keep it.
    "decision_list": Route(NETWORK, kwargs=_NETWORK, permission=P.HEALTH_VIEW),
    "decision_csv": Route(NETWORK, kwargs=_NETWORK, permission=P.REPORTS_EXPORT, page=False),
    "decision_add": Route(NETWORK, kwargs=_NETWORK, permission=P.DECISIONS_CHANGE),
    "decision_edit": Route(NETWORK, kwargs=_DECISION, permission=P.DECISIONS_CHANGE),
    # The struikelblokken log: those who lead write it; an empty form answers 200.
    "struikelblok_entry_add": Route(NETWORK, kwargs=_NETWORK, permission=P.HEALTH_MANAGE),
    "struikelblok_entry_edit": Route(NETWORK, kwargs=_ENTRY, permission=P.HEALTH_MANAGE),
    "struikelblok_entry_close": Route(NETWORK, kwargs=_ENTRY, permission=P.HEALTH_MANAGE),
    "signal_take_up": Route(NETWORK, kwargs=_SIGNAL, permission=P.HEALTH_MANAGE),
    "signal_dismiss": Route(
        NETWORK,
        method="post",
        page=False,
        status=302,
        kwargs=_SIGNAL,
        permission=P.HEALTH_MANAGE,
    ),
    # The yearly review: every member reads it; those who lead write it and its agreements.
    "review_list": Route(NETWORK, kwargs=_NETWORK, permission=P.HEALTH_VIEW),
    "review_detail": Route(NETWORK, kwargs=_REVIEW, permission=P.HEALTH_VIEW),
    "review_add": Route(NETWORK, kwargs=_NETWORK, permission=P.HEALTH_MANAGE),
    "review_edit": Route(NETWORK, kwargs=_REVIEW, permission=P.HEALTH_MANAGE),
    "review_pdf": Route(NETWORK, kwargs=_REVIEW, permission=P.REPORTS_EXPORT, page=False),
    "review_agreement_add": Route(NETWORK, kwargs=_REVIEW, permission=P.HEALTH_MANAGE),
    "review_agreement_edit": Route(NETWORK, kwargs=_AGREEMENT, permission=P.HEALTH_MANAGE),
    "review_agreement_delete": Route(
        NETWORK,
        method="post",
        page=False,
        status=302,
        kwargs=_AGREEMENT,
        permission=P.HEALTH_MANAGE,
    ),
    "scan_close": Route(
        NETWORK,
        method="post",
        page=False,
        status=302,
        kwargs=_SCAN,
        permission=P.HEALTH_MANAGE,
    ),
}
