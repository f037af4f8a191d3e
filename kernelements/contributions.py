"""What the kernelements app contributes (liso/contributions.py): on the home page the
zelfscans that wait for one's answers; on a werkvorm's page the aandachtspunten and
struikelblokken it serves; the health panel on the network overview (loaded after the
page); closing scan rounds past their date with the daily mail, the signals and the
yearly review's reminder in it; its catalogue part."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kernelements import catalogue, demo, notices, scans
from kernelements.models import Aandachtspunt, ScanResponse, Struikelblok
from liso import home
from liso.account import RemovalPart
from liso.catalogue import Part
from liso.compiled import EXAMPLE_ID, CompiledPerDay
from liso.contributions import (
    ACCOUNT_REMOVAL,
    CATALOGUE_PARTS,
    DAILY_JOBS,
    DAILY_MAIL_SECTIONS,
    DEMO_PARTS,
    HOME_SECTIONS,
    MAIL_KINDS,
    OVERVIEW_PANELS,
    PERSONAL_DATA,
    SEARCH_SOURCES,
    WERKVORM_SECTIONS,
)
from liso.home import HomeSection
from liso.personal import PersonalSection
from networks import permissions
from networks.panels import Panel
from networks.search import SearchSource
from werkvormen.registry import RelatedSection


def _struikelblokken(werkvorm):
    return [
        (str(s), reverse("guide_struikelblok", args=[s.code]))
        for s in Struikelblok.objects.filter(werkvormen=werkvorm)
    ]


def _aandachtspunten(werkvorm):
    return [
        (
            f"{a.get_code_display()} ({a.kernelement.get_code_display()})",
            reverse("guide_kernelement", args=[a.kernelement.code]) + f"#{a.code}",
        )
        for a in Aandachtspunt.objects.filter(werkvormen=werkvorm).select_related("kernelement")
    ]


def _health_panel(request):
    if permissions.HEALTH_VIEW not in request.network_perms:
        return None
    return {"network": request.network}


# One shape for everyone (the day is part of the SQL): compiled once a day
# (liso/compiled.py) and run with the person's id.
_rounds_to_answer = CompiledPerDay(
    lambda today, user_id: scans.rounds_to_answer(user_id, today), user_id=EXAMPLE_ID
)


def _scans_to_answer(request):
    """Zelfscans open in the person's networks that they have not filled in yet."""
    if not permissions.memberships_with(request, permissions.HEALTH_TAKE_PART):
        return None
    rounds = _rounds_to_answer(timezone.localdate(), user_id=request.user.pk)
    return {"rounds": rounds} if rounds else None


DECISIONS_FOUND = SearchSource(
    kind="decisions",
    label=_("Besluit"),
    rows=lambda network, membership: network.decisions.all(),
    fields=["title", "alternatives", "minority"],
    title="title",
    key="pk",
    day="decided_on",
    url=lambda network, key: reverse("decision_list", args=[network.slug]) + f"#besluit-{key}",
)


def _scan_answers(user) -> list[dict]:
    """Answers still tied to the person: those of rounds not closed yet (closing removes
    who answered, so later nobody, the person included, can tell theirs)."""
    found = (
        ScanResponse.objects.filter(membership__user=user)
        .select_related("round__network")
        .prefetch_related("answers")
    )
    return [
        {
            "netwerk": response.round.network.name,
            "scan": response.round.get_kind_display(),
            "opmerking": response.remark,
            "antwoorden": {a.item: a.score for a in response.answers.all()},
        }
        for response in found
    ]


def _delete_open_scan_answers(user) -> None:
    """Answers of rounds still open are tied to the person: they go. Those of closed
    rounds no longer know whose they were, so they stay in the results."""
    ScanResponse.objects.filter(membership__user=user, round__closed_at__isnull=True).delete()


CONTRIBUTIONS = [
    (
        HOME_SECTIONS,
        "scans-to-answer",
        HomeSection(
            "kernelements/home_scans_to_answer.html",
            _scans_to_answer,
            group=home.ANSWER,
            next=True,
        ),
    ),
    (
        WERKVORM_SECTIONS,
        "aandachtspunten",
        RelatedSection(_("Werkt aan aandachtspunt"), _aandachtspunten),
    ),
    (
        WERKVORM_SECTIONS,
        "struikelblokken",
        RelatedSection(_("Helpt bij struikelblok"), _struikelblokken),
    ),
    (CATALOGUE_PARTS, "kernelements", Part("kernelements", catalogue.check, catalogue.load)),
    (OVERVIEW_PANELS, "signals", Panel("kernelements/health/signals_loader.html", _health_panel)),
    (OVERVIEW_PANELS, "health", Panel("kernelements/health/panel_loader.html", _health_panel)),
    (DAILY_JOBS, "close-scan-rounds", scans.close_overdue_rounds),
    (MAIL_KINDS, notices.SIGNALS.code, notices.SIGNALS),
    (DAILY_MAIL_SECTIONS, notices.SIGNALS.code, notices.SIGNALS_SECTION),
    (MAIL_KINDS, notices.REVIEWS.code, notices.REVIEWS),
    (DAILY_MAIL_SECTIONS, notices.REVIEWS.code, notices.REVIEWS_SECTION),
    (DEMO_PARTS, "health", demo.demo_health),
    (SEARCH_SOURCES, "decisions", DECISIONS_FOUND),
    (PERSONAL_DATA, "scan-answers", PersonalSection("scanantwoorden", _scan_answers)),
    (ACCOUNT_REMOVAL, "scan-answers", RemovalPart(_delete_open_scan_answers)),
]
