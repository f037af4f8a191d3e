import re
import time
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

from liso import outbox, signup
from liso.models import OutgoingMail, PlatformSettings, User
from networks.services import invitation_create
from tests.liso.factories import PASSWORD, UserFactory
from tests.networks.factories import MembershipFactory, NetworkFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "fietsen-langs-de-vecht-7"


def _sign_up(client, email="nieuw@example.org", name="Noor Nieuw", password=NEW_PASSWORD, **kw):
    data = {"full_name": name, "email": email, "password1": password, "password2": password}
    return client.post(reverse("signup"), data, **kw)


def _link(message) -> str:
    return re.search(r"http://testserver(/account/aanmelden/bevestigen/\S+/)", message.body)[1]


def _confirm(client, link, password=NEW_PASSWORD, **kw):
    """Open the link in the mail and confirm with the password chosen at sign-up."""
    page = client.get(link)
    assert page.status_code == 200 and "Aanmelding bevestigen" in page.text
    return client.post(link, {"password": password}, **kw)


def _log_in(client, email, password=NEW_PASSWORD):
    return client.post(reverse("login"), {"username": email, "password": password})


def test_signing_up_mails_a_link_that_activates_the_account_and_logs_in(client):
    response = _sign_up(client, email="Noor@Example.ORG")
    assert response.url == reverse("signup_done")
    done = client.get(response.url)
    assert "We sturen een mail naar" in done.text
    assert "Noor@example.org" in done.text
    assert "ongewenste e-mail" in done.text  # what to do when it does not come

    account = User.objects.get(email__iexact="noor@example.org")
    assert not account.is_active and account.awaiting_confirmation
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["Noor@example.org"]
    assert "Bevestig je aanmelding" in message.subject
    assert "Beste Noor" in message.body

    # Opening the link changes nothing (a mail scanner may follow it); the password does.
    client.get(_link(message))
    account.refresh_from_db()
    assert account.awaiting_confirmation
    home = _confirm(client, _link(message), follow=True)
    assert home.redirect_chain[-1][0] == reverse("home")
    assert home.context["user"] == account
    assert "Je e-mailadres is bevestigd" in home.text
    # Someone in no network reads how to go on: wait for an invitation, or start one.
    assert "Je bent nog geen lid van een leernetwerk" in home.text
    assert reverse("network_create") in home.text
    account.refresh_from_db()
    assert account.is_active and not account.awaiting_confirmation

    client.post(reverse("logout"))
    assert _log_in(client, "noor@example.org").url == reverse("home")


def test_an_unconfirmed_account_cannot_log_in_and_is_told_like_a_wrong_password(client):
    _sign_up(client)
    unconfirmed = _log_in(client, "nieuw@example.org")
    assert unconfirmed.status_code == 200
    assert not unconfirmed.context["user"].is_authenticated
    wrong = _log_in(client, "niemand@example.org")
    # The same words as for an address without an account, so nothing is given away.
    assert unconfirmed.context["form"].errors == wrong.context["form"].errors
    assert "Open dan eerst de link in de mail" in unconfirmed.text


def test_a_used_link_is_told_in_dutch_and_logs_nobody_in(client):
    _sign_up(client)
    link = _link(mail.outbox[0])
    _confirm(client, link)
    client.post(reverse("logout"))
    again = client.get(link)
    assert again.status_code == 400
    assert "Deze link is al gebruikt" in again.text
    assert not again.context["user"].is_authenticated


def test_a_tampered_link_is_told_in_dutch(client):
    _sign_up(client)
    link = _link(mail.outbox[0])
    response = client.get(link[:-6] + "abcde/")
    assert response.status_code == 400
    assert "Deze link klopt niet" in response.text
    assert not User.objects.get(email="nieuw@example.org").is_active


def test_an_expired_link_is_told_in_dutch(client):
    _sign_up(client)
    token = _link(mail.outbox[0]).rstrip("/").rsplit("/", 1)[1]
    payload = signing.loads(token, salt=signup.SALT)

    class FourDaysAgo(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - signup.MAX_AGE - 60)

    old = FourDaysAgo(salt=signup.SALT).sign_object(payload)
    response = client.get(reverse("signup_confirm", args=[old]))
    assert response.status_code == 400
    assert "Deze link is verlopen" in response.text
    assert not User.objects.get(email="nieuw@example.org").is_active


def test_an_existing_address_gets_a_notice_and_the_visitor_the_same_page(client, deelnemer):
    def page(response, email):
        text = client.get(response.url).text.replace(email, "ADRES")
        return re.sub(r'"X-CSRFToken": "\w+"', "", text)

    new = _sign_up(client, email="nieuw@example.org")
    new_page = page(new, "nieuw@example.org")
    taken = _sign_up(client, email="DEELNEMER@example.org")
    assert taken.status_code == new.status_code and taken.url == new.url
    assert page(taken, "DEELNEMER@example.org") == new_page

    assert User.objects.filter(email__iexact="deelnemer@example.org").count() == 1
    deelnemer.refresh_from_db()
    assert deelnemer.check_password(PASSWORD)  # untouched
    notice = mail.outbox[-1]
    assert notice.to == [deelnemer.email]
    assert "aanmelden met jouw e-mailadres" in notice.subject
    assert "http://testserver/account/inloggen/" in notice.body
    assert "http://testserver/account/wachtwoord-vergeten/" in notice.body
    assert "/account/aanmelden/bevestigen/" not in notice.body


def test_signing_up_again_before_confirming_sends_a_new_link_and_voids_the_old(client):
    _sign_up(client, name="Eerste Poging")
    first = _link(mail.outbox[0])
    _sign_up(client, name="Noor Nieuw", password="een-ander-wachtwoord-9")
    assert User.objects.filter(email__iexact="nieuw@example.org").count() == 1
    assert len(mail.outbox) == 2
    old = client.get(first)
    assert old.status_code == 400
    assert "Gebruik de link uit de nieuwste mail" in old.text
    _confirm(client, _link(mail.outbox[1]), password="een-ander-wachtwoord-9")
    account = User.objects.get(email="nieuw@example.org")
    assert account.is_active and account.full_name == "Noor Nieuw"
    assert account.check_password("een-ander-wachtwoord-9")


def test_sign_ups_for_one_address_are_throttled(client, settings):
    settings.SIGNUP_LIMIT = 3
    for n in range(3):
        _sign_up(client, REMOTE_ADDR=f"10.0.0.{n}")
    refused = _sign_up(client, REMOTE_ADDR="10.0.0.9")
    assert refused.status_code == 200
    assert "te vaak een aanmelding verstuurd" in refused.text
    assert len(mail.outbox) == 3
    # Another address from another computer is not held up.
    assert _sign_up(client, email="ander@example.org", REMOTE_ADDR="10.0.0.8").status_code == 302


def test_sign_ups_from_one_client_are_throttled(client, settings):
    settings.SIGNUP_LIMIT = 3
    for n in range(3):
        _sign_up(client, email=f"persoon{n}@example.org", REMOTE_ADDR="10.0.0.1")
    refused = _sign_up(client, email="persoon9@example.org", REMOTE_ADDR="10.0.0.1")
    assert refused.status_code == 200
    assert "te vaak een aanmelding verstuurd" in refused.text
    assert not User.objects.filter(email="persoon9@example.org").exists()
    assert len(mail.outbox) == 3
    other = _sign_up(client, email="persoon9@example.org", REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 302


def test_the_throttle_counts_existing_addresses_too_so_it_tells_nothing(
    client, settings, deelnemer
):
    settings.SIGNUP_LIMIT = 1
    _sign_up(client, email=deelnemer.email, REMOTE_ADDR="10.0.0.1")
    _sign_up(client, email="nieuw@example.org", REMOTE_ADDR="10.0.0.2")
    taken = _sign_up(client, email=deelnemer.email, REMOTE_ADDR="10.0.0.3")
    new = _sign_up(client, email="nieuw@example.org", REMOTE_ADDR="10.0.0.4")
    assert taken.context["form"].errors == new.context["form"].errors


def test_password_rules_are_told_in_dutch_beside_the_field(client):
    short = _sign_up(client, password="12345")
    assert short.context["form"].errors["password1"] == [
        "Dit wachtwoord is te kort: gebruik minstens 8 tekens.",
        "Dit wachtwoord wordt te vaak gebruikt: kies een ander.",
        "Dit wachtwoord bestaat alleen uit cijfers: gebruik ook letters.",
    ]
    similar = _sign_up(client, name="Noor Vandenberghe", password="noorvandenberghe")
    assert similar.context["form"].errors["password1"] == [
        "Dit wachtwoord lijkt te veel op je naam."
    ]
    different = client.post(
        reverse("signup"),
        {
            "full_name": "Noor",
            "email": "twee@example.org",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD + "x",
        },
    )
    assert different.context["form"].errors["password2"] == [
        "De twee wachtwoorden zijn niet gelijk."
    ]
    assert 'aria-invalid="true"' in different.text
    assert not User.objects.exists()
    assert mail.outbox == []


def test_a_closed_sign_up_refuses_and_the_landing_page_stops_offering_it(client):
    landing = client.get(reverse("home"))
    assert reverse("signup") in landing.text
    PlatformSettings.objects.update_or_create(pk=1, defaults={"signup_open": False})

    page = client.get(reverse("signup"))
    assert page.status_code == 200
    assert "Zelf aanmelden kan op dit moment niet" in page.text
    assert "uitnodiging" in page.text
    assert "<form" not in page.text.split("<main", 1)[1]
    refused = _sign_up(client)
    assert refused.status_code == 403
    assert not User.objects.filter(email="nieuw@example.org").exists()
    assert mail.outbox == []
    landing = client.get(reverse("home"))
    assert reverse("signup") not in landing.text
    assert "kan op dit moment niet" in landing.text
    assert reverse("signup") not in client.get(reverse("login")).text


def test_invitations_work_while_sign_up_is_closed_and_take_over_an_unconfirmed_account(
    client, trekker
):
    _sign_up(client, email="gast@example.org", name="Iemand Anders")
    PlatformSettings.objects.update_or_create(pk=1, defaults={"signup_open": False})
    network = NetworkFactory()
    _invitation, token = invitation_create(
        network=network,
        invited_by=trekker,
        email="gast@example.org",
        full_name="Gijs Gast",
        roles=["deelnemer"],
    )
    link = reverse("invitation_accept", args=[token])
    page = client.get(link)
    assert "Maak je account aan" in page.text  # not "log in": that account never worked
    response = client.post(
        link, {"full_name": "Gijs Gast", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.url == reverse("network_overview", args=[network.slug])
    account = User.objects.get(email__iexact="gast@example.org")
    assert account.is_active and not account.awaiting_confirmation
    assert account.full_name == "Gijs Gast" and account.check_password(PASSWORD)
    assert client.get(_link(mail.outbox[0])).status_code == 400  # the sign-up's link is void


def test_the_staff_switch_is_in_the_admin(client):
    staff = UserFactory(email="beheer@example.org", is_staff=True, is_superuser=True)
    client.force_login(staff)
    listing = client.get(reverse("admin:liso_platformsettings_changelist"))
    change = listing.url
    assert change == reverse("admin:liso_platformsettings_change", args=[1])
    assert "Aanmelden staat open" in client.get(change).text
    client.post(change, {})  # the box unticked
    assert not PlatformSettings.current().signup_open
    assert client.get(reverse("admin:liso_platformsettings_add")).status_code == 403


def test_a_logged_in_person_is_sent_on_from_the_sign_up_pages(client, deelnemer):
    client.force_login(deelnemer)
    assert client.get(reverse("signup")).url == reverse("home")
    assert client.get(reverse("signup_done")).url == reverse("home")
    assert _sign_up(client).url == reverse("home")
    assert not User.objects.filter(email="nieuw@example.org").exists()


def test_the_daily_job_forgets_accounts_never_confirmed(client):
    _sign_up(client, email="oud@example.org")
    _sign_up(client, email="recent@example.org")
    User.objects.filter(email="oud@example.org").update(
        date_joined=timezone.now() - timedelta(days=signup.FORGET_AFTER_DAYS + 1)
    )
    confirmed = UserFactory(email="lang-geleden@example.org")
    User.objects.filter(pk=confirmed.pk).update(date_joined=timezone.now() - timedelta(days=400))
    # An unconfirmed address that an imported network found keeps its account and membership.
    _sign_up(client, email="gevonden@example.org")
    found = User.objects.get(email="gevonden@example.org")
    User.objects.filter(pk=found.pk).update(date_joined=timezone.now() - timedelta(days=30))
    membership = MembershipFactory(user=found)
    assert signup.forget_unconfirmed(timezone.localdate()) == 1
    emails = set(User.objects.values_list("email", flat=True))
    assert "oud@example.org" not in emails
    assert {"recent@example.org", "lang-geleden@example.org", "gevonden@example.org"} <= emails
    membership.refresh_from_db()


def test_a_refused_mail_is_not_claimed_and_goes_out_once_the_server_is_back(
    client, settings, refusing_mail_server
):
    response = _sign_up(client, follow=True)
    assert "We sturen een mail naar" in response.text  # what will happen, not what did
    (waiting,) = OutgoingMail.objects.all()
    assert (waiting.status, waiting.attempts) == ("wacht", 1)
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    assert outbox.send_due(waiting.next_attempt_at) == 1
    (sent,) = mail.outbox
    assert sent.to == [waiting.to] and "/account/aanmelden/bevestigen/" in sent.body
    waiting.refresh_from_db()
    assert (waiting.status, waiting.body) == ("verstuurd", "")  # the link is not kept


def test_confirming_needs_the_password_chosen_at_sign_up(client):
    """Someone who signs up with another person's address cannot hand them an account whose
    password they know, nor log a person in to their own account through the link."""
    _sign_up(client, email="anna@example.org", password="Iemand-anders-koos-dit-1")
    link = _link(mail.outbox[0])
    wrong = client.post(link, {"password": NEW_PASSWORD})
    assert wrong.status_code == 200
    assert "Dit is niet het wachtwoord dat bij deze aanmelding hoort" in wrong.text
    assert not wrong.context["user"].is_authenticated
    account = User.objects.get(email="anna@example.org")
    assert account.awaiting_confirmation and not account.is_active
    # Anna signs up herself: the first link no longer works, hers does.
    _sign_up(client, email="anna@example.org")
    assert client.get(link).status_code == 400
    assert _confirm(client, _link(mail.outbox[-1])).url == reverse("home")
    account.refresh_from_db()
    assert account.is_active and account.check_password(NEW_PASSWORD)
