"""The reference content: loaded idempotently from fixtures/, complete and consistent."""

import shutil

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from bijeenkomsten.models import PreparationStep
from kernelements.models import Aandachtspunt, Kernelement, Struikelblok
from liso import catalogue, method
from networks.models import ChecklistItem, PerspectiveProfile, RoleProfile
from phases.models import Phase, ReflectionPrompt
from werkvormen.models import LabelKind, Werkvorm, WerkvormLabel

pytestmark = pytest.mark.django_db

# The werkvormen the handbook names, three for each phase (chapter 2).
HANDBOOK_WERKVORMEN = {
    "woordenlijst-maken",
    "elevatorpitch",
    "evolutie-van-het-vraagstuk",
    "aan-de-slag-met-experimenten",
    "effecten-monitoren",
    "leren-van-voorbeelden",
    "gelaagd-leren",
    "spiraal-tekenen",
    "verandering-aanjagen",
}

CATALOGUE_MODELS = [
    Werkvorm,
    WerkvormLabel,
    Phase,
    PreparationStep,
    ReflectionPrompt,
    Kernelement,
    Aandachtspunt,
    Struikelblok,
    RoleProfile,
    PerspectiveProfile,
    ChecklistItem,
]


def _empty_catalogue():
    for model in reversed(CATALOGUE_MODELS):
        model.objects.all().delete()


def _snapshot():
    """Every row of every catalogue table, with its many-to-many links, as plain data."""
    snapshot = {}
    for model in CATALOGUE_MODELS:
        rows = []
        for obj in model.objects.order_by("pk"):
            row = {f.attname: getattr(obj, f.attname) for f in model._meta.concrete_fields}
            for m2m in model._meta.many_to_many:
                row[m2m.name] = sorted(getattr(obj, m2m.name).values_list("pk", flat=True))
            rows.append(row)
        snapshot[model.__name__] = rows
    return snapshot


def test_loading_into_an_empty_database_twice_changes_nothing_the_second_time():
    _empty_catalogue()
    first = catalogue.load_all()
    assert first.changed > 100
    after_first = _snapshot()
    second = catalogue.load_all()
    assert second.changed == 0
    assert _snapshot() == after_first


def test_a_shipped_item_is_brought_back_and_a_platform_item_left_alone():
    speeddaten = Werkvorm.objects.get(code="speeddaten")
    speeddaten.name = "Speeddaten (aangepast)"
    speeddaten.save()
    speeddaten.labels.filter(kind=LabelKind.DIMENSIE).delete()
    own = Werkvorm.objects.create(
        code="wandelgesprek",
        name="Wandelgesprek",
        summary="Praten tijdens een wandeling.",
        wat="x",
        wanneer="y",
        opbrengst="z",
        duration_min=30,
        duration_max=60,
        group_min=2,
    )
    catalogue.load_all()
    speeddaten.refresh_from_db()
    assert speeddaten.name == "Speeddaten"
    assert speeddaten.label_values(LabelKind.DIMENSIE) == [method.Dimension.VERTROUWEN]
    own.refresh_from_db()
    assert (own.name, own.shipped) == ("Wandelgesprek", False)


def test_the_command_loads_and_reports(capsys):
    call_command("load_catalogue")
    assert "Catalogue loaded (0 changes)" in capsys.readouterr().out


def test_a_broken_fixture_file_is_named_with_its_problem(tmp_path, monkeypatch):
    shutil.copytree(catalogue.fixtures_dir(), tmp_path / "fixtures")
    broken = tmp_path / "fixtures" / "werkvormen" / "speeddaten.toml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("naam =", "titel ="))
    monkeypatch.setattr(catalogue, "fixtures_dir", lambda: tmp_path / "fixtures")
    with pytest.raises(CommandError, match=r"speeddaten\.toml: missing naam"):
        call_command("load_catalogue", "--check")


def test_every_kernelement_has_its_three_aandachtspunten():
    assert list(Kernelement.objects.values_list("code", flat=True)) == method.Kernelement.values
    for kernelement in Kernelement.objects.all():
        codes = list(kernelement.aandachtspunten.values_list("code", flat=True))
        assert codes == list(method.AANDACHTSPUNTEN[kernelement.code])


def test_every_dimension_has_a_werkvorm_for_the_start_and_for_a_running_network():
    for dimension in method.Dimension:
        for stage in method.Stage:
            matches = Werkvorm.objects.with_label(LabelKind.DIMENSIE, dimension).with_label(
                LabelKind.STADIUM, stage
            )
            assert matches.count() == 1, (dimension, stage)


def _fixture_links(relative_folder, key="werkvormen"):
    return {code: data[key] for code, data, _ in catalogue.read_folder(relative_folder)}


def test_every_werkvorm_a_struikelblok_names_exists_and_is_linked():
    for code, werkvorm_codes in _fixture_links("struikelblokken").items():
        struikelblok = Struikelblok.objects.get(code=code)
        linked = sorted(struikelblok.werkvormen.values_list("code", flat=True))
        assert linked == sorted(werkvorm_codes)
        assert linked, f"struikelblok {code} names no werkvorm"


def test_every_phase_has_its_three_handbook_werkvormen_labelled_with_that_phase():
    for phase in Phase.objects.all():
        core = list(phase.werkvormen.all())
        assert len(core) == 3
        for werkvorm in core:
            assert str(phase.number) in werkvorm.label_values(LabelKind.FASE), werkvorm.code


def test_every_werkvorm_says_where_it_fits_and_how_it_works():
    for werkvorm in Werkvorm.objects.prefetch_related("labels"):
        assert werkvorm.label_values(LabelKind.FASE), werkvorm.code
        assert werkvorm.label_values(LabelKind.KERNELEMENT), werkvorm.code
        assert werkvorm.tijdens, werkvorm.code
        assert werkvorm.duration_min <= werkvorm.duration_max


def test_the_catalogue_holds_what_the_method_names():
    codes = set(Werkvorm.objects.values_list("code", flat=True))
    handbook = HANDBOOK_WERKVORMEN
    public_private = {
        "brainstormen",
        "verankeren",
        "speeddaten",
        "successen-delen",
        "roulerende-facilitator",
        "co-facilitatie",
        "reflectie",
        "reflectieve-dialoog",
        "praktijkcase",
        "oefenmarkt",
    }
    named = {
        "intervisie",
        "co-creatie",
        "design-thinking",
        "learning-histories",
        "reflexieve-monitoring",
    }
    assert handbook | public_private | named <= codes
    assert list(Struikelblok.objects.values_list("number", flat=True)) == list(range(1, 10))
    assert set(RoleProfile.objects.values_list("code", flat=True)) == set(method.Role.values)
    assert set(PerspectiveProfile.objects.values_list("code", flat=True)) == set(
        method.Perspective.values
    )
    assert ChecklistItem.objects.filter(checklist=ChecklistItem.Checklist.START).count() == 5
    assert ChecklistItem.objects.filter(checklist=ChecklistItem.Checklist.AFSLUITING).exists()
    assert PreparationStep.objects.count() == 15
    for kernelement in method.Kernelement:
        assert ReflectionPrompt.objects.filter(kernelement=kernelement).exists()
    for level in method.ReflectionLevel:
        assert ReflectionPrompt.objects.filter(level=level).exists()


def test_role_hours_follow_the_handbook_norms():
    hours = dict(RoleProfile.objects.values_list("code", "min_hours_per_week"))
    assert hours["deelnemer"] == 4
    assert hours["verbindingsfunctionaris"] == 8
    assert hours["trekker"] == hours["procesbegeleider"] == 8


def test_preparation_template_matches_the_handbook_timeline():
    steps = {s.code: s for s in PreparationStep.objects.all()}
    assert min(s.weeks for s in steps.values()) == -12
    assert max(s.weeks for s in steps.values()) == 2
    roles = {s.role for s in steps.values()}
    assert roles == {"trekker", "procesbegeleider", "projectassistent"}


def test_all_apps_with_catalogue_content_registered_a_loader():
    names = [part.name for part in catalogue.parts()]
    assert names == ["networks", "werkvormen", "bijeenkomsten", "phases", "kernelements"]
    assert all(apps.is_installed(name) for name in names)
