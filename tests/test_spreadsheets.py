"""Lists as spreadsheet files (CSV): what a Dutch spreadsheet opens as it is, with the
columns one expects, and members' text never run as a formula."""

import csv
import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from bijeenkomsten import registrations
from kernelements.models import Decision
from liso.method import Role
from liso.spreadsheet import cell
from networks.models import Organisation
from phases.models import Adoption, Experiment, Kennisproduct
from tests.networks.world import build_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalogue")]


def _rows(client, name, world) -> list[list[str]]:
    response = client.get(reverse(name, args=[world.network.slug]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # so a spreadsheet reads the accents right
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_a_cell_is_data_never_a_formula():
    assert cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert [cell(text) for text in ("+31", "-1", "@SUM(A1)", "\tx")] == [
        "'+31",
        "'-1",
        "'@SUM(A1)",
        "'\tx",
    ]
    assert cell(Decimal("-2.50")) == "-2,50"  # a number stays a number, with a decimal comma
    assert (cell(date(2026, 12, 7)), cell(None), cell(True)) == ("2026-12-07", "", "ja")


def test_the_members_list_names_everyone_and_only_a_manager_gets_addresses(client):
    world = build_world()
    leaver = world.members[Role.DEELNEMER]
    leaver.left_on = date.today() - timedelta(days=3)
    leaver.save(update_fields=["left_on"])
    client.force_login(world.user(Role.TREKKER))
    header, *rows = _rows(client, "member_csv", world)
    assert header[:3] == ["Naam", "E-mailadres", "Organisatie"]
    names = [row[0] for row in rows]
    assert leaver.user.full_name in names  # former members too, with the day they left
    assert leaver.left_on.isoformat() in rows[names.index(leaver.user.full_name)]

    client.force_login(world.user(Role.COMMUNICATIEADVISEUR))  # may export, not manage
    header, *rows = _rows(client, "member_csv", world)
    assert "E-mailadres" not in header
    assert all("@" not in value for row in rows for value in row)


def test_attendance_has_a_column_per_session_and_a_count_per_member(client):
    world = build_world()
    session = world.network.sessions.order_by("pk").first()
    present = world.members[Role.DEELNEMER]
    registrations.attendance_record(session=session, present={present.pk})
    client.force_login(world.user(Role.TREKKER))
    header, *rows = _rows(client, "attendance_csv", world)
    assert header[0] == "Naam" and header[-1] == "Aanwezig (keer)"
    assert header[1] == f"{session.date.isoformat()} {session.theme}"
    by_name = {row[0]: row for row in rows}
    assert by_name[present.user.full_name][1:] == ["ja", "1"]


def test_experiments_adoption_and_decisions_come_out_with_their_columns(client):
    world = build_world()
    organisation = Organisation.objects.create(name="Wijkteam Noord")
    Experiment.objects.create(
        network=world.network, title="=1+1", change="Kort overleg", status="loopt"
    )
    product = Kennisproduct.objects.create(
        network=world.network, title="Handreiking", kind="handreiking", audience="Wijkteams"
    )
    Adoption.objects.create(
        product=product, organisation=organisation, status="in-gebruik", since=date(2026, 3, 1)
    )
    client.force_login(world.user(Role.TREKKER))

    header, *rows = _rows(client, "experiment_csv", world)
    assert header[:3] == ["Titel", "Ronde", "Status"]
    assert next(row[:3] for row in rows if "1+1" in row[0]) == ["'=1+1", "", "Loopt"]

    header, *rows = _rows(client, "adoption_csv", world)
    assert header == ["Kennisproduct", "Soort", "Organisatie", "Stand", "Sinds"]
    assert ["Handreiking", "Handreiking", "Wijkteam Noord", "In gebruik", "2026-03-01"] in rows

    header, *rows = _rows(client, "decision_csv", world)
    assert header[:3] == ["Datum", "Besluit", "Stand"]
    for decision in Decision.objects.filter(network=world.network):
        assert [decision.decided_on.isoformat(), decision.title] in [row[:2] for row in rows]
