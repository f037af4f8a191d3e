"""The start-up story in a real browser: the demo trekker walks the whole start-up path,
downloads both PDFs, marks the organisations as signed and sees the network become
'lopend' (and can put it back). A second, short story: two trekkers edit the startnotitie
at the same time, and the second one is warned instead of silently overwriting."""

import re
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from liso.method import Role
from liso.models import User
from networks.models import MembershipRole
from tests.browser.conftest import axe_violations, session_cookie
from tests.browser.forms import field
from tests.pdftext import pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("catalogue")]

NETWORK = "Samen tegen eenzaamheid"
SLUG = "samen-tegen-eenzaamheid"
NETWORK_PATH = f"/netwerken/{SLUG}/"
ORGANISATIONS = [
    "Buurtteams Rivierstad",
    "Gemeente Rivierstad",
    "Hogeschool Oost",
    "Seniorenraad Rivierstad",
    "Welzijn Rivierstad",
]
DEMO_GOAL = "Eenzaamheid eerder signaleren in de wijk"
NEW_GOAL = "Weten welke signalen van eenzaamheid het eerst opvallen"
EXIT_TERMS = "Een partner die stopt, meldt dat drie maanden vooraf."
PROBLEM_MARKDOWN = (
    "Eenzame ouderen vragen **zelden zelf** om hulp.\n\n"
    "- buurtteams zien hen te laat\n"
    "- welzijn zoekt partners in de wijk"
)


@pytest.fixture
def demo(catalogue):
    """The demo data, with the network that is halfway through its start-up. The suite
    runs with DEBUG off, as production does, so the loader must be told it may."""
    call_command("load_demo", allow_without_debug=True)


@pytest.fixture
def trekker_page(demo, page, live_server, log_in, browser_errors):
    log_in(User.objects.get(email="trekker@example.org"))
    return page


# --- small helpers, named for what a person does ---------------------------------------------


def report_errors_of(page, errors):
    """Let `browser_errors` fail the test for a second page's errors as well."""
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))


def the_message(page):
    """The messages Django shows at the top of the page after a save."""
    return page.locator(".liso-messages")


def go_to_step(page, label):
    page.get_by_role("navigation", name="Stappen van de opstart").get_by_role(
        "link", name=label, exact=True
    ).click()


def call_the_step_done(page, label):
    page.get_by_role("button", name="Deze stap is klaar").click()
    expect(the_message(page)).to_contain_text(f"“{label}” staat op klaar.")


def save(page):
    page.get_by_role("button", name="Opslaan", exact=True).click()


def download_pdf(page, tmp_path, name) -> str:
    """Click "Download als pdf" and return the PDF's text, laid out as on paper."""
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download als pdf").click()
    pdf = tmp_path / name
    download_info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    return re.sub(r"\s+", " ", pdf_text(pdf.read_bytes(), tmp_path))  # names may wrap


def status_on_the_overview(page, live_server):
    page.goto(live_server.url + NETWORK_PATH)
    return page.locator(".liso-facts li").filter(has_text="Status")


def record_talk(page):
    page.get_by_role("link", name="Gesprek vastleggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verkennend gesprek vastleggen")
    field(page, "Met wie").fill("Anouk Visser")
    field(page, "Organisatie").fill("Buurtteams Rivierstad")
    field(page, "Datum van het gesprek").fill(date.today().isoformat())
    field(page, "Gevoerd door").fill("Fatima El Amrani")
    field(page, "Waarom wil deze persoon meedoen?").fill("Ziet eenzaamheid pas laat.")
    field(page, "Waarom doet de organisatie mee?").fill("Wil eerder in beeld zijn.")
    field(page, "Open vragen").fill("Kan zij 4 uur per week vrijmaken?")
    save(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Stap 2: Verkennende gesprekken")
    expect(page.get_by_role("heading", name="Anouk Visser · Buurtteams Rivierstad")).to_be_visible()


def write_problem_with_preview(page):
    page.get_by_role("link", name="Tekst bewerken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Startnotitie bewerken")
    field(page, "Probleemstelling").fill(PROBLEM_MARKDOWN)
    page.evaluate("window.notReloaded = true")
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    preview = page.locator("#voorbeeld")
    expect(preview.get_by_role("heading", name="Zo ziet het eruit")).to_be_visible()
    expect(preview.locator("strong")).to_have_text("zelden zelf")
    expect(preview.locator("li")).to_have_text(
        ["buurtteams zien hen te laat", "welzijn zoekt partners in de wijk"]
    )
    assert page.evaluate("window.notReloaded") is True  # swapped in by htmx, not reloaded
    assert field(page, "Probleemstelling").input_value() == PROBLEM_MARKDOWN
    assert axe_violations(page) == []
    save(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Stap 3: Startnotitie en visiedocument"
    )
    document = page.locator(".liso-document")
    expect(document.locator("strong", has_text="zelden zelf")).to_be_visible()
    expect(document.get_by_text("buurtteams zien hen te laat")).to_be_visible()


def add_goal_to_the_research_agenda(page):
    page.get_by_role("link", name="Doel toevoegen aan de Onderzoeksagenda").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Doel toevoegen")
    expect(field(page, "Agenda")).to_have_value("onderzoeksagenda")
    field(page, "Doel").fill(NEW_GOAL)
    page.get_by_role("radio", name="Een concrete afspraak").check()
    field(page, "Afspraak").fill("Een praktijkonderzoek met de buurtteams is gedeeld.")
    save(page)
    research = page.locator("section").filter(
        has=page.get_by_role("heading", name="Onderzoeksagenda", level=2)
    )
    expect(research.get_by_role("heading", name=NEW_GOAL)).to_be_visible()
    expect(research).to_contain_text("Afspraak: Een praktijkonderzoek met de buurtteams")


def choose_ownership(page):
    page.get_by_role("link", name="Afspraken kiezen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Afspraken in de overeenkomst")
    page.get_by_role("radio", name="Het netwerk samen: alle partners delen het eigendom").check()
    page.get_by_role(
        "radio", name="Open: iedereen mag het gebruiken met naamsvermelding (CC BY)"
    ).check()
    field(page, "Tussentijds stoppen").fill(EXIT_TERMS)
    assert axe_violations(page) == []
    save(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Stap 7: Samenwerkingsovereenkomst")
    expect(page.get_by_role("main")).to_contain_text(
        "Het netwerk samen: alle partners delen het eigendom"
    )


def signing_rows(page):
    return page.get_by_role("table").locator("tbody tr")


def record_signature(page, organisation):
    row = signing_rows(page).filter(has=page.get_by_role("rowheader", name=organisation))
    expect(row.get_by_role("cell").first).to_have_text("nog niet")
    row.get_by_role("link", name="Handtekening vastleggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Handtekening op papier van {organisation}"
    )
    expect(field(page, "Getekend op")).to_have_value(date.today().isoformat())
    field(page, "Getekend door").fill(f"Directeur van {organisation}")
    field(page, "Functie").fill("Directeur")
    page.get_by_role("button", name="Handtekening vastleggen").click()
    expect(the_message(page)).to_contain_text(f"De handtekening van {organisation} is vastgelegd.")


# --- the stories ---------------------------------------------------------------------------


def test_the_demo_trekker_walks_the_start_up_and_the_network_becomes_lopend(
    trekker_page, live_server, tmp_path
):
    page = trekker_page
    page.goto(live_server.url + NETWORK_PATH)
    expect(page.get_by_role("heading", level=1)).to_have_text(NETWORK)
    expect(page.locator(".liso-next-step")).to_contain_text(
        "Opstart, stap 2 van 7: Verkennende gesprekken."
    )
    page.get_by_role("link", name="Naar de opstart").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Opstart")
    expect(page.locator("#voortgang-tekst")).to_contain_text("1 van de 7 stappen klaar")
    assert axe_violations(page) == []

    # Step 2: a talk through the form; then the step is done.
    page.get_by_role("link", name="Stap 2: Verkennende gesprekken").click()
    record_talk(page)
    call_the_step_done(page, "Verkennende gesprekken")

    # Step 3: the problem in Markdown, previewed in place, saved, and the PDF.
    go_to_step(page, "Startnotitie en visiedocument")
    write_problem_with_preview(page)
    startnotitie = download_pdf(page, tmp_path, "startnotitie.pdf")
    for expected in ["Startnotitie", NETWORK, "zelden zelf", DEMO_GOAL, *ORGANISATIONS]:
        assert expected in startnotitie, f"{expected!r} is missing from the startnotitie PDF"
    call_the_step_done(page, "Startnotitie en visiedocument")

    # Step 4: a goal on the research agenda, followed by an agreement.
    go_to_step(page, "De drie agenda's")
    add_goal_to_the_research_agenda(page)
    call_the_step_done(page, "De drie agenda's")

    # Steps 5 and 6 are filled in by the demo; the trekker calls them done.
    for label in ["Omvang en geld", "Kennisinfrastructuur"]:
        go_to_step(page, label)
        call_the_step_done(page, label)

    # Step 7: the ownership choices, then the agreement as the partners will sign it.
    go_to_step(page, "Samenwerkingsovereenkomst")
    choose_ownership(page)
    assert axe_violations(page) == []
    agreement = download_pdf(page, tmp_path, "samenwerkingsovereenkomst.pdf")
    for expected in [
        "Samenwerkingsovereenkomst",
        NETWORK,
        "Concept ter ondertekening",
        NEW_GOAL,
        DEMO_GOAL,
        EXIT_TERMS,
        "Ondertekening",
        "Handtekening",
        *ORGANISATIONS,
    ]:
        assert expected in agreement, f"{expected!r} is missing from the agreement PDF"

    # Every organisation signs; the last signature makes the network lopend.
    expect(signing_rows(page)).to_have_count(len(ORGANISATIONS))
    assert signing_rows(page).locator("th").all_inner_texts() == ORGANISATIONS
    for organisation in ORGANISATIONS:
        record_signature(page, organisation)
    expect(the_message(page)).to_contain_text("het netwerk is nu lopend")
    expect(
        page.locator(".utrecht-alert--ok", has_text="Alle organisaties hebben getekend").last
    ).to_contain_text("De opstart is klaar en het netwerk is lopend.")
    expect(page.get_by_text("5 van 5 organisaties hebben getekend.")).to_be_visible()
    signed = download_pdf(page, tmp_path, "getekend.pdf")
    assert "Getekend door alle partijen" in signed
    assert "Directeur van Welzijn Rivierstad" in signed

    page.get_by_role("navigation", name="Onderdelen van dit netwerk").get_by_role(
        "link", name="Opstart"
    ).click()
    expect(page.locator("#voortgang-tekst")).to_contain_text("7 van de 7 stappen klaar")
    expect(page.locator("#voortgang-tekst")).to_contain_text("status van het netwerk: lopend")
    expect(status_on_the_overview(page, live_server)).to_have_text("Status Lopend")

    # Reversible: back to the start-up, the signatures stay.
    page.get_by_role("link", name="Bekijk de overeenkomst").click()
    page.get_by_role("button", name="Terug naar de opstart").click()
    expect(the_message(page)).to_contain_text("Het netwerk staat weer in de opstart.")
    expect(page.get_by_text("5 van 5 organisaties hebben getekend.")).to_be_visible()
    expect(page.get_by_role("button", name="Netwerk op lopend zetten")).to_be_visible()
    expect(status_on_the_overview(page, live_server)).to_have_text("Status Opstart")


def test_a_second_save_of_the_startnotitie_is_warned_and_keeps_its_text(
    demo, page, live_server, log_in, browser, browser_errors
):
    fatima = User.objects.get(email="trekker@example.org")
    karin = User.objects.get(email="karin.bos@example.org")
    membership = karin.memberships.get(network__slug=SLUG)
    MembershipRole.objects.create(membership=membership, role=Role.TREKKER)  # a second trekker
    log_in(fatima)
    edit_url = live_server.url + reverse("opstart_startnotitie_edit", args=[SLUG])
    karins = browser.new_context()
    karins.add_cookies([session_cookie(karin, live_server.url)])
    karin_page = karins.new_page()
    report_errors_of(karin_page, browser_errors)
    page.goto(edit_url)
    karin_page.goto(edit_url)

    field(page, "Probleemstelling").fill("De tekst van Fatima.")
    save(page)
    expect(the_message(page)).to_contain_text("Opgeslagen.")

    karins_text = "De tekst van Karin, die later opslaat."
    field(karin_page, "Probleemstelling").fill(karins_text)
    save(karin_page)
    warning = karin_page.get_by_role("alert").filter(has_text="heeft dit opgeslagen")
    expect(warning.get_by_role("heading")).to_contain_text(
        "Fatima El Amrani heeft dit opgeslagen op"
    )
    expect(warning).to_contain_text("Opgeslagen: De tekst van Fatima.")
    expect(field(karin_page, "Probleemstelling")).to_have_value(karins_text)
    assert axe_violations(karin_page) == []

    save(karin_page)  # having seen Fatima's text, Karin knowingly keeps hers
    expect(karin_page.locator(".liso-document")).to_contain_text(karins_text)
    karins.close()
