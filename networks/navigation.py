"""The network's own navigation: its sections, those the member may use, and which one is
open. Made in Python because every network page shows it: eleven links, each with its
permission and its current-page test, were a fifth of a simple page's server time."""

from dataclasses import dataclass
from functools import lru_cache

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from liso.navigation import Link
from networks import permissions as perms


@dataclass(frozen=True)
class Section:
    url_name: str
    label: str
    # Shown only to members holding it; None: to every member.
    permission: str | None = None
    # A section with pages below it is current on each of them; the others only on their own.
    has_pages_below: bool = False
    # The search link hides on wide screens, where the search box shows.
    item_class: str = ""


SECTIONS = (
    Section("network_overview", _("Overzicht")),
    Section("opstart_path", _("Opstart"), perms.STARTUP_VIEW, has_pages_below=True),
    Section("session_list", _("Bijeenkomsten"), perms.SESSIONS_VIEW, has_pages_below=True),
    Section("journey_home", _("Leren"), has_pages_below=True),
    Section("health_home", _("Gezondheid"), perms.HEALTH_VIEW, has_pages_below=True),
    Section("product_list", _("Opbrengsten"), has_pages_below=True),
    Section("own_werkvorm_list", _("Eigen werkvormen"), has_pages_below=True),
    Section("member_list", _("Leden"), perms.MEMBERS_VIEW),
    Section("member_coverage", _("Perspectieven"), perms.INSIGHT_VIEW),
    Section("network_edit", _("Instellingen"), perms.NETWORK_CHANGE),
    Section("network_search", _("Zoeken"), item_class="liso-network-nav__search-link"),
)


def sections(request, network) -> list[Link]:
    """The sections this member may use in `network`, for the page at `request.path`."""
    links = []
    for section, url in zip(SECTIONS, _section_urls(network.slug), strict=True):
        if section.permission and section.permission not in request.network_perms:
            continue
        current = url in request.path if section.has_pages_below else url == request.path
        links.append(Link(url, str(section.label), "page" if current else None, section.item_class))
    return links


@lru_cache(maxsize=1024)
def _section_urls(slug: str) -> tuple[str, ...]:
    """The sections' addresses in the network at `slug`: the same on every page of it, so
    reversed once per process (eleven `reverse` calls were a tenth of a small page)."""
    return tuple(reverse(section.url_name, args=[slug]) for section in SECTIONS)
