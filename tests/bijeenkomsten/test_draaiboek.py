"""The draaiboek: start times that follow order and durations (also across noon and a
daylight-saving change), moving blocks, refusing changes made from an outdated page, and
the health check."""

from datetime import date, time

import pytest
from django.urls import reverse

from bijeenkomsten import draaiboek
from bijeenkomsten.models import DraaiboekBlock, Registration, Session
from liso.method import Role
from networks.models import Network
from tests.networks.world import build_world
from werkvormen.models import Werkvorm

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalogue")]


def _session(world, **fields) -> Session:
    session = Session.objects.get(network=world.network)
    for name, value in fields.items():
        setattr(session, name, value)
    session.save()
    session.blocks.all().delete()
    return session


def _blocks(session, *minutes, kind="werkvorm"):
    return [
        DraaiboekBlock.objects.create(
            session=session, position=i, kind=kind, title=f"Blok {i}", minutes=m
        )
        for i, m in enumerate(minutes)
    ]


def _clock(timed_blocks):
    return [(t.starts.strftime("%H:%M"), t.ends.strftime("%H:%M")) for t in timed_blocks]


def test_start_times_follow_the_order_and_cross_noon():
    world = build_world()
    session = _session(world, start_time=time(10, 30))
    blocks = _blocks(session, 45, 60, 30)
    assert _clock(draaiboek.timed(session, blocks)) == [
        ("10:30", "11:15"),
        ("11:15", "12:15"),
        ("12:15", "12:45"),
    ]


def test_start_times_recompute_after_a_reorder_and_a_new_duration():
    world = build_world()
    session = _session(world, start_time=time(13, 30))
    first, second, third = _blocks(session, 20, 40, 30)
    draaiboek.block_move(
        session=session, seen_version=session.draaiboek_version, block_id=third.pk, steps=-2
    )
    DraaiboekBlock.objects.filter(pk=third.pk).update(minutes=15)
    blocks = list(session.blocks.all())
    assert [b.pk for b in blocks] == [third.pk, first.pk, second.pk]
    assert _clock(draaiboek.timed(session, blocks)) == [
        ("13:30", "13:45"),
        ("13:45", "14:05"),
        ("14:05", "14:45"),
    ]


def test_a_session_across_the_spring_daylight_saving_change_keeps_real_durations():
    world = build_world()
    # On 28 March 2027 the clocks in the Netherlands jump from 02:00 to 03:00.
    session = _session(world, date=date(2027, 3, 28), start_time=time(1, 30))
    blocks = _blocks(session, 60, 30)
    assert _clock(draaiboek.timed(session, blocks)) == [("01:30", "03:30"), ("03:30", "04:00")]


def test_a_session_across_the_autumn_daylight_saving_change_keeps_real_durations():
    world = build_world()
    # On 31 October 2027 the clocks go back from 03:00 to 02:00.
    session = _session(world, date=date(2027, 10, 31), start_time=time(1, 30))
    blocks = _blocks(session, 90)
    assert _clock(draaiboek.timed(session, blocks)) == [("01:30", "02:00")]


def test_a_change_made_from_an_outdated_page_is_refused():
    world = build_world()
    session = _session(world)
    (block,) = _blocks(session, 30)
    seen = session.draaiboek_version
    draaiboek.block_add(session=session, seen_version=seen, kind="pauze", minutes=15)
    with pytest.raises(draaiboek.DraaiboekConflict):
        draaiboek.block_delete(session=session, seen_version=seen, block_id=block.pk)
    assert session.blocks.filter(pk=block.pk).exists()


def test_a_reorder_must_name_exactly_the_blocks_there_are():
    world = build_world()
    session = _session(world)
    a, b = _blocks(session, 10, 20)
    with pytest.raises(draaiboek.DraaiboekConflict):
        draaiboek.blocks_reorder(
            session=session, seen_version=session.draaiboek_version, order=[b.pk]
        )
    draaiboek.blocks_reorder(
        session=session, seen_version=session.draaiboek_version, order=[b.pk, a.pk]
    )
    assert list(session.blocks.values_list("pk", flat=True)) == [b.pk, a.pk]


def test_the_health_check_warns_when_the_blocks_overrun_the_planned_length():
    world = build_world()
    session = _session(world, planned_minutes=180)
    blocks = _blocks(session, 90, 60, 45)
    findings = draaiboek.health(session, blocks).findings
    assert findings[0].level == "warning"
    assert "15 minuten langer dan de geplande 180" in findings[0].text
    assert findings[0].link == reverse("guide_struikelblok", args=["overvolle-sessies"])


def test_the_health_check_wants_announcements_last_and_learning_first():
    world = build_world()
    session = _session(world, planned_minutes=180)
    verankeren = Werkvorm.objects.get(code="verankeren")
    reflectie = Werkvorm.objects.get(code="reflectie")
    blocks = [
        DraaiboekBlock.objects.create(
            session=session, position=0, kind="werkvorm", title="V", minutes=15, werkvorm=verankeren
        ),
        DraaiboekBlock.objects.create(
            session=session, position=1, kind="mededelingen", title="Mededelingen", minutes=60
        ),
        DraaiboekBlock.objects.create(
            session=session, position=2, kind="werkvorm", title="R", minutes=20, werkvorm=reflectie
        ),
    ]
    texts = " ".join(f.text for f in draaiboek.health(session, blocks).findings)
    assert "Zet de mededelingen aan het eind" in texts
    assert "van de tijd gaat naar samen leren" in texts  # 35 of 95 minutes
    assert "Verankeren" not in texts and "Sluit af met een reflectie" not in texts


def test_the_builder_adds_a_library_werkvorm_with_its_duration_and_materials(client):
    world = build_world()
    session = _session(world)
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    url = reverse("draaiboek_change", args=[world.network.slug, session.pk])
    response = client.post(
        url,
        {"versie": session.draaiboek_version, "actie": "werkvorm", "werkvorm": "speeddaten"},
        headers={"HX-Request": "true", "HX-Target": "draaiboek"},
    )
    block = session.blocks.get()
    werkvorm = Werkvorm.objects.get(code="speeddaten")
    assert (block.title, block.minutes) == (werkvorm.name, werkvorm.duration_min)
    assert block.materials == "\n".join(werkvorm.materials)
    body = response.content.decode()
    assert 'id="draaiboek"' in body and "<html" not in body  # the builder alone, for htmx


def test_each_block_of_the_builder_has_its_times_links_and_buttons(client):
    """The rows are put together in Python (sessions.draaiboek_block): times, minutes, the
    kind of a free block, who leads it, the werkvorm's page, the edit link, and the move
    buttons, disabled at either end, with focus kept on the button just used."""
    world = build_world()
    session = _session(world, start_time=time(13, 30))
    first, middle, last = _blocks(session, 1, 45, 20)
    DraaiboekBlock.objects.filter(pk=middle.pk).update(
        werkvorm=Werkvorm.objects.get(code="speeddaten"), responsible=world.members[Role.TREKKER]
    )
    DraaiboekBlock.objects.filter(pk=last.pk).update(kind="pauze", title="Koffie & thee")
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    body = client.get(reverse("draaiboek", args=[world.network.slug, session.pk])).content.decode()
    change = reverse("draaiboek_change", args=[world.network.slug, session.pk])
    rows = body[body.index("data-sortable") : body.index("</ol>", body.index("data-sortable"))]
    assert rows.count(f'action="{change}" hx-post="{change}"') == 3 * 3  # up, down, remove
    assert '<time datetime="2' in body and "13:30</time>–13:31" in body
    assert "13:31</time>–14:16" in body and "1 minuut<" in body and "45 minuten<" in body
    assert '<span class="liso-tag">pauze</span>' in body and "Koffie &amp; thee" in body
    assert world.members[Role.TREKKER].user.full_name in body
    assert body.count("nog niemand gekozen") == 2
    assert f'href="{reverse("werkvorm_detail", args=["speeddaten"])}"' in body
    for block in (first, middle, last):
        edit = reverse("block_edit", args=[world.network.slug, session.pk, block.pk])
        assert f'<a class="utrecht-link" href="{edit}">Wijzigen' in body
        assert f'name="blok" value="{block.pk}"' in body
    assert rows.count(" disabled>") == 2 and "autofocus" not in rows
    assert 'value="omhoog" disabled><span aria-hidden="true">↑</span>' in body
    assert 'value="omlaag" disabled><span aria-hidden="true">↓</span>' in body
    assert 'name="csrfmiddlewaretoken"' in body and "Omhoog: Blok 0" in body
    moved = client.post(
        change,
        {"versie": session.draaiboek_version, "actie": "omlaag", "blok": first.pk},
        headers={"HX-Request": "true", "HX-Target": "draaiboek"},
    ).content.decode()
    # Moved to the middle: focus stays on its "omlaag" button.
    assert 'value="omlaag" autofocus><span aria-hidden="true">↓</span>' in moved
    assert moved.count("autofocus") == 1


def test_a_stale_page_is_told_instead_of_changing_the_draaiboek(client):
    world = build_world()
    session = _session(world)
    (block,) = _blocks(session, 30)
    client.force_login(world.user(Role.TREKKER))
    url = reverse("draaiboek_change", args=[world.network.slug, session.pk])
    client.post(
        url, {"versie": session.draaiboek_version, "actie": "vrij", "soort": "pauze", "minuten": 10}
    )
    response = client.post(
        url,
        {"versie": session.draaiboek_version, "actie": "verwijderen", "blok": block.pk},
        headers={"HX-Request": "true"},
    )
    assert "Iemand anders heeft het draaiboek intussen gewijzigd" in response.content.decode()
    assert session.blocks.filter(pk=block.pk).exists()


def test_a_deelnemer_reads_the_programme_on_the_session_page(client):
    world = build_world()
    session = _session(world, start_time=time(13, 30))
    _blocks(session, 15)
    client.force_login(world.user(Role.DEELNEMER))
    page = client.get(reverse("session_detail", args=[world.network.slug, session.pk]))
    body = page.content.decode()
    assert "13:30–13:45" in body and "Blok 0" in body
    assert "Draaiboek maken of wijzigen" not in body


def test_copying_an_earlier_draaiboek_adds_its_blocks_at_the_end():
    world = build_world()
    session = _session(world)
    _blocks(session, 30)
    earlier = Session.objects.create(
        network=world.network,
        theme="Vorige keer",
        place="x",
        date=date(2026, 1, 10),
        start_time=time(13, 30),
    )
    _blocks(earlier, 15, 45)
    assert (
        draaiboek.blocks_copy(
            session=session, seen_version=session.draaiboek_version, source=earlier
        )
        == 2
    )
    assert [b.minutes for b in session.blocks.all()] == [30, 15, 45]
    assert earlier.blocks.count() == 2  # the source is untouched


def test_the_draaiboek_and_invitation_pdfs_hold_times_steps_and_place(client, tmp_path):
    from bijeenkomsten import reports
    from tests.pdftext import pdf_text

    world = build_world()
    session = _session(world, start_time=time(13, 30), theme="Experimenten kiezen")
    werkvorm = Werkvorm.objects.get(code="speeddaten")
    DraaiboekBlock.objects.create(
        session=session,
        position=0,
        kind="werkvorm",
        title=werkvorm.name,
        minutes=30,
        werkvorm=werkvorm,
        responsible=world.members[Role.PROCESBEGELEIDER],
    )
    DraaiboekBlock.objects.create(
        session=session, position=1, kind="pauze", title="Pauze", minutes=15
    )
    pdf, name = reports.draaiboek_pdf(session)
    text = pdf_text(pdf, tmp_path)
    for expected in (
        "Draaiboek",
        "Experimenten kiezen",
        "13:30–14:00",
        "14:00–14:15",
        "Speeddaten",
        "Lid procesbegeleider",
        werkvorm.tijdens[0][:30],
        "Stadhuis",
        "14:15–16:30 135 minuten zonder programma",
    ):
        assert expected in " ".join(text.split()), expected
    assert name.startswith("draaiboek-") and name.endswith("-jeugdhulp-dichtbij.pdf")
    invitation = " ".join(pdf_text(reports.invitation_pdf(session)[0], tmp_path).split())
    for expected in (
        "Uitnodiging: Experimenten kiezen",
        "13:30",
        "Speeddaten",
        "14:15 Geen vast programma meer",  # the session lasts until 16:30
        "16:30 Einde",
        "Stadhuis",
    ):
        assert expected in invitation, expected
    client.force_login(world.user(Role.DEELNEMER))
    url = reverse("session_invitation_pdf", args=[world.network.slug, session.pk])
    assert client.get(url)["Content-Type"] == "application/pdf"


def _advice(session, blocks) -> list[draaiboek.Finding]:
    return [f for f in draaiboek.health(session, blocks).findings if f.level == "advice"]


def test_the_advice_on_opening_and_closing_follows_the_networks_stage():
    world = build_world()
    session = _session(world, planned_minutes=30)
    blocks = _blocks(session, 30)
    session.network.status = Network.Status.OPSTART
    links = {f.link for f in _advice(session, blocks)}
    assert links == {
        reverse("werkvorm_detail", args=["brainstormen"]),
        reverse("werkvorm_detail", args=["reflectie"]),
    }
    session.network.status = Network.Status.LOPEND
    texts = " ".join(f.text for f in _advice(session, blocks))
    links = {f.link for f in _advice(session, blocks)}
    assert links == {
        reverse("werkvorm_detail", args=["verankeren"]),
        reverse("werkvorm_detail", args=["reflectieve-dialoog"]),
    }
    assert "Open met de werkvorm Verankeren" in texts and "Brainstormen" not in texts


def test_a_starting_network_that_opens_with_brainstormen_gets_no_opening_advice():
    world = build_world()
    session = _session(world, planned_minutes=45)
    session.network.status = Network.Status.OPSTART
    brainstormen = Werkvorm.objects.get(code="brainstormen")
    blocks = [
        DraaiboekBlock.objects.create(
            session=session, position=0, title="B", minutes=30, werkvorm=brainstormen
        ),
        *_blocks(session, 15),
    ]
    assert not any("Open met" in f.text for f in _advice(session, blocks))


def test_the_health_check_names_the_time_left_at_the_end_and_offers_to_fill_it():
    world = build_world()
    session = _session(world, start_time=time(13, 30), planned_minutes=180)
    blocks = _blocks(session, 60, 40, 45)  # ends at 15:55, the session at 16:30
    (gap,) = [f for f in _advice(session, blocks) if "zonder programma" in f.text]
    assert "35 minuten zonder programma aan het eind" in gap.text
    assert "15:55" in gap.text and "16:30" in gap.text
    assert [fields["actie"] for _label, fields in gap.actions] == ["inkorten", "vrij", "vrij"]
    assert gap.actions[1][1] == {
        "actie": "vrij",
        "soort": "anders",
        "titel": "Afsluiting",
        "minuten": 35,
    }
    filled = blocks + _blocks(session, 35)
    assert not [f for f in _advice(session, filled) if "zonder programma" in f.text]


def test_the_planner_fills_the_gap_with_a_block_from_the_health_check(client):
    world = build_world()
    session = _session(world, start_time=time(13, 30), planned_minutes=180)
    _blocks(session, 60, 40, 45)
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    page = client.get(reverse("draaiboek", args=[world.network.slug, session.pk]))
    assert "35 minuten zonder programma aan het eind" in page.content.decode()
    client.post(
        reverse("draaiboek_change", args=[world.network.slug, session.pk]),
        {
            "versie": session.draaiboek_version,
            "actie": "vrij",
            "soort": "pauze",
            "titel": "Vrije tijd om na te praten",
            "minuten": 35,
        },
    )
    page = client.get(reverse("draaiboek", args=[world.network.slug, session.pk]))
    assert "zonder programma" not in page.content.decode()
    assert session.blocks.last().title == "Vrije tijd om na te praten"


def test_ending_the_session_with_its_programme_changes_its_time_and_tells_those_invited(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    world = build_world()
    session = _session(world, start_time=time(13, 30), planned_minutes=180)
    _blocks(session, 60, 40, 40)
    Registration.objects.create(session=session, membership=world.members[Role.DEELNEMER])
    client.force_login(world.user(Role.PROCESBEGELEIDER))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("draaiboek_change", args=[world.network.slug, session.pk]),
            {"versie": session.draaiboek_version, "actie": "inkorten"},
            follow=True,
        )
    session.refresh_from_db()
    assert session.planned_minutes == 140 and session.sequence == 1
    assert "De bijeenkomst eindigt nu om 15:50" in response.content.decode()
    assert [m.to for m in mailoutbox] == [[world.user(Role.DEELNEMER).email]]
    assert "13:30–15:50" in mailoutbox[0].body
    history = world.network.revisions.get(object_key=f"session:{session.pk}")
    assert history.changes[0]["new"] == "140"


def test_the_invitation_names_the_time_after_a_programme_that_ends_early(tmp_path):
    from bijeenkomsten import reports
    from tests.pdftext import pdf_text

    world = build_world()
    session = _session(world, start_time=time(13, 30), planned_minutes=180)
    _blocks(session, 60, 40)  # the programme ends at 15:10, the session at 16:30
    text = " ".join(pdf_text(reports.invitation_pdf(session)[0], tmp_path).split())
    assert "13:30–16:30" in text
    assert "15:10 Geen vast programma meer: ruimte om na te praten 16:30 Einde" in text
    assert "15:10 Einde" not in text


def test_the_invitation_mail_names_the_time_after_the_programme(mailoutbox):
    from bijeenkomsten.tasks import send_session_mail

    world = build_world()
    session = _session(world, start_time=time(13, 30), planned_minutes=180)
    _blocks(session, 60, 40)
    send_session_mail.call(
        session_id=session.pk,
        membership_ids=[world.members[Role.DEELNEMER].pk],
        kind="uitnodiging",
        base_url="",
    )
    body = mailoutbox[0].body
    assert "15:10  Geen vast programma meer: ruimte om na te praten\n16:30  Einde" in body


def test_a_programme_that_runs_over_says_so_in_the_invitation(tmp_path):
    from bijeenkomsten import reports
    from tests.pdftext import pdf_text

    world = build_world()
    session = _session(world, start_time=time(13, 30), planned_minutes=60)
    _blocks(session, 60, 20)
    text = " ".join(pdf_text(reports.invitation_pdf(session)[0], tmp_path).split())
    assert "14:50 Einde" in text
    assert "Het programma loopt 20 minuten langer dan gepland." in text
