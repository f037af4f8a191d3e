import pytest
from django.urls import reverse

from tests.liso.factories import UserFactory
from werkvormen.models import Werkvorm

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(email="beheer@example.org", is_staff=True, is_superuser=True))
    return client


def _werkvorm_form(**overrides):
    data = {
        "code": "wandelgesprek",
        "name": "Wandelgesprek",
        "summary": "Twee deelnemers praten tijdens een wandeling over hun leervraag.",
        "source": "platform",
        "wat": "Een gesprek in beweging.",
        "wanneer": "Als het vastzit.",
        "voorbereiding": "[]",
        "tijdens": '["Loop samen een half uur."]',
        "tussendoor": "[]",
        "opbrengst": "Nieuwe ideeën.",
        "duration_min": "30",
        "duration_max": "45",
        "group_min": "2",
        "group_max": "2",
        "materials": "[]",
        "labels-TOTAL_FORMS": "1",
        "labels-INITIAL_FORMS": "0",
        "labels-MIN_NUM_FORMS": "0",
        "labels-MAX_NUM_FORMS": "1000",
        "labels-0-kind": "dimensie",
        "labels-0-value": "vertrouwen",
    }
    return {**data, **overrides}


def test_staff_adds_a_werkvorm_that_search_then_finds(staff_client, deelnemer, client):
    response = staff_client.post(reverse("admin:werkvormen_werkvorm_add"), _werkvorm_form())
    assert response.status_code == 302, response.context["adminform"].form.errors
    werkvorm = Werkvorm.objects.get(code="wandelgesprek")
    assert werkvorm.shipped is False
    assert "Vertrouwen" in werkvorm.search_text
    staff_client.force_login(deelnemer)
    found = staff_client.get(reverse("werkvorm_list"), {"q": "wandelgesprek"})
    assert [w.code for w in found.context["page"].object_list] == ["wandelgesprek"]


def test_a_label_outside_the_method_vocabulary_is_refused(staff_client):
    data = _werkvorm_form(**{"labels-0-value": "onzin"})
    response = staff_client.post(reverse("admin:werkvormen_werkvorm_add"), data)
    assert response.status_code == 200
    assert not Werkvorm.objects.filter(code="wandelgesprek").exists()
    assert "Kies een van" in response.text
