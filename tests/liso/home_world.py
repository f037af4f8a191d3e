"""What a person's home page is made of: sessions they are invited to, experiments, scan
rounds and invitations to a network, built small for the home page's tests and its query
count."""

from datetime import date, time, timedelta

from django.utils import timezone

from bijeenkomsten.models import Registration, Session
from kernelements.models import ScanRound
from liso.method import Role
from networks import services
from phases.models import Experiment
from tests.networks.factories import MembershipFactory, NetworkFactory


def a_session(network, days=14, theme="Samen verder", **fields) -> Session:
    return Session.objects.create(
        network=network,
        theme=theme,
        date=date.today() + timedelta(days=days),
        start_time=time(13, 30),
        place="Wijkcentrum De Brug",
        version=1,
        **fields,
    )


def invite(session, membership, answer=Registration.Answer.OPEN, **fields) -> Registration:
    now = timezone.now()
    return Registration.objects.create(
        session=session,
        membership=membership,
        invited_at=now,
        answer=answer,
        answered_at=None if answer == Registration.Answer.OPEN else now,
        **fields,
    )


def an_experiment(network, group, status=Experiment.Status.LOOPT, **fields) -> Experiment:
    experiment = Experiment.objects.create(
        network=network,
        title=fields.pop("title", "Gesprekken aan de keukentafel"),
        expectation="Jongeren praten vrijer thuis.",
        change="Gesprekken thuis in plaats van op kantoor.",
        status=status,
        version=1,
        **fields,
    )
    experiment.group.set(group)
    return experiment


def an_open_scan(network, opener) -> ScanRound:
    return ScanRound.objects.create(
        network=network,
        kind=ScanRound.Kind.KERNELEMENTEN,
        opened_on=date.today(),
        closes_on=date.today() + timedelta(days=14),
        opened_by=opener,
    )


def a_network_invitation(network, email, invited_by):
    invitation, _token = services.invitation_create(
        network=network,
        invited_by=invited_by,
        email=email,
        full_name="Nieuw Lid",
        roles=[Role.DEELNEMER],
        perspective="praktijk",
    )
    return invitation


def fill_home(user, networks: int) -> None:
    """`networks` networks of `user` with everything the home page shows, twice over: as
    deelnemer in most, as trekker in some, one archived and one they left; sessions
    invited to and answered, experiments running and planned, open scans, invitations to
    other networks."""
    for n in range(networks):
        role = Role.TREKKER if n % 3 == 0 else Role.DEELNEMER
        network = NetworkFactory(archived_at=timezone.now() if n == 1 else None)
        left = date.today() if n == 2 else None
        membership = MembershipFactory(network=network, user=user, roles=[role], left_on=left)
        other = MembershipFactory(network=network)
        for days in (3, 20, 40):
            session = a_session(network, days=days, theme=f"Bijeenkomst {n}.{days}")
            invite(session, membership, Registration.Answer.OPEN if days == 3 else "komt")
            invite(session, other)
        a_session(network, days=-10, theme=f"Geweest {n}")
        a_session(network, days=60, theme=f"Niet uitgenodigd {n}")
        an_experiment(network, [membership, other], title=f"Experiment {n}")
        an_experiment(network, [membership], status=Experiment.Status.PLAN, title=f"Plan {n}")
        an_experiment(network, [other], title=f"Van een ander {n}")
        an_open_scan(network, other.user)
        a_network_invitation(NetworkFactory(), user.email, other.user)
