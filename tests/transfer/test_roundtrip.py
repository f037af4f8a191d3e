"""A network exported and imported again is the same network: every network-owned table
compared field by field (links followed, uploads byte by byte), with only what a trekker's
export leaves out left out."""

import io
import json
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from liso.method import Role
from networks import history
from networks.models import Network, Organisation
from phases.models import Reflection
from tests.afsluiting.world import grow_closing
from tests.bijeenkomsten.world import grow_sessions
from tests.kernelements.world import grow_health
from tests.networks.world import build_world
from tests.opstart.world import grow_startup
from tests.phases.world import grow_journey
from tests.transfer.snapshot import snapshot
from tests.werkvormen.world import grow_own_werkvormen
from transfer import graph
from transfer.export import write_zip
from transfer.importer import ImportRefused, network_import, read_package

pytestmark = pytest.mark.django_db


def rich_world():
    world = build_world()
    network, trekker = world.network, world.user(Role.TREKKER)
    grow_startup(network, trekker)
    grow_sessions(network)
    grow_own_werkvormen(network)
    grow_journey(network)
    grow_health(network)
    grow_closing(network)
    goal = network.agenda_goals.first()
    history.record_creation(network=network, instance=goal, by=trekker)
    return world


def export_bytes(network) -> bytes:
    buffer = io.BytesIO()
    write_zip(network, buffer)
    return buffer.getvalue()


def import_bytes(content: bytes, slug=None):
    return network_import(package=read_package(io.BytesIO(content)), slug=slug)


def _empty_the_database():
    """What an install holds besides its catalogue: networks, people, organisations."""
    Network.objects.all().delete()
    get_user_model().objects.all().delete()
    Organisation.objects.all().delete()


def test_every_table_that_belongs_to_a_network_is_found():
    labels = {owned.label for owned in graph.owned_models()}
    assert {
        "networks.Network",
        "networks.Membership",
        "networks.Revision",
        "bijeenkomsten.Registration",
        "bijeenkomsten.SessionPhoto",
        "werkvormen.Werkvorm",
        "phases.Reflection",
        "kernelements.ScanAnswer",
        "opstart.Milestone",
        "opstart.Startnotitie",  # one-to-one with its network
        "bijeenkomsten.SessionReport",  # one-to-one with its session
    } <= labels
    # Whatever points at a network, directly or through another row, is found.
    for model in graph.project_models():
        links = [f.related_model for f in model._meta.concrete_fields if f.is_relation]
        if any(graph.is_owned(target) for target in links):
            assert model._meta.label in labels
    # People, organisations and the catalogue are shared, named by a key instead.
    assert not labels & {"liso.User", "networks.Organisation", "phases.Phase"}
    order = [owned.model for owned in graph.owned_models()]
    for owned in graph.owned_models():
        for target in graph.depends_on(owned.model, set(order)):
            assert order.index(target) < order.index(owned.model)


def test_export_then_import_into_an_empty_database_gives_the_same_network():
    world = rich_world()
    before = snapshot(world.network, as_exported=True)
    people = sorted(world.network.memberships.values_list("user__email", "user__full_name"))
    content = export_bytes(world.network)
    _empty_the_database()

    result = import_bytes(content)

    assert snapshot(result.network) == before
    assert sum(len(rows) for rows in before.values()) > 500
    assert (
        sorted(result.network.memberships.values_list("user__email", "user__full_name")) == people
    )
    # Everyone the network names (members, the creator, who invited) is made anew.
    made = get_user_model().objects.filter(email__in=result.people_made)
    assert made.count() == len(result.people_made) > len(people)
    assert not result.people_matched
    assert not any(user.is_active or user.has_usable_password() for user in made)


def test_the_round_trip_keeps_the_uploads_byte_for_byte():
    world = build_world()
    photo = world.network.sessions.get().photos.get()
    original = photo.file.open("rb").read()
    content = export_bytes(world.network)
    _empty_the_database()
    network = import_bytes(content).network
    copy = network.sessions.get().photos.get()
    assert copy.file.open("rb").read() == original
    assert len(original) > 0


def test_importing_into_the_same_install_under_a_new_address_matches_everyone_by_email():
    world = build_world()
    content = export_bytes(world.network)
    users = get_user_model().objects.count()

    result = import_bytes(content, slug="jeugdhulp-kopie")

    assert get_user_model().objects.count() == users
    assert result.people_made == [] and len(result.people_matched) > 5
    assert result.network.slug == "jeugdhulp-kopie"
    copy, original = snapshot(result.network), snapshot(world.network, as_exported=True)
    # Unique values taken by the original get a number after them.
    for table, field in [("werkvormen.Werkvorm", "code"), ("networks.Invitation", "token_hash")]:
        for row in copy[table] + original[table]:
            row.pop(field)
    copy["networks.Network"][0].pop("slug")
    original["networks.Network"][0].pop("slug")
    assert copy == original


def test_a_private_reflection_is_not_in_a_trekkers_export():
    world = build_world()
    private = Reflection.objects.get(shared_at__isnull=True, text="Alleen voor mij")
    shared = Reflection.objects.get(shared_at__isnull=False)
    content = export_bytes(world.network)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        everything = b"".join(archive.read(name) for name in archive.namelist())
    assert private.text.encode() not in everything
    assert shared.text.encode() in everything


def test_who_answered_a_scan_and_who_looked_back_do_not_travel():
    world = rich_world()
    data = json.loads(zipfile.ZipFile(io.BytesIO(export_bytes(world.network))).read("data.json"))
    tables = {table["model"]: table["rows"] for table in data["models"]}
    responses = tables["kernelements.ScanResponse"]
    assert responses and all(row["fields"]["membership"] is None for row in responses)
    assert tables["bijeenkomsten.Terugblik"] == []
    assert tables["bijeenkomsten.WerkvormRating"] == []


def test_guests_from_outside_the_network_do_not_travel():
    world = rich_world()
    content = export_bytes(world.network)
    data = json.loads(zipfile.ZipFile(io.BytesIO(content)).read("data.json"))
    tables = {table["model"]: table["rows"] for table in data["models"]}
    assert world.network.sessions.filter(guests__isnull=False).exists()
    assert tables["bijeenkomsten.SessionGuest"] == []


def test_no_password_travels():
    world = build_world()
    content = export_bytes(world.network)
    data = json.loads(zipfile.ZipFile(io.BytesIO(content)).read("data.json"))
    assert all(set(person) == {"email", "full_name"} for person in data["people"])
    assert b"pbkdf2" not in content and b"argon2" not in content


def test_the_manifest_says_what_the_file_is():
    world = build_world()
    manifest = json.loads(
        zipfile.ZipFile(io.BytesIO(export_bytes(world.network))).read("manifest.json")
    )
    assert manifest["format"] == "liso-netwerk"
    assert manifest["version"] == 1
    assert manifest["network"] == {"slug": "jeugdhulp-dichtbij", "name": "Jeugdhulp dichtbij"}
    assert manifest["counts"]["networks.Membership"] == world.network.memberships.count()
    assert manifest["files"] >= 2


# --- refusals: a clear message, and nothing half imported ------------------------------------


def _rewrite(content: bytes, name: str, change) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.namelist():
            data = source.read(item)
            if item == name:
                data = json.dumps(change(json.loads(data))).encode()
            target.writestr(item, data)
    return buffer.getvalue()


def _state():
    return (
        Network.objects.count(),
        get_user_model().objects.count(),
        Organisation.objects.count(),
        sum(o.model._base_manager.count() for o in graph.owned_models()),
    )


@pytest.mark.parametrize(
    ("version", "message"),
    [(2, "nieuwere versie"), ("1", "onbekende formaatversie"), (0, "onbekende formaatversie")],
)
def test_a_newer_or_unknown_format_version_is_refused(version, message):
    world = build_world()
    content = _rewrite(
        export_bytes(world.network), "manifest.json", lambda m: {**m, "version": version}
    )
    with pytest.raises(ImportRefused, match=message):
        read_package(io.BytesIO(content))


def test_what_is_not_an_export_is_refused_clearly():
    with pytest.raises(ImportRefused, match="geen zipbestand"):
        read_package(io.BytesIO(b"hallo"))
    empty = io.BytesIO()
    zipfile.ZipFile(empty, "w").close()
    with pytest.raises(ImportRefused, match=r"ontbreekt manifest\.json"):
        read_package(io.BytesIO(empty.getvalue()))
    world = build_world()
    content = _rewrite(export_bytes(world.network), "manifest.json", lambda m: {**m, "format": "x"})
    with pytest.raises(ImportRefused, match="geen export van een netwerk"):
        read_package(io.BytesIO(content))


def test_a_corrupt_row_late_in_the_file_leaves_the_database_and_the_uploads_unchanged(settings):
    world = rich_world()
    content = export_bytes(world.network)

    def corrupt(data):
        last = data["models"][-1]
        assert last["rows"], last["model"]
        for field, value in last["rows"][-1]["fields"].items():
            if isinstance(value, str) and field.endswith(("_at", "_on")):
                last["rows"][-1]["fields"][field] = "geen datum"
                break
        else:
            raise AssertionError("no date field to spoil")
        return data

    bad = _rewrite(content, "data.json", corrupt)
    before = _state()
    media = sorted(p.relative_to(settings.MEDIA_ROOT) for p in settings.MEDIA_ROOT.rglob("*"))
    with pytest.raises(ImportRefused, match="passen niet"):
        import_bytes(bad, slug="kopie")
    assert _state() == before
    assert (
        sorted(p.relative_to(settings.MEDIA_ROOT) for p in settings.MEDIA_ROOT.rglob("*")) == media
    )


def test_an_address_that_is_taken_is_refused_and_a_new_one_can_be_chosen():
    world = build_world()
    content = export_bytes(world.network)
    with pytest.raises(ImportRefused, match="al een netwerk met het adres jeugdhulp-dichtbij"):
        import_bytes(content)
    assert import_bytes(content, slug="nieuw-adres").network.name == "Jeugdhulp dichtbij"


def test_a_catalogue_row_missing_here_is_refused_by_name():
    world = build_world()
    content = _rewrite(
        export_bytes(world.network),
        "data.json",
        lambda data: _point_at_missing_werkvorm(data),
    )
    with pytest.raises(ImportRefused, match="ontbreekt uit de catalogus: werkvorm bestaat-niet"):
        import_bytes(content, slug="kopie")


def _point_at_missing_werkvorm(data):
    for table in data["models"]:
        if table["model"] == "bijeenkomsten.DraaiboekBlock":
            table["rows"][0]["fields"]["werkvorm"] = {"key": "bestaat-niet"}
    return data


def test_the_command_imports_a_file_and_says_what_it_did(tmp_path, capsys):
    world = build_world()
    path = tmp_path / "netwerk.zip"
    path.write_bytes(export_bytes(world.network))
    call_command("import_network", str(path), "--slug", "via-de-opdracht")
    out = capsys.readouterr().out
    assert "via-de-opdracht" in out and "networks.Membership" in out
    assert Network.objects.filter(slug="via-de-opdracht").exists()
    with pytest.raises(CommandError, match="al een netwerk"):
        call_command("import_network", str(path))
    path.write_bytes(b"geen zip")
    with pytest.raises(CommandError, match="geen zipbestand"):
        call_command("import_network", str(path), "--slug", "nog-een")
