"""The voortgangsrapportage: a PDF that tells financiers and boards what the network did in
a period, gathered in a fixed number of queries."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from liso.method import Role
from liso.models import User
from networks.models import Network
from rapportage.progress import Period, progress
from tests.networks.world import build_world
from tests.pdftext import pdf_info, pdf_language, pdf_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalogue")]

TODAY = date.today()


def test_the_demo_networks_report_tells_its_year(client, tmp_path):
    call_command("load_demo", allow_without_debug=True)
    network = Network.objects.get(slug="jeugdhulp-dichtbij")
    client.force_login(User.objects.get(email="trekker@example.org"))
    page = client.get(reverse("report_page", args=[network.slug]))
    assert page.status_code == 200 and "Voortgangsrapportage maken (pdf)" in page.text
    response = client.get(reverse("progress_pdf", args=[network.slug]))  # the last year
    pdf = b"".join(response.streaming_content)
    info = pdf_info(pdf, tmp_path)
    assert info["Tagged"] == "yes" and info["Title"].startswith("Voortgangsrapportage")
    assert pdf_language(pdf) == "nl"
    text = " ".join(pdf_text(pdf, tmp_path).split())
    for heading in ("In het kort", "De agenda's", "Experimenten", "Zelfscans", "Besluiten"):
        assert heading in text
    assert "Kortere wachttijd" in text  # a goal of the demo's agendas
    assert "Wat werkt er in de wijk?" in text  # a session held in the year
    assert "Elk experiment heeft iemand met ervaringskennis in de groep." in text  # a decision


def test_a_wrong_period_is_told_beside_the_field(client):
    world = build_world()
    client.force_login(world.user(Role.TREKKER))
    url = reverse("progress_pdf", args=[world.network.slug])
    response = client.get(url, {"van": "2026-05-01", "tot": "2026-01-01"})
    assert response.status_code == 400 and "De periode eindigt na het begin." in response.text
    response = client.get(url, {"van": "1900-01-01", "tot": "1900-02-01"})
    assert response.status_code == 400 and "Kies een datum tussen 1 januari 2000" in response.text
    response = client.get(url, {"van": "gisteren", "tot": ""})
    assert response.status_code == 400


def test_the_report_gathers_in_the_same_queries_whatever_the_size():
    from tests.bijeenkomsten.world import grow_sessions
    from tests.kernelements.world import grow_health
    from tests.opstart.world import grow_startup
    from tests.phases.world import grow_journey

    world = build_world()
    period = Period(TODAY - timedelta(days=365), TODAY)

    def queries():
        with CaptureQueriesContext(connection) as counted:
            progress(world.network, period)
        return len(counted)

    small = queries()
    grow_startup(world.network, world.user(Role.TREKKER))
    grow_sessions(world.network)
    grow_journey(world.network)
    grow_health(world.network)
    assert queries() == small == 15
