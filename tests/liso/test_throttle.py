"""The login throttle and the limits on password-reset mail, as an attacker and a
colleague behind the same proxy would meet them.

Requests come from a real test client with REMOTE_ADDR and X-Forwarded-For set; the
proxy in front is 10.0.0.1 wherever a test says it is trusted."""

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.db import connection, connections
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from liso import throttle
from liso.models import ThrottleCount
from liso.notifications import send_daily_mail
from tests.liso.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"
NEW_PASSWORD = "zomer-in-utrecht-2026"


def _login(client, email, password=PASSWORD, client_address=None, **meta):
    """Log in as a browser at `client_address` would, through the proxy when one is given."""
    if client_address:
        meta = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": client_address, **meta}
    return client.post(reverse("login"), {"username": email, "password": password}, **meta)


def _checked(response) -> bool:
    """Whether the password was checked (and found wrong), rather than refused unchecked."""
    return "horen niet bij elkaar" in response.text


def _refused(response) -> bool:
    return "te vaak een verkeerd wachtwoord" in response.text


def _reset(client, email, **meta):
    return client.post(reverse("password_reset"), {"email": email}, **meta)


def _choose_new_password(client, message, password=NEW_PASSWORD):
    link = re.search(r"http://testserver(/account/nieuw-wachtwoord/\S+/)", message.body)[1]
    form_page = client.get(link, follow=True)
    return client.post(
        form_page.redirect_chain[-1][0], {"new_password1": password, "new_password2": password}
    )


@pytest.fixture
def behind_the_proxy(settings):
    settings.TRUSTED_PROXIES = [PROXY]


# The real client's address


def _address(remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return throttle.client_address(RequestFactory().get("/", **meta))


def test_without_trusted_proxies_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert _address("198.51.100.7", "203.0.113.5") == "198.51.100.7"


def test_the_forwarded_header_counts_only_when_it_comes_from_a_trusted_proxy(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    assert _address(PROXY, "203.0.113.5") == "203.0.113.5"
    # A client speaking to the app server directly cannot name another address.
    assert _address("198.51.100.7", "203.0.113.5") == "198.51.100.7"


def test_the_right_most_address_not_a_trusted_proxy_is_the_client(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24", "2001:db8::/32"]
    # The client wrote "1.2.3.4" itself; the first proxy appended the address it saw.
    assert _address("10.0.0.2", "1.2.3.4, 203.0.113.5, 10.0.0.9") == "203.0.113.5"
    assert _address("10.0.0.2", "1.2.3.4,203.0.113.5") == "203.0.113.5"
    assert _address("2001:db8::1", "2001:db8:ffff::5, 2a00:1450::1") == "2a00:1450::1"
    assert _address("10.0.0.2", "::ffff:203.0.113.5") == "203.0.113.5"


def test_a_proxy_that_names_no_client_counts_as_itself(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    assert _address(PROXY) == PROXY
    assert _address(PROXY, "") == PROXY
    assert _address(PROXY, "niet-een-adres") == PROXY
    assert _address(PROXY, "10.0.0.1") == PROXY


# Logging in behind the proxy


def test_behind_the_proxy_seven_wrong_passwords_from_one_client_do_not_stop_another(
    client, behind_the_proxy, trekker, deelnemer
):
    for _ in range(7):
        _login(client, trekker.email, "fout", client_address="203.0.113.5")
    # The attacked account is blocked, from anywhere...
    assert _refused(_login(client, trekker.email, client_address="198.51.100.7"))
    # ...but everyone else behind the same proxy logs in as always.
    assert _login(Client(), deelnemer.email, client_address="198.51.100.7").status_code == 302


def test_behind_the_proxy_one_client_trying_many_addresses_is_stopped_alone(
    client, behind_the_proxy, settings, deelnemer
):
    settings.LOGIN_CLIENT_FAILURE_LIMIT = 5
    for n in range(5):
        assert _checked(
            _login(client, f"iemand{n}@example.org", "fout", client_address="203.0.113.5")
        )
    assert _refused(_login(client, "nog-iemand@example.org", "fout", client_address="203.0.113.5"))
    assert _refused(_login(client, deelnemer.email, client_address="203.0.113.5"))
    assert _login(Client(), deelnemer.email, client_address="198.51.100.7").status_code == 302


def test_a_forged_forwarded_header_changes_nothing_without_a_trusted_proxy(
    client, settings, deelnemer
):
    settings.TRUSTED_PROXIES = []
    settings.LOGIN_CLIENT_FAILURE_LIMIT = 5
    for n in range(5):
        forged = {"HTTP_X_FORWARDED_FOR": f"203.0.113.{n}", "REMOTE_ADDR": "198.51.100.7"}
        assert _checked(_login(client, f"iemand{n}@example.org", "fout", **forged))
    forged = {"HTTP_X_FORWARDED_FOR": "203.0.113.99", "REMOTE_ADDR": "198.51.100.7"}
    assert _refused(_login(client, deelnemer.email, **forged))


def test_a_correct_login_does_not_use_up_the_clients_tries(client, settings, deelnemer):
    """Colleagues behind one office address log in all day: only failures count."""
    settings.LOGIN_CLIENT_FAILURE_LIMIT = 2
    for _ in range(5):
        assert _login(Client(), deelnemer.email, REMOTE_ADDR="198.51.100.7").status_code == 302
    assert _checked(_login(client, "iemand@example.org", "fout", REMOTE_ADDR="198.51.100.7"))


# The lock-out attack and the way back


def test_the_blocked_owner_is_told_a_new_password_lets_them_in_at_once(
    client, behind_the_proxy, settings, deelnemer
):
    # An attacker guesses from many clients: the account is blocked after the limit.
    for n in range(settings.LOGIN_FAILURE_LIMIT):
        _login(client, deelnemer.email, "fout", client_address=f"203.0.113.{n}")
    refused = _login(Client(), deelnemer.email, client_address="198.51.100.7")
    assert _refused(refused)
    assert "Wachtwoord vergeten?" in refused.text
    assert "meteen weer inloggen" in refused.text


def test_a_completed_password_reset_lifts_the_accounts_block(
    client, behind_the_proxy, settings, deelnemer
):
    for n in range(settings.LOGIN_FAILURE_LIMIT + 2):
        _login(client, deelnemer.email, "fout", client_address=f"203.0.113.{n}")
    owner = Client()
    owner_address = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    assert _refused(_login(owner, deelnemer.email, client_address="198.51.100.7"))

    _reset(owner, deelnemer.email, **owner_address)
    assert len(mail.outbox) == 1
    done = _choose_new_password(owner, mail.outbox[0])
    assert done.url == reverse("password_reset_complete")

    # On another computer of theirs, the owner logs in as usual.
    elsewhere = _login(Client(), deelnemer.email, NEW_PASSWORD, client_address="198.51.100.8")
    assert elsewhere.url == reverse("home")


def test_a_new_password_logs_its_owner_in_even_while_someone_keeps_guessing(
    client, behind_the_proxy, settings, deelnemer
):
    owner = Client()
    _reset(owner, deelnemer.email, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.7")
    link = re.search(r"http://testserver(/account/nieuw-wachtwoord/\S+/)", mail.outbox[0].body)[1]
    form_page = owner.get(link, follow=True)
    for n in range(settings.LOGIN_FAILURE_LIMIT + 3):
        _login(client, deelnemer.email, "fout", client_address=f"203.0.113.{n}")
    owner.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    complete = owner.get(reverse("password_reset_complete"))
    assert complete.context["user"] == deelnemer
    assert "Je bent nu ingelogd" in complete.text


def test_someone_who_forgot_their_password_gets_in_after_a_reset_from_the_same_computer(
    client, settings, deelnemer
):
    for _ in range(settings.LOGIN_FAILURE_LIMIT + 1):
        _login(client, deelnemer.email, "fout")
    assert _refused(_login(client, deelnemer.email))
    _reset(client, deelnemer.email)
    _choose_new_password(client, mail.outbox[0])
    client.post(reverse("logout"))
    assert _login(client, deelnemer.email, NEW_PASSWORD).url == reverse("home")


def test_a_block_ends_when_its_window_is_over(client, settings, deelnemer):
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        _login(client, deelnemer.email, "fout")
    assert _refused(_login(client, deelnemer.email))
    # As if the quarter of an hour were over.
    ThrottleCount.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert _login(client, deelnemer.email).status_code == 302


# Counting atomically


def _in_parallel(attempt, times=30):
    """Run `attempt(n)` in `times` threads released at the same moment; each thread has its
    own database connection, closed when it is done."""
    start = threading.Barrier(times)

    def run(n):
        try:
            start.wait()
            return attempt(n)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=times) as pool:
        return list(pool.map(run, range(times)))


@pytest.mark.django_db(transaction=True)
def test_thirty_parallel_wrong_passwords_for_one_account_check_exactly_the_limit(settings):
    person = UserFactory(email="doelwit@example.org")
    results = _in_parallel(
        lambda n: _checked(_login(Client(), person.email, "fout", client_address=None))
    )
    assert results.count(True) == settings.LOGIN_FAILURE_LIMIT


@pytest.mark.django_db(transaction=True)
def test_thirty_parallel_wrong_passwords_from_one_client_check_exactly_its_limit(settings):
    settings.LOGIN_CLIENT_FAILURE_LIMIT = 7
    results = _in_parallel(lambda n: _checked(_login(Client(), f"iemand{n}@example.org", "fout")))
    assert results.count(True) == 7


@pytest.mark.django_db(transaction=True)
def test_thirty_parallel_reset_requests_send_exactly_the_limit_of_mails(settings):
    settings.PASSWORD_RESET_LIMIT = 3
    person = UserFactory(email="doelwit@example.org")
    _in_parallel(lambda n: _reset(Client(), person.email, REMOTE_ADDR=f"203.0.113.{n}"))
    assert len(mail.outbox) == 3


# Password-reset mail


def test_reset_mails_to_one_address_are_limited_and_the_page_tells_nothing(
    client, settings, deelnemer
):
    settings.PASSWORD_RESET_LIMIT = 3
    answers = [_reset(Client(), deelnemer.email, REMOTE_ADDR=f"203.0.113.{n}") for n in range(5)]
    assert len(mail.outbox) == 3
    assert {(answer.status_code, answer.url) for answer in answers} == {
        (302, reverse("password_reset_done"))
    }
    # The page after it promises no mail it did not send.
    done = Client().get(reverse("password_reset_done")).text
    assert "Hoort het e-mailadres bij een account" in done
    assert "We sturen niet onbeperkt zulke mails" in done
    # Another person's mail still goes out.
    UserFactory(email="ander@example.org")
    _reset(client, "ander@example.org", REMOTE_ADDR="203.0.113.1")
    assert len(mail.outbox) == 4


def test_reset_mails_from_one_client_are_limited(client, behind_the_proxy, settings):
    settings.PASSWORD_RESET_CLIENT_LIMIT = 3
    people = [UserFactory(email=f"lid{n}@example.org") for n in range(5)]
    through_proxy = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    answers = [_reset(client, person.email, **through_proxy) for person in people[:4]]
    assert [message.to for message in mail.outbox] == [[p.email] for p in people[:3]]
    assert answers[3].url == reverse("password_reset_done")
    # Someone else behind the same proxy is not held up.
    other = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    _reset(Client(), people[4].email, **other)
    assert mail.outbox[-1].to == [people[4].email]


def test_requests_for_unknown_addresses_use_up_the_limit_alike(client, settings, deelnemer):
    """Otherwise the limit would tell which addresses have an account."""
    settings.PASSWORD_RESET_CLIENT_LIMIT = 2
    _reset(client, "niemand@example.org")
    _reset(client, "ook-niemand@example.org")
    _reset(client, deelnemer.email)
    assert mail.outbox == []


def test_over_the_limit_a_known_and_an_unknown_address_cost_the_same(settings, deelnemer):
    settings.PASSWORD_RESET_CLIENT_LIMIT = 0
    costs = []
    for email in (deelnemer.email, "niemand@example.org"):
        with CaptureQueriesContext(connection) as queries:
            answer = _reset(Client(), email)
        costs.append((answer.url, len(queries)))
    assert costs[0] == costs[1]
    assert mail.outbox == []


# The same work whether an account exists or not


class CountingHasher(MD5PasswordHasher):
    """Django's MD5 hasher (the suite's), counting how often a password is hashed."""

    hashed = 0

    def encode(self, password, salt):
        CountingHasher.hashed += 1
        return super().encode(password, salt)


def _hashes_for(client, email, password="fout") -> int:
    before = CountingHasher.hashed
    _login(client, email, password)
    return CountingHasher.hashed - before


def test_a_login_hashes_the_password_once_whether_the_account_exists_or_not(
    client, settings, deelnemer
):
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    assert _hashes_for(client, deelnemer.email) == 1
    assert _hashes_for(client, "niemand@example.org") == 1


# Housekeeping


def test_the_daily_job_forgets_counts_whose_window_is_over(client, settings, deelnemer):
    settings.LOGIN_FAILURE_WINDOW_SECONDS = 0
    _login(client, deelnemer.email, "fout")
    settings.LOGIN_FAILURE_WINDOW_SECONDS = 900
    _login(client, "iemand@example.org", "fout")
    assert ThrottleCount.objects.count() == 3  # two addresses and one client
    send_daily_mail(day=timezone.localdate())
    assert ThrottleCount.objects.count() == 2
