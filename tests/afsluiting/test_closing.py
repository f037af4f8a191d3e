"""The closing path: its steps, the borging, the reisverslag (drafted, edited, chosen
reflections, PDF), closing with members told, the archive that refuses changes, and
reopening with a reason in the history."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from afsluiting import closing as C
from afsluiting.models import ChosenReflection, Closing, Safeguard
from bijeenkomsten.models import Session
from liso.method import Role
from networks.models import Network, Revision
from phases.models import Kennisproduct, Reflection
from tests.networks.factories import NetworkFactory, OrganisationFactory
from tests.networks.world import build_world
from tests.pdftext import pdf_info, pdf_language, pdf_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalogue")]


def _url(name, world, *args):
    return reverse(name, args=[world.network.slug, *args])


def _closing(world) -> Closing:
    return Closing.objects.get(network=world.network)


def _as(client, world, role):
    client.force_login(world.user(role))
    return client


def test_every_member_reads_the_path_and_only_the_trekker_fills_it_in(client):
    world = build_world()
    _as(client, world, Role.DEELNEMER)
    page = client.get(_url("closing_path", world)).text
    assert "Stap 1: Het goede moment" in page and "Stap 5: Afsluiten" in page
    assert "Volgende stap" not in page  # that is the trekker's
    moment = client.get(_url("closing_moment", world)).text
    assert "De trekker heeft dit nog niet ingevuld." in moment and 'name="reason"' not in moment
    response = client.post(_url("closing_moment", world), {"reason": "eerder", "version": 0})
    assert response.status_code == 403
    assert not Closing.objects.exists()  # reading the path writes nothing


def test_the_moment_shows_the_loose_ends_and_keeps_the_reason(client):
    world = build_world()
    _as(client, world, Role.TREKKER)
    page = client.get(_url("closing_moment", world)).text
    assert "nog open" in page and "nog nergens in gebruik" in page
    empty = client.post(_url("closing_moment", world), {"version": 0, "reason_notes": "x"})
    assert "Kies waarom jullie afsluiten." in empty.text
    assert not Closing.objects.exists()
    client.post(
        _url("closing_moment", world),
        {"version": 0, "reason": "eerder", "reason_notes": "De subsidie stopte."},
    )
    closing = _closing(world)
    assert closing.reason == "eerder" and closing.reason_notes == "De subsidie stopte."
    assert Revision.objects.filter(object_type="afsluiting", action="aangemaakt").exists()
    # An old tab that saves a different reason is told, and nothing is overwritten.
    stale = client.post(_url("closing_moment", world), {"version": 0, "reason": "gewoon-werk"})
    assert "Iemand anders heeft dit intussen opgeslagen" in stale.text
    assert _closing(world).reason == "eerder"


def test_borging_is_answered_per_product_and_organisation(client):
    world = build_world()
    _as(client, world, Role.TREKKER)
    product = world.startup["<product>"]
    table = C.safeguard_table(world.network)
    assert table.settled == 0 and table.total == 3 * (
        len(table.products) + len(table.organisations)
    )
    caretaker = world.members[Role.PROCESBEGELEIDER]
    answers = {
        "vindbaar-state": "geregeld",
        "vindbaar-caretaker": caretaker.pk,
        "vindbaar-kept_where": "https://kennisbank.example/module",
        "verankerd-state": "bezig",
        "verankerd-caretaker": "",
        "verankerd-kept_where": "",
        "onderwijs-state": "nvt",
        "onderwijs-caretaker": "",
        "onderwijs-kept_where": "",
    }
    url = _url("closing_safeguard_edit", world, "product", product)
    assert client.post(url, answers).status_code == 302
    assert client.post(url, answers).status_code == 302  # twice: still three answers
    saved = Safeguard.objects.filter(product_id=product)
    assert saved.count() == 3
    assert saved.get(question="vindbaar").caretaker == caretaker
    table = C.safeguard_table(world.network)
    assert table.settled == 3 and C.borging_progress(world.network) == (3, table.total)
    # An organisation whose members all left no longer counts, nor do its answers.
    organisation = world.members[Role.DEELNEMER].organisation
    client.post(
        _url("closing_safeguard_edit", world, "organisatie", organisation.pk),
        {**answers, "vindbaar-caretaker": ""},
    )
    assert C.borging_progress(world.network) == (6, table.total)
    world.network.memberships.filter(organisation=organisation).update(left_on=date.today())
    assert C.borging_progress(world.network) == (3, table.total - 3)
    page = client.get(_url("closing_safeguards", world)).text
    assert "kennisbank.example/module" in page and caretaker.user.full_name in page
    # Bad input is told beside the field, nothing saved.
    bad = client.post(url, {**answers, "vindbaar-state": "weet-niet"})
    assert bad.status_code == 200 and "utrecht-form-field-error-message" in bad.text
    # Another network's product, an organisation without members here, a made-up kind: 404.
    other = NetworkFactory()
    stranger = Kennisproduct.objects.create(network=other, title="Elders", kind="module")
    lonely = OrganisationFactory(name="Niet in dit netwerk")
    for kind, pk in [("product", stranger.pk), ("organisatie", lonely.pk), ("kennis", product)]:
        assert client.get(_url("closing_safeguard_edit", world, kind, pk)).status_code == 404


def test_the_reisverslag_starts_from_the_history_and_keeps_the_lessons(client):
    world = build_world()
    _as(client, world, Role.TREKKER)
    form = client.get(_url("closing_story_edit", world)).text
    assert "Hoe het begon" in form and world.network.vraagstuk[:30] in form
    client.post(
        _url("closing_story_edit", world),
        {
            "version": 0,
            "story": "## Onze reis\n\nWe begonnen klein.",
            "crucial_moments": "- Het eerste experiment",
            "les_praktijk": "Vragen stellen werkt beter dan adviseren.",
        },
    )
    closing = _closing(world)
    assert closing.lessons == {"praktijk": "Vragen stellen werkt beter dan adviseren."}
    page = client.get(_url("closing_story", world)).text
    assert "We begonnen klein." in page and "Vragen stellen werkt beter" in page
    changes = Revision.objects.get(object_type="afsluiting").changes
    assert any(change["field"] == "lessons" for change in changes)


def test_only_the_author_chooses_a_shared_reflection_and_private_ones_never_go_in(client):
    world = build_world()
    shared = Reflection.objects.get(pk=world.startup["<shared-reflection>"])
    private = Reflection.objects.get(pk=world.startup["<reflection>"])
    _as(client, world, Role.DEELNEMER)
    url = _url("closing_reflection_choose", world, shared.pk)
    assert client.post(url, {"keuze": "opnemen"}).status_code == 404  # not theirs
    private_url = _url("closing_reflection_choose", world, private.pk)
    assert client.post(private_url, {"keuze": "opnemen"}).status_code == 404  # not shared
    _as(client, world, Role.TREKKER)
    client.post(url, {"keuze": "opnemen"})
    client.post(url, {"keuze": "opnemen"})  # a double click
    assert ChosenReflection.objects.filter(reflection=shared).count() == 1
    assert C.chosen_reflections(world.network) == [shared]
    client.post(url, {"keuze": "weglaten"})
    assert C.chosen_reflections(world.network) == []


def _close(client, world, **data):
    closing = Closing.objects.filter(network=world.network).first()
    form = {
        "version": closing.version if closing else 0,
        "final_status": "afgerond",
        "closed_on": date.today().isoformat(),
    }
    return client.post(_url("closing_close", world), {**form, **data})


def test_a_wrong_date_or_status_closes_nothing(client):
    world = build_world()
    status = world.network.status
    _as(client, world, Role.TREKKER)
    future = _close(client, world, closed_on=(date.today() + timedelta(days=1)).isoformat())
    assert "Deze datum ligt in de toekomst." in future.text
    day_before = world.network.start_date - timedelta(days=1)
    before_start = _close(client, world, closed_on=day_before.isoformat())
    assert "afsluiten kan niet eerder" in before_start.text
    long_ago = _close(client, world, closed_on="1900-01-01")
    assert "Kies een datum tussen 1 januari 2000 en " in long_ago.text
    no_status = _close(client, world, final_status="")
    assert "Kies afgerond of gestopt." in no_status.text
    world.network.refresh_from_db()
    assert world.network.status == status and not world.network.is_archived
    assert not Closing.objects.exists()


def test_closing_tells_every_member_and_leaves_a_readable_archive(
    client, tmp_path, mailoutbox, django_capture_on_commit_callbacks
):
    world = build_world()
    shared = Reflection.objects.get(pk=world.startup["<shared-reflection>"])
    ChosenReflection.objects.create(reflection=shared)
    _as(client, world, Role.TREKKER)
    client.post(
        _url("closing_story_edit", world),
        {"version": 0, "story": "Drie jaar samen leren over jeugdhulp."},
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = _close(client, world, final_status="gestopt")
        again = _close(client, world, final_status="gestopt")  # a double click
    assert response.status_code == 302 and again.status_code == 302
    network = Network.objects.get(pk=world.network.pk)
    assert network.status == Network.Status.GESTOPT and network.is_archived
    assert _closing(world).closed_on == date.today()
    members = network.memberships.filter(left_on__isnull=True)
    assert sorted(m.to[0] for m in mailoutbox) == sorted(m.user.email for m in members)
    assert all("is afgesloten" in m.subject for m in mailoutbox)
    assert all(_url("closing_story_pdf", world) in m.body for m in mailoutbox)
    # The archive: everyone reads, nobody changes, the reisverslag stays downloadable.
    _as(client, world, Role.DEELNEMER)
    assert "gestopt op" in client.get(_url("network_overview", world)).text
    assert client.get(_url("session_create", world)).status_code == 403
    assert client.get(_url("reflection_add", world)).status_code == 403
    pdf = client.get(_url("closing_story_pdf", world)).getvalue()
    text = pdf_text(pdf, tmp_path)
    assert "Reisverslag" in text and "Drie jaar samen leren over jeugdhulp." in text
    assert "Gedeeld door de trekker" in text and "Alleen voor mij" not in text
    assert pdf_info(pdf, tmp_path)["Tagged"] == "yes" and pdf_language(pdf) == "nl"
    # The trekker can no longer change the path, and cannot restore it with the old button.
    _as(client, world, Role.TREKKER)
    assert client.get(_url("closing_story_edit", world)).status_code == 403
    client.post(_url("network_archive", world), {"actie": "terugzetten"})
    assert Network.objects.get(pk=network.pk).is_archived


def test_reopening_needs_a_reason_and_keeps_it_in_the_history(
    client, django_capture_on_commit_callbacks
):
    world = build_world()
    _as(client, world, Role.TREKKER)
    with django_capture_on_commit_callbacks(execute=True):
        _close(client, world)
    version = _closing(world).version
    no_reason = client.post(_url("closing_reopen", world), {"version": version})
    assert no_reason.status_code == 400 and "waarom het netwerk weer opengaat" in no_reason.text
    assert Network.objects.get(pk=world.network.pk).is_closed
    client.post(
        _url("closing_reopen", world),
        {"version": version, "reopen_reason": "Een nieuwe financier wil een vervolg."},
    )
    network = Network.objects.get(pk=world.network.pk)
    assert network.status == Network.Status.LOPEND and not network.is_archived
    closing = _closing(world)
    assert closing.closed_on is None and closing.final_status == ""
    history = client.get(_url("network_history", world)).text
    assert "Een nieuwe financier wil een vervolg." in history
    assert client.get(_url("session_create", world)).status_code == 200
    # Again (an old tab): it is open already.
    again = client.post(_url("closing_reopen", world), {"reopen_reason": "x"}, follow=True)
    assert "al heropend" in again.text


def test_the_last_session_is_planned_like_any_other(client):
    world = build_world()
    _as(client, world, Role.TREKKER)
    page = client.get(_url("closing_last_session", world)).text
    plan = reverse("session_create", args=[world.network.slug])
    assert plan in page
    form = client.get(plan + "?thema=Afsluiting: we vieren wat we bereikten").text
    assert "Afsluiting: we vieren wat we bereikten" in form
    session = world.network.sessions.first()
    client.post(_url("closing_last_session", world), {"version": 0, "last_session": session.pk})
    assert _closing(world).last_session == session
    elsewhere = Session.objects.create(
        network=NetworkFactory(), date=date.today(), start_time="10:00", theme="Elders"
    )
    refused = client.post(
        _url("closing_last_session", world), {"version": 1, "last_session": elsewhere.pk}
    )
    assert "utrecht-form-field-error-message" in refused.text
    assert _closing(world).last_session == session
