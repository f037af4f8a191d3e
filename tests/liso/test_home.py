"""The logged-in home page answers "what is next for me": invitations waiting for an
answer, the next sessions with one's own answer, tasks, experiments in progress, and for
someone in no network what to do."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from bijeenkomsten.models import Registration, Session
from liso.method import Role
from phases.models import Experiment
from tests.kernelements.world import answer_all
from tests.liso.factories import UserFactory
from tests.liso.home_world import (
    a_network_invitation,
    a_session,
    an_experiment,
    an_open_scan,
    invite,
)
from tests.networks.factories import MembershipFactory, NetworkFactory

pytestmark = pytest.mark.django_db

Answer = Registration.Answer


def _section(html: str, heading_id: str) -> str:
    """The text of the home page's section under the heading with this id ("" if none)."""
    found = re.search(rf'id="{heading_id}">(.*?)</section>', html, re.S)
    return found.group(1) if found else ""


def _home(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def priya(db):
    """A deelnemer of one network, with a colleague in it."""
    membership = MembershipFactory(
        user=UserFactory(full_name="Priya Ramdin"), roles=[Role.DEELNEMER]
    )
    membership.colleague = MembershipFactory(network=membership.network)
    return membership


def test_a_deelnemer_sees_the_session_she_is_invited_to_with_her_answer(client, priya):
    session = a_session(priya.network, days=20, theme="Experimenten kiezen")
    invite(session, priya, Answer.KOMT)
    full = a_session(priya.network, days=30, theme="Vol is vol")
    invite(full, priya, Answer.KOMT, waiting=True)
    declined = a_session(priya.network, days=40, theme="Zonder mij")
    invite(declined, priya, Answer.KOMT_NIET)
    html = _home(client, priya.user)
    sessions = _section(html, "mijn-volgende-bijeenkomsten")
    assert reverse("session_detail", args=[priya.network.slug, session.pk]) in sessions
    assert "Experimenten kiezen" in sessions and priya.network.name in sessions
    assert "Wijkcentrum De Brug" in sessions and "13:30–16:30" in sessions
    answers = re.findall(r'liso-tag">([^<]+)<', sessions)
    assert answers == ["Aangemeld", "Op de wachtlijst", "Afgemeld"]
    assert "Er wacht nu niets op je" not in html


def test_an_unanswered_invitation_waits_with_its_answers_and_goes_once_answered(client, priya):
    session = a_session(priya.network, days=20, theme="Experimenten kiezen")
    invite(session, priya)
    html = _home(client, priya.user)
    waiting = _section(html, "wacht-op-je-antwoord")
    answer_url = reverse("session_answer", args=[priya.network.slug, session.pk])
    assert "Experimenten kiezen" in waiting and f'action="{answer_url}"' in waiting
    assert 'name="answer" value="komt"' in waiting and 'value="komt-niet"' in waiting
    assert "Nog niet geantwoord" in _section(html, "mijn-volgende-bijeenkomsten")

    response = client.post(answer_url, {"answer": "komt", "terug": "home"})
    assert response.url == reverse("home")
    assert Registration.objects.get(session=session, membership=priya).answer == Answer.KOMT
    html = client.get(reverse("home")).content.decode()
    assert _section(html, "wacht-op-je-antwoord") == ""
    assert "Aangemeld" in _section(html, "mijn-volgende-bijeenkomsten")


def test_answering_on_the_session_page_still_goes_back_to_the_session(client, priya):
    session = a_session(priya.network)
    invite(session, priya)
    client.force_login(priya.user)
    url = reverse("session_answer", args=[priya.network.slug, session.pk])
    response = client.post(url, {"answer": "misschien"})
    assert response.url == reverse("session_detail", args=[priya.network.slug, session.pk])


def test_past_cancelled_and_uninvited_sessions_are_not_next_for_a_deelnemer(client, priya):
    invite(a_session(priya.network, days=-1, theme="Gisteren geweest"), priya)
    cancelled = a_session(priya.network, theme="Afgelast", status=Session.Status.AFGELAST)
    invite(cancelled, priya)
    a_session(priya.network, theme="Niet voor mij")  # planned, but she is not invited
    html = _home(client, priya.user)
    for theme in ("Gisteren geweest", "Afgelast", "Niet voor mij"):
        assert theme not in html
    assert _section(html, "mijn-volgende-bijeenkomsten") == ""
    assert _section(html, "wacht-op-je-antwoord") == ""


def test_sessions_of_a_network_she_left_or_that_is_archived_are_not_shown(client, priya):
    invite(a_session(priya.network, theme="Waar ik wegging"), priya)
    priya.left_on = date.today()
    priya.save()
    archived = MembershipFactory(
        user=priya.user, network=NetworkFactory(archived_at=timezone.now())
    )
    invite(a_session(archived.network, theme="In het archief"), archived)
    an_experiment(archived.network, [archived], title="Gearchiveerd experiment")
    html = _home(client, priya.user)
    assert "Waar ik wegging" not in html and "In het archief" not in html
    assert "Gearchiveerd experiment" not in html
    assert "Er wacht nu niets op je" in html


def test_a_trekker_sees_every_session_planned_in_her_network(client, priya):
    trekker = MembershipFactory(network=priya.network, roles=[Role.TREKKER])
    a_session(priya.network, theme="Nog niemand uitgenodigd", status=Session.Status.CONCEPT)
    sessions = _section(_home(client, trekker.user), "mijn-volgende-bijeenkomsten")
    assert "Nog niemand uitgenodigd" in sessions and "concept" in sessions
    assert "Nog niet geantwoord" in sessions
    client.logout()
    assert "Nog niemand uitgenodigd" not in _home(client, priya.user)


def test_only_the_first_five_sessions_show_with_a_way_to_the_rest(client, priya):
    trekker = MembershipFactory(network=priya.network, roles=[Role.TREKKER])
    for days in range(1, 8):
        a_session(priya.network, days=days, theme=f"Bijeenkomst op dag {days}")
    sessions = _section(_home(client, trekker.user), "mijn-volgende-bijeenkomsten")
    assert "Bijeenkomst op dag 5" in sessions and "Bijeenkomst op dag 6" not in sessions
    assert reverse("session_list", args=[priya.network.slug]) in sessions


def test_her_running_experiment_shows_with_its_next_step_and_not_someone_elses(client, priya):
    running = an_experiment(priya.network, [priya, priya.colleague], title="Keukentafel")
    an_experiment(priya.network, [priya.colleague], title="Van een ander")
    an_experiment(priya.network, [priya], status=Experiment.Status.KLAAR, title="Al klaar")
    html = _home(client, priya.user)
    mine = _section(html, "mijn-experimenten")
    detail = reverse("experiment_detail", args=[priya.network.slug, running.pk])
    assert "Keukentafel" in mine and f'href="{detail}#waarnemingen"' in mine
    assert "voeg een waarneming toe" in mine
    assert "Van een ander" not in html and "Al klaar" not in html


def test_an_experiment_past_its_weeks_asks_for_the_outcome_and_a_planned_one_to_start(
    client, priya
):
    done = an_experiment(
        priya.network,
        [priya],
        title="Tijd is om",
        starts_on=date.today() - timedelta(weeks=7),
        weeks=6,
    )
    planned = an_experiment(
        priya.network, [priya], status=Experiment.Status.PLAN, title="Nog te starten"
    )
    mine = _section(_home(client, priya.user), "mijn-experimenten")
    assert reverse("experiment_outcome", args=[priya.network.slug, done.pk]) in mine
    assert "Schrijf de uitkomst op" in mine
    assert reverse("experiment_detail", args=[priya.network.slug, planned.pk]) in mine
    assert "Start het experiment" in mine
    assert mine.index("Tijd is om") < mine.index("Nog te starten")  # running ones first


def test_an_open_zelfscan_waits_until_she_filled_it_in(client, priya):
    scan_round = an_open_scan(priya.network, priya.colleague.user)
    waiting = _section(_home(client, priya.user), "wacht-op-je-antwoord")
    assert reverse("scan_answer", args=[priya.network.slug, scan_round.pk]) in waiting
    answer_all(scan_round, priya, 4)
    assert _section(client.get(reverse("home")).content.decode(), "wacht-op-je-antwoord") == ""


def test_an_invitation_to_join_a_network_points_to_its_mail(client, deelnemer):
    network = NetworkFactory(name="Samen tegen eenzaamheid")
    inviter = UserFactory(full_name="Fatima El Amrani")
    a_network_invitation(network, deelnemer.email.upper(), inviter)
    expired = a_network_invitation(NetworkFactory(name="Verlopen"), deelnemer.email, inviter)
    expired.expires_at = timezone.now() - timedelta(days=1)
    expired.save()
    revoked = a_network_invitation(NetworkFactory(name="Ingetrokken"), deelnemer.email, inviter)
    revoked.revoked_at = timezone.now()
    revoked.save()
    a_network_invitation(NetworkFactory(name="Voor een ander"), "ander@example.org", inviter)
    html = _home(client, deelnemer)
    waiting = _section(html, "wacht-op-je-antwoord")
    assert "Samen tegen eenzaamheid" in waiting and "Fatima El Amrani" in waiting
    assert "Open de link in die e-mail" in waiting
    for name in ("Verlopen", "Ingetrokken", "Voor een ander"):
        assert name not in html


def test_someone_in_no_network_reads_what_to_do_and_that_nothing_waits(client, deelnemer):
    html = _home(client, deelnemer)
    assert "Er wacht nu niets op je" in html
    networks = _section(html, "mijn-netwerken")
    assert "Wacht op een uitnodiging" in networks and deelnemer.email in networks
    assert "Start zelf een netwerk" in networks
    assert f'href="{reverse("network_create")}"' in networks
    for heading in ("wacht-op-je-antwoord", "mijn-volgende-bijeenkomsten", "mijn-experimenten"):
        assert _section(html, heading) == ""


def test_what_is_next_comes_before_the_networks(client, priya):
    invite(a_session(priya.network), priya)
    an_experiment(priya.network, [priya])
    html = _home(client, priya.user)
    order = [
        html.index(f'id="{heading}"')
        for heading in (
            "wacht-op-je-antwoord",
            "mijn-volgende-bijeenkomsten",
            "mijn-experimenten",
            "mijn-netwerken",
            "even-reflecteren",
        )
    ]
    assert order == sorted(order)


@pytest.mark.parametrize(
    "role, plans",
    [
        (Role.TREKKER, True),
        (Role.PROCESBEGELEIDER, True),
        (Role.PROJECTASSISTENT, True),
        (Role.COMMUNICATIEADVISEUR, False),
        (Role.VERBINDINGSFUNCTIONARIS, False),
        (Role.DEELNEMER, False),
    ],
)
def test_those_who_plan_sessions_see_them_before_anyone_is_invited(client, role, plans):
    member = MembershipFactory(roles=[role])
    a_session(member.network, theme="Nog niemand uitgenodigd")
    assert ("Nog niemand uitgenodigd" in _home(client, member.user)) is plans


def test_platform_staff_find_their_way_to_the_beheer(client):
    staff = UserFactory(is_staff=True)
    html = _home(client, staff)
    assert reverse("admin:index") in html and reverse("network_import") in html
    client.logout()
    assert reverse("network_import") not in _home(client, UserFactory())
