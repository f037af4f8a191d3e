"""The shell every page shares, as a keyboard and screen-reader user meets it."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from liso.method import Role
from networks.permissions import ROLE_PERMISSIONS
from tests.access import NETWORK, ROUTES
from tests.networks.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_content(
    page, live_server, browser_errors
):
    page.goto(live_server.url + reverse("home"))
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Direct naar de inhoud")
    assert skip_link.evaluate("el => el === document.activeElement")
    assert skip_link.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"


def test_htmx_2_runs_under_the_strict_content_security_policy(page, live_server, browser_errors):
    page.goto(live_server.url + reverse("home"))
    assert page.evaluate("window.htmx && window.htmx.version").startswith("2.0.")
    # htmx must not have added a <style> element (the CSP would block it).
    assert page.locator("head style").count() == 0


def test_login_flow_by_keyboard_lands_on_my_networks(page, live_server, deelnemer, browser_errors):
    page.goto(live_server.url + reverse("profile"))
    assert page.url.endswith(reverse("login") + "?next=" + reverse("profile"))
    page.get_by_label("E-mailadres").fill(deelnemer.email)
    page.get_by_label("Wachtwoord").fill("een-goed-wachtwoord-42")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + reverse("profile"))
    assert page.get_by_role("heading", level=1).inner_text() == "Mijn account"
    page.get_by_role("button", name="Uitloggen").click()
    status = page.get_by_role("status")
    assert "Je bent uitgelogd" in status.inner_text()


PHONE = {"width": 360, "height": 760}


def _network_pages_of_the_trekker():
    return [
        name
        for name, route in ROUTES.items()
        if route.page
        and route.access == NETWORK
        and route.permission in ROLE_PERMISSIONS[Role.TREKKER]
        and Role.TREKKER not in route.not_theirs | route.not_found_for
    ]


@pytest.mark.usefixtures("catalogue")
def test_every_network_page_shows_its_title_on_a_phones_first_screen(
    page, live_server, log_in, browser_errors
):
    """At 360 by 760 pixels the header, menu, breadcrumb and the network's sections leave
    room for the page's title, and the page itself never scrolls sideways. The title ends
    in the upper half of the screen, so what the page starts with (its first action, as a
    rule) shows too; before, the shell alone took about 490 pixels."""
    world = build_world()
    log_in(world.user(Role.TREKKER))
    page.set_viewport_size(PHONE)
    names = _network_pages_of_the_trekker()
    assert len(names) > 50  # the whole product, not a handful
    found = {}
    for name in names:
        page.goto(live_server.url + reverse(name, kwargs=world.kwargs(ROUTES[name].kwargs)))
        title_bottom = page.locator("h1").evaluate("h1 => h1.getBoundingClientRect().bottom")
        page_width = page.evaluate("document.documentElement.scrollWidth")
        if title_bottom > PHONE["height"] / 2 or page_width > PHONE["width"]:
            found[name] = f"title ends at {title_bottom:.0f}px, page is {page_width}px wide"
    assert found == {}


def test_on_a_phone_the_menu_folds_behind_a_button_and_the_name_stays(
    page, live_server, log_in, deelnemer, browser_errors
):
    log_in(deelnemer)
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + reverse("werkvorm_list"))
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    button = page.get_by_role("button", name="Menu")
    assert page.get_by_role("link", name="Ingelogd als Dewi").is_visible()
    assert not menu.is_visible()
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert menu.get_by_role("link", name="Mijn account").is_visible()
    assert page.get_by_role("button", name="Uitloggen").is_visible()
    # The breadcrumb is one way up.
    breadcrumb = page.get_by_role("navigation", name="Kruimelpad")
    assert breadcrumb.get_by_role("link", name="Terug naar Start").is_visible()
    assert not breadcrumb.get_by_role("link", name="Werkvormen").is_visible()


def test_on_a_laptop_the_menu_and_the_whole_breadcrumb_show_without_a_button(
    page, live_server, log_in, deelnemer, browser_errors
):
    log_in(deelnemer)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + reverse("werkvorm_list"))
    assert not page.get_by_role("button", name="Menu").is_visible()
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    assert menu.get_by_role("link", name="Mijn account").is_visible()
    breadcrumb = page.get_by_role("navigation", name="Kruimelpad")
    assert breadcrumb.get_by_role("link", name="Start").is_visible()
    assert not breadcrumb.get_by_role("link", name="Terug naar Start").is_visible()


@pytest.mark.usefixtures("catalogue")
def test_a_wide_table_says_it_scrolls_only_while_it_does_not_fit(
    page, live_server, log_in, browser_errors
):
    world = build_world()
    log_in(world.user(Role.TREKKER))
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + reverse("member_list", args=[world.network.slug]))
    region = page.get_by_role("region", name="leden")
    hint = region.get_by_text("Schuif opzij om meer te zien")
    assert hint.is_visible()
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")
    region.focus()  # the keyboard can reach it, and scroll it
    page.keyboard.press("ArrowRight")
    page.wait_for_function("el => el.scrollLeft > 0", arg=region.element_handle())
    page.set_viewport_size({"width": 1280, "height": 800})
    # The scroll-state query is answered after the next layout, not at once: wait for it.
    expect(hint).to_be_hidden()


def test_an_observation_photo_stays_inside_the_page_on_a_phone(page, live_server, browser_errors):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + reverse("home"))
    # A photo far wider than the phone, with the class on the image as the experiment page
    # puts it.
    page.evaluate(
        """() => {
        const img = document.createElement('img');
        img.className = 'liso-photo';
        img.alt = 'Foto van een flap';
        img.src = '/static/liso/logo.svg';
        img.width = 1315;
        img.height = 400;
        document.querySelector('main').append(img);
    }"""
    )
    page.get_by_alt_text("Foto van een flap").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
