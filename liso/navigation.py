"""The main menu (where a visitor can go from every page) and the breadcrumb (the way up
from this page). Made in Python, like the network's own sections (networks/navigation.py),
because every page shows them."""

from dataclasses import dataclass
from functools import cache

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from liso.html import format_html, format_html_join


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
        return [_menu_link(_url(name), label, "") for name, label in VISITOR_MENU]
    menu = MEMBER_MENU if request.user.is_authenticated else VISITOR_MENU
    return [_menu_link(_url(name), label, request.path) for name, label in menu]


@cache
def _url(name: str) -> str:
    """The menu's links, reversed once per process (they take no arguments; like the
    network's sections, this assumes one script prefix per process)."""
    return reverse(name)


def _menu_link(url: str, label, path: str) -> Link:
    if path == url:
        current = "page"
    elif url != "/" and url in path:  # the start page is not above every page
        current = "true"
    else:
        current = None
    return Link(url, str(label), current)


def breadcrumb(pairs: list[tuple[str, str]]):
    """The breadcrumb of (label, url) pairs from the top down, the last one this page; on a
    phone only the way up shows (layout.css): one line instead of the whole path."""
    *above, (label, url) = pairs
    items = format_html_join(
        "",
        '<li class="utrecht-breadcrumb-nav__item"><a class="utrecht-breadcrumb-nav__link '
        'utrecht-link" href="{}">{}</a></li>',
        ((up_url, up_label) for up_label, up_url in above),
    )
    back = ""
    if above:
        up_label, up_url = above[-1]
        back = format_html(
            '<a class="liso-breadcrumb__back utrecht-link" href="{}">{}</a>',
            up_url,
            gettext("Terug naar %(label)s") % {"label": up_label},
        )
    return format_html(
        '<nav class="utrecht-breadcrumb-nav liso-breadcrumb" aria-label="{}">'
        '<ol class="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">{}'
        '<li class="utrecht-breadcrumb-nav__item"><a class="utrecht-breadcrumb-nav__link '
        'utrecht-breadcrumb-nav__link--current utrecht-link" href="{}" aria-current="page">'
        "{}</a></li></ol>{}</nav>",
        BREADCRUMB_LABEL,
        items,
        url,
        label,
        back,
    )


BREADCRUMB_LABEL = _("Kruimelpad")
