"""The menus every page shows: which links, and which one is the current page."""

from django.test import RequestFactory
from django.urls import reverse

from liso.method import Role
from liso.models import User
from liso.navigation import main_menu
from networks.models import Network
from networks.navigation import sections
from networks.permissions import ROLE_PERMISSIONS

NETWORK = Network(name="Jeugdhulp dichtbij", slug="jeugdhulp-dichtbij")


def _request(path, role=None, user=None):
    request = RequestFactory().get(path)
    request.user = user or User(email="ann@example.org", full_name="Ann")
    if role:
        request.network_perms = frozenset(ROLE_PERMISSIONS[role])
    return request


def _current(links):
    return {link.label: link.current for link in links if link.current}


def test_a_section_with_pages_below_is_current_on_each_of_them():
    step = reverse("opstart_path", args=[NETWORK.slug]) + "geschiedenis/"
    links = sections(_request(step, Role.TREKKER), NETWORK)
    assert _current(links) == {"Opstart": "page"}


def test_the_overview_is_current_only_on_itself():
    overview = reverse("network_overview", args=[NETWORK.slug])
    assert _current(sections(_request(overview, Role.TREKKER), NETWORK)) == {"Overzicht": "page"}
    members = reverse("member_list", args=[NETWORK.slug])
    assert _current(sections(_request(members, Role.TREKKER), NETWORK)) == {"Leden": "page"}


def test_a_member_sees_only_the_sections_their_roles_open():
    path = reverse("network_overview", args=[NETWORK.slug])
    trekker = [link.label for link in sections(_request(path, Role.TREKKER), NETWORK)]
    deelnemer = [link.label for link in sections(_request(path, Role.DEELNEMER), NETWORK)]
    assert "Instellingen" in trekker and "Instellingen" not in deelnemer
    assert trekker[0] == "Overzicht" and trekker[-1] == "Zoeken"
    assert set(deelnemer) < set(trekker)


def test_the_main_menu_marks_the_page_and_the_part_it_is_in():
    werkvorm = reverse("werkvorm_list") + "een-werkvorm/"
    menu = main_menu(_request(werkvorm))
    assert [link.label for link in menu] == [
        "Mijn netwerken",
        "Werkvormen",
        "Werkwijze",
        "Mijn account",
    ]
    assert _current(menu) == {"Werkvormen": "true"}  # the start page "/" is above nothing
    assert _current(main_menu(_request(reverse("home")))) == {"Mijn netwerken": "page"}


def test_a_visitor_and_an_error_page_get_the_visitors_menu():
    from django.contrib.auth.models import AnonymousUser

    visitor = main_menu(_request(reverse("login"), user=AnonymousUser()))
    assert [link.label for link in visitor] == ["Over LISO Leernetwerken", "Werkwijze", "Inloggen"]
    assert _current(visitor) == {"Inloggen": "page"}
    assert [link.label for link in main_menu(None)] == [link.label for link in visitor]
