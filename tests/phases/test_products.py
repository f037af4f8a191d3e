"""Opbrengsten: kennisproducten written with history and conflict check, their file
served only to members, barriers, which organisations use them (all saved or nothing),
the wall of successes, and the panels for the network overview."""

import io
import os
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from liso.method import Role
from phases.models import Adoption, Barrier, Experiment, Kennisproduct, Success
from phases.products import PAGE_SIZE, products_panel, successes_panel
from tests.bijeenkomsten.world import pdf_bytes, png_bytes
from tests.networks.factories import MembershipFactory, NetworkFactory, OrganisationFactory
from tests.networks.world import build_world
from tests.phases.world_products import grow_products
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

PDF = pdf_bytes()


def _url(name, world, **kwargs):
    return reverse(name, kwargs={"slug": world.network.slug, **kwargs})


def _product(world) -> Kennisproduct:
    return world.network.products.get()


def _experiment(network, title) -> Experiment:
    return Experiment.objects.create(
        network=network, title=title, expectation="Sneller hulp", change="Samen aan tafel"
    )


def _fields(**changes) -> dict:
    return {
        "version": 0,
        "title": "Gespreksleidraad",
        "kind": "methodiek",
        "audience": "wijkteams",
        "status": "ontwikkeling",
        **changes,
    }


def _as(client, world, role):
    client.force_login(world.user(role))


# --- kennisproducten ------------------------------------------------------------------------


def test_a_member_adds_a_product_from_the_networks_own_experiments_and_goal(client):
    world = build_world()
    ours = _experiment(world.network, "Keukentafel met twee")
    theirs = _experiment(NetworkFactory(), "Experiment van een ander netwerk")
    goal = world.network.agenda_goals.get()
    _as(client, world, Role.DEELNEMER)
    form = client.get(_url("product_add", world)).content.decode()
    assert "Keukentafel met twee" in form and "Kortere wachttijd" in form
    assert "Experiment van een ander netwerk" not in form

    refused = client.post(
        _url("product_add", world), _fields(experiments=[theirs.pk], goal=goal.pk)
    )
    assert refused.status_code == 200 and refused.context["form"].errors["experiments"]
    assert world.network.products.count() == 1  # only the world's own

    response = client.post(_url("product_add", world), _fields(experiments=[ours.pk], goal=goal.pk))
    product = world.network.products.get(title="Gespreksleidraad")
    assert response.url == _url("product_detail", world, pk=product.pk)
    page = client.get(response.url).content.decode()
    assert reverse("experiment_detail", args=[world.network.slug, ours.pk]) in page
    assert "Keukentafel met twee" in page and "Kortere wachttijd" in page
    assert "Veranderagenda" in page and "Methodiek" in page and "wijkteams" in page


def test_editing_a_product_keeps_its_history_including_the_experiments(client):
    world = build_world()
    experiment = _experiment(world.network, "Keukentafel met twee")
    product = _product(world)
    _as(client, world, Role.DEELNEMER)
    client.post(
        _url("product_edit", world, pk=product.pk),
        _fields(
            version=1,
            title=product.title,
            kind=product.kind,
            status="ontwikkeling",
            experiments=[experiment.pk],
        ),
    )
    product.refresh_from_db()
    assert product.version == 2 and product.updated_by == world.user(Role.DEELNEMER)
    revision = world.network.revisions.get(object_key=f"kennisproduct:{product.pk}")
    changed = {change["field"]: (change["old"], change["new"]) for change in revision.changes}
    assert changed == {
        "status": ("Klaar voor gebruik", "In ontwikkeling"),
        "experiments": ("", "Keukentafel met twee"),
    }
    history = client.get(
        reverse("network_history", args=[world.network.slug]),
        {"item": f"kennisproduct:{product.pk}"},
    )
    assert "Keukentafel met twee" in history.content.decode()


def test_a_save_from_an_outdated_copy_is_caught_instead_of_overwriting(client):
    world = build_world()
    product = _product(world)
    url = _url("product_edit", world, pk=product.pk)
    _as(client, world, Role.TREKKER)
    client.post(url, _fields(version=1, title="Nieuwe titel van de trekker"))
    _as(client, world, Role.DEELNEMER)
    response = client.post(url, _fields(version=1, title="Titel van de deelnemer"))
    assert response.status_code == 200
    assert "Iemand anders heeft dit intussen opgeslagen" in response.content.decode()
    product.refresh_from_db()
    assert product.title == "Nieuwe titel van de trekker"


def test_a_required_field_left_empty_is_told_beside_it(client):
    world = build_world()
    _as(client, world, Role.DEELNEMER)
    response = client.post(_url("product_add", world), _fields(title="", audience=""))
    assert set(response.context["form"].errors) == {"title", "audience"}
    assert "2 dingen moeten nog anders" in response.content.decode()
    assert 'href="#id_title"' in response.content.decode()


# --- the file -------------------------------------------------------------------------------


def _upload(name, content):
    return SimpleUploadedFile(name, content)


def test_an_image_is_kept_under_a_random_name_and_shown_only_to_members(client):
    world = build_world()
    _as(client, world, Role.DEELNEMER)
    client.post(
        _url("product_add", world), _fields(file=_upload("IMG_2041.JPG", png_bytes((40, 30))))
    )
    product = world.network.products.get(title="Gespreksleidraad")
    assert product.file_type == "image/png" and product.file.name.endswith(".png")
    assert "IMG_2041" not in product.file.name
    url = _url("product_file", world, pk=product.pk)
    page = client.get(_url("product_detail", world, pk=product.pk)).content.decode()
    assert f'src="{url}"' in page

    _as(client, world, Role.VERBINDINGSFUNCTIONARIS)
    served = client.get(url)
    assert served["Content-Type"] == "image/png"
    assert served["Content-Disposition"].startswith("inline;")
    assert b"".join(served.streaming_content) == product.file.open("rb").read()
    for outsider in (world.outsider, world.left):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to the login page
    assert client.get("/media/" + product.file.name).status_code == 404


def test_a_pdf_is_offered_as_a_download(client):
    world = build_world()
    _as(client, world, Role.DEELNEMER)
    client.post(_url("product_add", world), _fields(file=_upload("leidraad.pdf", PDF)))
    product = world.network.products.get(title="Gespreksleidraad")
    assert product.file.name.endswith(".pdf")
    served = client.get(_url("product_file", world, pk=product.pk))
    assert served["Content-Type"] == "application/pdf"
    assert served["Content-Disposition"].startswith("attachment;")
    assert 'filename="gespreksleidraad.pdf"' in served["Content-Disposition"]


def test_a_pdf_is_kept_without_what_trailed_after_it_and_an_image_shrunk(client):
    world = build_world()
    _as(client, world, Role.DEELNEMER)
    tail = b"<html><script>x()</script></html>"
    client.post(_url("product_add", world), _fields(file=_upload("leidraad.pdf", PDF + tail)))
    product = world.network.products.get(title="Gespreksleidraad")
    stored = product.file.open("rb").read()
    assert stored.startswith(b"%PDF-") and b"script" not in stored
    url = _url("product_edit", world, pk=product.pk)
    client.post(url, _fields(version=1, file=_upload("foto.png", png_bytes((4000, 40)) + tail)))
    product.refresh_from_db()
    stored = product.file.open("rb").read()
    assert product.file_type == "image/png" and b"script" not in stored
    assert Image.open(io.BytesIO(stored)).size == (2000, 20)


def test_a_file_that_is_no_pdf_or_image_is_refused_and_nothing_is_saved(client, settings):
    world = build_world()
    _as(client, world, Role.DEELNEMER)
    renamed = client.post(
        _url("product_add", world),
        _fields(file=_upload("leidraad.pdf", b"<html><script>x()</script>")),
    )
    assert "Kies een pdf of een afbeelding (jpg, png of webp)." in renamed.content.decode()
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    too_big = client.post(
        _url("product_add", world),
        _fields(file=_upload("groot.png", png_bytes() + b"\0" * 1024 * 1024)),
    )
    assert "Het mag hoogstens 1 MB zijn." in too_big.content.decode()
    assert not world.network.products.filter(title="Gespreksleidraad").exists()


def test_a_replaced_or_removed_file_is_gone_from_the_disk(
    client, django_capture_on_commit_callbacks
):
    world = build_world()
    product = _product(world)
    first = product.file.path
    _as(client, world, Role.DEELNEMER)
    url = _url("product_edit", world, pk=product.pk)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, _fields(version=1, file=_upload("nieuw.pdf", PDF)))
    product.refresh_from_db()
    assert product.file_type == "application/pdf" and os.path.exists(product.file.path)
    assert not os.path.exists(first)

    second = product.file.path
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, _fields(version=2, remove_file="on"))
    product.refresh_from_db()
    assert not product.file and product.file_type == "" and not os.path.exists(second)
    assert client.get(_url("product_file", world, pk=product.pk)).status_code == 404


# --- deleting -------------------------------------------------------------------------------


def test_a_deelnemer_may_not_delete_a_product_but_a_trekker_may(
    client, django_capture_on_commit_callbacks
):
    world = build_world()
    product = _product(world)
    url = _url("product_delete", world, pk=product.pk)
    _as(client, world, Role.DEELNEMER)
    assert client.post(url).status_code == 403
    assert (
        "Kennisproduct verwijderen"
        not in client.get(_url("product_detail", world, pk=product.pk)).content.decode()
    )

    _as(client, world, Role.TREKKER)
    path = product.file.path
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).url == _url("product_list", world)
    assert not world.network.products.exists() and not Barrier.objects.exists()
    assert not os.path.exists(path)
    deleted = world.network.revisions.get(object_key=f"kennisproduct:{product.pk}")
    assert deleted.action == "verwijderd"


def test_a_member_of_another_network_finds_none_of_its_products(client):
    world = build_world()
    product = _product(world)
    other = world.outsider.memberships.get().network
    client.force_login(world.outsider)
    assert client.get(_url("product_detail", world, pk=product.pk)).status_code == 404
    # Through their own network the product is not there either.
    for name in ("product_detail", "product_file", "product_adoption"):
        assert client.get(reverse(name, args=[other.slug, product.pk])).status_code == 404
    success = world.network.successes.get()
    assert client.post(reverse("success_delete", args=[other.slug, success.pk])).status_code == 404
    assert Success.objects.filter(pk=success.pk).exists()


# --- barriers -------------------------------------------------------------------------------


def test_barriers_with_what_helps_are_added_changed_and_deleted(client):
    world = build_world()
    product = _product(world)
    _as(client, world, Role.DEELNEMER)
    response = client.post(
        _url("barrier_add", world, pk=product.pk),
        {"barrier": "Teams kennen het niet", "remedy": "Een filmpje"},
    )
    assert response.url == _url("product_detail", world, pk=product.pk)
    barrier = product.barriers.get(barrier="Teams kennen het niet")
    client.post(
        _url("barrier_edit", world, pk=product.pk, barrier=barrier.pk),
        {"barrier": "Teams kennen het niet", "remedy": "Een filmpje van 2 minuten", "version": 0},
    )
    page = client.get(response.url).content.decode()
    assert "Een filmpje van 2 minuten" in page and "Geen tijd voor de training" in page
    client.post(_url("barrier_delete", world, pk=product.pk, barrier=barrier.pk))
    assert list(product.barriers.values_list("barrier", flat=True)) == [
        "Geen tijd voor de training"
    ]
    empty = client.post(_url("barrier_add", world, pk=product.pk), {"barrier": ""})
    assert empty.context["form"].errors["barrier"]


def test_a_barrier_is_reached_only_through_its_own_product(client):
    world = build_world()
    barrier = Barrier.objects.get()
    other = Kennisproduct.objects.create(
        network=world.network, title="Ander product", kind="module", audience="iedereen"
    )
    _as(client, world, Role.TREKKER)
    url = _url("barrier_edit", world, pk=other.pk, barrier=barrier.pk)
    assert client.get(url).status_code == 404


# --- adoption -------------------------------------------------------------------------------


def _adoption_data(world, **statuses) -> dict:
    """Form data: every organisation of the page, by name -> (status, since)."""
    data = {}
    names = {"rivierstad": "Gemeente Rivierstad", "oost": "Hogeschool Oost"}
    for key, (status, since) in statuses.items():
        organisation = world.network.memberships.get(organisation__name=names[key]).organisation
        data[f"org-{organisation.pk}-status"] = status
        data[f"org-{organisation.pk}-since"] = since.isoformat() if since else ""
    return data


def test_in_use_needs_a_date_that_is_not_in_the_future_and_nothing_is_half_saved(client):
    world = build_world()
    product = _product(world)
    url = _url("product_adoption", world, pk=product.pk)
    _as(client, world, Role.VERBINDINGSFUNCTIONARIS)
    page = client.get(url).content.decode()
    assert "Gemeente Rivierstad" in page and "Hogeschool Oost" in page

    last_week = date.today() - timedelta(days=7)
    no_date = client.post(
        url, _adoption_data(world, rivierstad=("in-gebruik", None), oost=("in-gebruik", last_week))
    )
    assert no_date.status_code == 200
    assert "Vul in sinds wanneer de organisatie het product gebruikt." in no_date.content.decode()
    assert "Er is nog niets opgeslagen" in no_date.content.decode()
    # The other organisation's correct line was not saved on its own either.
    assert product.adoptions.get().status == Adoption.Status.AFGESPROKEN

    tomorrow = date.today() + timedelta(days=1)
    future = client.post(
        url,
        _adoption_data(world, rivierstad=("in-gebruik", tomorrow), oost=("in-gebruik", last_week)),
    )
    assert "Deze datum ligt in de toekomst." in future.content.decode()
    assert product.adoptions.get().status == Adoption.Status.AFGESPROKEN

    saved = client.post(
        url,
        _adoption_data(
            world, rivierstad=("in-gebruik", date.today()), oost=("in-gebruik", last_week)
        ),
    )
    assert saved.url == _url("product_detail", world, pk=product.pk)
    assert sorted(product.adoptions.values_list("status", "since")) == [
        ("in-gebruik", last_week),
        ("in-gebruik", date.today()),
    ]
    detail = client.get(saved.url).content.decode()
    assert "In gebruik bij 2 van 2 organisaties." in detail
    assert (
        "In gebruik bij 2 van 2 organisaties."
        in client.get(_url("product_list", world)).content.decode()
    )


def test_back_to_not_yet_forgets_the_date_and_adds_no_rows_for_those_who_never_used_it(client):
    world = build_world()
    product = _product(world)
    _as(client, world, Role.DEELNEMER)
    client.post(
        _url("product_adoption", world, pk=product.pk),
        _adoption_data(world, rivierstad=("nee", date.today()), oost=("nee", date.today())),
    )
    assert list(product.adoptions.values_list("organisation__name", "status", "since")) == [
        ("Hogeschool Oost", "nee", None)
    ]


def test_an_organisation_that_left_keeps_its_line_and_counts_no_longer(client):
    world = build_world()
    product = _product(world)
    gone = OrganisationFactory(name="Woningcorporatie Thuis")
    MembershipFactory(
        network=world.network, organisation=gone, left_on=date.today() - timedelta(days=30)
    )
    Adoption.objects.create(
        product=product,
        organisation=gone,
        status="in-gebruik",
        since=date.today() - timedelta(days=60),
    )
    _as(client, world, Role.DEELNEMER)
    detail = client.get(_url("product_detail", world, pk=product.pk)).content.decode()
    assert "Woningcorporatie Thuis" in detail and "(geen lid meer)" in detail
    assert "In gebruik bij 0 van 2 organisaties." in detail
    form = client.get(_url("product_adoption", world, pk=product.pk))
    assert len(form.context["forms"]) == 3


# --- successes ------------------------------------------------------------------------------


def test_a_member_shares_a_success_and_it_shows_on_the_wall_newest_first(client):
    world = build_world()
    _as(client, world, Role.COMMUNICATIEADVISEUR)
    response = client.post(
        _url("success_add", world),
        {"text": "De wethouder noemde ons netwerk in de raad.", "size": "groot"},
    )
    assert response.url == _url("success_list", world)
    wall = client.get(response.url).content.decode()
    newest, older = "De wethouder noemde ons netwerk", "De eerste jongere is via het loket"
    assert wall.index(newest) < wall.index(older)
    assert "Een groot succes" in wall and "Een klein succes" in wall
    assert "Lid communicatieadviseur" in wall
    assert "successen-delen" in wall  # the werkvorm as a tip

    empty = client.post(_url("success_add", world), {"text": "", "size": "klein"})
    assert empty.status_code == 200 and empty.context["form"].errors["text"]


def test_a_deelnemer_takes_away_their_own_success_but_not_someone_elses(client):
    world = build_world()
    own = world.network.successes.get()  # the deelnemer's
    others = Success.objects.create(
        network=world.network, author=world.members[Role.TREKKER], text="Subsidie binnen."
    )
    _as(client, world, Role.DEELNEMER)
    wall = client.get(_url("success_list", world))
    may = {success.pk: success.may_delete for success in wall.context["page"].object_list}
    assert may == {own.pk: True, others.pk: False}
    assert client.post(_url("success_delete", world, pk=others.pk)).status_code == 403
    assert client.post(_url("success_delete", world, pk=own.pk)).status_code == 302
    assert list(world.network.successes.all()) == [others]


def test_a_procesbegeleider_may_take_away_anyones_success(client):
    world = build_world()
    success = world.network.successes.get()
    _as(client, world, Role.PROCESBEGELEIDER)
    assert client.post(_url("success_delete", world, pk=success.pk)).status_code == 302
    assert not world.network.successes.exists()


def test_in_an_archived_network_nobody_posts_or_takes_away_successes(client):
    world = build_world()
    world.network.archived_at = timezone.now()
    world.network.save(update_fields=["archived_at"])
    assert world.network.is_archived
    _as(client, world, Role.TREKKER)
    assert client.get(_url("success_list", world)).status_code == 200
    assert client.post(_url("success_add", world), {"text": "x"}).status_code == 403
    success = world.network.successes.get()
    assert client.post(_url("success_delete", world, pk=success.pk)).status_code == 403


# --- pages with many products ---------------------------------------------------------------


def test_the_lists_show_twenty_per_page(client):
    world = build_world()
    grow_products(world.network, n=PAGE_SIZE + 5)
    _as(client, world, Role.DEELNEMER)
    first = client.get(_url("product_list", world))
    assert len(first.context["page"].object_list) == PAGE_SIZE
    assert "Pagina 1 van 2" in first.content.decode()
    second = client.get(_url("product_list", world), {"pagina": 2})
    assert len(second.context["page"].object_list) == 6  # 25 grown and the world's own
    wall = client.get(_url("success_list", world), {"pagina": 2})
    assert len(wall.context["page"].object_list) == 6


PAGES = [
    "product_list",
    "success_list",
    "product_detail",
    "product_adoption",
    "product_add",
    "product_edit",
    "barrier_add",
    "barrier_edit",
]


def test_pages_make_the_same_queries_with_2_or_40_products(client):
    world = build_world()
    Kennisproduct.objects.create(
        network=world.network, title="Tweede", kind="module", audience="iedereen"
    )
    _as(client, world, Role.TREKKER)
    product = _product_of(world)
    kwargs = {
        "product_list": {},
        "success_list": {},
        "product_add": {},
        "barrier_add": {"pk": product.pk},
        "barrier_edit": {"pk": product.pk, "barrier": product.barriers.get().pk},
    }
    urls = {name: _url(name, world, **kwargs.get(name, {"pk": product.pk})) for name in PAGES}
    small = {name: count_queries(client, url) for name, url in urls.items()}
    for _ in range(10):
        MembershipFactory(network=world.network, organisation=OrganisationFactory())
    for n in range(5):
        _experiment(world.network, f"Experiment {n}")
    grow_products(world.network, n=38)
    product.experiments.add(*world.network.experiments.all())
    large = {name: count_queries(client, url) for name, url in urls.items()}
    assert small == large
    assert all(status == 200 for status, _ in small.values())
    # For tests/test_query_counts.py (a trekker: session, user, membership with roles first).
    assert {name: count for name, (_, count) in small.items()} == {
        "product_list": 6,
        "success_list": 5,
        "product_detail": 7,
        "product_adoption": 5,
        "product_add": 5,
        "product_edit": 7,
        "barrier_add": 4,
        "barrier_edit": 4,
    }


def _product_of(world) -> Kennisproduct:
    return world.network.products.get(title="Handreiking keukentafelgesprek")


# --- panels ---------------------------------------------------------------------------------


def test_the_products_panel_shows_the_latest_five_and_the_totals_in_one_query():
    world = build_world()
    grow_products(world.network, n=7)
    with CaptureQueriesContext(connection) as captured:
        panel = products_panel(world.network)
    assert len(captured.captured_queries) == 1
    assert [p.title for p in panel["products"]] == [f"Kennisproduct {i}" for i in (6, 5, 4, 3, 2)]
    # 8 products: the world's (klaar) and 7 grown (idee, ontwikkeling, klaar, idee, ...)
    assert [(value, count) for value, _label, count in panel["statuses"]] == [
        ("idee", 3),
        ("ontwikkeling", 2),
        ("klaar", 3),
    ]
    assert panel["total"] == 8 and panel["more"]


def test_the_products_panel_counts_the_organisations_that_use_a_product():
    world = build_world()
    product = _product(world)
    product.adoptions.update(status="in-gebruik", since=date.today())
    panel = products_panel(world.network)
    assert [(p.title, p.in_use) for p in panel["products"]] == [(product.title, 1)]


def test_the_panels_of_a_new_network_invite_to_begin():
    network = NetworkFactory()
    panel = products_panel(network)
    assert panel["products"] == [] and panel["total"] == 0
    assert [count for _v, _l, count in panel["statuses"]] == [0, 0, 0]
    assert successes_panel(network)["successes"] == []


def test_the_successes_panel_shows_the_latest_six_with_their_author_in_one_query():
    world = build_world()
    grow_products(world.network, n=8)
    with CaptureQueriesContext(connection) as captured:
        panel = successes_panel(world.network)
        names = [success.author.user.full_name for success in panel["successes"]]
    assert len(captured.captured_queries) == 1
    assert len(names) == 6 and all(names)


def test_the_panels_render_with_a_heading_and_their_links(client, rf):
    from django.template.loader import render_to_string

    world = build_world()
    request = rf.get("/")
    request.network_perms = frozenset({"learning.take_part"})
    html = render_to_string(
        "phases/_panel_products.html", {"panel": products_panel(world.network), "request": request}
    )
    assert 'aria-labelledby="panel-kennisproducten"' in html
    assert "Handreiking keukentafelgesprek" in html and "Kennisproduct toevoegen" in html
    html = render_to_string(
        "phases/_panel_successes.html",
        {"panel": successes_panel(world.network), "request": request},
    )
    assert "De eerste jongere is via het loket geholpen." in html


def test_a_save_from_an_older_adoption_page_does_not_undo_what_someone_else_recorded(client):
    from phases.forms_products import AdoptionForms
    from phases.products import adoption_rows

    world = build_world()
    product = world.network.products.get(pk=world.startup["<product>"])
    rows = adoption_rows(product)
    first, second = rows[0].organisation, rows[1].organisation
    # Both pages were opened now; the first person records the first organisation.
    old_page = {
        f"org-{r.organisation.pk}-{key}": value
        for r, form in zip(rows, AdoptionForms(rows), strict=True)
        for key, value in (
            ("status", r.status),
            ("since", r.since or ""),
            ("shown", form["shown"].value()),
        )
    }
    client.force_login(world.user(Role.TREKKER))
    url = reverse("product_adoption", args=[world.network.slug, product.pk])
    today = date.today().isoformat()
    client.post(
        url, {**old_page, f"org-{first.pk}-status": "in-gebruik", f"org-{first.pk}-since": today}
    )
    # The second person, from their older page, changes only the second organisation.
    client.post(url, {**old_page, f"org-{second.pk}-status": "afgesproken"})
    statuses = dict(product.adoptions.values_list("organisation_id", "status"))
    assert statuses[first.pk] == "in-gebruik"
    assert statuses[second.pk] == "afgesproken"
