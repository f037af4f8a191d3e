"""Search inside a network: one box finds every kind of content in one query, shows the
words found, and never what the searcher may not see."""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kernelements.models import Decision
from liso.contributions import SEARCH_SOURCES, contributions
from liso.method import Role
from liso.models import User
from networks.models import Network
from phases.models import Reflection
from tests.networks.factories import NetworkFactory
from tests.networks.world import build_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalogue")]


def _search(client, network, query):
    return client.get(reverse("network_search", args=[network.slug]), {"q": query})


def _a_word_of(text: str) -> str:
    """A long word of the text: one the search should find it by."""
    return max(re.findall(r"[^\W\d_]+", text), key=len)


def test_every_kind_of_content_in_the_demo_is_found_by_one_of_its_words(client):
    call_command("load_demo", allow_without_debug=True)
    network = Network.objects.get(slug="jeugdhulp-dichtbij")
    trekker = User.objects.get(email="trekker@example.org")
    membership = network.memberships.get(user=trekker)
    client.force_login(trekker)
    for source in contributions(SEARCH_SOURCES):
        row = source.rows(network, membership).exclude(**{source.fields[0]: ""}).first()
        assert row is not None, f"the demo has no {source.kind}"
        word = _a_word_of(getattr(row, source.fields[0]))
        page = _search(client, network, word)
        labels = {(r.label, r.url) for r in page.context["results"]}
        key = getattr(row, source.key) if "__" not in source.key else None
        assert any(label == source.label for label, _url in labels), (source.kind, word)
        assert "<mark>" in page.text
        days = [r.day for r in page.context["results"]]
        dated = [day for day in days if day is not None]
        assert dated == sorted(dated, reverse=True) and days[: len(dated)] == dated
        if key is not None:
            assert source.url(network, key) in {url for _label, url in labels}


def test_a_private_reflection_is_found_by_its_author_only(client):
    world = build_world()
    author = world.members[Role.DEELNEMER]
    reflection = Reflection.objects.create(
        network=world.network, author=author, level="ik", text="Mijn zeldzaamwoord blijft hier."
    )
    client.force_login(world.user(Role.TREKKER))
    assert _search(client, world.network, "zeldzaamwoord").context["results"] == []
    client.force_login(author.user)
    assert len(_search(client, world.network, "zeldzaamwoord").context["results"]) == 1
    reflection.shared_at = timezone.now()
    reflection.save(update_fields=["shared_at"])
    client.force_login(world.user(Role.TREKKER))
    assert len(_search(client, world.network, "zeldzaamwoord").context["results"]) == 1


def test_another_networks_content_is_not_found_and_markup_stays_text(client):
    world = build_world()
    other = NetworkFactory()
    Decision.objects.create(
        network=world.network,
        title="<script>alert(1)</script> wijkaanpak",
        decided_on=timezone.localdate(),
    )
    Decision.objects.create(
        network=other, title="Geheim besluit wijkaanpak", decided_on=timezone.localdate()
    )
    client.force_login(world.user(Role.TREKKER))
    page = _search(client, world.network, "wijkaanpak")
    assert [r.title for r in page.context["results"]] == ["<script>alert(1)</script> wijkaanpak"]
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;" in page.text


def test_an_empty_short_or_huge_query_finds_nothing_and_breaks_nothing(client):
    world = build_world()
    client.force_login(world.user(Role.TREKKER))
    for query in ("", "   ", "a", "x" * 1_000_000, "' OR 1=1 --", "&|!:*()"):
        response = _search(client, world.network, query)
        assert response.status_code == 200


def test_a_search_is_one_query_whatever_the_size_of_the_network(client):
    from tests.bijeenkomsten.world import grow_sessions
    from tests.kernelements.world import grow_health
    from tests.phases.world import grow_journey

    world = build_world()
    client.force_login(world.user(Role.TREKKER))

    def queries():
        with CaptureQueriesContext(connection) as counted:
            _search(client, world.network, "actie wijk")
        return len(counted)

    small = queries()
    grow_sessions(world.network)
    grow_journey(world.network)
    grow_health(world.network)
    assert small == queries() == 4  # the request's three, and the search
