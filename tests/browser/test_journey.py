"""The journey in a real browser: the demo deelnemer, on a phone, writes a leervraag,
plans an experiment for it, starts it, adds two observations, closes it with an outcome
and writes a private reflection that the procesbegeleider cannot read; the trekker moves
the network from phase 2 to 3 and back, and the history shows both moves with reasons."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from liso.models import User
from tests.browser.conftest import axe_violations
from tests.browser.forms import field

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("catalogue")]

SLUG = "jeugdhulp-dichtbij"
QUESTION = "Hoe betrek ik broers en zussen bij het eerste gesprek?"
TITLE = "Broers en zussen uitnodigen"
PRIVATE = "Ik merk dat ik de ouders nog steeds het eerst aankijk."


def the_message(page):
    return page.locator(".liso-messages")


def as_person(page, log_in, email):
    page.context.clear_cookies()
    log_in(User.objects.get(email=email))


@pytest.fixture
def demo(catalogue):
    call_command("load_demo", allow_without_debug=True)


def test_a_deelnemer_logs_her_learning_on_a_phone_and_keeps_her_reflection_to_herself(
    demo, page, log_in, live_server, browser_errors
):
    base = f"{live_server.url}/netwerken/{SLUG}/leren"
    page.set_viewport_size({"width": 360, "height": 800})
    as_person(page, log_in, "deelnemer@example.org")

    # A leervraag of her own.
    page.goto(f"{base}/leervragen/")
    page.get_by_role("link", name="Nog een leervraag schrijven").click()
    field(page, "Leervraag").fill(QUESTION)
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_text(QUESTION)).to_be_visible()

    # An experiment for it: she is in its group, and it serves her newest leervraag.
    page.goto(f"{base}/experimenten/")
    page.get_by_role("link", name="Experiment plannen").click()
    field(page, "Titel").fill(TITLE)
    expect(field(page, "Leervraag").locator("option:checked")).to_contain_text("broers en zussen")
    field(page, "Verwachting").fill("Met broers en zussen erbij hoor ik meer over thuis.")
    field(page, "Wat doen we anders?").fill("Ik nodig broers en zussen uit voor het gesprek.")
    field(page, "Duur in weken").fill("6")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)

    # It runs; two observations from the phone.
    page.get_by_role("button", name="Experiment starten").click()
    expect(the_message(page)).to_contain_text("Het experiment loopt")
    for text, number in [("Twee zussen kwamen mee", "2"), ("Een broer vertelde over school", "")]:
        field(page, "Wat zag je?").fill(text)
        field(page, "Getal").fill(number)
        field(page, "Waar staat het getal voor?").fill("gesprekken" if number else "")
        page.get_by_role("button", name="Waarneming bewaren").click()
        expect(the_message(page)).to_contain_text("Je waarneming is bewaard.")
    observations = page.locator("#waarnemingen + .liso-timeline > li")
    expect(observations).to_have_count(2)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(page) == []

    # Closed with an outcome against the expectation.
    page.get_by_role("link", name="Afronden met de uitkomst").click()
    page.get_by_label("De verwachting klopte deels").check()
    field(page, "Wat zag je gebeuren?").fill("Thuis ja, op kantoor niet.")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.locator(".liso-status--klaar").first).to_have_text("Afgerond")
    expect(page.get_by_text("De verwachting klopte deels").first).to_be_visible()

    # A reflection on it, private by default.
    page.get_by_role("link", name="Reflectie schrijven over dit experiment").click()
    field(page, "Je reflectie").fill(PRIVATE)
    expect(page.get_by_label("Deel deze reflectie met het netwerk")).not_to_be_checked()
    page.get_by_role("button", name="Bewaren").click()
    expect(the_message(page)).to_contain_text("Alleen jij kunt hem lezen")
    expect(page.get_by_text(PRIVATE)).to_be_visible()

    # The procesbegeleider reads the experiment, not the reflection, and sees only a count.
    as_person(page, log_in, "procesbegeleider@example.org")
    for path in ("/reflecties/", "/reflecties/?van=netwerk", "/"):
        page.goto(base + path)
        assert PRIVATE not in page.content(), path
    page.goto(f"{base}/reflecties/")
    expect(
        page.get_by_text(re.compile(r"reflecties die de schrijvers voor zichzelf"))
    ).to_be_visible()
    page.goto(f"{base}/experimenten/")
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_text("Twee zussen kwamen mee")).to_be_visible()
    assert PRIVATE not in page.content()


def test_the_trekker_moves_the_network_to_phase_3_and_back(
    demo, page, log_in, live_server, browser_errors
):
    as_person(page, log_in, "trekker@example.org")
    page.goto(f"{live_server.url}/netwerken/{SLUG}/")
    page.get_by_role("navigation", name="Onderdelen van dit netwerk").get_by_role(
        "link", name="Leren"
    ).click()
    moves = [
        ("Samen vertalen", "De tweede ronde is besproken; tijd om te vertalen."),
        ("Samen doorgronden", "Het onderwijs wil eerst nog een ronde proberen."),
    ]
    for phase, reason in moves:
        page.get_by_role("link", name="Naar een andere fase").click()
        page.get_by_label(phase).check()
        field(page, "Waarom nu?").fill(reason)
        page.get_by_role("button", name="Fase wijzigen").click()
        expect(the_message(page)).to_contain_text(phase)
    history = page.locator("#fasegeschiedenis + .liso-timeline")
    expect(history).to_contain_text("Van fase 2 naar fase 3: Samen vertalen")
    expect(history).to_contain_text("Van fase 3 naar fase 2: Samen doorgronden")
    for _phase, reason in moves:
        expect(history).to_contain_text(reason)
    expect(page.locator("[aria-current=step]")).to_have_text("Samen doorgronden")
