"""Issue 18, part 4: no silent lost update. Every edit form the network shares, and one's
own reflection, is opened twice (two people, or one person in two tabs); the first save
goes through, the second from the outdated copy is told what the other saved, keeps its
own text in the form and saves nothing, and a deliberate second try then does save."""

import re
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse

from bijeenkomsten.models import ActionPoint, NetworkPreparationStep, PreparationTask
from liso.method import Role
from networks.models import Membership, Network
from phases.models import Barrier, Reflection
from tests.forms import sent_back
from tests.networks.world import build_world

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Case:
    url_name: str
    kwargs: dict  # URL kwarg -> placeholder of the test world
    role: str  # who edits
    field: str  # the form field typed in
    model: type
    item: str  # placeholder of the object edited


CASES = {
    "network settings": Case("network_edit", {}, Role.TREKKER, "vraagstuk", Network, "<n>"),
    "member": Case(
        "member_edit", {"pk": "<m>"}, Role.TREKKER, "lid-support_needed", Membership, "<m>"
    ),
    "preparation task": Case(
        "task_edit",
        {"session_pk": "<session>", "pk": "<task>"},
        Role.PROCESBEGELEIDER,
        "explanation",
        PreparationTask,
        "<task>",
    ),
    "action point": Case(
        "action_edit",
        {"pk": "<session>", "action": "<action>"},
        Role.PROCESBEGELEIDER,
        "what",
        ActionPoint,
        "<action>",
    ),
    "barrier": Case(
        "barrier_edit",
        {"pk": "<product>", "barrier": "<barrier>"},
        Role.DEELNEMER,
        "remedy",
        Barrier,
        "<barrier>",
    ),
    "preparation step": Case(
        "preparation_step_edit",
        {"pk": "<step>"},
        Role.PROCESBEGELEIDER,
        "explanation",
        NetworkPreparationStep,
        "<step>",
    ),
    "own reflection": Case(
        "reflection_edit",
        {"pk": "<reflection>"},
        Role.DEELNEMER,
        "text",
        Reflection,
        "<reflection>",
    ),
}


def _tab(world, role, url) -> tuple[Client, dict]:
    """A tab with the edit form open: its client and what the form holds."""
    tab = Client()
    tab.force_login(world.user(role))
    page = tab.get(url)
    assert page.status_code == 200
    return tab, sent_back(page.context["form"])


@pytest.mark.parametrize("case", CASES)
def test_a_save_from_an_outdated_copy_is_told_and_loses_nothing(case):
    case = CASES[case]
    world = build_world()
    places = {**world.startup, "<n>": world.network.pk, "<m>": world.members[Role.DEELNEMER].pk}
    kwargs = {key: places[place] for key, place in case.kwargs.items()}
    url = reverse(case.url_name, kwargs={"slug": world.network.slug, **kwargs})
    first, first_data = _tab(world, case.role, url)
    second, second_data = _tab(world, case.role, url)
    field = case.field
    model_field = field.removeprefix("lid-")
    stored = case.model.objects.filter(pk=places[case.item])

    saved = first.post(url, {**first_data, field: "Wat de eerste opsloeg."})
    assert saved.status_code == 302
    refused = second.post(url, {**second_data, field: "Wat de tweede typte."})

    assert refused.status_code == 200
    body = refused.content.decode()
    assert "Dit is intussen opgeslagen, door iemand anders of in een ander venster" in body
    assert "Wat de eerste opsloeg." in body  # what the other person saved
    assert "Wat de tweede typte." in body  # this person's text, still in the form
    assert getattr(stored.get(), model_field) == "Wat de eerste opsloeg."

    # Saving the refused form again is a deliberate choice, and works.
    again = sent_back(refused.context["form"])
    assert second.post(url, again).status_code == 302
    assert getattr(stored.get(), model_field) == "Wat de tweede typte."


def test_a_version_field_in_the_page_is_what_the_check_reads():
    world = build_world()
    client = Client()
    client.force_login(world.user(Role.TREKKER))
    page = client.get(reverse("network_edit", args=[world.network.slug])).content.decode()
    assert re.search(r'<input type="hidden" name="version" value="0"', page)
