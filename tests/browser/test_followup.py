"""After a session, in a real browser: the demo procesbegeleider records who was there,
writes the minutes with a photo of a flip-over, adds two action points and shares the
report; the next session's preparation lists the open action points."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from kernelements.demo import AGREEMENTS
from liso.models import User
from tests.bijeenkomsten.world import png_bytes
from tests.browser.conftest import axe_violations
from tests.browser.forms import field

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("catalogue")]

SLUG = "jeugdhulp-dichtbij"
HELD = "Wat werkt er in de wijk?"  # demo: six weeks ago
NEXT = "Experimenten kiezen en plannen"  # demo: ten weeks ahead
ACTIONS = [
    ("Wijkteam uitnodigen voor het experiment", "Priya Ramdin"),
    ("Cijfers wachttijden opvragen", "Fatima El Amrani"),
]


@pytest.fixture
def page_of_procesbegeleider(catalogue, page, log_in, browser_errors):
    call_command("load_demo", allow_without_debug=True)
    log_in(User.objects.get(email="procesbegeleider@example.org"))
    return page


def the_message(page):
    return page.locator(".liso-messages")


def open_session(page, live_server, theme):
    page.goto(f"{live_server.url}/netwerken/{SLUG}/bijeenkomsten/")
    page.get_by_role("link", name=theme).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(theme)


def test_the_procesbegeleider_follows_up_a_session(
    page_of_procesbegeleider, live_server, tmp_path, mailoutbox
):
    page = page_of_procesbegeleider
    open_session(page, live_server, HELD)

    # Who was there: the form starts from what was recorded; one more person stayed away.
    page.get_by_role("link", name="Aanwezigheid wijzigen").click()
    ticked = page.locator("input[name=aanwezig]:checked")
    present = ticked.count()
    ticked.first.uncheck()
    page.get_by_role("button", name="Aanwezigheid opslaan").click()
    expect(the_message(page)).to_contain_text(f"{present - 1} mensen waren er")

    # The minutes and the lessons learned.
    page.get_by_role("link", name="Verslag en actiepunten").click()
    page.get_by_role("link", name="Verslag schrijven").click()
    field(page, "Verslag").fill("We hebben drie praktijkvoorbeelden besproken.\n\n- Wachtlijsten")
    field(page, "Geleerde lessen").fill("Samen met ouders kijken werkt beter.")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(the_message(page)).to_contain_text("Het verslag is opgeslagen.")
    expect(page.locator(".liso-document")).to_contain_text("drie praktijkvoorbeelden")

    # A photo of the flip-over.
    photo = tmp_path / "flap.png"
    photo.write_bytes(png_bytes((80, 60)))
    field(page, "Foto of pdf").set_input_files(photo)
    field(page, "Onderschrift").fill("De flap met ideeën")
    page.get_by_role("button", name="Bestand toevoegen").click()
    image = page.get_by_role("img", name="De flap met ideeën")
    expect(image).to_be_visible()
    # Visible is not yet loaded (it loads lazily, and the suite runs two browsers at once).
    image.scroll_into_view_if_needed()
    handle = image.element_handle()
    page.wait_for_function("(img) => img.complete", arg=handle)
    assert page.evaluate("(img) => img.naturalWidth", handle) == 80

    # Two action points, each with who does it.
    for what, who in ACTIONS:
        page.get_by_role("link", name="Actiepunt toevoegen").click()
        field(page, "Wat").fill(what)
        field(page, "Wie").select_option(label=who)
        page.get_by_role("button", name="Opslaan", exact=True).click()
        expect(page.locator(".liso-task", has_text=what)).to_contain_text(who)
    assert axe_violations(page) == []

    # Share: every member gets the lessons and the action points by mail.
    page.get_by_role("button", name="Verslag delen").click()
    expect(the_message(page)).to_contain_text("Het verslag is gedeeld met")
    assert mailoutbox and all(ACTIONS[0][0] in mail.body for mail in mailoutbox)

    # The next session's preparation shows the open action points: the demo's yearly
    # review's agreements, then these (soonest due first).
    open_session(page, live_server, NEXT)
    progress = page.get_by_role("list", name="Voortgang actiepunten")
    expect(progress.locator(".liso-task__title strong")).to_have_text(
        [what for _email, what, _due in AGREEMENTS] + [what for what, _who in ACTIONS]
    )
    expect(progress).to_contain_text(HELD)
