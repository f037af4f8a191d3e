"""The issue's story in a real browser: a trekker starts a network and invites people; one
accepts through the link; outsiders see nothing; the coverage view names what is missing."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, session_cookie
from tests.liso.factories import UserFactory
from tests.networks.factories import MembershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("catalogue")]

INVITEES = [
    ("Anna de Boer", "anna@example.org", "Deelnemer", "Doelgroep"),
    ("Bas Kok", "bas@example.org", "Procesbegeleider", "Onderzoek"),
    ("Cor Wit", "cor@example.org", "Verbindingsfunctionaris", "Praktijk"),
]


def _start_network(page, live_server):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Zelf een netwerk starten").click()
    for criterion in page.locator(".liso-criteria input[type=checkbox]").all():
        criterion.check()
    page.get_by_label("Naam van het netwerk", exact=True).fill("Samen tegen eenzaamheid")
    page.get_by_label("Het vraagstuk", exact=True).fill("Veel ouderen in de wijk zijn eenzaam.")
    page.get_by_label("Waarom een leernetwerk?", exact=True).fill("Niemand lost dit alleen op.")
    page.get_by_label("Niveau", exact=True).select_option("wijk")
    page.get_by_label("Jouw perspectief", exact=True).select_option("beleid")
    page.get_by_role("button", name="Netwerk aanmaken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Samen tegen eenzaamheid")


def _invite_by_keyboard(page, name, email, role, perspective):
    """Fill the invitation form with the keyboard alone."""
    network_nav = page.get_by_role("navigation", name="Onderdelen van dit netwerk")
    network_nav.get_by_role("link", name="Leden").click()
    page.get_by_role("link", name="Iemand uitnodigen").click()
    page.get_by_label("Naam", exact=True).focus()
    page.keyboard.type(name)
    page.keyboard.press("Tab")
    page.keyboard.type(email)
    checkbox = page.get_by_role("checkbox", name=role)
    while not checkbox.evaluate("el => el === document.activeElement"):
        page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.get_by_label("Perspectief", exact=True).select_option(label=perspective)
    page.get_by_label("Uren per week", exact=True).fill("4")
    page.get_by_label("Uren per week", exact=True).press("Enter")
    expect(page.get_by_role("status")).to_contain_text(f"De uitnodiging voor {email} staat klaar")


def test_a_trekker_starts_a_network_invites_three_and_one_joins(
    page, live_server, log_in, browser, browser_errors
):
    trekker = UserFactory(email="fatima@example.org", full_name="Fatima El Amrani")
    log_in(trekker)
    _start_network(page, live_server)
    network_url = page.url
    expect(page.get_by_text("Nodig de eerste mensen uit")).to_be_visible()

    for invitee in INVITEES:
        _invite_by_keyboard(page, *invitee)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(i[1] for i in INVITEES)
    assert axe_violations(page) == []

    page.get_by_role("navigation", name="Onderdelen van dit netwerk").get_by_role(
        "link", name="Perspectieven"
    ).click()
    warnings = page.locator(".utrecht-alert--warning").inner_text()
    for missing in ["beleid", "onderzoek", "onderwijs", "doelgroep", "financier"]:
        if missing != "beleid":
            assert f"perspectief {missing} ontbreekt" in warnings
    assert axe_violations(page) == []

    # Anna accepts through the link in her mail, in a browser of her own.
    link = re.search(r"http://\S+/uitnodiging/\S+/", mail.outbox[0].body)[0]
    link = re.sub(r"^http://[^/]+", live_server.url, link)
    anna = browser.new_context().new_page()
    anna.goto(link)
    assert axe_violations(anna) == []
    anna.get_by_label("Kies een wachtwoord").fill("herfst-in-oost-7")
    anna.get_by_label("Herhaal het wachtwoord").fill("herfst-in-oost-7")
    anna.get_by_role("button", name="Account aanmaken en meedoen").click()
    expect(anna.get_by_role("heading", level=1)).to_have_text("Samen tegen eenzaamheid")
    anna.goto(live_server.url + "/")
    assert anna.locator("#mijn-netwerken ~ ul h3").all_inner_texts() == ["Samen tegen eenzaamheid"]
    anna.goto(link)  # the link in her mail, once more: straight to the network
    expect(anna.get_by_role("heading", level=1)).to_have_text("Samen tegen eenzaamheid")

    # Someone from another network gets 404 on every page of this one.
    outsider = MembershipFactory().user
    stranger = browser.new_context()
    stranger.add_cookies([session_cookie(outsider, live_server.url)])
    stranger_page = stranger.new_page()
    for path in ["", "leden/", "leden/perspectieven/", "instellingen/"]:
        assert stranger_page.goto(network_url + path).status == 404
    stranger_page.goto(link)  # a used link grants nothing to anyone else
    expect(stranger_page.get_by_role("heading", level=1)).to_contain_text("werkt niet")
    stranger.close()
    anna.context.close()
