"""A member removes their account (AVG): what they shared stays, under "oud-lid"; what only
they could read goes; they cannot log in, get no more mail, and their address is free."""

from datetime import date

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone

from bijeenkomsten import tasks as session_tasks
from bijeenkomsten.models import CalendarKey, DraaiboekBlock, Registration, SessionReport
from kernelements.models import ScanResponse
from liso import notifications, outbox
from liso.account import AccountRemovalRefused, account_remove
from liso.method import Role
from liso.models import NotificationSetting, OutgoingMail, User
from networks import history
from networks.models import Invitation, Membership, Network, Revision
from phases.models import Experiment, Reflection
from tests.liso.factories import PASSWORD, UserFactory
from tests.networks.world import build_world
from tests.pdftext import pdf_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalogue")]

OLD_NAME = "Lid deelnemer"
OLD_EMAIL = "deelnemer@netwerk.example.org"


def _remove(client, user, password=PASSWORD):
    client.force_login(user)
    return client.post(reverse("account_remove"), {"password": password})


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def deelnemer(world):
    return world.members[Role.DEELNEMER]


def test_the_page_says_what_stays_and_what_goes_and_links_to_the_download(client, deelnemer):
    client.force_login(deelnemer.user)
    page = client.get(reverse("account_remove")).text
    assert "oud-lid" in page
    assert "privé-reflecties" in page
    assert "niet ongedaan maken" in page
    assert reverse("personal_data") in page
    profile = client.get(reverse("profile")).text
    assert reverse("account_remove") in profile


def test_a_wrong_password_is_refused_beside_the_field_and_nothing_changes(client, deelnemer):
    response = _remove(client, deelnemer.user, password="niet-mijn-wachtwoord")
    assert response.status_code == 200
    assert "Dit wachtwoord klopt niet" in response.text
    user = User.objects.get(pk=deelnemer.user.pk)
    assert user.is_active and user.full_name == OLD_NAME and user.email == OLD_EMAIL
    assert Membership.objects.get(pk=deelnemer.pk).left_on is None
    assert Reflection.objects.filter(author=deelnemer, shared_at=None).exists()
    assert client.get(reverse("profile")).status_code == 200  # still logged in


def test_removing_anonymises_the_account_and_deletes_what_only_they_could_read(
    client, world, deelnemer
):
    Membership.objects.filter(pk=deelnemer.pk).update(
        support_needed="Vervoer naar de bijeenkomst", compensation="50 euro per keer"
    )
    shared = Reflection.objects.create(
        network=world.network,
        author=deelnemer,
        text="Wat ik met iedereen deel",
        shared_at=timezone.now(),
    )
    NotificationSetting.objects.create(user=deelnemer.user, kind="netwerk", frequency="uit")
    CalendarKey.objects.create(user=deelnemer.user, version=2)
    assert ScanResponse.objects.filter(membership=deelnemer).exists()

    response = _remove(client, deelnemer.user)

    assert response.status_code == 302 and response.url == reverse("home")
    landing = client.get(reverse("home")).text
    assert "Je account is verwijderd en je bent uitgelogd" in landing
    user = User.objects.get(pk=deelnemer.user.pk)
    assert user.full_name == "oud-lid" and user.removed_at is not None
    assert not user.is_active and not user.has_usable_password()
    assert OLD_EMAIL not in user.email and user.email.endswith(".invalid")
    membership = Membership.objects.get(pk=deelnemer.pk)
    assert membership.left_on == date.today()
    assert membership.support_needed == "" and membership.compensation == ""
    assert not Reflection.objects.filter(author=deelnemer, shared_at=None).exists()
    assert Reflection.objects.filter(pk=shared.pk).exists()
    assert not ScanResponse.objects.filter(membership=deelnemer).exists()
    assert not NotificationSetting.objects.filter(user=user).exists()
    assert not CalendarKey.objects.filter(user=user).exists()
    # Their experiment and its observation are the network's: they stay.
    assert Experiment.objects.filter(created_by=deelnemer).exists()


def test_a_removed_account_cannot_log_in_and_its_address_is_free_again(client, deelnemer):
    _remove(client, deelnemer.user)
    response = client.post(reverse("login"), {"username": OLD_EMAIL, "password": PASSWORD})
    assert response.status_code == 200 and not response.context["user"].is_authenticated
    # The person may come back later with the same address, as a new account.
    again = User.objects.create_user(OLD_EMAIL, "Terug van weg", PASSWORD)
    assert again.pk != deelnemer.user.pk
    assert client.login(username=OLD_EMAIL, password=PASSWORD)


def test_an_old_session_of_a_removed_account_gets_nothing_not_even_the_download(client, deelnemer):
    account_remove(user=deelnemer.user)
    client.force_login(User.objects.get(pk=deelnemer.user.pk))
    response = client.get(reverse("personal_data"))
    assert response.status_code == 302 and reverse("login") in response.url


def test_the_only_trekker_is_told_to_pass_the_role_on_first_and_nothing_changes(client, world):
    trekker = world.members[Role.TREKKER]
    client.force_login(trekker.user)
    page = client.get(reverse("account_remove")).text
    assert "enige trekker van Jeugdhulp dichtbij" in page
    response = _remove(client, trekker.user)
    assert response.status_code == 200
    assert "Maak eerst iemand anders trekker" in response.text
    user = User.objects.get(pk=trekker.user.pk)
    assert user.is_active and user.full_name == "Lid trekker"
    assert Membership.objects.get(pk=trekker.pk).left_on is None
    with pytest.raises(AccountRemovalRefused):
        account_remove(user=trekker.user)


def test_a_trekker_may_go_once_the_network_is_archived_or_has_another_trekker(world):
    trekker = world.members[Role.TREKKER]
    Network.objects.filter(pk=world.network.pk).update(archived_at=timezone.now())
    account_remove(user=trekker.user)
    assert Membership.objects.get(pk=trekker.pk).left_on == date.today()
    assert User.objects.get(pk=trekker.user.pk).full_name == "oud-lid"


def test_platform_staff_may_remove_their_account_and_lose_their_staff_rights(client):
    staff = UserFactory(email="beheer@example.org", is_staff=True, is_superuser=True)
    client.force_login(staff)
    assert "beheerder van het platform" in client.get(reverse("account_remove")).text
    _remove(client, staff)
    staff.refresh_from_db()
    assert not staff.is_active and not staff.is_staff and not staff.is_superuser


def test_open_invitations_to_the_address_are_withdrawn_and_forget_it(world, deelnemer):
    other = Network.objects.get(slug="ander-netwerk")
    Invitation.objects.create(
        network=other,
        email=OLD_EMAIL.upper(),
        full_name=OLD_NAME,
        roles=[Role.DEELNEMER],
        perspective="praktijk",
        token_hash="x" * 64,
        invited_by=world.outsider,
        sent_at=timezone.now(),
        expires_at=timezone.now() + timezone.timedelta(days=14),
    )
    account_remove(user=deelnemer.user)
    invitation = Invitation.objects.get(network=other)
    assert invitation.revoked_at is not None
    assert invitation.full_name == "oud-lid" and OLD_EMAIL not in invitation.email.lower()


def test_no_mail_reaches_the_removed_account_afterwards(world, deelnemer):
    account_remove(user=deelnemer.user)
    user = User.objects.get(pk=deelnemer.user.pk)
    mail.outbox.clear()
    session = world.network.sessions.get()
    everyone = list(world.network.memberships.values_list("pk", flat=True))
    session_tasks.send_session_mail.enqueue(
        session_id=session.pk, membership_ids=everyone, kind="herinnering", base_url=""
    )
    notifications.send_daily_mail(day=date.today())
    notifications.deliver(
        user=user,
        kind="netwerk",
        message=EmailMessage(subject="Nieuws", body="Nieuws", to=[user.email]),
        summary="Nieuws",
    )
    recipients = [address for message in mail.outbox for address in message.to]
    assert recipients  # the others still hear of the session
    assert not any(address.endswith(".invalid") or address == OLD_EMAIL for address in recipients)


def test_mail_waiting_for_the_removed_account_does_not_go_out(deelnemer, refusing_mail_server):
    """A mail the server refused waits for another try: removing the account drops it,
    and with it the record of their address."""
    user = deelnemer.user
    outbox.queue(EmailMessage(subject="Nieuws", body="Nieuws", to=[user.email]), user=user)
    assert OutgoingMail.objects.filter(to=OLD_EMAIL, status="wacht").exists()
    account_remove(user=user)
    assert not OutgoingMail.objects.filter(to__iexact=OLD_EMAIL).exists()


def _shared_record(world, deelnemer):
    """Things the network wrote that name the deelnemer: a shared reflection, an experiment
    group and its history, a draaiboek block they lead, an action point (the world's), their
    attendance at the session, its report."""
    Reflection.objects.create(
        network=world.network,
        author=deelnemer,
        text="Wat ik met iedereen deel",
        shared_at=timezone.now(),
    )
    experiment = Experiment.objects.get(network=world.network)
    history.record(
        network=world.network,
        instance=experiment,
        action=Revision.Action.CHANGED,
        changes=[{"field": "group", "label": "groep", "old": "", "new": str(deelnemer)}],
        by=deelnemer.user,
        version=2,
    )
    session = world.network.sessions.get()
    DraaiboekBlock.objects.filter(session=session).update(responsible=deelnemer)
    Registration.objects.update_or_create(
        session=session, membership=deelnemer, defaults={"answer": "komt", "attended": True}
    )
    SessionReport.objects.get_or_create(
        session=session, defaults={"minutes": "Goed gesprek.", "version": 1}
    )
    return session, experiment


def _texts(client, world, session, experiment, tmp_path) -> dict[str, str]:
    slug = world.network.slug
    pages = {
        "members": reverse("member_list", args=[slug]),
        "history": reverse("network_history", args=[slug]),
        "reflections": reverse("reflection_list", args=[slug]) + "?van=netwerk",
        "experiment": reverse("experiment_detail", args=[slug, experiment.pk]),
        "experiments": reverse("experiment_list", args=[slug]),
        "session": reverse("session_detail", args=[slug, session.pk]),
        "report": reverse("session_report", args=[slug, session.pk]),
    }
    pdfs = {
        "draaiboek.pdf": reverse("session_draaiboek_pdf", args=[slug, session.pk]),
        "verslag.pdf": reverse("session_report_pdf", args=[slug, session.pk]),
    }
    texts = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        texts[name] = response.text
    for name, url in pdfs.items():
        response = client.get(url)
        assert response.status_code == 200, name
        texts[name] = pdf_text(b"".join(response.streaming_content), tmp_path)
    return texts


def test_the_shared_record_stays_readable_and_says_oud_lid_on_pages_and_pdfs(
    client, world, deelnemer, tmp_path
):
    session, experiment = _shared_record(world, deelnemer)
    client.force_login(world.members[Role.TREKKER].user)
    before = _texts(client, world, session, experiment, tmp_path)
    # Without the removal every one of them names the deelnemer, so the check below bites.
    assert all(OLD_NAME in text for text in before.values()), [
        name for name, text in before.items() if OLD_NAME not in text
    ]

    account_remove(user=deelnemer.user)

    after = _texts(client, world, session, experiment, tmp_path)
    for name, text in after.items():
        assert OLD_NAME not in text, name
        assert OLD_EMAIL not in text, name
        assert "oud-lid" in text, name
    assert "Wat ik met iedereen deel" in after["reflections"]
