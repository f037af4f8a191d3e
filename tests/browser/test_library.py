"""The werkvormen library as a member uses it: in place with htmx, in the URL, by keyboard."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("catalogue")]


@pytest.fixture
def library(page, live_server, log_in, deelnemer, browser_errors):
    log_in(deelnemer)
    page.goto(live_server.url + reverse("werkvorm_list"))
    return page


def _result_names(page):
    return page.locator("#resultaten h3").all_inner_texts()


def test_searching_vertrouwen_updates_the_list_in_place_and_the_url(library):
    library.evaluate("window.notReloaded = true")
    library.get_by_role("searchbox", name="Zoeken").fill("vertrouwen")
    expect(library).to_have_url(re.compile(r"q=vertrouwen"))
    expect(library.locator("#resultaten")).to_contain_text("Speeddaten")
    names = _result_names(library)
    assert {"Speeddaten", "Successen delen"} <= set(names)
    assert library.evaluate("window.notReloaded") is True  # swapped, not reloaded
    expect(library.locator("#aantal-gevonden")).to_have_text(f"{len(names)} werkvormen gevonden")


def test_filtering_by_phase_and_stage_is_shareable_and_back_works(library, live_server):
    all_count = len(_result_names(library))
    library.get_by_label("Fase").select_option("2")
    expect(library).to_have_url(re.compile(r"fase=2"))
    library.get_by_label("Stadium van het netwerk").select_option("lopend")
    expect(library).to_have_url(re.compile(r"fase=2.*stadium=lopend"))
    expect(library.locator("#resultaten")).not_to_contain_text("Speeddaten")
    filtered = _result_names(library)
    assert 0 < len(filtered) < all_count

    fresh = library.context.new_page()
    fresh.goto(library.url)
    assert fresh.locator("#resultaten h3").all_inner_texts() == filtered
    assert fresh.get_by_label("Fase").input_value() == "2"
    fresh.close()

    library.go_back()
    expect(library).to_have_url(re.compile(r"fase=2(?!.*stadium)"))
    expect(library.get_by_label("Stadium van het netwerk")).to_have_value("")


def test_the_library_works_by_keyboard_alone(library):
    library.get_by_role("searchbox", name="Zoeken").focus()
    library.keyboard.type("oefenmarkt")
    library.keyboard.press("Enter")
    expect(library.locator("#resultaten h3")).to_have_count(1)
    link = library.get_by_role("link", name="Oefenmarkt")
    for _ in range(30):  # tab through the filters to the result
        library.keyboard.press("Tab")
        if link.evaluate("el => el === document.activeElement"):
            break
    library.keyboard.press("Enter")
    expect(library.get_by_role("heading", level=1)).to_have_text("Oefenmarkt")
    expect(library.get_by_role("heading", name="Hoe werkt het?")).to_be_visible()


def test_the_library_works_without_javascript(browser, live_server, deelnemer, catalogue):
    from tests.browser.conftest import session_cookie

    context = browser.new_context(java_script_enabled=False)
    context.add_cookies([session_cookie(deelnemer, live_server.url)])
    page = context.new_page()
    page.goto(live_server.url + reverse("werkvorm_list"))
    page.get_by_role("searchbox", name="Zoeken").fill("vertrouwen")
    page.get_by_role("button", name="Zoeken").click()
    assert "q=vertrouwen" in page.url
    assert "Speeddaten" in page.locator("#resultaten").inner_text()
    context.close()
