"""Sessions in a real browser. The demo procesbegeleider plans a session ten weeks ahead,
finds its preparation tasks split between trekker and procesbegeleider with the method's
due dates, ticks one off, then builds its draaiboek: werkvormen found through the htmx
search, a break, start times that follow the order, a block moved up by keyboard (focus
stays on its button) and another dragged into place (the order survives a reload), and a
block made so long that the health check says the session is too full. A second, short
story: a deelnemer reads the programme but may not open the builder."""

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import formats, translation
from playwright.sync_api import expect

from bijeenkomsten.demo import DRAAIBOEK
from bijeenkomsten.models import Session
from liso.models import User
from tests.browser.conftest import axe_violations
from tests.browser.forms import field
from tests.pdftext import pdf_text
from werkvormen.models import Werkvorm

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("catalogue")]

SLUG = "jeugdhulp-dichtbij"
NETWORK_PATH = f"/netwerken/{SLUG}/"
THEME = "Samen leren over vertrouwen"
START = time(13, 30)
PLANNED_MINUTES = 180
PLACE = "Bibliotheek Rivierstad, zaal 2"
SEARCH = "vertrouwen"
BREAK_MINUTES = 15
DEMO_THEME = "Experimenten kiezen en plannen"
INVITATIONS = "Uitnodigingen volgende sessie delen"  # 12 weeks before, the procesbegeleider's
AGENDA = "Agenda delen"  # 4 weeks before, the trekker's


@pytest.fixture
def demo(catalogue):
    """The demo data; the suite runs with DEBUG off, so the loader must be told it may."""
    call_command("load_demo", allow_without_debug=True)


@pytest.fixture
def procesbegeleider_page(demo, page, log_in, browser_errors):
    log_in(User.objects.get(email="procesbegeleider@example.org"))
    return page


@pytest.fixture
def deelnemer_page(demo, page, log_in, browser_errors):
    log_in(User.objects.get(email="deelnemer@example.org"))
    return page


# --- small helpers, named for what a person does ---------------------------------------------


def the_message(page):
    return page.locator(".liso-messages")


def dutch_date(day: date) -> str:
    """A date as the pages write it: "3 maart 2027"."""
    with translation.override("nl"):
        return formats.date_format(day, "j F Y")


def clock_times(start: time, minutes: list[int]) -> list[str]:
    """Each block's clock range as the pages write it, e.g. 13:30 to 13:50 with an en
    dash, one block after the other from `start`."""
    moment = datetime.combine(date.today(), start)
    ranges = []
    for length in minutes:
        end = moment + timedelta(minutes=length)
        ranges.append(f"{moment:%H:%M}–{end:%H:%M}")
        moment = end
    return ranges


def open_the_sessions(page, live_server):
    page.goto(live_server.url + NETWORK_PATH)
    page.get_by_role("navigation", name="Onderdelen van dit netwerk").get_by_role(
        "link", name="Bijeenkomsten"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bijeenkomsten")


def plan_a_session(page, day: date):
    page.get_by_role("link", name="Bijeenkomst plannen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bijeenkomst plannen")
    field(page, "Thema").fill(THEME)
    field(page, "Datum").fill(day.isoformat())
    field(page, "Begintijd").fill(f"{START:%H:%M}")
    field(page, "Duur in minuten").fill(str(PLANNED_MINUTES))
    field(page, "Plaats").fill(PLACE)
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(the_message(page)).to_contain_text("De bijeenkomst is gepland")
    expect(page.get_by_role("heading", level=1)).to_have_text(THEME)


def exactly(text):
    return re.compile(rf"^{re.escape(text)}$")


def the_task(page, title):
    return page.locator(".liso-task").filter(
        has=page.locator(".liso-task__title strong", has_text=exactly(title))
    )


def task_button(page, action, title):
    """The task's button, named with the task's title for screen readers."""
    return the_task(page, title).get_by_role("button", name=f"{action} {title}", exact=True)


def tick_off(page, title):
    task_button(page, "Afvinken", title).click()
    expect(the_message(page)).to_contain_text(f"“{title}” is afgevinkt.")


def open_the_builder(page):
    page.get_by_role("link", name="Draaiboek maken of wijzigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Draaiboek: {THEME}")
    # The heading shows while the page is still loading; htmx (a deferred script) runs
    # before "load". A search sent before that is a plain GET that reloads the page.
    page.wait_for_load_state()


def search_werkvorm(page, text):
    page.get_by_label("Zoek een werkvorm").fill(text)
    page.get_by_label("Zoek een werkvorm").press("Enter")
    expect(the_found_werkvormen(page).get_by_role("listitem").first).to_be_visible()


def the_found_werkvormen(page):
    return page.get_by_role("list", name="Gevonden werkvormen")


def found_werkvormen(page) -> list[str]:
    return the_found_werkvormen(page).locator("li strong").all_inner_texts()


def builder_settled(page, blocks_after: int):
    """The builder shows the new block and every add form carries its new version (the
    script copies it over after the swap), so the next click is not refused as outdated."""
    expect(block_titles(page)).to_have_count(blocks_after)
    version = page.locator("#draaiboek input[name=versie]").first.input_value()
    for version_input in page.locator("input.liso-version").all():
        expect(version_input).to_have_value(version)


def add_werkvorm(page, name, blocks_after: int):
    page.get_by_role("button", name=f"Toevoegen {name}", exact=True).click()
    builder_settled(page, blocks_after)


def add_free_block(page, kind, minutes, blocks_after: int):
    builder_aside = page.get_by_role("complementary", name="Toevoegen")
    builder_aside.get_by_label("Soort").select_option(label=kind)
    builder_aside.get_by_label("Minuten").fill(str(minutes))
    builder_aside.get_by_role("button", name="Onderdeel toevoegen").click()
    builder_settled(page, blocks_after)


def block_titles(page):
    return page.locator("#draaiboek .liso-block__title strong")


def block_times(page):
    return page.locator("#draaiboek .liso-block__time")


def the_block(page, title):
    return page.locator("#draaiboek .liso-block").filter(
        has=page.locator(".liso-block__title strong", has_text=exactly(title))
    )


def expect_programme(page, blocks: list[tuple[str, int]]):
    """The builder shows these blocks in this order, with times counted from the start."""
    expect(block_titles(page)).to_have_text([title for title, _ in blocks])
    expect(block_times(page)).to_contain_text(clock_times(START, [m for _, m in blocks]))


def move_up_by_keyboard(page, title):
    button = page.get_by_role("button", name=f"Omhoog: {title}")
    button.focus()
    page.keyboard.press("Enter")


def focused_element_text(page) -> str:
    """What a screen reader would start from: the text of the focused element."""
    return page.evaluate("document.activeElement.textContent.trim()")


# How far into the target block the pointer goes, try after try: never the same spot twice,
# so every try is a real move.
POINTER_DEPTHS = (0.5, 0.8, 0.9, 0.7, 0.85)


def blocks_stand_still(page):
    """SortableJS slides a block with a translate3d() transform and clears it when the
    block arrives (wait_for_function would need eval, which the CSP forbids)."""
    expect(page.locator("#draaiboek .liso-block[style*='translate']")).to_have_count(0)


def drag_block_below(page, moving, target):
    """Drag a block by its handle to just below another, as a mouse user would: SortableJS
    needs real pointer moves, in several steps."""
    # Room for the whole programme: near the window's edge SortableJS scrolls the page
    # while dragging, which would move the blocks away from under the pointer.
    page.set_viewport_size({"width": 1280, "height": 2000})
    the_block(page, moving).locator(".liso-block__handle").hover()
    box = the_block(page, target).bounding_box()
    x = box["x"] + box["width"] / 2
    with page.expect_response(is_the_new_order_posted) as posted:
        page.mouse.down()
        # SortableJS slides the blocks aside as the pointer passes them; on a busy machine a
        # move that came while they slid landed a place off. So do as an eye would: move
        # into the target where it stands now, wait until the blocks
        # stand still, and let go only once the block shows in its new place.
        for depth in POINTER_DEPTHS:
            box = the_block(page, target).bounding_box()
            page.mouse.move(x, box["y"] + box["height"] * depth, steps=10)
            blocks_stand_still(page)
            if sits_just_below(page, moving, target):
                break
        page.mouse.up()
    assert posted.value.ok


def sits_just_below(page, moving, target) -> bool:
    titles = block_titles(page).all_inner_texts()
    return titles.index(moving) == titles.index(target) + 1


def is_the_new_order_posted(response) -> bool:
    """The hidden #volgorde-form, sent by htmx when a drag ends."""
    request = response.request
    return request.method == "POST" and "actie=volgorde" in (request.post_data or "")


def edit_block_minutes(page, title, minutes):
    page.get_by_role("link", name=f"Wijzigen {title}", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(field(page, "Titel")).to_have_value(title)
    field(page, "Minuten").fill(str(minutes))
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(the_message(page)).to_contain_text(f"“{title}” is opgeslagen.")


def the_health_check(page):
    return page.get_by_role("region", name="Check van het draaiboek")


# --- the stories ---------------------------------------------------------------------------


def download_pdf(page, link_text, tmp_path) -> str:
    """Click a PDF link and return the document's text (whitespace folded)."""
    return " ".join(pdf_text(download(page, link_text, tmp_path), tmp_path).split())


def test_the_procesbegeleider_plans_a_session_and_builds_its_draaiboek(
    procesbegeleider_page, live_server, tmp_path
):
    page = procesbegeleider_page
    today = date.today()
    day = today + timedelta(weeks=10)

    # 1. Plan the session; its preparation tasks are split between the roles.
    open_the_sessions(page, live_server)
    plan_a_session(page, day)
    invitations = the_task(page, INVITATIONS)
    expect(invitations).to_contain_text(f"klaar op {dutch_date(day - timedelta(weeks=12))}")
    expect(invitations.locator(".liso-missing")).to_have_text("te laat")
    expect(invitations).to_contain_text("Joost van Dijk")
    agenda = the_task(page, AGENDA)
    expect(agenda).to_contain_text(f"klaar op {dutch_date(day - timedelta(weeks=4))}")
    expect(agenda).to_contain_text("Fatima El Amrani")
    expect(agenda.locator(".liso-missing")).to_have_count(0)
    assert axe_violations(page) == []

    tick_off(page, INVITATIONS)
    expect(invitations).to_have_class(re.compile(r"\bliso-task--done\b"))
    expect(invitations.locator(".liso-missing")).to_have_count(0)
    expect(task_button(page, "Weer openzetten", INVITATIONS)).to_be_visible()

    # 2. Build the draaiboek: three werkvormen from the search, then a break.
    open_the_builder(page)
    expect(page.get_by_text("Nog leeg.")).to_be_visible()
    page.evaluate("window.notReloaded = true")
    search_werkvorm(page, SEARCH)
    names = found_werkvormen(page)[:3]
    assert len(names) == 3, f"searching {SEARCH!r} found only {names}"
    minutes = {w.name: w.duration_min for w in Werkvorm.objects.filter(name__in=names)}
    for count, name in enumerate(names, start=1):
        add_werkvorm(page, name, blocks_after=count)
    add_free_block(page, "Pauze", BREAK_MINUTES, blocks_after=4)
    assert page.evaluate("window.notReloaded") is True  # all of it swapped in by htmx
    blocks = [(name, minutes[name]) for name in names] + [("Pauze", BREAK_MINUTES)]
    expect_programme(page, blocks)
    assert axe_violations(page) == []

    # 3a. Move the third block up by keyboard: times follow, focus stays on its button.
    third = names[2]
    move_up_by_keyboard(page, third)
    blocks = [blocks[0], blocks[2], blocks[1], blocks[3]]
    expect_programme(page, blocks)
    expect(page.get_by_role("button", name=f"Omhoog: {third}")).to_be_focused()
    assert focused_element_text(page) == f"↑Omhoog: {third}"

    # 3b. Drag the first block below the third; the new order is saved.
    first = blocks[0][0]
    drag_block_below(page, first, blocks[2][0])
    blocks = [blocks[1], blocks[2], blocks[0], blocks[3]]
    expect_programme(page, blocks)
    page.reload()
    expect_programme(page, blocks)

    # 4. One block made far too long: the health check says the session is too full.
    expect(the_health_check(page)).to_contain_text(
        f"{sum(m for _, m in blocks)} van {PLANNED_MINUTES} minuten gevuld"
    )
    expect(the_health_check(page)).not_to_contain_text("Te vol:")
    long_title, _ = blocks[1]
    edit_block_minutes(page, long_title, 200)
    blocks[1] = (long_title, 200)
    expect_programme(page, blocks)
    total = sum(m for _, m in blocks)
    expect(the_health_check(page)).to_contain_text(f"{total} van {PLANNED_MINUTES} minuten gevuld")
    expect(the_health_check(page)).to_contain_text(
        f"Te vol: Het draaiboek duurt {total} minuten, {total - PLANNED_MINUTES} minuten "
        f"langer dan de geplande {PLANNED_MINUTES}."
    )
    assert axe_violations(page) == []

    # Back on the session page, the programme shows the same times.
    page.get_by_role("link", name="Terug naar de bijeenkomst").click()
    expect(page.locator(".liso-programme__time")).to_have_text(
        clock_times(START, [m for _, m in blocks])
    )

    # 5. Both PDFs: the draaiboek for the facilitators, the invitation for the participants.
    titles = [title for title, _ in blocks]
    draaiboek = download_pdf(page, "Draaiboek (pdf)", tmp_path)
    for expected in ["Draaiboek", THEME, START.strftime("%H:%M"), *titles]:
        assert expected in draaiboek, f"{expected!r} is missing from the draaiboek PDF"
    invitation = download_pdf(page, "Uitnodiging (pdf)", tmp_path)
    for expected in [f"Uitnodiging: {THEME}", PLACE, *titles, "Einde"]:
        assert expected in invitation, f"{expected!r} is missing from the invitation PDF"


def open_the_demo_session(page, live_server) -> Session:
    open_the_sessions(page, live_server)
    page.get_by_role("link", name=DEMO_THEME).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(DEMO_THEME)
    return Session.objects.get(network__slug=SLUG, theme=DEMO_THEME)


def test_a_deelnemer_reads_the_programme_but_may_not_change_the_draaiboek(
    deelnemer_page, live_server, browser_errors
):
    page = deelnemer_page
    session = open_the_demo_session(page, live_server)
    expect(page.locator(".liso-programme__time")).to_have_text(
        clock_times(session.start_time, [minutes for _, _, minutes in DRAAIBOEK])
    )
    expect(page.get_by_role("link", name="Draaiboek maken of wijzigen")).to_have_count(0)
    assert axe_violations(page) == []

    builder = live_server.url + reverse("draaiboek", args=[SLUG, session.pk])
    with page.expect_console_message(lambda message: "403" in message.text) as refusal:
        response = page.goto(builder)
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Dit mag je rol niet")
    browser_errors.remove(refusal.value.text)  # the 403 itself is what we expect here


def test_the_procesbegeleider_adapts_a_library_werkvorm_and_uses_it_in_the_draaiboek(
    procesbegeleider_page, live_server
):
    """Open Speeddaten in the library, make the network's own version with one step
    changed, and find it in the builder's search to add it to the coming session's
    draaiboek. (Who else sees it: tests/werkvormen/test_own.py.)"""
    page = procesbegeleider_page
    own_name, own_step = "Speeddaten op de markt", "Loop met je tweetal één marktkraam langs."
    page.goto(live_server.url + reverse("werkvorm_list"))
    page.get_by_role("searchbox", name="Zoeken").fill("speeddaten")
    page.get_by_role("link", name="Speeddaten", exact=True).click()
    page.get_by_role("link", name="Eigen versie maken voor Jeugdhulp dichtbij").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Eigen werkvorm maken")
    expect(field(page, "Naam")).to_have_value("Speeddaten")
    field(page, "Naam").fill(own_name)
    steps = field(page, "Tijdens de bijeenkomst")
    steps.fill(steps.input_value() + "\n" + own_step)
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(own_name)
    expect(page.get_by_text("Een eigen werkvorm van Jeugdhulp dichtbij")).to_be_visible()
    expect(page.locator(".liso-steps li", has_text=own_step)).to_have_count(1)
    assert axe_violations(page) == []

    session = Session.objects.get(network__slug=SLUG, theme=DEMO_THEME)
    page.goto(live_server.url + reverse("draaiboek", args=[SLUG, session.pk]))
    blocks = block_titles(page).count()
    search_werkvorm(page, "markt")
    assert own_name in found_werkvormen(page)
    add_werkvorm(page, own_name, blocks + 1)
    expect(block_titles(page).last).to_have_text(own_name)
    assert axe_violations(page) == []


def download(page, link_text, tmp_path) -> bytes:
    with page.expect_download() as download_info:
        page.get_by_role("link", name=link_text).click()
    path = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(path)
    return path.read_bytes()


def test_a_deelnemer_answers_the_invitation_and_puts_the_session_in_their_calendar(
    deelnemer_page, live_server, tmp_path
):
    page = deelnemer_page
    session = open_the_demo_session(page, live_server)
    answer = page.get_by_role("region", name="Kom je?")
    answer.get_by_label("Ik kom", exact=True).check()
    answer.get_by_label("Toelichting").fill("Ik ben er vanaf twee uur")
    answer.get_by_role("button", name="Antwoord opslaan").click()
    expect(the_message(page)).to_contain_text("Fijn dat je komt!")
    expect(page.get_by_role("region", name="Kom je?")).to_contain_text("Je antwoord: komt.")
    expect(page.get_by_label("Ik kom", exact=True)).to_be_checked()
    assert axe_violations(page) == []

    ics = icalendar.Calendar.from_ical(download(page, "In je agenda (.ics)", tmp_path))
    (event,) = ics.walk("VEVENT")
    assert str(event["SUMMARY"]).startswith(DEMO_THEME)
    assert event["DTSTART"].dt.astimezone(ZoneInfo("Europe/Amsterdam")).time() == (
        session.start_time
    )
    assert "Gemeentehuis Heuvelland" in str(event["LOCATION"])
