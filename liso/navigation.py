"""The main menu: where a visitor can go from every page. Made in Python, like the network's
own sections (networks/navigation.py), because every page shows it."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Link:
    url: str
    label: str
    # The value of aria-current: "page" on the page itself, "true" on a page below it.
    current: str | None = None
    item_class: str = ""


MEMBER_MENU = (
    ("home", _("Mijn netwerken")),
    ("werkvorm_list", _("Werkvormen")),
    ("guide", _("Werkwijze")),
    ("profile", _("Mijn account")),
)
VISITOR_MENU = (
    ("home", _("Over LISO Leernetwerken")),
    ("guide", _("Werkwijze")),
    ("login", _("Inloggen")),
)


def main_menu(request) -> list[Link]:
    """The menu for this visitor; an error page made without a request gets a visitor's."""
    if request is None:
        return [_menu_link(reverse(name), label, "") for name, label in VISITOR_MENU]
    menu = MEMBER_MENU if request.user.is_authenticated else VISITOR_MENU
    return [_menu_link(reverse(name), label, request.path) for name, label in menu]


def _menu_link(url: str, label, path: str) -> Link:
    if path == url:
        current = "page"
    elif url != "/" and url in path:  # the start page is not above every page
        current = "true"
    else:
        current = None
    return Link(url, str(label), current)
