"""Health in a real browser: the demo trekker opens a scan of the kernelementen; three demo
members answer it on a phone; the results (the radar chart and its table) appear only once
the trekker closes the round after the third answer, name nobody, and advise werkvormen
where the network is low; one of them goes into the next session's draaiboek in a click."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from liso.models import User
from tests.browser.conftest import axe_violations
from tests.pdftext import pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("catalogue")]

SLUG = "jeugdhulp-dichtbij"
ANSWERING = [
    # (who, the score they give everything)
    ("trekker@example.org", "2"),
    ("procesbegeleider@example.org", "3"),
    ("deelnemer@example.org", "2"),
]


def as_person(page, log_in, email):
    page.context.clear_cookies()
    log_in(User.objects.get(email=email))


@pytest.fixture
def demo(catalogue):
    call_command("load_demo", allow_without_debug=True)


def _answer_everything(page, score):
    for radio in page.locator(f'.liso-scan input[type="radio"][value="{score}"]').all():
        radio.check()
    page.get_by_role("button", name="Antwoorden opslaan").click()
    expect(page.locator(".liso-messages")).to_contain_text("Je antwoorden zijn bewaard")


def test_three_members_answer_a_scan_on_a_phone_and_the_results_appear_after_the_third(
    demo, page, log_in, live_server, browser_errors
):
    health = f"{live_server.url}/netwerken/{SLUG}/gezondheid/"
    as_person(page, log_in, "trekker@example.org")
    page.goto(health)
    page.get_by_role("button", name="Scan openzetten").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Scan kernelementen")
    results_url = page.url
    expect(page.locator(".liso-empty")).to_contain_text("verschijnen als de ronde sluit")

    page.set_viewport_size({"width": 360, "height": 800})
    for count, (email, score) in enumerate(ANSWERING, 1):
        as_person(page, log_in, email)
        page.goto(health)
        page.get_by_role("link", name="Invullen").first.click()
        # Measure the answer page, not the page being left: wait for its form.
        expect(page.get_by_role("button", name="Antwoorden opslaan")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        if count == 1:
            assert axe_violations(page) == []
        _answer_everything(page, score)
        page.goto(results_url)
        # While the round is open nothing shows: a new answer would show as a difference.
        expect(page.get_by_role("img", name="Het gemiddelde per onderdeel")).to_have_count(0)
        expect(page.locator(".liso-empty")).to_contain_text("verschijnen als de ronde sluit")

    # The trekker closes the round and reads the results: the chart with its table,
    # nobody's name, and advice.
    as_person(page, log_in, "trekker@example.org")
    page.goto(results_url)
    page.get_by_text("Ronde nu sluiten").click()
    page.get_by_role("button", name="Ja, sluit de ronde").click()
    expect(page.get_by_role("img", name="Het gemiddelde per onderdeel")).to_be_visible()
    table = page.get_by_role("region", name="Gemiddelde en spreiding per onderdeel")
    expect(table).to_contain_text("Kennisinfrastructuur")
    expect(table).to_contain_text("2,3")
    main = page.locator("main").inner_text()
    for name in ("Fatima", "Joost van Dijk", "Priya Ramdin"):
        assert name not in main
    expect(page.get_by_role("heading", name="Waar je aan kunt werken")).to_be_visible()
    expect(page.locator(".liso-advice a[href*='/werkvormen/']").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert axe_violations(page) == []

    # One werkvorm of the advice goes into the next session's draaiboek in one click.
    first = page.locator(".liso-advice__werkvormen li").first
    name = first.get_by_role("link").inner_text()
    first.get_by_role("button", name="Toevoegen").click()
    expect(page).to_have_url(re.compile(r"/bijeenkomsten/\d+/draaiboek/$"))
    expect(page.locator("main")).to_contain_text(name)


def test_the_trekker_completes_the_yearly_review_on_a_phone_and_an_agreement_reaches_its_owner(
    demo, page, log_in, live_server, browser_errors, tmp_path
):
    """The trekker completes the demo's yearly review on a phone, with the year's material
    on the page; an agreement becomes the deelnemer's action point, which she ticks off at
    home."""
    page.set_viewport_size({"width": 360, "height": 800})
    as_person(page, log_in, "trekker@example.org")
    page.goto(f"{live_server.url}/netwerken/{SLUG}/gezondheid/")
    page.get_by_role("link", name="Naar de terugblikken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Jaarlijkse terugblik")
    # The demo's trekker and procesbegeleider held it ten days ago; she completes it.
    page.get_by_role("link", name=re.compile(r"^Terugblik van ")).click()
    page.get_by_role("link", name="Bevindingen bijwerken").click()
    page.get_by_label("Wie deden mee").fill("het hele netwerk")
    page.get_by_label("Vliegwiel van innovatie: wat moet anders?").fill(
        "Elke partner kiest één les om in te voeren."
    )
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".liso-messages")).to_contain_text("De terugblik is bewaard.")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Jaarlijkse terugblik van")
    vliegwiel = page.get_by_role("region", name="Vliegwiel van innovatie")
    expect(vliegwiel).to_contain_text("Elke partner kiest één les om in te voeren.")
    expect(vliegwiel).to_contain_text("Scan: gemiddeld")  # the demo's last scan
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert axe_violations(page) == []

    page.get_by_role("link", name="Een afspraak toevoegen").click()
    page.get_by_label("Wat").fill("Lessen per partner ophalen")
    page.get_by_label("Wie").select_option(label="Priya Ramdin")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".liso-messages")).to_contain_text("De afspraak is opgeslagen.")
    review_url = page.url
    expect(page.locator("#afspraken ~ .liso-tasks").first).to_contain_text(
        "Lessen per partner ophalen"
    )

    with page.expect_download() as download:
        page.get_by_role("link", name="Terugblik (pdf)").click()
    pdf = " ".join(pdf_text(download.value.path().read_bytes(), tmp_path).split())
    assert "Elke partner kiest één les om in te voeren." in pdf
    assert "Lessen per partner ophalen" in pdf

    as_person(page, log_in, "deelnemer@example.org")
    page.goto(f"{live_server.url}/")
    mine = page.get_by_role("region", name="Mijn actiepunten")
    expect(mine).to_contain_text("Lessen per partner ophalen")
    mine.get_by_role("button", name="Afvinken Lessen per partner ophalen").click()
    expect(page.get_by_role("region", name="Mijn actiepunten")).not_to_contain_text(
        "Lessen per partner ophalen"
    )
    page.goto(review_url)
    expect(
        page.get_by_role("button", name="Weer openzetten Lessen per partner ophalen")
    ).to_be_visible()
