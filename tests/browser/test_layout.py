"""The shell every page shares, as a keyboard and screen-reader user meets it."""

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_content(
    page, live_server, browser_errors
):
    page.goto(live_server.url + reverse("home"))
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Direct naar de inhoud")
    assert skip_link.evaluate("el => el === document.activeElement")
    assert skip_link.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"


def test_htmx_2_runs_under_the_strict_content_security_policy(page, live_server, browser_errors):
    page.goto(live_server.url + reverse("home"))
    assert page.evaluate("window.htmx && window.htmx.version").startswith("2.0.")
    # htmx must not have added a <style> element (the CSP would block it).
    assert page.locator("head style").count() == 0


def test_login_flow_by_keyboard_lands_on_my_networks(page, live_server, deelnemer, browser_errors):
    page.goto(live_server.url + reverse("profile"))
    assert page.url.endswith(reverse("login") + "?next=" + reverse("profile"))
    page.get_by_label("E-mailadres").fill(deelnemer.email)
    page.get_by_label("Wachtwoord").fill("een-goed-wachtwoord-42")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + reverse("profile"))
    assert page.get_by_role("heading", level=1).inner_text() == "Mijn account"
    page.get_by_role("button", name="Uitloggen").click()
    status = page.get_by_role("status")
    assert "Je bent uitgelogd" in status.inner_text()
