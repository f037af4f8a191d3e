import pytest
from django.core.management import CommandError, call_command

from liso.demo import DEMO_PASSWORD, DEMO_PEOPLE
from liso.models import User
from networks.models import Invitation, Membership, Network

pytestmark = pytest.mark.django_db


def _demo_state():
    return (
        list(User.objects.order_by("email").values_list("email", "full_name", "password")),
        list(Membership.objects.order_by("pk").values_list("network__slug", "user__email")),
        Network.objects.count(),
        Invitation.objects.count(),
    )


def test_demo_loader_makes_the_readme_accounts_and_runs_twice_without_change(settings):
    settings.DEBUG = True
    call_command("load_demo")
    first = _demo_state()
    call_command("load_demo")
    assert _demo_state() == first
    for email, _ in DEMO_PEOPLE:
        assert User.objects.get(email=email).check_password(DEMO_PASSWORD)


def test_the_demo_network_has_every_perspective_but_one_and_a_pending_invitation(settings):
    settings.DEBUG = True
    call_command("load_demo")
    network = Network.objects.get(slug="jeugdhulp-dichtbij")
    members = network.memberships.filter(left_on__isnull=True)
    assert members.count() == 12
    perspectives = set(members.values_list("perspective", flat=True))
    assert len(perspectives) == 5  # the financier is still being invited
    assert network.invitations.filter(accepted_at__isnull=True).count() == 1
    roles = {r for m in members for r in m.role_codes()}
    assert {"trekker", "procesbegeleider", "deelnemer"} <= roles


def test_demo_loader_refuses_to_run_in_production(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo")
    assert not User.objects.exists()
