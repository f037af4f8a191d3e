"""A network's own werkvormen: made new or adapted from the library, seen by that
network's members only (library, detail page, draaiboek builder), with history and a
conflict check like every other edit."""

from datetime import time

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from bijeenkomsten import draaiboek
from bijeenkomsten.models import DraaiboekBlock, Session
from liso.method import Role
from tests.networks.factories import MembershipFactory
from tests.networks.world import build_world
from tests.werkvormen.world import own_werkvorm
from werkvormen.models import Werkvorm

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalogue")]


def _as(client, world, actor):
    client.force_login(world.user(actor))
    return client


def _form(**fields) -> dict:
    return {
        "version": 0,
        "name": "Wandelgesprek",
        "summary": "Twee aan twee lopend praten.",
        "wat": "Een gesprek tijdens een korte wandeling.",
        "duration_min": 20,
        "duration_max": 30,
        "group_min": 2,
        "group_max": "",
        "tijdens": "Maak tweetallen.\n\n  Loop twintig minuten.  \n",
        "fasen": ["1", "2"],
        "kernelementen": ["vertrouwen-in-opbrengsten"],
        **fields,
    }


def _create_url(world, **query):
    url = reverse("own_werkvorm_create", args=[world.network.slug])
    return f"{url}?van={query['van']}" if query else url


def _library_codes(client, **filters) -> list[str]:
    response = client.get(reverse("werkvorm_list"), filters)
    return [w.code for w in response.context["page"].object_list]


def test_a_planner_makes_a_werkvorm_that_only_the_network_sees(client):
    world = build_world()
    response = _as(client, world, Role.PROCESBEGELEIDER).post(_create_url(world), _form())
    werkvorm = Werkvorm.objects.get(name="Wandelgesprek")
    assert response.status_code == 302
    assert response.url == reverse("werkvorm_detail", args=[werkvorm.code])
    assert werkvorm.network == world.network and not werkvorm.shipped
    assert werkvorm.tijdens == ["Maak tweetallen.", "Loop twintig minuten."]
    assert sorted(werkvorm.label_values("fase")) == ["1", "2"]
    assert world.network.revisions.filter(object_key=f"werkvorm:{werkvorm.pk}").exists()
    detail = reverse("werkvorm_detail", args=[werkvorm.code])

    reader = _as(client, world, Role.DEELNEMER)
    assert "Wandelgesprek" in reader.get(detail).content.decode()
    assert werkvorm.code in _library_codes(reader, q="wandeling")
    assert werkvorm.code in _library_codes(reader, herkomst="eigen")
    assert werkvorm.code not in _library_codes(reader, herkomst="catalogus")

    for outsider in (world.outsider, world.left):
        client.force_login(outsider)
        assert client.get(detail).status_code == 404
        assert werkvorm.code not in _library_codes(client, q="wandeling")
    client.logout()
    # The public guide lists werkvormen of a phase: never a network's own.
    assert "Wandelgesprek" not in client.get(reverse("guide_phase", args=[1])).content.decode()


def test_adapting_a_library_werkvorm_starts_from_a_copy_and_leaves_the_original(client):
    world = build_world()
    planner = _as(client, world, Role.TREKKER)
    form = planner.get(_create_url(world, van="speeddaten")).context["form"]
    original = Werkvorm.objects.get(code="speeddaten")
    assert form["name"].value() == "Speeddaten"
    assert form["tijdens"].value() == "\n".join(original.tijdens)
    assert form["fasen"].value() == original.label_values("fase")
    data = {**_form(), "name": "Speeddaten met de buurt", "tijdens": form["tijdens"].value()}
    assert planner.post(_create_url(world, van="speeddaten"), data).status_code == 302
    copy = Werkvorm.objects.get(name="Speeddaten met de buurt")
    assert copy.based_on == original and copy.tijdens == original.tijdens
    # Labels the form does not show (dimensie, stadium) come along with the copy.
    for kind in ("dimensie", "stadium"):
        assert copy.label_values(kind) == original.label_values(kind) != []
    assert Werkvorm.objects.get(code="speeddaten").name == "Speeddaten"
    page = planner.get(reverse("werkvorm_detail", args=[copy.code])).content.decode()
    assert "Aangepast van" in page and "Deze werkvorm wijzigen" in page


def test_the_library_offers_to_adapt_a_werkvorm_only_to_those_who_may(client):
    world = build_world()
    url = reverse("werkvorm_detail", args=["speeddaten"])
    offer = "Eigen versie maken voor Jeugdhulp dichtbij"
    assert offer in _as(client, world, Role.PROCESBEGELEIDER).get(url).content.decode()
    assert offer not in _as(client, world, Role.DEELNEMER).get(url).content.decode()
    assert client.get(_create_url(world)).status_code == 403


def test_a_werkvorm_of_another_network_cannot_be_copied_or_reached(client):
    world = build_world()
    planner_user = world.user(Role.PROCESBEGELEIDER)
    # Even someone in both networks may not carry the other network's werkvorm over.
    other = MembershipFactory(user=planner_user, roles=[Role.PROCESBEGELEIDER]).network
    theirs = own_werkvorm(other, name="Geheim", code="geheim-abc123")
    planner = _as(client, world, Role.PROCESBEGELEIDER)
    detail = planner.get(reverse("werkvorm_detail", args=[theirs.code])).content.decode()
    assert "Eigen versie maken voor Jeugdhulp dichtbij" not in detail
    assert planner.get(_create_url(world, van=theirs.code)).status_code == 404
    edit = reverse("own_werkvorm_edit", args=[world.network.slug, theirs.code])
    assert planner.get(edit).status_code == 404


def test_wrong_numbers_are_explained_beside_the_field_and_nothing_is_saved(client):
    world = build_world()
    planner = _as(client, world, Role.PROCESBEGELEIDER)
    response = planner.post(_create_url(world), _form(duration_max=10, group_max=1, name=""))
    form = response.context["form"]
    assert form.errors["duration_max"] == ["Kies een duur die niet korter is dan ‘vanaf’."]
    assert form.errors["group_max"] == ["Kies een aantal dat niet kleiner is dan ‘vanaf’."]
    assert "name" in form.errors
    zeros = planner.post(_create_url(world), _form(duration_max=0, group_max=0))
    for name in ("duration_max", "group_max"):
        assert "Kies een getal vanaf 1." in zeros.context["form"].errors[name]
    assert not world.network.werkvormen.filter(summary__startswith="Twee aan twee").exists()


def test_a_change_of_only_the_labels_is_saved_and_a_late_save_is_told(client):
    world = build_world()
    werkvorm = world.network.werkvormen.get()
    url = reverse("own_werkvorm_edit", args=[world.network.slug, werkvorm.code])
    planner = _as(client, world, Role.PROCESBEGELEIDER)
    data = {**planner.get(url).context["form"].initial, "version": werkvorm.version}
    data = {key: value for key, value in data.items() if value is not None}
    data["tijdens"] = "\n".join(data["tijdens"])
    data["kernelementen"] = ["vertrouwen-in-opbrengsten", "kennisinfrastructuur"]
    assert planner.post(url, {**data, "fasen": ["3"]}).status_code == 302
    werkvorm.refresh_from_db()
    assert werkvorm.label_values("fase") == ["3"] and werkvorm.version == 2
    assert "Fase 3" in werkvorm.search_text and "Fase 1" not in werkvorm.search_text
    # Saving again without a change keeps the version and adds nothing to the history.
    assert planner.post(url, {**data, "fasen": ["3"], "version": 2}).status_code == 302
    assert Werkvorm.objects.get(pk=werkvorm.pk).version == 2
    late = planner.post(url, {**data, "fasen": ["2"], "version": 1})
    assert "heeft dit opgeslagen" in late.content.decode()
    assert Werkvorm.objects.get(pk=werkvorm.pk).label_values("fase") == ["3"]


def _session(world):
    session = Session.objects.get(network=world.network)
    session.blocks.all().delete()
    return session


def test_the_builder_finds_the_networks_own_werkvormen_and_no_one_elses(client):
    world = build_world()
    own_werkvorm(MembershipFactory().network, name="Speeddaten elders", code="elders-abc123")
    session = _session(world)
    planner = _as(client, world, Role.PROCESBEGELEIDER)
    builder = reverse("draaiboek", args=[world.network.slug, session.pk])
    found = [w.code for w in planner.get(builder, {"zoek": "speeddaten"}).context["results"]]
    assert "speeddaten-in-de-wijk" in found and "speeddaten" in found
    assert "elders-abc123" not in found
    assert [w.code for w in planner.get(builder).context["own"]] == ["speeddaten-in-de-wijk"]
    change = reverse("draaiboek_change", args=[world.network.slug, session.pk])
    post = {"actie": "werkvorm", "versie": session.draaiboek_version}
    assert planner.post(change, {**post, "werkvorm": "elders-abc123"}).status_code == 404
    assert planner.post(change, {**post, "werkvorm": "speeddaten-in-de-wijk"}).status_code == 302
    assert session.blocks.get().werkvorm.code == "speeddaten-in-de-wijk"


def test_an_adapted_verankeren_counts_as_the_opening_in_the_health_check():
    world = build_world()
    session = _session(world)
    session.start_time = time(13, 30)
    adapted = own_werkvorm(world.network, name="Ons waarom", code="ons-waarom-abc123")
    adapted.based_on = Werkvorm.objects.get(code="verankeren")
    adapted.save()
    DraaiboekBlock.objects.create(
        session=session,
        position=0,
        kind="werkvorm",
        minutes=15,
        werkvorm=adapted,
        title=adapted.name,
    )
    blocks = list(session.blocks.select_related("werkvorm__based_on"))
    texts = " ".join(str(finding.text) for finding in draaiboek.health(session, blocks).findings)
    assert "Verankeren" not in texts


def test_deleting_an_own_werkvorm_keeps_the_blocks_that_used_it(client):
    world = build_world()
    werkvorm = world.network.werkvormen.get()
    session = _session(world)
    block = DraaiboekBlock.objects.create(
        session=session,
        position=0,
        kind="werkvorm",
        minutes=20,
        werkvorm=werkvorm,
        title=werkvorm.name,
    )
    delete = reverse("own_werkvorm_delete", args=[world.network.slug, werkvorm.code])
    assert _as(client, world, Role.DEELNEMER).post(delete).status_code == 403
    assert _as(client, world, Role.PROCESBEGELEIDER).post(delete).status_code == 302
    assert not Werkvorm.objects.filter(pk=werkvorm.pk).exists()
    block.refresh_from_db()
    assert block.werkvorm is None and block.title == "Speeddaten in de wijk"


def test_an_own_werkvorm_has_its_history_on_a_page_of_its_own(client):
    world = build_world()
    _as(client, world, Role.PROCESBEGELEIDER).post(_create_url(world), _form())
    werkvorm = Werkvorm.objects.get(name="Wandelgesprek")
    history = reverse("network_history", args=[world.network.slug])
    page = client.get(history, {"item": f"werkvorm:{werkvorm.pk}"})
    assert page.context["title"] == "Geschiedenis van “Wandelgesprek”"
    assert "Stappen van de opstart" not in page.content.decode()
    assert [r.action for r in page.context["page"]] == ["aangemaakt"]
    # The start-up's own history lists only the start-up's documents.
    startup_history = reverse("opstart_history", args=[world.network.slug])
    startup = client.get(startup_history).context["page"]
    assert not [r for r in startup if r.object_key.startswith(("werkvorm:", "session:"))]


def test_a_networks_own_werkvorm_cannot_be_made_part_of_the_catalogue():
    world = build_world()
    werkvorm = world.network.werkvormen.get()
    werkvorm.shipped = True
    with pytest.raises(ValidationError) as refused:
        werkvorm.full_clean()
    assert "shipped" in refused.value.message_dict
