"""The accessibility sweep: every page of the product, opened in Chromium at phone and
laptop width, for each persona that can see it; axe-core must find nothing, and nothing may
stick out sideways at 360 px. New pages join by being declared in tests/access.py."""

import pytest
from django.urls import reverse

from tests.access import LOGGED_IN, PUBLIC, ROUTES
from tests.browser.conftest import WIDTHS, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("catalogue")]

PAGES = [name for name, route in ROUTES.items() if route.page]
# Extra states of a page that need a sweep of their own, by URL name: (label, action).
FORM_ERROR_STATES = {
    "login": lambda page: page.get_by_role("button", name="Inloggen").click(),
    "profile": lambda page: (
        page.get_by_label("E-mailadres").fill("geen-adres"),
        page.get_by_role("button", name="Opslaan").click(),
    ),
}


def _who_can_see(name):
    return ["anoniem", "deelnemer"] if ROUTES[name].access == PUBLIC else ["deelnemer"]


def _sweep():
    """Every page for every persona that can see it on a laptop, and once on a phone."""
    for name in PAGES:
        personas = [p for p in _who_can_see(name) if not (p == "deelnemer" and name == "login")]
        for persona in personas:
            yield name, persona, "laptop"
        yield name, personas[0], "telefoon"


SWEEP = list(_sweep())


def _open(page, live_server, log_in, deelnemer, name, persona, width):
    page.set_viewport_size({"width": WIDTHS[width], "height": 900})
    if persona == "deelnemer":
        log_in(deelnemer)
    route = ROUTES[name]
    page.goto(live_server.url + reverse(name, kwargs=route.kwargs))


def _assert_accessible(page):
    assert axe_violations(page) == []
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"The page is {overflow}px wider than the screen"


@pytest.mark.parametrize(("name", "persona", "width"), SWEEP)
def test_page_has_no_accessibility_violations(
    page, live_server, log_in, deelnemer, browser_errors, name, persona, width
):
    _open(page, live_server, log_in, deelnemer, name, persona, width)
    assert page.locator("h1").count() == 1
    assert page.locator("main").count() == 1
    _assert_accessible(page)


@pytest.mark.parametrize("name", list(FORM_ERROR_STATES))
def test_form_with_errors_has_no_accessibility_violations(
    page, live_server, log_in, deelnemer, browser_errors, name
):
    persona = "deelnemer" if ROUTES[name].access == LOGGED_IN else "anoniem"
    _open(page, live_server, log_in, deelnemer, name, persona, "telefoon")
    FORM_ERROR_STATES[name](page)
    page.wait_for_load_state()
    assert page.locator('[aria-invalid="true"]').count() >= 1
    _assert_accessible(page)


def test_not_found_page_has_no_accessibility_violations(page, live_server, transactional_db):
    response = page.goto(live_server.url + "/bestaat-niet/")
    assert response.status == 404
    _assert_accessible(page)


def test_the_sweep_covers_every_page_the_product_has():
    swept = {name for name, _, _ in SWEEP}
    assert swept == set(PAGES)


def test_the_sweep_would_catch_a_form_field_without_a_label(page):
    page.set_content('<html lang="nl"><title>x</title><main><input type="text"></main></html>')
    assert any(line.startswith("label ") for line in axe_violations(page))
