import pytest
from django.core.management import CommandError, call_command

from liso.demo import DEMO_PASSWORD, DEMO_PEOPLE
from liso.models import User

pytestmark = pytest.mark.django_db


def test_demo_loader_makes_the_readme_accounts_and_runs_twice_without_change(settings):
    settings.DEBUG = True
    call_command("load_demo")
    first = list(User.objects.order_by("email").values_list("email", "full_name", "password"))
    call_command("load_demo")
    second = list(User.objects.order_by("email").values_list("email", "full_name", "password"))
    assert first == second
    assert [email for email, *_ in first] == sorted(email for email, _ in DEMO_PEOPLE)
    for email, _ in DEMO_PEOPLE:
        assert User.objects.get(email=email).check_password(DEMO_PASSWORD)


def test_demo_loader_refuses_to_run_in_production(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo")
    assert not User.objects.exists()
