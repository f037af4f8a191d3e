"""The export page and its download for the trekker; the import page for platform staff."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from liso.method import Role
from networks.models import Network
from tests.bijeenkomsten.world import grow_sessions
from tests.kernelements.world import grow_health
from tests.liso.factories import UserFactory
from tests.networks.world import build_world
from tests.opstart.world import grow_startup
from tests.phases.world import grow_journey
from tests.queries import count_queries
from tests.transfer.test_roundtrip import export_bytes

pytestmark = pytest.mark.django_db


def _download(client, world):
    response = client.get(reverse("network_export_zip", args=[world.network.slug]))
    return response, b"".join(response.streaming_content)


def test_the_trekker_downloads_the_network_as_a_zip_and_reads_what_stays_behind(client):
    world = build_world()
    client.force_login(world.user(Role.TREKKER))
    page = client.get(reverse("network_export", args=[world.network.slug]))
    assert "Reflecties die de schrijver niet heeft gedeeld" in page.text
    assert "Wachtwoorden gaan nooit mee" in page.text
    response, content = _download(client, world)
    assert response["Content-Type"] == "application/zip"
    assert "netwerk-jeugdhulp-dichtbij-" in response["Content-Disposition"]
    names = zipfile.ZipFile(io.BytesIO(content)).namelist()
    assert {"manifest.json", "data.json"} <= set(names)
    assert any(name.startswith("files/") for name in names)


def test_the_overview_links_to_the_export_for_the_trekker_only(client):
    world = build_world()
    url = reverse("network_export", args=[world.network.slug])
    client.force_login(world.user(Role.TREKKER))
    assert url in client.get(reverse("network_overview", args=[world.network.slug])).text
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    assert url not in client.get(reverse("network_overview", args=[world.network.slug])).text


def test_an_archived_network_can_still_be_exported(client):
    world = build_world()
    Network.objects.filter(pk=world.network.pk).update(archived_at=timezone.now())
    client.force_login(world.user(Role.TREKKER))
    assert _download(client, world)[0].status_code == 200


def test_the_download_makes_the_same_queries_for_a_small_or_a_large_network(client):
    world = build_world()
    client.force_login(world.user(Role.TREKKER))
    url = reverse("network_export_zip", args=[world.network.slug])
    small = count_queries(client, url)
    grow_startup(world.network, world.user(Role.TREKKER))
    grow_sessions(world.network)
    grow_journey(world.network)
    grow_health(world.network)
    assert count_queries(client, url) == small


def _staff(client):
    client.force_login(UserFactory(email="beheer@example.org", is_staff=True))


def test_staff_import_a_network_and_are_shown_who_was_matched(client):
    world = build_world()
    content = export_bytes(world.network)
    _staff(client)
    upload = SimpleUploadedFile("netwerk.zip", content, content_type="application/zip")
    response = client.post(reverse("network_import"), {"bestand": upload, "adres": "kopie"})
    assert response.status_code == 200
    assert "Netwerk geïmporteerd" in response.text
    assert reverse("network_overview", args=["kopie"]) in response.text
    copy = Network.objects.get(slug="kopie")
    assert copy.memberships.count() == world.network.memberships.count()
    assert not copy.memberships.filter(user__email="beheer@example.org").exists()


def test_a_file_that_does_not_fit_is_told_beside_the_field_and_nothing_is_imported(client):
    world = build_world()
    content = export_bytes(world.network)
    _staff(client)
    networks = Network.objects.count()
    for data, message in [
        ({"bestand": SimpleUploadedFile("x.zip", b"hallo")}, "Dit is geen zipbestand"),
        ({"bestand": SimpleUploadedFile("x.zip", content)}, "Er is al een netwerk met het adres"),
        ({}, "Dit veld is verplicht"),
    ]:
        response = client.post(reverse("network_import"), data)
        assert response.status_code == 200
        assert message in response.text
        assert 'aria-invalid="true"' in response.text
    assert Network.objects.count() == networks
