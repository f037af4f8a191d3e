"""Closing in a real browser: the demo trekker walks the closing path to the end (the
moment, borging, the reisverslag with a reflection the deelnemer chose, the last session,
closing); every member gets a mail; the reisverslag PDF tells the demo network's story;
the network reads as an archive and refuses changes; reopening works and is in the
history."""

import re
from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils.formats import date_format
from playwright.sync_api import expect

from bijeenkomsten.models import Session
from liso.models import User
from networks.models import Network
from tests.browser.conftest import axe_violations
from tests.pdftext import pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("catalogue")]

SLUG = "jeugdhulp-dichtbij"


@pytest.fixture
def demo(catalogue):
    call_command("load_demo", allow_without_debug=True)


def as_person(page, log_in, email):
    page.context.clear_cookies()
    log_in(User.objects.get(email=email))


def _saved(page, text):
    expect(page.locator(".liso-messages")).to_contain_text(text)


def _choose_the_deelnemers_reflection(page, log_in, base):
    as_person(page, log_in, "deelnemer@example.org")
    page.goto(f"{base}/netwerken/{SLUG}/afsluiten/reisverslag/")
    mine = page.locator("#mijn-reflecties ~ ul")
    mine.get_by_role("button", name="In het reisverslag zetten").first.click()
    _saved(page, "Je reflectie staat in het reisverslag.")


def _walk_the_path(page, base):
    page.goto(f"{base}/netwerken/{SLUG}/")
    page.get_by_role("link", name="Naar de afsluiting").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Afsluiting")
    page.get_by_role("link", name="Ga verder").click()
    # 1. The moment, beside what is still open.
    expect(page.get_by_text("nog nergens in gebruik")).to_be_visible()
    page.get_by_label("Wat we leerden is gewoon werk geworden").check()
    page.get_by_label("Toelichting").fill("De buurtteams werken nu zo.")
    page.get_by_role("button", name="Opslaan").click()
    _saved(page, "Het moment is vastgelegd.")
    # 2. Borging of one kennisproduct.
    page.get_by_role("link", name="Borging", exact=True).click()
    page.get_by_role("link", name=re.compile("^Trainingsmodule samen beslissen")).click()
    findable = page.get_by_role("group", name="Vindbaar in tekst, beeld of geluid")
    findable.get_by_label("Hoe staat het ervoor?").select_option(label="Geregeld")
    findable.get_by_label("Wie zorgt ervoor?").select_option(label="Priya Ramdin")
    findable.get_by_label("Waar staat het").fill("Kennisbank Jeugd, map Samen beslissen")
    page.get_by_role("button", name="Opslaan").click()
    _saved(page, "De borging van “Trainingsmodule samen beslissen” is bewaard.")
    expect(page.get_by_text("Kennisbank Jeugd, map Samen beslissen")).to_be_visible()
    assert axe_violations(page) == []
    # 3. The reisverslag, from the draft.
    page.get_by_role("link", name="Reisverslag", exact=True).click()
    page.get_by_role("link", name="Reisverslag schrijven").click()
    expect(page.get_by_label("Het verhaal van de reis")).to_contain_text("Hoe het begon")
    page.get_by_label("Cruciale momenten").fill("De avond waarop jongeren zelf aan tafel zaten.")
    page.get_by_label("Wat leerde het perspectief praktijk?").fill("Eerst luisteren, dan pas doen.")
    page.get_by_role("button", name="Opslaan").click()
    _saved(page, "Het reisverslag is bewaard.")
    # 4. The last session: one of the planned ones.
    page.get_by_role("link", name="De laatste bijeenkomst").first.click()
    expect(page.get_by_role("link", name="Plan de laatste bijeenkomst")).to_be_visible()
    planned = Session.objects.get(network__slug=SLUG, theme="Experimenten kiezen en plannen")
    page.get_by_label("Laatste bijeenkomst").select_option(
        label=f"{date_format(planned.date, 'j F Y')}: {planned.theme}"
    )
    page.get_by_role("button", name="Opslaan").click()
    _saved(page, "De keuze is bewaard.")


def test_the_trekker_closes_the_demo_network_and_reopens_it(
    page, live_server, log_in, demo, tmp_path
):
    base = live_server.url
    _choose_the_deelnemers_reflection(page, log_in, base)
    as_person(page, log_in, "trekker@example.org")
    _walk_the_path(page, base)
    # 5. Close.
    page.get_by_role("link", name="Afsluiten", exact=True).click()
    page.get_by_label("Afgerond").check()
    page.get_by_role("button", name="Netwerk afsluiten").click()
    _saved(page, "Het netwerk is afgesloten.")
    network = Network.objects.get(slug=SLUG)
    members = network.memberships.filter(left_on__isnull=True).count()
    closed_mails = [m for m in mail.outbox if "is afgesloten" in m.subject]
    assert len(closed_mails) == members
    # The reisverslag tells the demo network's story.
    page.get_by_role("link", name="Stap 3: Reisverslag").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Reisverslag downloaden (pdf)").click()
    pdf = " ".join(pdf_text(download.value.path().read_bytes(), tmp_path).split())
    for told in [
        "Wat we leerden is gewoon werk geworden",
        "Hoe het begon",
        "De avond waarop jongeren zelf aan tafel zaten.",
        "Eerst luisteren, dan pas doen.",
        "In de bijeenkomst werd me duidelijk",  # the deelnemer's chosen reflection
        "Trainingsmodule samen beslissen",
        "Kennisbank Jeugd, map Samen beslissen",
        "Kennismaken met elkaars praktijk",  # a session
        date.today().strftime("%Y"),
    ]:
        assert told in pdf, told
    # The archive: a deelnemer reads it, on a phone, and can change nothing.
    page.set_viewport_size({"width": 360, "height": 800})
    as_person(page, log_in, "deelnemer@example.org")
    page.goto(f"{base}/netwerken/{SLUG}/")
    expect(page.get_by_role("region", name="Afsluiting")).to_contain_text("afgerond op")
    page.goto(f"{base}/netwerken/{SLUG}/bijeenkomsten/")
    expect(page.get_by_role("link", name="Bijeenkomst plannen")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    # Reopening, with a reason that stays in the history.
    as_person(page, log_in, "trekker@example.org")
    page.goto(f"{base}/netwerken/{SLUG}/afsluiten/afronden/")
    assert axe_violations(page) == []
    page.get_by_label("Reden om te heropenen").fill("Een tweede ronde met nieuwe gemeenten.")
    page.get_by_role("button", name="Netwerk heropenen").click()
    _saved(page, "Het netwerk is heropend.")
    page.goto(f"{base}/netwerken/{SLUG}/geschiedenis/")
    expect(page.get_by_text("Een tweede ronde met nieuwe gemeenten.")).to_be_visible()
    assert Network.objects.get(slug=SLUG).status == Network.Status.LOPEND
