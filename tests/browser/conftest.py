"""Browser tests: Playwright driving Debian's Chromium against the live test server."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

WIDTHS = {"telefoon": 360, "laptop": 1280}


@pytest.fixture(autouse=True)
def page_settles_before_the_database_is_emptied(request):
    """Pages load parts after they appear (the overview's panels, with htmx). A test that
    ends on such a page must let those requests finish: one still reading while the test
    database is emptied for the next test can deadlock with it, and leave data behind.
    (pytest-django's own fixtures, which empty the database, are set up before this one,
    so they are torn down after it.)"""
    if "page" not in request.fixturenames:
        yield
        return
    page = request.getfixturevalue("page")
    yield
    page.wait_for_load_state("networkidle", timeout=10_000)


@pytest.fixture
def browser_errors(page):
    """Fails the test when the page logs an error, such as a Content-Security-Policy
    violation or a script error: the CSP check the stricter half of the bargain."""
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield errors
    assert not errors, f"The browser reported errors: {errors}"


def session_cookie(user, url) -> dict:
    """A logged-in session for `user`, as the cookie the login form would have set."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return {"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": url}


@pytest.fixture
def log_in(page, live_server):
    """Log `user` in by giving the browser a session cookie."""

    def log_in_as(user):
        page.context.add_cookies([session_cookie(user, live_server.url)])

    return log_in_as


_axe = Axe()


def axe_violations(page) -> list[str]:
    """What axe-core finds wrong on the page, one readable line per violation."""
    results = _axe.run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]
