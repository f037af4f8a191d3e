"""The accessibility sweep: every page of the product, opened in Chromium at phone and
laptop width, for each persona that can see it; axe-core must find nothing, and nothing may
stick out sideways at 360 px. New pages join by being declared in tests/access.py."""

import pytest
from django.db.models import F
from django.urls import reverse

from liso.method import Role
from networks.permissions import ROLE_PERMISSIONS
from phases.models import Reflection
from tests.access import LOGGED_IN, NETWORK, PUBLIC, ROUTES, STAFF
from tests.browser.conftest import WIDTHS, axe_violations
from tests.liso.factories import UserFactory
from tests.networks.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("catalogue")]

PAGES = [name for name, route in ROUTES.items() if route.page]
# Extra states of a page that need a sweep of their own, by URL name: (label, action).
FORM_ERROR_STATES = {
    "login": lambda page: page.get_by_role("button", name="Inloggen").click(),
    "signup": lambda page: (
        page.get_by_label("Je naam").fill("Noor Nieuw"),
        page.get_by_label("E-mailadres").fill("noor@example.org"),
        page.get_by_label("Kies een wachtwoord").fill("12345"),
        page.get_by_label("Herhaal het wachtwoord").fill("54321"),
        page.get_by_role("button", name="Aanmelden").click(),
    ),
    "profile": lambda page: (
        page.get_by_label("E-mailadres").fill("geen-adres"),
        page.get_by_role("button", name="Opslaan").click(),
    ),
    "network_create": lambda page: page.get_by_role("button", name="Netwerk aanmaken").click(),
    "account_remove": lambda page: (
        page.get_by_label("Je wachtwoord").fill("niet-mijn-wachtwoord"),
        page.get_by_role("button", name="Account definitief verwijderen").click(),
    ),
    "experiment_add": lambda page: page.get_by_role("button", name="Opslaan", exact=True).click(),
    "reflection_add": lambda page: page.get_by_role("button", name="Bewaren").click(),
    "product_add": lambda page: page.get_by_role("button", name="Opslaan", exact=True).click(),
}


PERSONAS = ["anoniem", Role.DEELNEMER, Role.TREKKER, "beheerder"]


def _pages_for(persona):
    """The pages a persona can open: public ones for everyone, the rest once logged in
    (a logged-in person asking for the login or sign-up page is sent on, so those are skipped),
    network pages as far as their role allows and the object is theirs (someone else's
    leervraag or reflection is swept as its owner, the deelnemer)."""
    if persona == "anoniem":
        return [name for name in PAGES if ROUTES[name].access == PUBLIC]
    if persona == "beheerder":  # platform staff: their own pages (the rest as the others)
        return [name for name in PAGES if ROUTES[name].access == STAFF]
    return [
        name
        for name in PAGES
        if ROUTES[name].logged_in_status is None
        and ROUTES[name].access != STAFF
        and (ROUTES[name].access != NETWORK or ROUTES[name].permission in ROLE_PERMISSIONS[persona])
        and persona not in ROUTES[name].not_theirs | ROUTES[name].not_found_for
    ]


def _url(name, world):
    if name == "invitation_accept":  # a link that works, as in the mail
        return reverse(name, args=[world.token])
    return reverse(name, kwargs=world.kwargs(ROUTES[name].kwargs))


def _problems(page):
    """What is wrong with the page that is open, as readable lines (none when fine)."""
    problems = axe_violations(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    if overflow > 0:
        problems.append(f"the page is {overflow}px wider than the screen")
    if page.locator("h1").count() != 1:
        problems.append("the page needs exactly one h1")
    if page.locator("main").count() != 1:
        problems.append("the page needs exactly one main landmark")
    return problems


def _assert_accessible(page):
    assert _problems(page) == []


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_page_has_no_accessibility_violations(
    page, live_server, log_in, browser_errors, persona
):
    """Each page is opened once and checked at every width in turn (resizing re-lays the
    page out; loading it again would only cost time)."""
    world = build_world()
    if persona == "beheerder":
        log_in(UserFactory(email="beheer@example.org", is_staff=True))
    elif persona != "anoniem":
        log_in(world.user(persona))
    found = {}
    for name in _pages_for(persona):
        if name == "invitation_accept" and persona != "anoniem":
            continue  # the link is for someone else; covered as a visitor
        page.goto(live_server.url + _url(name, world))
        for width, pixels in WIDTHS.items():
            page.set_viewport_size({"width": pixels, "height": 900})
            if problems := _problems(page):
                found[f"{name} ({width})"] = problems
    assert found == {}


def _open(page, live_server, log_in, deelnemer, name, persona, width):
    page.set_viewport_size({"width": WIDTHS[width], "height": 900})
    if persona == "deelnemer":
        log_in(deelnemer)
    page.goto(live_server.url + reverse(name, kwargs=ROUTES[name].kwargs))


@pytest.mark.parametrize("name", list(FORM_ERROR_STATES))
def test_form_with_errors_has_no_accessibility_violations(
    page, live_server, log_in, deelnemer, browser_errors, name
):
    if ROUTES[name].access == NETWORK:  # a form in a network, as its deelnemer
        world = build_world()
        page.set_viewport_size({"width": WIDTHS["telefoon"], "height": 900})
        log_in(world.user(Role.DEELNEMER))
        page.goto(live_server.url + _url(name, world))
    else:
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


def test_a_sign_up_link_that_does_not_work_has_no_accessibility_violations(
    page, live_server, transactional_db
):
    # Outside the sweep: the page answers 400, which the sweep's error check would report.
    response = page.goto(live_server.url + reverse("signup_confirm", args=["kapot:link"]))
    assert response.status == 400
    assert page.get_by_text("Deze link klopt niet").count() == 1
    _assert_accessible(page)


def test_confirming_a_sign_up_has_no_accessibility_violations_also_with_a_wrong_password(
    page, live_server, transactional_db
):
    from liso import signup
    from tests.liso.factories import UserFactory

    waiting = UserFactory(email="wacht@example.org", is_active=False, awaiting_confirmation=True)
    page.set_viewport_size({"width": WIDTHS["telefoon"], "height": 900})
    page.goto(
        live_server.url + reverse("signup_confirm", args=[signup.confirmation_token(waiting)])
    )
    _assert_accessible(page)
    page.get_by_label("Je wachtwoord").fill("niet-het-goede")
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_load_state()
    assert page.locator(".liso-error-summary").count() == 1
    _assert_accessible(page)


@pytest.mark.parametrize("width", list(WIDTHS))
def test_a_blocked_login_has_no_accessibility_violations(
    page, live_server, settings, transactional_db, width
):
    """The message after too many wrong passwords, with its way back (a new password)."""
    person = UserFactory(email="geblokkeerd@example.org")
    settings.LOGIN_FAILURE_LIMIT = 0
    page.set_viewport_size({"width": WIDTHS[width], "height": 900})
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("E-mailadres").fill(person.email)
    page.get_by_label("Wachtwoord").fill("fout")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    assert page.get_by_text("meteen weer inloggen").count() == 1
    _assert_accessible(page)


def test_the_sweep_covers_every_page_the_product_has():
    swept = {name for persona in PERSONAS for name in _pages_for(persona)}
    assert swept == set(PAGES)


def test_the_sweep_would_catch_a_form_field_without_a_label(page):
    page.set_content('<html lang="nl"><title>x</title><main><input type="text"></main></html>')
    assert any(line.startswith("label ") for line in axe_violations(page))


# Network forms in their error state, filled in by the trekker (who may use them all).
NETWORK_FORM_ERROR_STATES = {
    "opstart_goal_add": lambda page: (
        page.get_by_label("Een meetbare indicator", exact=True).check(),
        page.get_by_role("button", name="Opslaan").click(),
    ),
    "opstart_funder_add": lambda page: page.get_by_role("button", name="Opslaan").click(),
    "own_werkvorm_create": lambda page: page.get_by_role("button", name="Opslaan").click(),
    # The participants' joint assessment, sent empty.
    "experiment_assessment": lambda page: page.get_by_role("button", name="Opslaan").click(),
    "opstart_sign": lambda page: (
        page.get_by_label("Getekend op").fill(""),
        page.get_by_role("button", name="Handtekening vastleggen").click(),
    ),
    # Signing online without ticking that one has read the text.
    "opstart_sign_online": lambda page: page.get_by_role(
        "button", name="Ondertekenen namens"
    ).click(),
    # A web page renamed to .pdf instead of the scan.
    "opstart_agreement_scan_edit": lambda page: (
        page.get_by_label("Andere scan").set_input_files(
            files=[{"name": "scan.pdf", "mimeType": "application/pdf", "buffer": b"<html>"}]
        ),
        page.get_by_role("button", name="Opslaan").click(),
    ),
    "session_registrations": lambda page: (
        page.get_by_label("Gasten van buiten het netwerk").fill("Piet zonder adres"),
        page.get_by_role("button", name="Uitnodigingen versturen").click(),
    ),
}


@pytest.mark.parametrize("name", list(NETWORK_FORM_ERROR_STATES))
def test_network_form_with_errors_has_no_accessibility_violations(
    page, live_server, log_in, browser_errors, name
):
    world = build_world()
    page.set_viewport_size({"width": WIDTHS["telefoon"], "height": 900})
    log_in(world.user(Role.TREKKER))
    page.goto(live_server.url + _url(name, world))
    NETWORK_FORM_ERROR_STATES[name](page)
    page.wait_for_load_state()
    assert page.locator('[aria-invalid="true"]').count() >= 1
    _assert_accessible(page)


# A save from an outdated copy: the notice of what is stored now, above the form that
# still holds what this person typed (networks/editing.py, components/conflict.html).
CONFLICT_STATES = {
    "network_edit": (Role.TREKKER, "Het vraagstuk", "Opslaan", lambda world: world.network),
    "reflection_edit": (
        Role.DEELNEMER,
        "Je reflectie",
        "Bewaren",
        lambda world: Reflection.objects.get(pk=world.startup["<reflection>"]),
    ),
}


@pytest.mark.parametrize("name", list(CONFLICT_STATES))
def test_a_conflict_shown_on_a_form_has_no_accessibility_violations(
    page, live_server, log_in, browser_errors, name
):
    role, label, button, stored = CONFLICT_STATES[name]
    world = build_world()
    log_in(world.user(role))
    page.goto(live_server.url + _url(name, world))
    # Someone else saves while this page is open.
    item = stored(world)
    type(item).objects.filter(pk=item.pk).update(version=F("version") + 1)
    page.get_by_label(label).fill("Mijn eigen tekst")
    page.get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_text("terwijl jij aan het bewerken was").is_visible()
    for width, pixels in WIDTHS.items():
        page.set_viewport_size({"width": pixels, "height": 900})
        assert _problems(page) == [], width


def test_the_import_form_with_an_error_has_no_accessibility_violations(
    page, live_server, log_in, browser_errors, catalogue
):
    log_in(UserFactory(email="beheer@example.org", is_staff=True))
    page.set_viewport_size({"width": WIDTHS["telefoon"], "height": 900})
    page.goto(live_server.url + reverse("network_import"))
    page.get_by_label("Exportbestand (zip)").set_input_files(
        files=[{"name": "netwerk.zip", "mimeType": "application/zip", "buffer": b"geen zip"}]
    )
    page.get_by_role("button", name="Importeren").click()
    page.wait_for_load_state()
    # Told beside the field, and in the error summary at the top.
    assert page.locator(".liso-error").get_by_text("Dit is geen zipbestand").count() == 1
    assert page.locator(".liso-error-summary").get_by_text("Dit is geen zipbestand").count() == 1
    assert page.locator('[aria-invalid="true"]').count() >= 1
    _assert_accessible(page)
