"""A network with one member in each role, plus the people who must not get in: the
test world of the access matrix and of the network tests."""

from dataclasses import dataclass
from datetime import date, timedelta

from liso.method import Role
from networks import services
from networks.models import Invitation, Membership, Network
from tests.access import A_MEMBER, AN_INVITATION, THE_NETWORK
from tests.bijeenkomsten.world import build_sessions
from tests.kernelements.world import build_health
from tests.liso.factories import UserFactory
from tests.networks.factories import MembershipFactory, NetworkFactory
from tests.opstart.world import build_startup
from tests.phases.world import build_journey
from tests.werkvormen.world import build_own_werkvormen

ACTORS = [*Role.values, "buitenstaander", "vertrokken", "anoniem"]


@dataclass
class World:
    network: Network
    members: dict  # role -> Membership
    outsider: object
    left: object
    invitation: Invitation
    token: str  # the link's token of that invitation
    # placeholder -> pk of the start-up's and the sessions' objects (tests/opstart/world.py,
    # tests/bijeenkomsten/world.py)
    startup: dict

    def user(self, actor):
        if actor in self.members:
            return self.members[actor].user
        return {"buitenstaander": self.outsider, "vertrokken": self.left}.get(actor)

    def kwargs(self, kwargs: dict) -> dict:
        values = {
            THE_NETWORK: self.network.slug,
            A_MEMBER: self.members[Role.DEELNEMER].pk,
            AN_INVITATION: self.invitation.pk,
            **self.startup,
        }
        return {key: values.get(value, value) for key, value in kwargs.items()}


def build_world() -> World:
    network = NetworkFactory(name="Jeugdhulp dichtbij", slug="jeugdhulp-dichtbij")
    members = {
        role: MembershipFactory(
            network=network,
            user=UserFactory(email=f"{role}@netwerk.example.org", full_name=f"Lid {role}"),
            roles=[role],
        )
        for role in Role.values
    }
    other = NetworkFactory(name="Ander netwerk", slug="ander-netwerk")
    outsider = MembershipFactory(network=other).user
    left = MembershipFactory(network=network, left_on=date.today() - timedelta(days=3)).user
    invitation, token = services.invitation_create(
        network=network,
        invited_by=members[Role.TREKKER].user,
        email="nieuw@example.org",
        full_name="Nieuw Lid",
        roles=[Role.DEELNEMER],
        perspective="praktijk",
    )
    startup = {
        **build_startup(network, members),
        **build_sessions(network, members),
        **build_own_werkvormen(network),
        **build_journey(network, members),
        **build_health(network, members),
    }
    return World(network, members, outsider, left, invitation, token, startup)


def membership_of(world, actor) -> Membership | None:
    return world.members.get(actor)
