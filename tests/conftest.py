"""Shared test set-up: a throwaway PostgreSQL, Debian's Chromium, and the personas.

Outside CI a missing PostgreSQL or Chromium skips the tests that need it, with a loud line
at the end of the run. With CI=true nothing may be skipped: a missing piece fails the run.
"""

import os

import pytest

from tests import machine

# Playwright's sync API runs an event loop in the test thread; the ORM calls made in the
# same tests are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

MISSING_POSTGRES = "needs PostgreSQL: no server binaries (initdb, pg_ctl) on this machine"
MISSING_CHROMIUM = "needs Chromium: not installed (apt-get install chromium)"


def _missing(reason: str):
    if machine.IN_CI:
        pytest.fail(f"CI=true and a test {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_cluster():
    try:
        with machine.throwaway_postgres() as connection_settings:
            yield connection_settings
    except FileNotFoundError:
        _missing(MISSING_POSTGRES)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(pg_cluster, django_db_modify_db_settings_parallel_suffix):
    from django.conf import settings

    settings.DATABASES["default"].update(pg_cluster)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The method catalogue is reference data every page may lean on: load it once into
    the test database. Tests in a transaction see it; transactional tests (browser) load
    it again with the `catalogue` fixture, because they empty the database afterwards, and
    ordinary tests after them get it back from `pytest_runtest_setup` below."""
    from liso import catalogue

    with django_db_blocker.unblock():
        catalogue.load_all()


# A transactional test (the browser tests, through live_server, and the few that need real
# commits) empties the whole database when it ends, the catalogue included. pytest-django sorts
# them after the ordinary tests, but that order does not hold across xdist's workers, so an
# ordinary test may come next on the same worker. Such a test gets the catalogue back before
# its own transaction begins, whatever order the tests run in.
_DATABASE_EMPTIED = pytest.StashKey[bool]()


def _empties_database(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    marked = marker is not None and any(
        marker.kwargs.get(option) for option in ("transaction", "reset_sequences")
    )
    fixtures = getattr(item, "fixturenames", ())
    return marked or "transactional_db" in fixtures or "live_server" in fixtures


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    stash = item.config.stash
    if _empties_database(item):
        stash[_DATABASE_EMPTIED] = True
    elif stash.get(_DATABASE_EMPTIED, False):
        from pytest_django.plugin import blocking_manager_key

        from liso import catalogue

        with stash[blocking_manager_key].unblock():
            catalogue.load_all()
        stash[_DATABASE_EMPTIED] = False


@pytest.fixture(autouse=True)
def _no_fragments_of_earlier_tests():
    """Each test starts without the rendered parts an earlier test left in this process's
    fragments cache: the guide keeps its pages per catalogue version, and a test's changes
    to reference content are rolled back without giving it a new version."""
    from django.core.cache import caches

    caches["fragments"].clear()


@pytest.fixture
def refusing_mail_server(settings):
    """Mail goes to a real SMTP connection that nobody answers: sending fails, as when
    the mail server is down."""
    unreachable = {"host": "127.0.0.1", "port": 9, "timeout": 2}  # nothing listens on port 9
    smtp = "django.core.mail.backends.smtp.EmailBackend"
    settings.MAILERS = {"default": {"BACKEND": smtp, "OPTIONS": unreachable}}


@pytest.fixture
def catalogue(transactional_db):
    from liso import catalogue as method_catalogue

    method_catalogue.load_all()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = machine.chromium_path()
    if executable is None:
        _missing(MISSING_CHROMIUM)
    return {
        **browser_type_launch_args,
        "executable_path": executable,
        "args": machine.CHROMIUM_ARGS,
    }


def pytest_terminal_summary(terminalreporter):
    skipped = terminalreporter.stats.get("skipped", [])
    if machine.IN_CI and skipped:
        terminalreporter.write_line(
            f"!!! CI=true: {len(skipped)} tests were skipped; in CI every test must run.",
            red=True,
            bold=True,
        )
    for reason in (MISSING_POSTGRES, MISSING_CHROMIUM):
        count = sum(1 for report in skipped if reason in str(report.longrepr))
        if count:
            terminalreporter.write_line(
                f"!!! {count} tests SKIPPED: {reason}. Run .ci/run to install what is missing.",
                red=True,
                bold=True,
            )


def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if machine.IN_CI and reporter and reporter.stats.get("skipped") and exitstatus == 0:
        session.exitstatus = 1


# Personas. The networks issue gives each one a membership with its role(s).
def _person(email, full_name):
    from tests.liso.factories import UserFactory

    return UserFactory(email=email, full_name=full_name)


@pytest.fixture
def trekker(db):
    return _person("trekker@example.org", "Tessa Trekker")


@pytest.fixture
def procesbegeleider(db):
    return _person("procesbegeleider@example.org", "Pim Begeleider")


@pytest.fixture
def deelnemer(db):
    return _person("deelnemer@example.org", "Dewi Deelnemer")


@pytest.fixture
def outsider(db):
    """Someone with an account who belongs to another network than the one under test."""
    return _person("buitenstaander@example.org", "Olaf Buiten")
