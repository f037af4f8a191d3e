"""The home page with everything on it, in Chromium: accessible at phone and laptop
width, and an invitation answered with one tap."""

import pytest
from playwright.sync_api import expect

from liso.method import Role
from tests.browser.conftest import WIDTHS
from tests.browser.test_accessibility import _problems
from tests.liso.factories import UserFactory
from tests.liso.home_world import (
    a_network_invitation,
    a_session,
    an_experiment,
    an_open_scan,
    invite,
)
from tests.networks.factories import MembershipFactory, NetworkFactory

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("catalogue")]


def _priya():
    """A deelnemer with every section of the home page filled."""
    priya = MembershipFactory(
        user=UserFactory(full_name="Priya Ramdin"), roles=[Role.DEELNEMER, Role.TREKKER]
    )
    colleague = MembershipFactory(network=priya.network)
    invite(a_session(priya.network, days=20, theme="Experimenten kiezen"), priya)
    invite(a_session(priya.network, days=40, theme="Oogsten"), priya, "komt")
    an_experiment(priya.network, [priya, colleague], title="Keukentafelgesprekken")
    an_open_scan(priya.network, colleague.user)
    a_network_invitation(
        NetworkFactory(name="Samen tegen eenzaamheid"), priya.user.email, colleague.user
    )
    return priya


def test_the_home_page_with_every_section_is_accessible(page, live_server, log_in, browser_errors):
    log_in(_priya().user)
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", name="Wacht op je antwoord")).to_be_visible()
    found = {}
    for width, pixels in WIDTHS.items():
        page.set_viewport_size({"width": pixels, "height": 900})
        if problems := _problems(page):
            found[width] = problems
    assert found == {}


def test_a_deelnemer_answers_an_invitation_from_the_home_page(
    page, live_server, log_in, browser_errors
):
    log_in(_priya().user)
    page.set_viewport_size({"width": WIDTHS["telefoon"], "height": 900})
    page.goto(live_server.url + "/")
    waiting = page.get_by_role("region", name="Wacht op je antwoord")
    invitation = waiting.get_by_role("listitem").filter(has_text="Experimenten kiezen")
    invitation.get_by_role("button", name="Ik kom").click()
    expect(page.get_by_text("Fijn dat je komt!")).to_be_visible()
    assert page.url == live_server.url + "/"
    expect(waiting).not_to_contain_text("Experimenten kiezen")
    sessions = page.get_by_role("region", name="Mijn volgende bijeenkomsten")
    expect(sessions.get_by_role("listitem").first).to_contain_text("Aangemeld")
