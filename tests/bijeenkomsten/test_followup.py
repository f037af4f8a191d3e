"""After a session: minutes and lessons (Markdown, sanitised), action points that come
back in the next session's preparation and on their owner's list, sharing the report by
mail, and the nudge when a report is missing."""

import io
import os
from datetime import date, time, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from bijeenkomsten import views_sessions
from bijeenkomsten.models import ActionPoint, DraaiboekBlock, Session
from liso.method import Role
from tests.bijeenkomsten.world import pdf_bytes, png_bytes
from tests.networks.world import build_world
from tests.pdftext import pdf_image_count, pdf_text
from werkvormen.models import Werkvorm

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalogue")]


def _url(name, world, session, **kwargs):
    return reverse(name, kwargs={"slug": world.network.slug, "pk": session.pk, **kwargs})


def _toggle_url(world, action):
    return reverse("action_toggle", kwargs={"slug": world.network.slug, "action": action.pk})


def _held(world, days_ago=3) -> Session:
    return Session.objects.create(
        network=world.network,
        theme="Wat werkt?",
        place="Stadhuis",
        date=date.today() - timedelta(days=days_ago),
        start_time=time(13, 30),
    )


def _write(client, world, session, minutes, lessons=""):
    return client.post(
        _url("session_report_edit", world, session),
        {"version": 0, "minutes": minutes, "lessons": lessons},
    )


def test_minutes_and_action_points_are_shared_and_come_back_in_the_next_session(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    world = build_world()
    upcoming = Session.objects.get(network=world.network)
    held = _held(world)
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    _write(
        client,
        world,
        held,
        "# Besproken\n\nWe kozen twee experimenten.<script>x()</script>",
        lessons="- Kleine stappen werken",
    )
    for what, role in [("Wijkteam bellen", Role.DEELNEMER), ("Subsidie nagaan", Role.TREKKER)]:
        client.post(
            _url("action_add", world, held),
            {
                "what": what,
                "owner": world.members[role].pk,
                "due_on": (date.today() + timedelta(days=14)).isoformat(),
            },
        )
    page = client.get(_url("session_report", world, held)).content.decode()
    assert "<h3>Besproken</h3>" in page and "<script>" not in page  # one h1 per page
    assert "We kozen twee experimenten." in page and "Wijkteam bellen" in page

    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url("session_report_share", world, held))
    members = world.network.memberships.filter(left_on__isnull=True).count()
    assert len(mailoutbox) == members
    body = mailoutbox[0].body
    assert "Kleine stappen werken" in body and "Wijkteam bellen" in body
    assert _url("session_report", world, held) in body

    following = client.get(_url("session_detail", world, upcoming)).content.decode()
    assert "Voortgang actiepunten" in following and "Subsidie nagaan" in following
    done = ActionPoint.objects.get(what="Subsidie nagaan")
    client.post(_toggle_url(world, done), {"klaar": "ja"})
    following = client.get(_url("session_detail", world, upcoming)).content.decode()
    assert "Subsidie nagaan" not in following and "Wijkteam bellen" in following


def test_an_owner_ticks_off_their_action_point_from_their_home_page(client):
    world = build_world()
    action = ActionPoint.objects.get(owner=world.members[Role.DEELNEMER])
    client.force_login(world.user(Role.DEELNEMER))
    assert action.what in client.get(reverse("home")).content.decode()
    url = _toggle_url(world, action)
    assert client.post(url, {"klaar": "ja", "terug": "home"}).url == reverse("home")
    action.refresh_from_db()
    assert action.done_at is not None
    assert action.what not in client.get(reverse("home")).content.decode()


def test_an_action_point_agreed_outside_a_session_comes_back_like_the_others(client):
    """Agreed in another talk (the yearly review): it is on its owner's home page, in the
    next session's preparation, and ticking it off returns to a page of the network only."""
    world = build_world()
    owner = world.members[Role.DEELNEMER]
    action = ActionPoint.objects.create(
        network=world.network,
        agreed_on=date.today() - timedelta(days=2),
        what="Besluitenlijst bijhouden",
        owner=owner,
        due_on=date.today() + timedelta(days=3),
    )
    upcoming = Session.objects.create(
        network=world.network,
        theme="Vooruit",
        place="Stadhuis",
        date=date.today() + timedelta(days=7),
        start_time=time(13, 30),
    )
    client.force_login(world.user(Role.TREKKER))
    preparation = client.get(_url("session_detail", world, upcoming)).content.decode()
    assert "Besluitenlijst bijhouden" in preparation and "afgesproken op" in preparation

    client.force_login(owner.user)
    home = client.get(reverse("home")).content.decode()
    assert "Besluitenlijst bijhouden" in home and "afgesproken op" in home
    elsewhere = client.post(
        _toggle_url(world, action), {"klaar": "ja", "terug": "https://elders.example/"}
    )
    assert elsewhere.url == reverse("network_overview", args=[world.network.slug])
    home = reverse("network_overview", args=[world.network.slug])
    for elsewhere in (
        home + "../../account/uitloggen/",
        home + "%2e%2e/%2e%2e/account/",
        home + "..//elders.example",
        "//elders.example" + home,
    ):
        answer = client.post(_toggle_url(world, action), {"klaar": "ja", "terug": elsewhere})
        assert answer.url == home, elsewhere
    back = reverse("network_history", args=[world.network.slug])
    assert client.post(_toggle_url(world, action), {"klaar": "nee", "terug": back}).url == back
    action.refresh_from_db()
    assert action.done_at is None


def test_a_session_shows_the_most_recent_open_action_points_and_links_to_all(client):
    """A long-running network has many open points: the session's page shows the most
    recent first (those of the last session), says how many more are open, and links to a
    view with all of them; ticking one off there returns to that view."""
    world = build_world()
    upcoming = Session.objects.get(network=world.network)
    ActionPoint.objects.filter(network=world.network).delete()
    held = [_held(world, days_ago=weeks * 7) for weeks in range(1, 5)]  # newest first
    for number, session in enumerate(held):
        for point in range(4):
            ActionPoint.objects.create(
                session=session, what=f"Punt {number}-{point}", owner=world.members[Role.TREKKER]
            )
    shown = views_sessions.EARLIER_ACTIONS_SHOWN
    assert shown < 16
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    url = _url("session_detail", world, upcoming)
    page = client.get(url).content.decode()
    listed = [f"Punt {n}-{p}" for n in range(4) for p in range(4) if f"Punt {n}-{p}" in page]
    assert listed == [f"Punt {n // 4}-{n % 4}" for n in range(shown)]  # the newest, in order
    assert f"Nog {16 - shown} eerdere actiepunten staan open." in page
    everything = client.get(url, {"actiepunten": "alle"}).content.decode()
    assert all(f"Punt {n}-{p}" in everything for n in range(4) for p in range(4))
    assert "eerdere actiepunten staan open" not in everything
    assert everything.index("Punt 0-0") < everything.index("Punt 3-3")
    assert '?actiepunten=alle#voortgang"' in page and 'id="voortgang"' in page
    # Ticked off from the full list, the planner is back on the full list.
    assert 'name="terug" value="' + url + '?actiepunten=alle"' in everything
    last = ActionPoint.objects.get(what="Punt 3-3")
    back = client.post(
        _toggle_url(world, last), {"klaar": "ja", "terug": url + "?actiepunten=alle"}
    )
    assert back.url == url + "?actiepunten=alle"
    page = client.get(url).content.decode()
    assert f"Nog {15 - shown} eerdere actiepunten staan open." in page
    # At most the cap: no link.
    ActionPoint.objects.filter(session=held[3]).delete()
    ActionPoint.objects.filter(session=held[2]).exclude(what="Punt 2-0").delete()
    page = client.get(url).content.decode()
    assert "Punt 2-0" in page and "eerdere actiepunten staan open" not in page
    assert "eerder actiepunt staat open" not in page and "actiepunten=alle" not in page


def test_an_empty_report_is_not_shared(client, mailoutbox):
    world = build_world()
    held = _held(world)
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    response = client.post(_url("session_report_share", world, held), follow=True)
    assert "een leeg verslag delen we niet" in response.content.decode()
    assert mailoutbox == []


def test_a_week_without_minutes_brings_a_nudge_that_writing_them_removes(client):
    world = build_world()
    held = _held(world, days_ago=8)
    overview = reverse("network_overview", args=[world.network.slug])
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    assert "heeft nog geen verslag" in client.get(overview).content.decode()
    client.force_login(world.user(Role.DEELNEMER))
    assert "heeft nog geen verslag" not in client.get(overview).content.decode()
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    _write(client, world, held, "Kort verslag.")
    assert "heeft nog geen verslag" not in client.get(overview).content.decode()


def _upload(client, world, session, name, content, caption=""):
    return client.post(
        _url("photo_add", world, session),
        {"file": SimpleUploadedFile(name, content), "caption": caption},
    )


def test_a_photo_of_the_flip_over_is_kept_and_shown_only_to_members(
    client, django_capture_on_commit_callbacks
):
    world = build_world()
    held = _held(world)
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    response = _upload(client, world, held, "IMG_2041.JPG", png_bytes((40, 30)), "De flap")
    assert response.status_code == 302
    photo = held.photos.get()
    assert photo.content_type == "image/png" and photo.file.name.endswith(".png")
    assert "IMG_2041" not in photo.file.name
    url = _url("photo_file", world, held, photo=photo.pk)
    assert f'src="{url}"' in client.get(_url("session_report", world, held)).content.decode()

    client.force_login(world.user(Role.DEELNEMER))
    served = client.get(url)
    assert served["Content-Type"] == "image/png"
    assert b"".join(served.streaming_content) == photo.file.open("rb").read()
    for outsider in (world.outsider, world.left):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to the login page
    assert client.get("/media/" + photo.file.name).status_code == 404  # no public media URL

    client.force_login(world.user(Role.PROCESBEGELEIDER))
    path = photo.file.path
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url("photo_delete", world, held, photo=photo.pk))
    assert not held.photos.exists() and not os.path.exists(path)


def test_a_pdf_is_offered_as_a_download(client):
    world = build_world()
    held = _held(world)
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    _upload(client, world, held, "tekening.pdf", pdf_bytes())
    photo = held.photos.get()
    served = client.get(_url("photo_file", world, held, photo=photo.pk))
    assert served["Content-Type"] == "application/pdf"
    assert served["Content-Disposition"].startswith("attachment;")


def test_a_wrong_type_or_a_file_over_the_limit_is_told_and_nothing_is_kept(client, settings):
    world = build_world()
    held = _held(world)
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    renamed = _upload(client, world, held, "flap.jpg", b"<html><script>alert(1)</script>")
    assert "Kies een foto (jpg, png of webp) of een pdf." in renamed.content.decode()
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    too_big = _upload(client, world, held, "groot.png", png_bytes() + b"\0" * (1024 * 1024))
    assert "Het mag hoogstens 1 MB zijn." in too_big.content.decode()
    assert too_big.context["photo_form"].errors["file"]
    assert not held.photos.exists()


def test_an_image_of_too_many_pixels_is_refused_beside_the_field_and_nothing_is_kept(client):
    world = build_world()
    held = _held(world)
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    buffer = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(buffer, "PNG")  # a few KB, 100 megapixels
    response = _upload(client, world, held, "flap.png", buffer.getvalue())
    assert response.status_code == 200
    assert "te veel beeldpunten" in " ".join(response.context["photo_form"].errors["file"])
    assert 'id="id_file_error"' in response.text
    assert not held.photos.exists()


def test_a_photo_is_kept_shrunk_and_without_what_was_appended_and_a_pdf_without_its_tail(
    client,
):
    world = build_world()
    held = _held(world)
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    appended = b"<html><script>alert(1)</script></html>"
    _upload(client, world, held, "groot.png", png_bytes((3000, 2000)) + appended)
    _upload(client, world, held, "verslag.pdf", pdf_bytes() + appended)
    image, document = held.photos.order_by("pk")
    stored = image.file.open("rb").read()
    assert b"script" not in stored and image.size == len(stored)
    assert Image.open(io.BytesIO(stored)).size == (2000, 1333)
    stored = document.file.open("rb").read()
    assert stored.startswith(b"%PDF-") and b"script" not in stored


def test_a_file_that_only_starts_like_a_pdf_is_refused(client):
    world = build_world()
    held = _held(world)
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    response = _upload(client, world, held, "x.pdf", b"%PDF-<html><script>x</script></html>")
    assert "Deze pdf kunnen we niet lezen" in response.text
    assert not held.photos.exists()


def test_the_sessieverslag_pdf_holds_programme_attendance_minutes_actions_and_photos(
    client, tmp_path
):
    world = build_world()
    session = Session.objects.get(network=world.network)  # has a block, an action, a photo
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    _write(client, world, session, "Besproken: **de wachtlijst**.", lessons="Vroeg beginnen.")
    present = [world.members[Role.TREKKER].pk, world.members[Role.DEELNEMER].pk]
    session.date = date.today()
    session.save()
    client.post(_url("session_attendance", world, session), {"aanwezig": present})
    response = client.get(_url("session_report_pdf", world, session))
    assert response["Content-Type"] == "application/pdf"
    pdf = b"".join(response.streaming_content)
    text = " ".join(pdf_text(pdf, tmp_path).split())
    for expected in [
        f"Sessieverslag: {session.theme}",
        "Welkom",
        "Lid deelnemer, Lid trekker",
        "Besproken: de wachtlijst.",
        "Vroeg beginnen.",
        "Zaal vastleggen",
        "De flap",
    ]:
        assert expected in text, f"{expected!r} is missing from the sessieverslag"
    assert pdf_image_count(pdf, tmp_path) == 1
    client.force_login(world.user(Role.VERBINDINGSFUNCTIONARIS))
    assert client.get(_url("session_report_pdf", world, session)).status_code == 403


def test_participants_look_back_and_the_library_shows_how_a_werkvorm_worked(client):
    world = build_world()
    held = _held(world)
    speeddaten = Werkvorm.objects.get(code="speeddaten")
    DraaiboekBlock.objects.create(
        session=held,
        position=1,
        kind="werkvorm",
        minutes=30,
        werkvorm=speeddaten,
        title=speeddaten.name,
    )
    for role, score in [(Role.DEELNEMER, "4"), (Role.TREKKER, "5")]:
        client.force_login(world.user(role))
        form = client.get(_url("session_terugblik", world, held))
        assert [w for w, _score in form.context["werkvormen"]] == [speeddaten]
        client.post(
            _url("session_terugblik", world, held),
            {
                "goed": f"Goed gesprek ({role})",
                "nodig": "Meer tijd",
                f"werkvorm-{speeddaten.pk}": score,
            },
        )
    # The trekker answers again: that changes their answer instead of adding one.
    again = {"goed": "Het gesprek met ouders", "nodig": "", f"werkvorm-{speeddaten.pk}": "5"}
    client.post(_url("session_terugblik", world, held), again)

    client.force_login(world.user(Role.PROCESBEGELEIDER))
    page = client.get(_url("session_terugblikken", world, held))
    grouped = page.context["grouped"]
    assert grouped.count == 2
    assert sorted(grouped.went_well) == ["Goed gesprek (deelnemer)", "Het gesprek met ouders"]
    assert grouped.ratings == [("Speeddaten", 4.5, 2)]
    assert "Lid trekker" not in page.content.decode()  # answers without names

    library = client.get(reverse("werkvorm_detail", args=["speeddaten"])).content.decode()
    assert "Gemiddeld 4,5 van 5 (2 waarderingen uit 1 netwerk)." in library


def test_looking_back_opens_on_the_day_of_the_session(client):
    world = build_world()
    upcoming = Session.objects.get(network=world.network)
    client.force_login(world.user(Role.DEELNEMER))
    page = client.get(_url("session_terugblik", world, upcoming)).content.decode()
    assert "Na de bijeenkomst kun je hier terugblikken." in page
    assert client.post(_url("session_terugblik", world, upcoming), {"goed": "x"}).status_code == 403


def test_in_an_archived_network_nobody_is_offered_to_tick_off_a_task_or_action_point(client):
    from django.utils import timezone

    world = build_world()
    task = world.network.sessions.get(pk=world.startup["<session>"]).tasks.get(
        pk=world.startup["<task>"]
    )
    client.force_login(world.user(Role.DEELNEMER))
    session_url = reverse("session_detail", args=[world.network.slug, task.session_id])
    report_url = reverse("session_report", args=[world.network.slug, task.session_id])
    assert "Afvinken" in client.get(session_url).content.decode()
    assert "Afvinken" in client.get(report_url).content.decode()
    world.network.archived_at = timezone.now()
    world.network.save(update_fields=["archived_at"])
    assert "Afvinken" not in client.get(session_url).content.decode()
    assert "Afvinken" not in client.get(report_url).content.decode()
