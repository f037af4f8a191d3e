"""Faithful to the method: every item of the catalogue names its true source, the pages
show it, and what the platform added is marked as the platform's (liso/sources.py)."""

import shutil

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.urls import reverse

from liso import catalogue
from liso.method import Role
from liso.sources import Addition, Source, Sourced
from tests.networks.world import build_world
from tests.werkvormen.test_catalogue import HANDBOOK_WERKVORMEN
from tests.werkvormen.world import own_werkvorm
from werkvormen.models import Werkvorm

pytestmark = pytest.mark.django_db


def _catalogue_models():
    return [model for model in apps.get_models() if issubclass(model, Sourced)]


def test_every_catalogue_item_names_a_source_from_the_list():
    names = {model.__name__ for model in _catalogue_models()}
    assert names == {
        "Werkvorm",
        "Kernelement",
        "Aandachtspunt",
        "Struikelblok",
        "Phase",
        "ReflectionPrompt",
        "PreparationStep",
        "RoleProfile",
        "PerspectiveProfile",
        "ChecklistItem",
    }
    shipped_sources = set(Source.values) - {Source.NETWERK}
    for model in _catalogue_models():
        items = model.objects.all()
        if model is Werkvorm:
            items = items.filter(shipped=True)
        assert items.exists(), model.__name__
        for item in items:
            assert item.source in shipped_sources, (model.__name__, item)
            assert set(item.additions) <= set(Addition.values), (model.__name__, item)
            if item.source != Source.PLATFORM:
                assert item.source_detail, (model.__name__, item)


def test_casusbespreking_and_bedoeling_verkennen_are_the_platforms_own_not_the_methods():
    for code in ("casusbespreking", "bedoeling-verkennen"):
        werkvorm = Werkvorm.objects.get(code=code)
        assert werkvorm.source == Source.PLATFORM
        assert not werkvorm.from_method


def test_the_methods_werkvormen_name_where_they_come_from_and_what_the_platform_added():
    sources = dict(Werkvorm.objects.filter(shipped=True).values_list("code", "source"))
    assert {code for code, source in sources.items() if source == Source.HANDBOEK} == (
        HANDBOOK_WERKVORMEN
    )
    assert sources["speeddaten"] == sources["oefenmarkt"] == Source.FACTSHEET
    assert sources["intervisie"] == Source.WEBSITE
    # No source gives a duration or a group size: those are always the platform's.
    for werkvorm in Werkvorm.objects.filter(shipped=True).exclude(source=Source.PLATFORM):
        assert {Addition.DUUR, Addition.GROEPSGROOTTE} <= set(werkvorm.additions), werkvorm


def test_the_wat_werkt_lists_and_the_review_questions_are_marked_as_the_platforms():
    from kernelements.models import Aandachtspunt
    from phases.models import ReflectionPrompt

    for aandachtspunt in Aandachtspunt.objects.exclude(code="goede-werkvormen"):
        assert Addition.WAT_WERKT in aandachtspunt.additions, aandachtspunt
    yearly = ReflectionPrompt.objects.exclude(kernelement="")
    assert set(yearly.values_list("source", flat=True)) == {Source.PLATFORM}


def test_a_werkvorm_page_shows_its_source_and_the_platforms_additions(client, deelnemer):
    client.force_login(deelnemer)
    page = client.get(reverse("werkvorm_detail", args=["elevatorpitch"])).text
    assert "Bron:" in page
    assert "LISO-handboek, hoofdstuk 2, werkvormen bij fase 1" in page
    assert "Aanvulling van het platform:" in page
    assert "de duur, de groepsgrootte" in page
    own = client.get(reverse("werkvorm_detail", args=["casusbespreking"])).text
    assert "Eigen aanvulling van het platform, niet uit de LISO-bronnen" in own
    assert "LISO-handboek" not in own and "LISO-werkwijze" not in own


def test_a_networks_own_werkvorm_is_named_as_the_networks(client):
    world = build_world()
    werkvorm = own_werkvorm(
        world.network,
        name="Buurtpraat",
        code="buurtpraat-abc123",
        source=Source.NETWERK,
        source_detail="Buurtteam Oost",
    )
    assert werkvorm.source_text == f"Eigen werkvorm van {world.network.name}"
    client.force_login(world.user(Role.DEELNEMER))
    page = client.get(reverse("werkvorm_detail", args=[werkvorm.code])).text
    assert "Buurtteam Oost" in page
    assert "Eigen aanvulling van het platform" not in page


def test_a_werkvorm_a_network_makes_is_its_own_and_does_not_copy_the_methods_source(client):
    world = build_world()
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    url = reverse("own_werkvorm_create", args=[world.network.slug]) + "?van=elevatorpitch"
    form = client.get(url).context["form"]
    assert form["source_detail"].value() in ("", None)
    data = {
        "version": 0,
        "name": "Pitch in de wijk",
        "summary": "Onze pitch.",
        "wat": "Een korte pitch.",
        "duration_min": 20,
        "duration_max": 30,
        "group_min": 2,
        "group_max": "",
        "tijdens": "Vertel vijf minuten.",
        "fasen": ["1"],
        "kernelementen": ["synergie-in-samenwerking"],
    }
    assert client.post(url, data).status_code == 302
    made = Werkvorm.objects.get(name="Pitch in de wijk")
    assert (made.source, made.source_detail) == (Source.NETWERK, "")


def _fixtures_copy(tmp_path, monkeypatch):
    shutil.copytree(catalogue.fixtures_dir(), tmp_path / "fixtures")
    monkeypatch.setattr(catalogue, "fixtures_dir", lambda: tmp_path / "fixtures")
    return tmp_path / "fixtures"


def test_load_catalogue_refuses_an_unknown_source(tmp_path, monkeypatch):
    fixtures = _fixtures_copy(tmp_path, monkeypatch)
    file = fixtures / "werkvormen" / "casusbespreking.toml"
    file.write_text(file.read_text().replace('bron = "platform"', 'bron = "wikipedia"'))
    with pytest.raises(CommandError, match=r"casusbespreking\.toml: unknown bron wikipedia"):
        call_command("load_catalogue", "--check")


def test_load_catalogue_refuses_an_item_without_a_source_or_with_an_unknown_addition(
    tmp_path, monkeypatch
):
    fixtures = _fixtures_copy(tmp_path, monkeypatch)
    file = fixtures / "struikelblokken" / "overvolle-sessies.toml"
    original = file.read_text()
    file.write_text(original.replace('bron = "handboek"\n', ""))
    with pytest.raises(CommandError, match=r"overvolle-sessies\.toml: missing bron"):
        call_command("load_catalogue", "--check")
    file.write_text(original.replace('"enkele-tips"', '"plaatjes"'))
    with pytest.raises(CommandError, match=r"unknown aanvulling plaatjes"):
        call_command("load_catalogue", "--check")
    steps = fixtures / "voorbereiding.toml"
    steps.write_text(steps.read_text().replace('bron = "handboek"', 'bron = "netwerk"', 1))
    file.write_text(original)
    with pytest.raises(CommandError, match=r"voorbereiding\.toml \[\[taak\]\] #1: unknown bron"):
        call_command("load_catalogue", "--check")
