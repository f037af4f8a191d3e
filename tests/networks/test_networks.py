"""Starting a network, inviting people, joining through the link, and what members see."""

import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from liso.method import Role
from networks import services
from networks.models import Invitation, Membership, Network
from tests.liso.factories import PASSWORD, UserFactory
from tests.networks.factories import MembershipFactory, OrganisationFactory
from tests.networks.world import build_world

pytestmark = pytest.mark.django_db

ALL_CRITERIA = [
    "meerdere-oorzaken",
    "oorzaken-gevolgen-verweven",
    "veel-partijen",
    "interdisciplinair",
    "nog-niet-aangepakt",
]


def _network_form(**overrides):
    data = {
        "criteria": ALL_CRITERIA,
        "name": "Samen tegen eenzaamheid",
        "vraagstuk": "Veel ouderen in de wijk zijn eenzaam.",
        "why_network": "Zorg, welzijn, gemeente en ouderen zelf zien elk een deel.",
        "level": "wijk",
        "start_date": "2026-12-01",
        "planned_years": "3",
        "rhythm": "kwartaal",
        "core_values": "",
        "reason": "",
        "goals": "",
        "my_perspective": "beleid",
        "my_organisation": "",
    }
    return {**data, **overrides}


def test_the_creator_of_a_network_becomes_its_trekker(client, trekker):
    client.force_login(trekker)
    response = client.post(reverse("network_create"), _network_form())
    network = Network.objects.get(name="Samen tegen eenzaamheid")
    assert response.url == reverse("network_overview", args=[network.slug])
    membership = network.memberships.get()
    assert (membership.user, membership.role_codes()) == (trekker, [Role.TREKKER])
    assert network.suitability == ALL_CRITERIA
    assert network.status == Network.Status.VERKENNING


def test_with_few_criteria_met_the_product_advises_and_lets_the_trekker_go_on(client, trekker):
    client.force_login(trekker)
    response = client.post(reverse("network_create"), _network_form(criteria=["veel-partijen"]))
    assert response.status_code == 200
    assert "projectgroep" in response.text and "training" in response.text
    assert "1 van de 4" in response.text
    assert not Network.objects.exists()
    client.post(
        reverse("network_create"), _network_form(criteria=["veel-partijen"], go_on_anyway="on")
    )
    assert Network.objects.filter(name="Samen tegen eenzaamheid").exists()


def test_starting_a_network_that_someone_else_may_already_tackle_asks_to_stop_and_look(
    client, trekker
):
    client.force_login(trekker)
    four = [code for code in ALL_CRITERIA if code != "nog-niet-aangepakt"]
    response = client.post(reverse("network_create"), _network_form(criteria=four))
    assert response.status_code == 200
    assert "Sta dan eerst even stil" in response.text
    assert "van de 4" not in response.text  # the score itself is fine
    assert not Network.objects.exists()
    client.post(reverse("network_create"), _network_form(criteria=four, go_on_anyway="on"))
    assert Network.objects.filter(name="Samen tegen eenzaamheid").exists()


def test_bad_network_input_is_explained_beside_the_field_and_nothing_is_saved(client, trekker):
    client.force_login(trekker)
    bad = _network_form(name="", planned_years="50", start_date="morgen")
    response = client.post(reverse("network_create"), bad)
    errors = response.context["form"].errors
    assert set(errors) == {"name", "planned_years", "start_date"}
    assert "1 tot 20 jaar" in errors["planned_years"][0]
    assert not Network.objects.exists()


def test_two_networks_with_the_same_name_get_their_own_address(client, trekker):
    client.force_login(trekker)
    client.post(reverse("network_create"), _network_form())
    client.post(reverse("network_create"), _network_form())
    assert sorted(Network.objects.values_list("slug", flat=True)) == [
        "samen-tegen-eenzaamheid",
        "samen-tegen-eenzaamheid-2",
    ]


def _invite(client, world, django_capture_on_commit_callbacks, **overrides):
    data = {
        "full_name": "Anna de Boer",
        "email": "Anna@Example.org",
        "roles": [Role.DEELNEMER],
        "ring": "kernteam",
        "perspective": "doelgroep",
        "organisation": "",
        "hours_per_week": "4",
    }
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(
            reverse("member_invite", args=[world.network.slug]), {**data, **overrides}
        )


def _link(message):
    return re.search(r"http://testserver(/uitnodiging/\S+/)", message.body)[1]


def test_an_invitation_mail_in_dutch_with_text_and_html_carries_a_working_link(
    client, django_capture_on_commit_callbacks
):
    world = build_world()
    client.force_login(world.user(Role.TREKKER))
    response = _invite(client, world, django_capture_on_commit_callbacks)
    assert response.url == reverse("member_list", args=[world.network.slug])
    message = mail.outbox[-1]
    assert message.to == ["anna@example.org"]
    assert message.subject == "Uitnodiging voor leernetwerk Jeugdhulp dichtbij"
    assert "Beste Anna de Boer" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and _link(message) in html
    assert message.reply_to == [world.user(Role.TREKKER).email]


def test_a_new_person_sets_a_password_and_sees_only_this_network(
    client, django_capture_on_commit_callbacks
):
    world = build_world()
    client.force_login(world.user(Role.TREKKER))
    _invite(client, world, django_capture_on_commit_callbacks)
    link = _link(mail.outbox[-1])
    client.logout()
    page = client.get(link)
    assert "Maak je account aan" in page.text
    response = client.post(
        link,
        {
            "full_name": "Anna de Boer",
            "password1": "herfst-in-oost-7",
            "password2": "herfst-in-oost-7",
        },
    )
    assert response.url == reverse("network_overview", args=[world.network.slug])
    membership = Membership.objects.get(user__email="anna@example.org")
    assert (membership.role_codes(), membership.perspective) == ([Role.DEELNEMER], "doelgroep")
    home = client.get(reverse("home"))
    mine = next(b.section for b in home.context["blocks"] if "my_networks" in b.template)
    assert [n.slug for n in mine["networks"]] == [world.network.slug]
    assert client.get(reverse("network_overview", args=["ander-netwerk"])).status_code == 404


def test_an_existing_user_logs_in_and_just_joins(client, django_capture_on_commit_callbacks):
    world = build_world()
    existing = UserFactory(email="anna@example.org", full_name="Anna de Boer")
    client.force_login(world.user(Role.TREKKER))
    _invite(client, world, django_capture_on_commit_callbacks)
    link = _link(mail.outbox[-1])
    client.force_login(existing)
    assert "Ja, ik doe mee" in client.get(link).text
    client.post(link)
    assert world.network.memberships.filter(user=existing, left_on__isnull=True).exists()
    assert existing.check_password(PASSWORD)  # untouched


def test_a_used_expired_revoked_or_tampered_link_grants_nothing(
    client, django_capture_on_commit_callbacks
):
    world = build_world()
    link = reverse("invitation_accept", args=[world.token])
    tampered = client.get(link[:-3] + "xx/")
    assert tampered.status_code == 410 and "klopt niet" in tampered.text

    Invitation.objects.filter(pk=world.invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    expired = client.post(
        link, {"full_name": "X", "password1": "herfst-in-oost-7", "password2": "herfst-in-oost-7"}
    )
    assert expired.status_code == 410 and "verlopen" in expired.text
    Invitation.objects.filter(pk=world.invitation.pk).update(
        expires_at=timezone.now() + timedelta(days=1), revoked_at=timezone.now()
    )
    assert "ingetrokken" in client.get(link).text
    Invitation.objects.filter(pk=world.invitation.pk).update(revoked_at=None)
    client.post(
        link,
        {
            "full_name": "Nieuw Lid",
            "password1": "herfst-in-oost-7",
            "password2": "herfst-in-oost-7",
        },
    )
    client.logout()
    reused = client.get(link)
    assert reused.status_code == 410 and "al gebruikt" in reused.text
    assert Membership.objects.filter(user__email="nieuw@example.org").count() == 1


def test_resending_gives_a_new_link_and_the_old_one_stops_working(
    client, django_capture_on_commit_callbacks
):
    world = build_world()
    client.force_login(world.user(Role.TREKKER))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("invitation_resend", args=[world.network.slug, world.invitation.pk]))
    new_link = _link(mail.outbox[-1])
    client.logout()
    assert client.get(reverse("invitation_accept", args=[world.token])).status_code == 410
    assert client.get(new_link).status_code == 200


def test_inviting_someone_twice_or_a_member_is_refused(client, django_capture_on_commit_callbacks):
    world = build_world()
    client.force_login(world.user(Role.TREKKER))
    again = _invite(client, world, django_capture_on_commit_callbacks, email="nieuw@example.org")
    assert "open uitnodiging" in again.context["form"].errors["email"][0]
    member = _invite(
        client, world, django_capture_on_commit_callbacks, email=world.user(Role.DEELNEMER).email
    )
    assert "al lid" in member.context["form"].errors["email"][0]


def test_changing_roles_and_marking_a_member_as_left_keeps_history(client):
    world = build_world()
    client.force_login(world.user(Role.TREKKER))
    member = world.members[Role.DEELNEMER]
    url = reverse("member_edit", args=[world.network.slug, member.pk])
    client.post(
        url,
        {
            "lid-version": member.version,
            "lid-roles": [Role.DEELNEMER, Role.VERBINDINGSFUNCTIONARIS],
            "lid-ring": "tweede-schil",
            "lid-perspective": "praktijk",
            "lid-organisation": "",
            "lid-hours_per_week": "8",
            "lid-support_needed": "",
            "lid-compensation": "",
        },
    )
    member.refresh_from_db()
    assert sorted(member.role_codes()) == [Role.DEELNEMER, Role.VERBINDINGSFUNCTIONARIS]
    assert member.ring == "tweede-schil"
    client.post(
        reverse("member_leave", args=[world.network.slug, member.pk]),
        {"vertrek-left_on": date.today().isoformat()},
    )
    member.refresh_from_db()
    assert member.left_on == date.today()
    client.force_login(member.user)
    assert client.get(reverse("network_overview", args=[world.network.slug])).status_code == 404


def test_the_coverage_view_warns_plainly_about_what_is_missing(client):
    world = build_world()  # six members, all in the praktijk perspective
    client.force_login(world.user(Role.TREKKER))
    response = client.get(reverse("member_coverage", args=[world.network.slug]))
    warnings = response.context["insight"].warnings
    text = " ".join(warnings)
    for perspective in ["beleid", "onderzoek", "onderwijs", "doelgroep", "financier"]:
        assert f"perspectief {perspective} ontbreekt" in text
    assert "geen procesbegeleider" not in text
    assert "minstens 8 uur" in text  # the trekker committed 4 hours


def test_a_small_kernteam_and_no_procesbegeleider_are_named(client, trekker):
    client.force_login(trekker)
    client.post(reverse("network_create"), _network_form())
    network = Network.objects.get()
    text = " ".join(
        client.get(reverse("member_coverage", args=[network.slug])).context["insight"].warnings
    )
    assert "kernteam heeft 1 lid" in text
    assert "nog geen procesbegeleider" in text


def test_an_archived_network_stays_readable_but_nothing_changes(client):
    world = build_world()
    client.force_login(world.user(Role.TREKKER))
    slug = world.network.slug
    client.post(reverse("network_archive", args=[slug]), {"actie": "archiveren"})
    client.post(reverse("network_archive", args=[slug]), {"actie": "archiveren"})  # twice
    assert client.get(reverse("network_overview", args=[slug])).status_code == 200
    overview = client.get(reverse("network_overview", args=[slug])).text
    assert "gearchiveerd" in overview
    assert '<span class="liso-facts__key">Status</span> Gearchiveerd' in overview
    assert "Gearchiveerd" in client.get(reverse("home")).text  # in "Mijn netwerken" too
    assert client.get(reverse("member_invite", args=[slug])).status_code == 403
    assert client.get(reverse("network_edit", args=[slug])).status_code == 403
    client.post(reverse("network_archive", args=[slug]), {"actie": "terugzetten"})
    assert client.get(reverse("member_invite", args=[slug])).status_code == 200


def test_archiving_asks_first_and_every_member_hears_of_it(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    world = build_world()
    client.force_login(world.user(Role.TREKKER))
    slug = world.network.slug
    overview = client.get(reverse("network_overview", args=[slug])).text
    assert "Ja, archiveer het netwerk" in overview and "Alle leden krijgen een mail" in overview
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("network_archive", args=[slug]), {"actie": "archiveren"}, follow=True
        )
    members = world.network.memberships.filter(left_on__isnull=True)
    assert f"We sturen de {members.count()} leden een mail hierover." in response.text
    assert sorted(m.to[0] for m in mailoutbox) == sorted(m.user.email for m in members)
    assert all("is gearchiveerd" in m.subject and "terugzetten" in m.body for m in mailoutbox)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("network_archive", args=[slug]), {"actie": "archiveren"})  # again
    assert mailoutbox == []


def test_a_refusing_mail_server_does_not_stop_the_archiving(
    client, refusing_mail_server, django_capture_on_commit_callbacks
):
    world = build_world()
    client.force_login(world.user(Role.TREKKER))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("network_archive", args=[world.network.slug]), {"actie": "archiveren"}
        )
    assert response.status_code == 302
    world.network.refresh_from_db()
    assert world.network.is_archived


def test_the_overview_shows_a_next_step_and_the_members_panel(client, trekker):
    client.force_login(trekker)
    client.post(reverse("network_create"), _network_form())
    network = Network.objects.get()
    response = client.get(reverse("network_overview", args=[network.slug]))
    assert "Nodig de eerste mensen uit" in response.text
    assert "Leden en perspectieven" in response.text


def test_a_deelnemer_sees_members_but_no_management_buttons(client):
    world = build_world()
    client.force_login(world.user(Role.DEELNEMER))
    response = client.get(reverse("member_list", args=[world.network.slug]))
    assert "Iemand uitnodigen" not in response.text
    assert "nieuw@example.org" not in response.text  # open invitations are for managers
    assert "Instellingen" not in response.text


def test_organisations_are_shared_and_unique_whatever_the_case(client):
    world = build_world()
    OrganisationFactory(name="Gemeente Oost")
    client.force_login(world.user(Role.TREKKER))
    data = {"name": "gemeente oost", "perspective": "beleid", "kind": "publiek"}
    response = client.post(reverse("organisation_create", args=[world.network.slug]), data)
    assert response.status_code == 200
    assert "Er is al een organisatie met deze naam" in response.text


def test_people_with_lived_experience_can_have_support_and_compensation_recorded(client):
    world = build_world()
    member = MembershipFactory(network=world.network, perspective="doelgroep")
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    client.post(
        reverse("member_edit", args=[world.network.slug, member.pk]),
        {
            "lid-version": member.version,
            "lid-roles": [Role.DEELNEMER],
            "lid-ring": "kernteam",
            "lid-perspective": "doelgroep",
            "lid-organisation": "",
            "lid-hours_per_week": "2",
            "lid-support_needed": "Taxi naar de bijeenkomst.",
            "lid-compensation": "25 euro per bijeenkomst.",
        },
    )
    member.refresh_from_db()
    assert member.support_needed == "Taxi naar de bijeenkomst."
    assert member.compensation == "25 euro per bijeenkomst."


def test_a_link_opened_while_logged_in_as_someone_else_grants_nothing(client):
    world = build_world()
    client.force_login(world.outsider)
    link = reverse("invitation_accept", args=[world.token])
    response = client.post(link)
    assert response.status_code == 403
    assert "voor iemand anders" in response.text
    assert not world.network.memberships.filter(user=world.outsider).exists()
    world.invitation.refresh_from_db()
    assert world.invitation.is_open


def _edit_roles(client, world, member, roles):
    return client.post(
        reverse("member_edit", args=[world.network.slug, member.pk]),
        {
            "lid-version": type(member).objects.get(pk=member.pk).version,
            "lid-roles": roles,
            "lid-ring": "kernteam",
            "lid-perspective": "praktijk",
            "lid-organisation": "",
            "lid-hours_per_week": "8",
            "lid-support_needed": "",
            "lid-compensation": "",
        },
    )


def test_a_procesbegeleider_cannot_make_anyone_trekker_nor_touch_the_trekker(client):
    world = build_world()
    own = world.members[Role.PROCESBEGELEIDER]
    client.force_login(own.user)
    response = _edit_roles(client, world, own, [Role.PROCESBEGELEIDER, Role.TREKKER])
    assert response.context["form"].errors["roles"]
    assert Role.TREKKER not in own.role_codes()
    trekker = world.members[Role.TREKKER]
    assert (
        client.get(reverse("member_edit", args=[world.network.slug, trekker.pk])).status_code == 403
    )
    leave = client.post(
        reverse("member_leave", args=[world.network.slug, trekker.pk]),
        {"vertrek-left_on": date.today().isoformat()},
    )
    assert leave.status_code == 403
    invite_form = client.get(reverse("member_invite", args=[world.network.slug])).text
    assert 'value="trekker"' not in invite_form


def test_the_last_trekker_cannot_drop_the_role_or_leave(client):
    world = build_world()
    trekker = world.members[Role.TREKKER]
    client.force_login(trekker.user)
    response = _edit_roles(client, world, trekker, [Role.DEELNEMER])
    assert "altijd een trekker nodig" in response.text
    assert trekker.role_codes() == [Role.TREKKER]
    client.post(
        reverse("member_leave", args=[world.network.slug, trekker.pk]),
        {"vertrek-left_on": date.today().isoformat()},
    )
    trekker.refresh_from_db()
    assert trekker.left_on is None


def test_a_leave_date_in_the_future_or_before_joining_is_refused(client):
    world = build_world()
    member = world.members[Role.DEELNEMER]
    client.force_login(world.user(Role.TREKKER))
    url = reverse("member_leave", args=[world.network.slug, member.pk])
    for day in [date.today() + timedelta(days=3), member.joined_on - timedelta(days=1)]:
        client.post(url, {"vertrek-left_on": day.isoformat()})
        member.refresh_from_db()
        assert member.left_on is None


def test_a_network_called_nieuw_gets_an_address_of_its_own(client, trekker):
    client.force_login(trekker)
    client.post(reverse("network_create"), _network_form(name="Nieuw"))
    network = Network.objects.get(name="Nieuw")
    assert network.slug != "nieuw"
    assert client.get(reverse("network_overview", args=[network.slug])).status_code == 200


def test_one_open_invitation_per_address_is_a_rule_of_the_database():
    world = build_world()  # nieuw@example.org has an open invitation
    same = {
        "network": world.network,
        "invited_by": world.user(Role.TREKKER),
        "full_name": "Nieuw Lid",
        "perspective": "praktijk",
        "sent_at": timezone.now(),
        "expires_at": timezone.now(),
    }
    with pytest.raises(IntegrityError), transaction.atomic():
        Invitation.objects.create(email="Nieuw@Example.org", token_hash="a" * 64, **same)
    # The service says it in Dutch, for the form to show beside the address.
    with pytest.raises(services.InvitationError, match="al een open uitnodiging"):
        services.invitation_create(
            network=world.network,
            invited_by=world.user(Role.TREKKER),
            email="NIEUW@example.org",
            full_name="Nieuw Lid",
            perspective="praktijk",
        )
    # A withdrawn or accepted one does not count; another network's neither.
    world.invitation.revoked_at = timezone.now()
    world.invitation.save(update_fields=["revoked_at"])
    Invitation.objects.create(email="nieuw@example.org", token_hash="b" * 64, **same)
    other = {**same, "network": MembershipFactory().network}
    Invitation.objects.create(email="nieuw@example.org", token_hash="c" * 64, **other)


def test_a_doubled_role_in_an_invitation_is_stored_once(client, django_capture_on_commit_callbacks):
    world = build_world()
    client.force_login(world.user(Role.TREKKER))
    _invite(
        client, world, django_capture_on_commit_callbacks, roles=[Role.DEELNEMER, Role.DEELNEMER]
    )
    assert Invitation.objects.get(email="anna@example.org").roles == [Role.DEELNEMER]


def test_clicking_the_link_again_after_joining_leads_to_the_network(client):
    world = build_world()
    link = reverse("invitation_accept", args=[world.token])
    client.post(
        link,
        {
            "full_name": "Nieuw Lid",
            "password1": "herfst-in-oost-7",
            "password2": "herfst-in-oost-7",
        },
    )
    response = client.get(link)
    assert response.url == reverse("network_overview", args=[world.network.slug])


def test_a_member_or_invitation_of_another_network_is_not_found(client):
    world = build_world()
    other_member = MembershipFactory(network__slug="elders")
    other_invitation = Invitation.objects.create(
        network=other_member.network,
        email="x@example.org",
        full_name="X",
        roles=["deelnemer"],
        perspective="praktijk",
        token_hash="x" * 64,
        invited_by=other_member.user,
        sent_at=timezone.now(),
        expires_at=timezone.now() + timedelta(days=1),
    )
    client.force_login(world.user(Role.TREKKER))
    slug = world.network.slug
    assert client.get(reverse("member_edit", args=[slug, other_member.pk])).status_code == 404
    assert client.post(reverse("member_leave", args=[slug, other_member.pk])).status_code == 404
    for name in ["invitation_resend", "invitation_revoke"]:
        assert client.post(reverse(name, args=[slug, other_invitation.pk])).status_code == 404
    other_invitation.refresh_from_db()
    assert other_invitation.is_open


@pytest.mark.parametrize("role", [Role.TREKKER, Role.PROCESBEGELEIDER])
def test_in_an_archived_network_managers_can_only_read(client, role):
    world = build_world()
    world.network.archived_at = timezone.now()
    world.network.save()
    client.force_login(world.user(role))
    slug = world.network.slug
    assert client.get(reverse("member_list", args=[slug])).status_code == 200
    assert client.get(reverse("member_invite", args=[slug])).status_code == 403
    member = world.members[Role.DEELNEMER].pk
    assert client.get(reverse("member_edit", args=[slug, member])).status_code == 403
    assert (
        client.post(reverse("invitation_revoke", args=[slug, world.invitation.pk])).status_code
        == 403
    )


def test_someone_who_left_and_comes_back_keeps_the_earlier_period(client):
    world = build_world()
    member = world.members[Role.DEELNEMER]
    started = member.joined_on - timedelta(days=300)
    Membership.objects.filter(pk=member.pk).update(
        joined_on=started, left_on=date.today() - timedelta(days=30)
    )
    _invitation, token = services.invitation_create(
        network=world.network,
        invited_by=world.user(Role.TREKKER),
        email=member.user.email,
        full_name=member.user.full_name,
        roles=[Role.DEELNEMER],
        perspective="praktijk",
    )
    client.force_login(member.user)
    client.post(reverse("invitation_accept", args=[token]))
    member.refresh_from_db()
    assert member.left_on is None
    period = member.past_periods.get()
    assert (period.joined_on, period.left_on) == (started, date.today() - timedelta(days=30))


def test_a_mail_the_server_refuses_is_not_claimed_sent_and_the_invitation_kept(
    client, refusing_mail_server
):
    world = build_world()
    client.force_login(world.user(Role.TREKKER))
    data = {
        "full_name": "Anna",
        "email": "anna@example.org",
        "roles": [Role.DEELNEMER],
        "ring": "kernteam",
        "perspective": "doelgroep",
        "organisation": "",
        "hours_per_week": "4",
    }
    response = client.post(reverse("member_invite", args=[world.network.slug]), data, follow=True)
    assert "De uitnodiging voor anna@example.org staat klaar om te versturen" in response.text
    assert "de mailserver weigerde" in response.text
    assert "Mail aangekomen bij de mailserver" not in response.text
    assert Invitation.objects.filter(email="anna@example.org").exists()


def test_a_new_organisation_can_be_named_in_the_invitation_itself(
    client, django_capture_on_commit_callbacks
):
    from networks.models import Organisation

    world = build_world()
    client.force_login(world.user(Role.TREKKER))
    _invite(
        client,
        world,
        django_capture_on_commit_callbacks,
        new_organisation="Wijkcentrum De Brug",
        new_organisation_kind="publiek",
    )
    organisation = Organisation.objects.get(name="Wijkcentrum De Brug")
    assert organisation.perspective == "doelgroep"
    assert Invitation.objects.get(email="anna@example.org").organisation == organisation
    # The same name again, in other letters: the organisation the install knows.
    _invite(
        client,
        world,
        django_capture_on_commit_callbacks,
        email="b@example.org",
        new_organisation="wijkcentrum de brug",
    )
    assert Invitation.objects.get(email="b@example.org").organisation == organisation
    assert Organisation.objects.filter(name__iexact="wijkcentrum de brug").count() == 1


def test_people_see_only_the_organisations_of_their_own_networks(client):
    world = build_world()
    secret = OrganisationFactory(name="Geheime Stichting Noord")
    elsewhere = MembershipFactory(organisation=secret, roles=[Role.TREKKER])
    client.force_login(world.user(Role.TREKKER))
    invite = client.get(reverse("member_invite", args=[world.network.slug])).text
    create = client.get(reverse("network_create")).text
    member = world.members[Role.DEELNEMER]
    assert member.organisation.name in invite and member.organisation.name in create
    assert "Geheime Stichting Noord" not in invite and "Geheime Stichting Noord" not in create
    # Someone in no network at all sees none, and may name their own.
    client.force_login(UserFactory())
    create = client.get(reverse("network_create")).text
    assert member.organisation.name not in create and "my_new_organisation" in create
    client.force_login(elsewhere.user)
    assert "Geheime Stichting Noord" in client.get(reverse("network_create")).text


def test_a_trekker_names_an_organisation_that_is_not_in_the_list(client, trekker):
    client.force_login(trekker)
    client.post(reverse("network_create"), _network_form(my_new_organisation="Buurtkracht"))
    membership = Membership.objects.get(user=trekker)
    assert membership.organisation.name == "Buurtkracht"
    assert membership.organisation.perspective == "beleid"  # the trekker's perspective
    both = client.post(
        reverse("network_create"),
        _network_form(
            name="Nog een", my_new_organisation="X", my_organisation=membership.organisation.pk
        ),
    )
    assert "niet allebei" in both.text
