import re

import pytest
from django.core import mail
from django.urls import reverse

from liso.models import OutgoingMail, User
from tests.liso.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _login(client, email, password=PASSWORD):
    return client.post(reverse("login"), {"username": email, "password": password})


def test_user_logs_in_with_email_in_any_case(client, deelnemer):
    response = _login(client, "Deelnemer@Example.ORG")
    assert response.status_code == 302
    assert response.url == reverse("home")
    assert client.get(reverse("home")).context["user"] == deelnemer


def test_wrong_password_shows_a_dutch_message_and_keeps_the_address(client, deelnemer):
    response = _login(client, deelnemer.email, "fout")
    assert response.status_code == 200
    assert "horen niet bij elkaar" in response.text
    assert f'value="{deelnemer.email}"' in response.text
    assert not response.context["user"].is_authenticated


def test_login_is_refused_after_too_many_failures_even_with_the_right_password(
    client, deelnemer, settings
):
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        _login(client, deelnemer.email, "fout")
    response = _login(client, deelnemer.email)
    assert response.status_code == 200
    assert "te vaak een verkeerd wachtwoord" in response.text
    assert not response.context["user"].is_authenticated


def test_failures_with_an_address_of_any_length_are_counted(client, settings):
    """The count's key holds a hash of the address: a 300-character address once broke
    the count (a server error) instead of being refused like any other."""
    long_address = "x" * 300 + "@example.org"
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        assert _login(client, long_address, "fout").status_code == 200
    assert "te vaak een verkeerd wachtwoord" in _login(client, long_address, "fout").text


def test_login_redirects_to_the_page_asked_for(client, deelnemer):
    response = client.post(
        reverse("login") + "?next=/account/profiel/",
        {"username": deelnemer.email, "password": PASSWORD, "next": "/account/profiel/"},
    )
    assert response.url == "/account/profiel/"


def test_login_never_redirects_to_another_site(client, deelnemer):
    response = client.post(
        reverse("login"),
        {"username": deelnemer.email, "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response.url == reverse("home")


def test_logout_needs_a_post_and_ends_the_session(client, deelnemer):
    client.force_login(deelnemer)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"), follow=True)
    assert "Je bent uitgelogd" in response.text
    assert "Als trekker" in response.text  # the public landing page
    assert client.get(reverse("profile")).status_code == 302


def test_password_reset_mails_a_working_single_use_link(client, deelnemer):
    response = client.post(reverse("password_reset"), {"email": "DEELNEMER@example.org"})
    assert response.url == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [deelnemer.email]
    assert "nieuw wachtwoord" in message.subject
    assert "Beste Dewi" in message.body
    link = re.search(r"http://testserver(/account/nieuw-wachtwoord/\S+/)", message.body)[1]

    form_page = client.get(link, follow=True)
    assert "Nieuw wachtwoord kiezen" in form_page.text
    new_password = "zomer-in-utrecht-2026"
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert done.url == reverse("password_reset_complete")
    deelnemer.refresh_from_db()
    assert deelnemer.check_password(new_password)
    # The link proved who they are: they are logged in at once.
    assert client.get(reverse("password_reset_complete")).context["user"] == deelnemer
    assert "werkt niet meer" in client.get(link, follow=True).text


def test_password_reset_for_an_unknown_address_sends_nothing_and_reveals_nothing(client, db):
    response = client.post(reverse("password_reset"), {"email": "niemand@example.org"})
    assert response.url == reverse("password_reset_done")
    assert mail.outbox == []


def test_password_change_requires_the_current_password(client, deelnemer):
    client.force_login(deelnemer)
    response = client.post(
        reverse("password_change"),
        {"old_password": "fout", "new_password1": "x-nieuw-42-y", "new_password2": "x-nieuw-42-y"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["old_password"]
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "x-nieuw-42-y",
            "new_password2": "x-nieuw-42-y",
        },
    )
    assert response.url == reverse("password_change_done")
    assert client.get(reverse("profile")).status_code == 200  # still logged in


def test_profile_saves_the_name_at_once(client, deelnemer):
    client.force_login(deelnemer)
    response = client.post(
        reverse("profile"), {"full_name": "Dewi de Vries", "email": deelnemer.email}
    )
    assert response.url == reverse("profile")
    deelnemer.refresh_from_db()
    assert deelnemer.full_name == "Dewi de Vries"
    assert "opgeslagen" in client.get(reverse("profile")).text
    assert mail.outbox == []


def test_a_new_email_address_counts_only_once_confirmed_from_that_address(client, deelnemer):
    client.force_login(deelnemer)
    client.post(reverse("profile"), {"full_name": "Dewi", "email": "Dewi@Nieuw.example.org"})
    deelnemer.refresh_from_db()
    assert deelnemer.email == "deelnemer@example.org"
    message = mail.outbox[-1]
    assert message.to == ["Dewi@nieuw.example.org"]
    link = re.search(r"http://testserver(/account/e-mailadres-bevestigen/\S+/)", message.body)[1]
    assert "We sturen een mail naar" in client.get(reverse("profile")).text

    someone_else = UserFactory(email="ander@example.org")
    client.force_login(someone_else)
    assert client.get(link).status_code == 400  # the link is not theirs
    client.force_login(deelnemer)
    response = client.get(link, follow=True)
    assert "Je e-mailadres is nu Dewi@nieuw.example.org" in response.text
    deelnemer.refresh_from_db()
    assert deelnemer.email == "Dewi@nieuw.example.org"
    assert client.get(link[:-4] + "xyz/").status_code == 400


CONFIRM_LINK = r"http://testserver(/account/e-mailadres-bevestigen/\S+/)"


def _ask_change(client, email):
    client.post(reverse("profile"), {"full_name": "Dewi Deelnemer", "email": email})
    return re.search(CONFIRM_LINK, mail.outbox[-1].body)[1]


def _page_without(response, *variable) -> str:
    """The page as a person reads it, without what differs between any two requests."""
    text = re.sub(r"\b[A-Za-z0-9]{64}\b", "<csrf>", response.text)  # masked anew each time
    for part in variable:
        text = text.replace(part, "<adres>")
    return text


def test_the_profile_answers_the_same_whether_or_not_the_new_address_has_an_account(
    client, deelnemer, trekker
):
    client.force_login(deelnemer)
    answers = []
    for email in ("trekker@example.org", "vrij@example.org"):
        response = client.post(
            reverse("profile"), {"full_name": "Dewi Deelnemer", "email": email}, follow=True
        )
        answers.append(
            (response.status_code, response.redirect_chain, _page_without(response, email))
        )
    assert answers[0] == answers[1]
    assert answers[0][0] == 200 and "We sturen een mail naar" in answers[0][2]
    assert [message.to for message in mail.outbox] == [
        ["trekker@example.org"],
        ["vrij@example.org"],
    ]


def test_a_taken_address_gets_a_mail_that_someone_tried_and_no_link(client, deelnemer, trekker):
    client.force_login(deelnemer)
    client.post(reverse("profile"), {"full_name": "Dewi", "email": "TREKKER@example.org"})
    (message,) = mail.outbox
    assert message.to == ["TREKKER@example.org"]  # as typed, like a free address
    assert "al bij een account" in message.body
    assert "e-mailadres-bevestigen" not in message.body and "Dewi" not in message.body
    deelnemer.refresh_from_db()
    trekker.refresh_from_db()
    assert (deelnemer.email, trekker.email) == ("deelnemer@example.org", "trekker@example.org")


def test_a_confirmation_link_works_once_also_after_changing_back(client, deelnemer):
    client.force_login(deelnemer)
    first = _ask_change(client, "dewi@nieuw.example.org")
    client.get(first)
    back = _ask_change(client, "deelnemer@example.org")
    client.get(back)
    deelnemer.refresh_from_db()
    assert deelnemer.email == "deelnemer@example.org"

    for used in (first, back):
        response = client.get(used)
        assert response.status_code == 400
        assert "Deze link is al gebruikt" in response.text
    deelnemer.refresh_from_db()
    assert deelnemer.email == "deelnemer@example.org"


def test_using_one_link_ends_the_others_of_the_same_account(client, deelnemer):
    client.force_login(deelnemer)
    one = _ask_change(client, "een@example.org")
    other = _ask_change(client, "ander@example.org")
    client.get(other)
    assert "al gebruikt" in client.get(one).text
    deelnemer.refresh_from_db()
    assert deelnemer.email == "ander@example.org"


def test_the_old_address_is_told_when_the_change_is_confirmed(client, deelnemer, settings):
    settings.CONTACT_EMAIL = "hulp@liso.example.org"
    client.force_login(deelnemer)
    link = _ask_change(client, "dewi@nieuw.example.org")
    assert len(mail.outbox) == 1  # asking tells the old address nothing yet
    response = client.get(link, follow=True)
    assert "We sturen je oude adres een mail" in response.text
    notice = mail.outbox[-1]
    assert notice.to == ["deelnemer@example.org"]
    assert "dewi@nieuw.example.org" in notice.body and "gewijzigd" in notice.subject
    assert "hulp@liso.example.org" in notice.body
    assert "http://testserver/contact/" in notice.body
    assert "http://testserver" + reverse("password_reset") in notice.body


def test_a_mail_that_cannot_be_sent_is_not_claimed(client, deelnemer, refusing_mail_server):
    client.force_login(deelnemer)
    response = client.post(
        reverse("profile"), {"full_name": "Dewi", "email": "dewi@nieuw.example.org"}, follow=True
    )
    assert "We sturen een mail naar dewi@nieuw.example.org" in response.text
    (waiting,) = OutgoingMail.objects.filter(to="dewi@nieuw.example.org")
    assert (waiting.status, waiting.attempts) == ("wacht", 1)


def test_a_sign_up_never_confirmed_does_not_keep_an_address_from_its_owner(client, deelnemer):
    squatter = UserFactory(
        email="dewi@nieuw.example.org", is_active=False, awaiting_confirmation=True
    )
    client.force_login(deelnemer)
    response = client.post(
        reverse("profile"), {"full_name": "Dewi", "email": "dewi@nieuw.example.org"}
    )
    assert response.status_code == 302  # not "taken"
    link = re.search(
        r"http://testserver(/account/e-mailadres-bevestigen/\S+/)", mail.outbox[-1].body
    )
    client.get(link[1])
    deelnemer.refresh_from_db()
    assert deelnemer.email == "dewi@nieuw.example.org"
    assert not User.objects.filter(pk=squatter.pk).exists()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"full_name": "", "email": "dewi@example.org"}, "full_name", "verplicht"),
        ({"full_name": "Dewi", "email": "geen-adres"}, "email", "geldig e-mailadres"),
    ],
)
def test_profile_with_bad_input_saves_nothing_and_explains_beside_the_field(
    client, deelnemer, trekker, data, field, message
):
    client.force_login(deelnemer)
    response = client.post(reverse("profile"), data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert f'id="id_{field}_error"' in response.text
    deelnemer.refresh_from_db()
    assert (deelnemer.full_name, deelnemer.email) == ("Dewi Deelnemer", "deelnemer@example.org")


def test_two_accounts_cannot_share_an_address_in_different_case(db):
    UserFactory(email="anna@example.org")
    with pytest.raises(Exception, match="user_email_unique_ignoring_case"):
        User.objects.create_user("Anna@example.org", "Anna", "x")
