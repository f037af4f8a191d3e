"""Signing the samenwerkingsovereenkomst: online by a representative of each organisation,
on paper as recorded by the trekker, and the scan of the signed paper kept with the
agreement. Also what the agreement says of the penvoerder."""

import json
import re
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from liso.account import account_remove
from liso.method import Agenda, Role
from networks.models import Revision
from opstart import documents, services
from opstart.models import Agreement, Goal, Infrastructure, Signature
from tests.bijeenkomsten.world import png_bytes
from tests.liso.factories import UserFactory
from tests.networks.factories import MembershipFactory, OrganisationFactory
from tests.networks.world import build_world
from tests.opstart.world import SCAN_PDF
from tests.pdftext import pdf_text
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def _url(name, world, **kwargs):
    return reverse(name, kwargs={"slug": world.network.slug, **kwargs})


def _unsigned(world):
    """The world's organisation that has not signed: the trekker's."""
    return next(
        org for org, signature in services.signing_for(world.network).parties if not signature
    )


def _representative(world, organisation, name="Karin Bos"):
    """A deelnemer who represents `organisation` in the network."""
    return MembershipFactory(
        network=world.network,
        organisation=organisation,
        user=UserFactory(full_name=name),
        roles=[Role.DEELNEMER],
    ).user


def _seen(page: str) -> str:
    return re.search(r'name="seen" value="([0-9a-f]+)"', page).group(1)


def _sign_online(client, world, organisation, **fields):
    url = _url("opstart_sign_online", world, organisation=organisation.pk)
    seen = _seen(client.get(url).text)
    return client.post(url, {"seen": seen, "agreed": "on", **fields})


# --- online ---------------------------------------------------------------------------------


def test_a_representative_signs_online_for_their_own_organisation(client):
    world = build_world()
    party = _unsigned(world)
    karin = _representative(world, party)
    client.force_login(karin)
    page = client.get(_url("opstart_agreement", world)).text
    assert f"Ondertekenen namens {party.name}" in page
    assert "Ondertekenen namens Hogeschool Oost" not in page  # not hers, and signed already

    response = _sign_online(client, world, party, signer_function="Teamleider")

    assert response.status_code == 302
    signature = Signature.objects.get(network=world.network, organisation=party)
    assert signature.method == Signature.Method.ONLINE
    assert (signature.signed_by, signature.recorded_by) == (karin, karin)
    assert signature.signed_on == date.today()
    assert signature.signer_function == "Teamleider"
    page = client.get(_url("opstart_agreement", world)).text
    assert f"online, door Karin Bos op {date.today():%-d}" in page
    assert f"Ondertekenen namens {party.name}" not in page
    line = Revision.objects.get(object_key=f"signature:{signature.pk}")
    assert {change["label"]: change["new"] for change in line.changes} == {
        "getekend door": "Karin Bos",
        "manier van tekenen": "online",
    }
    # The last signature missing: the start-up is done.
    world.network.refresh_from_db()
    assert world.network.status == "lopend"


def test_nobody_signs_online_for_an_organisation_they_do_not_represent(client):
    world = build_world()
    party = _unsigned(world)
    other = OrganisationFactory(name="Buurtteam Zuid")
    _representative(world, other)
    url = _url("opstart_sign_online", world, organisation=party.pk)
    for role in (Role.DEELNEMER, Role.PROCESBEGELEIDER):  # of another or of no organisation
        client.force_login(world.user(role))
        assert client.get(url).status_code == 403
        assert client.post(url, {"seen": "x", "agreed": "on"}).status_code == 403
        assert (
            f"Ondertekenen namens {party.name}"
            not in client.get(_url("opstart_agreement", world)).text
        )
    # The trekker represents the party, but not another organisation of the network.
    client.force_login(world.user(Role.TREKKER))
    other_url = _url("opstart_sign_online", world, organisation=other.pk)
    assert client.get(other_url).status_code == 403
    client.force_login(world.outsider)
    assert client.get(url).status_code == 404
    assert not Signature.objects.filter(organisation__in=[party, other]).exists()


def test_a_text_that_changed_after_it_was_read_is_told_and_not_signed(client):
    world = build_world()
    party = _unsigned(world)
    client.force_login(_representative(world, party))
    url = _url("opstart_sign_online", world, organisation=party.pk)
    read = _seen(client.get(url).text)
    Goal.objects.create(
        network=world.network,
        agenda=Agenda.VERANDERAGENDA,
        title="Een doel dat er later bij kwam",
        agreement="Eind volgend jaar",
    )

    response = client.post(url, {"seen": read, "agreed": "on"})

    assert response.status_code == 200
    assert "De tekst is veranderd sinds je deze pagina opende" in response.text
    assert "Een doel dat er later bij kwam" in response.text  # the new text, to read again
    assert not Signature.objects.filter(organisation=party).exists()
    assert _seen(response.text) != read
    assert client.post(url, {"seen": _seen(response.text), "agreed": "on"}).status_code == 302
    assert Signature.objects.filter(organisation=party, method="online").exists()


def test_signing_online_needs_the_tick_beside_the_field(client):
    world = build_world()
    party = _unsigned(world)
    client.force_login(_representative(world, party))
    url = _url("opstart_sign_online", world, organisation=party.pk)
    response = client.post(url, {"seen": _seen(client.get(url).text)})
    assert response.status_code == 200
    assert "Vink aan dat je de overeenkomst hebt gelezen" in response.text
    assert not Signature.objects.filter(organisation=party).exists()


def test_an_online_signer_who_removes_their_account_is_named_oud_lid(client):
    world = build_world()
    party = _unsigned(world)
    karin = _representative(world, party)
    client.force_login(karin)
    _sign_online(client, world, party)
    account_remove(user=karin)
    client.force_login(world.user(Role.TREKKER))
    page = client.get(_url("opstart_agreement", world)).text
    assert "online, door oud-lid" in page and "Karin Bos" not in page
    history = client.get(_url("network_history", world)).text
    assert "Karin Bos" not in history


def test_an_online_signature_is_in_the_signers_own_data_download(client):
    world = build_world()
    party = _unsigned(world)
    client.force_login(_representative(world, party))
    _sign_online(client, world, party, signer_function="Teamleider")
    data = json.loads(client.get(reverse("personal_data")).content.decode())
    assert data["ondertekeningen"] == [
        {
            "netwerk": world.network.name,
            "organisatie": party.name,
            "getekend_op": date.today().isoformat(),
            "functie": "Teamleider",
        }
    ]


# --- on paper -------------------------------------------------------------------------------


def test_the_trekker_still_records_a_signature_on_paper_marked_so(client, tmp_path):
    world = build_world()
    party = _unsigned(world)
    client.force_login(world.user(Role.TREKKER))
    url = _url("opstart_sign", world, organisation=party.pk)
    tomorrow = date.today() + timedelta(days=1)
    form = {"signer_name": "Mr. A. Bestuurder", "signer_function": "Wethouder"}
    response = client.post(url, {**form, "signed_on": tomorrow})
    assert response.status_code == 200  # a signature is not given in the future
    assert response.context["form"].errors["signed_on"]
    assert not Signature.objects.filter(organisation=party).exists()

    assert client.post(url, {**form, "signed_on": date.today()}).status_code == 302

    signature = Signature.objects.get(organisation=party)
    assert (signature.method, signature.signed_by) == (Signature.Method.PAPER, None)
    assert "op papier, door Mr. A. Bestuurder" in client.get(_url("opstart_agreement", world)).text


def test_the_agreement_pdf_shows_each_signature_online_or_on_paper(client, tmp_path):
    world = build_world()  # Hogeschool Oost signed on paper
    party = _unsigned(world)
    client.force_login(_representative(world, party, name="Karin Bos"))
    _sign_online(client, world, party)
    text = " ".join(pdf_text(documents.agreement_pdf(world.network)[0], tmp_path).split())
    assert f"online getekend door Karin Bos op {date.today():%-d}" in text
    assert "getekend op papier" in text


def test_the_agreement_page_makes_as_many_queries_with_many_parties(client):
    world = build_world()
    client.force_login(world.user(Role.TREKKER))
    url = _url("opstart_agreement", world)
    status, few = count_queries(client, url)
    assert status == 200
    for n in range(15):
        party = OrganisationFactory(name=f"Partner {n}")
        user = _representative(world, party, name=f"Vertegenwoordiger {n}")
        if n % 2:
            services.signature_sign_online(network=world.network, organisation=party, by=user)
    assert count_queries(client, url) == (200, few)


# --- the scan of the signed paper ----------------------------------------------------------


def _scan(client, world, upload, **fields):
    agreement = Agreement.objects.get(network=world.network)
    data = {"version": agreement.version, **fields}
    if upload is not None:
        data["signed_scan"] = upload
    return client.post(_url("opstart_agreement_scan_edit", world), data)


def _history(world) -> list[dict]:
    agreement = Agreement.objects.get(network=world.network)
    lines = Revision.objects.filter(object_key=f"agreement:{agreement.pk}").order_by("pk")
    return [change for line in lines for change in line.changes]


def test_a_scan_is_checked_by_its_content_kept_with_the_agreement_and_in_its_history(
    client, django_capture_on_commit_callbacks
):
    world = build_world()  # its agreement has a scan already (tests/opstart/world.py)
    Agreement.objects.filter(network=world.network).update(signed_scan="", signed_scan_type="")
    client.force_login(world.user(Role.TREKKER))
    before = services.latest_agreement_change(world.network)
    html = SimpleUploadedFile("scan.pdf", b"<html><script>x</script></html>", "application/pdf")

    response = _scan(client, world, html)

    assert response.status_code == 200
    assert "Dit bestand kunnen we niet bewaren" in response.context["form"].errors["signed_scan"][0]
    assert not Agreement.objects.get(network=world.network).signed_scan
    fake = SimpleUploadedFile("scan.pdf", b"%PDF-<html><script>x</script></html>")
    response = _scan(client, world, fake)
    assert "Deze pdf kunnen we niet lezen" in response.context["form"].errors["signed_scan"][0]
    assert not Agreement.objects.get(network=world.network).signed_scan

    assert _scan(client, world, SimpleUploadedFile("x.pdf", SCAN_PDF)).status_code == 302
    agreement = Agreement.objects.get(network=world.network)
    assert agreement.signed_scan_type == "application/pdf"
    assert agreement.signed_scan.name.endswith(".pdf") and "x.pdf" not in agreement.signed_scan.name
    page = client.get(_url("opstart_agreement", world)).text
    assert _url("opstart_agreement_scan", world) in page
    assert _history(world)[-1]["new"] == "een nieuwe scan"
    # A scan is no change of what the parties agreed to.
    assert services.latest_agreement_change(world.network) == before

    first = agreement.signed_scan.name
    with django_capture_on_commit_callbacks(execute=True):
        replaced = _scan(client, world, SimpleUploadedFile("foto.png", png_bytes()))
    assert replaced.status_code == 302
    agreement.refresh_from_db()
    assert agreement.signed_scan_type == "image/png" and agreement.signed_scan.name != first
    assert not agreement.signed_scan.storage.exists(first)  # the old file goes
    assert _history(world)[-1] == {
        "field": "signed_scan",
        "label": "scan van de getekende overeenkomst",
        "old": "een scan",
        "new": "een nieuwe scan",
    }

    second = agreement.signed_scan.name
    with django_capture_on_commit_callbacks(execute=True):
        assert _scan(client, world, None, remove_scan="on").status_code == 302
    agreement.refresh_from_db()
    assert not agreement.signed_scan and not agreement.signed_scan.storage.exists(second)
    assert _history(world)[-1]["old"] == "een scan" and _history(world)[-1]["new"] == ""
    assert "Er is nog geen scan" in client.get(_url("opstart_agreement", world)).text


def test_the_scan_is_served_to_members_only(client):
    world = build_world()
    url = _url("opstart_agreement_scan", world)
    client.force_login(world.user(Role.DEELNEMER))
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == SCAN_PDF
    for outsider in (world.outsider, world.left):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to the login page


def test_a_deelnemer_cannot_upload_a_scan(client):
    world = build_world()
    client.force_login(world.user(Role.DEELNEMER))
    assert _scan(client, world, SimpleUploadedFile("x.pdf", SCAN_PDF)).status_code == 403


# --- the penvoerder ---------------------------------------------------------------------------


def test_the_agreement_says_the_penvoerder_takes_the_decisions(tmp_path):
    world = build_world()
    Infrastructure.objects.create(network=world.network, penvoerder=_unsigned(world), version=1)
    text = " ".join(pdf_text(documents.agreement_pdf(world.network)[0], tmp_path).split())
    assert "Gemeente Rivierstad is penvoerder: de partij die in het netwerk de besluiten neemt" in (
        text
    )
    assert "Alle partijen erkennen de penvoerder daarin" in text
