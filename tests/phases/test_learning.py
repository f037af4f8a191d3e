"""The journey's learning part: moving between phases, rounds, experiments from plan to
joint assessment, observations, and reflections that stay private until shared."""

import io
from datetime import date, time, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from bijeenkomsten.models import Session
from liso.method import Role
from phases.models import Experiment, PhaseChange, Reflection, Round
from tests.bijeenkomsten.world import png_bytes
from tests.networks.factories import MembershipFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def _url(world, name, **kwargs):
    return reverse(name, kwargs={"slug": world.network.slug, **kwargs})


def _as(client, world, role):
    client.force_login(world.user(role))
    return client


def _experiment(world, **fields):
    """The world's experiment (the deelnemer's), or a new one with these fields."""
    if not fields:
        return world.network.experiments.get(pk=world.startup["<experiment>"])
    defaults = {"title": "Proef", "expectation": "x", "change": "y", "version": 1}
    return Experiment.objects.create(network=world.network, **{**defaults, **fields})


# --- phases ---------------------------------------------------------------------------------


def test_the_trekker_moves_the_network_forward_and_back_and_the_history_keeps_both(
    client, journey_world
):
    world = journey_world
    world.network.current_phase = 2
    world.network.save()
    trekker = _as(client, world, Role.TREKKER)
    url = _url(world, "phase_change")
    forward = trekker.post(url, {"to_phase": 3, "reason": "De experimenten zijn besproken."})
    assert forward.status_code == 302
    trekker.post(url, {"to_phase": 2, "reason": "We missen nog een ronde in het onderwijs."})
    world.network.refresh_from_db()
    assert world.network.current_phase == 2
    moves = list(PhaseChange.objects.filter(network=world.network).order_by("changed_at", "pk"))
    assert [(m.from_phase, m.to_phase) for m in moves] == [(2, 3), (3, 2)]
    assert moves[1].is_back and not moves[0].is_back
    page = trekker.get(_url(world, "journey_home")).content.decode()
    assert "De experimenten zijn besproken." in page
    assert "We missen nog een ronde in het onderwijs." in page
    assert "Van fase 3 naar fase 2" in page


def test_moving_to_the_same_phase_or_without_a_reason_is_refused_beside_the_field(
    client, journey_world
):
    world = journey_world
    world.network.current_phase = 1
    world.network.save()
    trekker = _as(client, world, Role.TREKKER)
    same = trekker.post(_url(world, "phase_change"), {"to_phase": 1, "reason": "Waarom niet"})
    assert "Het netwerk zit al in deze fase" in same.content.decode()
    empty = trekker.post(_url(world, "phase_change"), {"to_phase": 2, "reason": ""})
    assert empty.status_code == 200
    assert not PhaseChange.objects.filter(network=world.network).exists()


def test_starting_again_at_phase_1_after_phase_3_is_not_a_step_back():
    assert not PhaseChange(from_phase=3, to_phase=1).is_back
    assert PhaseChange(from_phase=3, to_phase=2).is_back


def test_the_phase_page_shows_what_the_network_made_in_it(client, journey_world):
    world = journey_world
    page = _as(client, world, Role.DEELNEMER).get(_url(world, "phase_detail", number=2))
    text = page.content.decode()
    assert "Samen doorgronden" in text
    assert "Aan de slag met experimenten" in text  # a werkvorm of the phase
    assert "1</span> experimenten" in text


# --- rounds ---------------------------------------------------------------------------------


def test_one_round_is_open_at_a_time_and_closing_pools_its_results(client, journey_world):
    world = journey_world
    procesbegeleider = _as(client, world, Role.PROCESBEGELEIDER)
    again = procesbegeleider.post(_url(world, "round_open"), follow=True)
    assert "Er loopt al een ronde" in again.content.decode()
    open_round = Round.objects.get(network=world.network)
    for outcome in ("bevestigd", "deels", "deels"):
        _experiment(world, round=open_round, status="klaar", outcome=outcome)
    procesbegeleider.post(_url(world, "round_close", number=open_round.number))
    open_round.refresh_from_db()
    assert not open_round.is_open
    page = procesbegeleider.get(_url(world, "round_detail", number=1)).content.decode()
    assert "De verwachting klopte deels</span> 2" in page
    procesbegeleider.post(_url(world, "round_open"))
    assert Round.objects.get(network=world.network, closed_on=None).number == 2


# --- experiments ----------------------------------------------------------------------------


def _plan(world, **extra):
    return {
        "version": 0,
        "title": "Huisbezoek in plaats van kantoor",
        "expectation": "Ouders vertellen meer thuis.",
        "change": "We gaan op huisbezoek.",
        "group": [world.members[Role.DEELNEMER].pk],
        "weeks": 6,
        "round": Round.objects.get(network=world.network, closed_on=None).pk,
        **extra,
    }


def test_a_deelnemer_plans_an_experiment_and_is_in_its_group(client, journey_world):
    world = journey_world
    deelnemer = _as(client, world, Role.DEELNEMER)
    form = deelnemer.get(_url(world, "experiment_add")).content.decode()
    assert "Experiment plannen" in form
    response = deelnemer.post(_url(world, "experiment_add"), _plan(world))
    experiment = Experiment.objects.get(title="Huisbezoek in plaats van kantoor")
    assert response.url == _url(world, "experiment_detail", pk=experiment.pk)
    assert experiment.created_by == world.members[Role.DEELNEMER]
    assert experiment.round.number == 1 and experiment.status == "plan"
    assert world.network.revisions.filter(object_key=f"experiment:{experiment.pk}").exists()


def test_the_group_check_names_the_knowledge_that_is_missing(client, journey_world):
    world = journey_world
    experiment = _experiment(world)
    researcher = MembershipFactory(network=world.network, perspective="onderzoek")
    experiment.group.set([world.members[Role.DEELNEMER], researcher])
    page = (
        _as(client, world, Role.DEELNEMER)
        .get(_url(world, "experiment_detail", pk=experiment.pk))
        .content.decode()
    )
    assert "In deze groep ontbreekt: ervaringskennis" in page
    lived = MembershipFactory(network=world.network, perspective="doelgroep")
    experiment.group.add(lived)
    page = client.get(_url(world, "experiment_detail", pk=experiment.pk)).content.decode()
    assert "In deze groep ontbreekt" not in page


def test_someone_elses_experiment_is_changed_only_by_its_group_or_those_who_lead(
    client, journey_world
):
    world = journey_world
    experiment = _experiment(world)  # the deelnemer's, with the deelnemer as its group
    url = _url(world, "experiment_edit", pk=experiment.pk)
    data = {**_plan(world), "version": experiment.version, "title": "Nieuwe titel"}
    outsider = MembershipFactory(network=world.network, roles=[Role.DEELNEMER])
    client.force_login(outsider.user)
    assert client.post(url, data).status_code == 403
    experiment.group.add(outsider)
    assert client.post(url, {**data, "group": [outsider.pk]}).status_code == 302
    experiment.refresh_from_db()
    assert experiment.title == "Nieuwe titel"
    assert _as(client, world, Role.PROJECTASSISTENT).post(url, data).status_code == 403
    leader = _as(client, world, Role.PROCESBEGELEIDER)
    assert leader.post(url, {**data, "version": experiment.version}).status_code == 302


def test_an_experiment_runs_gets_observations_and_closes_with_an_outcome(client, journey_world):
    world = journey_world
    experiment = _experiment(world, created_by=world.members[Role.DEELNEMER])
    experiment.group.set([world.members[Role.DEELNEMER]])
    deelnemer = _as(client, world, Role.DEELNEMER)
    before = experiment.observations.count()  # the world's own
    deelnemer.post(_url(world, "experiment_start", pk=experiment.pk))
    experiment.refresh_from_db()
    assert experiment.status == "loopt" and experiment.starts_on == date.today()
    for text, value in [("Drie gezinnen thuis gesproken", "3"), ("Ouders openhartiger", "")]:
        deelnemer.post(
            _url(world, "observation_add", pk=experiment.pk),
            {
                "noted_on": date.today().isoformat(),
                "text": text,
                "value": value,
                "unit": "gesprekken" if value else "",
            },
        )
    assert experiment.observations.count() == before + 2
    closed = deelnemer.post(
        _url(world, "experiment_outcome", pk=experiment.pk),
        {
            "version": experiment.version,
            "outcome": "deels",
            "outcome_note": "Thuis ging beter, maar kost meer tijd.",
        },
    )
    assert closed.status_code == 302
    experiment.refresh_from_db()
    assert experiment.status == "klaar" and experiment.outcome == "deels"
    page = deelnemer.get(_url(world, "experiment_detail", pk=experiment.pk)).content.decode()
    assert "Drie gezinnen thuis gesproken" in page and "gesprekken" in page
    assert "De verwachting klopte deels" in page


def test_an_observation_in_the_future_a_unit_without_number_or_a_wrong_photo_is_refused(
    client, journey_world
):
    world = journey_world
    experiment = _experiment(world)
    deelnemer = _as(client, world, Role.DEELNEMER)
    url = _url(world, "observation_add", pk=experiment.pk)
    before = experiment.observations.count()
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    page = deelnemer.post(url, {"noted_on": tomorrow, "text": "x", "unit": "keer"})
    text = page.content.decode()
    assert "Deze datum ligt in de toekomst." in text and "Vul ook het getal in" in text
    fake = SimpleUploadedFile("foto.jpg", b"<html>geen foto</html>", content_type="image/jpeg")
    page = deelnemer.post(url, {"noted_on": date.today().isoformat(), "text": "x", "photo": fake})
    assert "Kies een foto" in page.content.decode()
    assert experiment.observations.count() == before


def test_an_observation_photo_is_shown_to_members_only(client, journey_world):
    world = journey_world
    experiment = _experiment(world)
    deelnemer = _as(client, world, Role.DEELNEMER)
    photo = SimpleUploadedFile("flap.png", png_bytes(), content_type="image/png")
    data = {"noted_on": date.today().isoformat(), "text": "De flap", "photo": photo}
    deelnemer.post(_url(world, "observation_add", pk=experiment.pk), data)
    observation = experiment.observations.latest("pk")
    assert observation.photo.name.endswith(".png") and "flap" not in observation.photo.name
    url = _url(world, "observation_photo", pk=experiment.pk, observation=observation.pk)
    assert deelnemer.get(url)["Content-Type"] == "image/png"
    client.force_login(world.outsider)
    assert client.get(url).status_code == 404


def test_an_observation_photo_is_kept_upright_small_and_without_what_was_appended(
    client, journey_world
):
    world = journey_world
    experiment = _experiment(world)
    deelnemer = _as(client, world, Role.DEELNEMER)
    content = png_bytes((2500, 100)) + b"<html><script>x()</script></html>"
    photo = SimpleUploadedFile("flap.png", content, content_type="image/png")
    data = {"noted_on": date.today().isoformat(), "text": "De flap", "photo": photo}
    deelnemer.post(_url(world, "observation_add", pk=experiment.pk), data)
    stored = experiment.observations.latest("pk").photo.open("rb").read()
    assert b"script" not in stored
    assert Image.open(io.BytesIO(stored)).size == (2000, 80)


def _held_session(world):
    return Session.objects.create(
        network=world.network,
        theme="Uitkomsten bespreken",
        date=date.today() - timedelta(days=2),
        start_time=time(13),
    )


def test_the_joint_assessment_is_made_by_those_who_lead_and_linked_to_a_session(
    client, journey_world
):
    world = journey_world
    experiment = _experiment(world, status="klaar", outcome="niet")
    held = _held_session(world)
    url = _url(world, "experiment_assessment", pk=experiment.pk)
    data = {
        "version": experiment.version,
        "assessment": "Het lag niet aan de plek.",
        "assessment_session": held.pk,
    }
    # Nobody's group: a deelnemer is no participant of it.
    assert _as(client, world, Role.DEELNEMER).post(url, data).status_code == 403
    assert _as(client, world, Role.PROCESBEGELEIDER).post(url, data).status_code == 302
    experiment.refresh_from_db()
    assert experiment.assessment_session == held
    page = client.get(_url(world, "experiment_detail", pk=experiment.pk)).content.decode()
    assert "Uitkomsten bespreken" in page and "Het lag niet aan de plek." in page


def test_a_participant_records_the_joint_assessment_and_another_changes_it_with_history(
    client, journey_world
):
    world = journey_world
    experiment = _experiment(world)  # the deelnemer's group
    colleague = world.members[Role.PROJECTASSISTENT]
    experiment.group.add(colleague)
    url = _url(world, "experiment_assessment", pk=experiment.pk)
    deelnemer = _as(client, world, Role.DEELNEMER)
    form = deelnemer.get(url).content.decode()
    assert "Jullie gezamenlijke oordeel" in form and "deelnemers aan dit experiment" in form
    detail = deelnemer.get(_url(world, "experiment_detail", pk=experiment.pk)).content.decode()
    assert url in detail  # the participant is offered the link
    first = {"version": experiment.version, "assessment": "Het werkte in de wijk."}
    assert deelnemer.post(url, first).status_code == 302
    experiment.refresh_from_db()
    assert experiment.assessment == "Het werkte in de wijk."
    stale = first["version"]
    colleague_client = _as(client, world, Role.PROJECTASSISTENT)
    second = {"version": experiment.version, "assessment": "Het werkte, maar niet overal."}
    assert colleague_client.post(url, second).status_code == 302
    # A save from the copy the deelnemer opened before is told, not lost.
    conflict = _as(client, world, Role.DEELNEMER).post(
        url, {"version": stale, "assessment": "Iets anders."}
    )
    assert conflict.status_code == 200
    experiment.refresh_from_db()
    assert experiment.assessment == "Het werkte, maar niet overal."
    revisions = world.network.revisions.filter(object_key=f"experiment:{experiment.pk}")
    by = [revision.changed_by for revision in revisions.filter(version__gt=stale - 1)]
    assert by[:2] == [colleague.user, world.user(Role.DEELNEMER)]


def test_a_member_outside_the_group_neither_records_the_assessment_nor_sees_the_link(
    client, journey_world
):
    world = journey_world
    experiment = _experiment(world)  # the deelnemer's group, not the projectassistent's
    url = _url(world, "experiment_assessment", pk=experiment.pk)
    outsider = _as(client, world, Role.PROJECTASSISTENT)
    data = {"version": experiment.version, "assessment": "Mijn mening."}
    assert outsider.post(url, data).status_code == 403
    detail = outsider.get(_url(world, "experiment_detail", pk=experiment.pk)).content.decode()
    assert url not in detail
    experiment.refresh_from_db()
    assert experiment.assessment == ""


def test_the_experiment_list_makes_the_same_queries_for_2_or_40_experiments(client, journey_world):
    world = journey_world
    _as(client, world, Role.TREKKER)
    url = _url(world, "experiment_list")
    few = count_queries(client, url)
    members = list(world.network.memberships.all())
    for n in range(40):
        experiment = _experiment(world, round_id=None)
        experiment.group.set(members[: 1 + n % 4])
    assert count_queries(client, url) == few
    assert "Pagina 1 van 3" in client.get(url).content.decode()


# --- reflections ----------------------------------------------------------------------------


def _private_text():
    return "Ik merk dat ik bang ben om fouten te maken."


def test_a_private_reflection_is_read_by_nobody_else_anywhere(client, journey_world):
    world = journey_world
    deelnemer = _as(client, world, Role.DEELNEMER)
    deelnemer.post(_url(world, "reflection_add"), {"level": "ik", "text": _private_text()})
    reflection = Reflection.objects.get(text=_private_text())
    assert not reflection.is_shared
    assert _private_text() in deelnemer.get(_url(world, "reflection_list")).content.decode()
    pages = [
        _url(world, "reflection_list"),
        _url(world, "reflection_list") + "?van=netwerk",
        _url(world, "journey_home"),
        _url(world, "journey_panels"),
        _url(world, "network_overview"),
        reverse("home"),
    ]
    for role in (Role.TREKKER, Role.PROCESBEGELEIDER, Role.PROJECTASSISTENT):
        other = _as(client, world, role)
        for url in pages:
            assert _private_text() not in other.get(url).content.decode(), (role, url)
        assert other.get(_url(world, "reflection_edit", pk=reflection.pk)).status_code == 404
        assert other.post(_url(world, "reflection_delete", pk=reflection.pk)).status_code == 404
    # Nor does its text reach any history others can read.
    assert not world.network.revisions.filter(object_label__contains="bang").exists()


def test_the_procesbegeleider_sees_how_many_reflections_are_private_never_their_text(
    client, journey_world
):
    world = journey_world
    for level in ("ik", "ik", "werkveld"):
        Reflection.objects.create(
            network=world.network,
            author=world.members[Role.DEELNEMER],
            level=level,
            text=_private_text(),
        )
    page = _as(client, world, Role.PROCESBEGELEIDER).get(_url(world, "reflection_list"))
    text = page.content.decode()
    # The world already holds one private reflection of the deelnemer at level "ik".
    assert "Er zijn 4 reflecties die de schrijvers voor zichzelf houden" in text
    assert "Ik: 3" in text
    assert _private_text() not in text
    deelnemer_page = _as(client, world, Role.DEELNEMER).get(_url(world, "reflection_list"))
    assert "voor zichzelf houden" not in deelnemer_page.content.decode()


def test_a_shared_reflection_is_read_by_the_network(client, journey_world):
    world = journey_world
    deelnemer = _as(client, world, Role.DEELNEMER)
    data = {"level": "netwerk", "text": "Samen durven we meer.", "share": "on"}
    deelnemer.post(_url(world, "reflection_add"), data)
    shared = _as(client, world, Role.VERBINDINGSFUNCTIONARIS).get(
        _url(world, "reflection_list") + "?van=netwerk"
    )
    assert "Samen durven we meer." in shared.content.decode()
    panels = client.get(_url(world, "journey_panels")).content.decode()
    assert "Samen durven we meer." in panels


def test_a_reflection_on_a_session_starts_from_the_session_page(client, journey_world):
    world = journey_world
    session = world.network.sessions.get(pk=world.startup["<session>"])
    deelnemer = _as(client, world, Role.DEELNEMER)
    page = deelnemer.get(reverse("session_detail", args=[world.network.slug, session.pk]))
    link = f"{_url(world, 'reflection_add')}?bijeenkomst={session.pk}"
    assert link in page.content.decode()
    deelnemer.post(link, {"level": "ik", "text": "Het speeddaten hielp me."})
    assert Reflection.objects.get(text="Het speeddaten hielp me.").session == session


def test_a_quick_reflection_from_the_home_page_is_private_by_default(client, journey_world):
    world = journey_world
    deelnemer = _as(client, world, Role.DEELNEMER)
    home = deelnemer.get(reverse("home")).content.decode()
    assert "Even reflecteren" in home
    data = {"netwerk": world.network.slug, "level": "werkveld", "text": "Scholen moeten meedoen."}
    response = deelnemer.post(reverse("reflection_quick"), data)
    assert response.url == reverse("home")
    reflection = Reflection.objects.get(text="Scholen moeten meedoen.")
    assert reflection.author == world.members[Role.DEELNEMER] and not reflection.is_shared
    client.force_login(world.outsider)
    client.post(
        reverse("reflection_quick"),
        {"netwerk": world.network.slug, "level": "ik", "text": "Binnengedrongen"},
    )
    assert not Reflection.objects.filter(text="Binnengedrongen").exists()


# --- after review: nothing lost, nothing undone ---------------------------------------------


def test_a_second_try_at_a_quick_reflection_is_saved_in_its_network(client, journey_world):
    world = journey_world
    deelnemer = _as(client, world, Role.DEELNEMER)
    empty = deelnemer.post(
        reverse("reflection_quick"), {"netwerk": world.network.slug, "level": "ik", "text": ""}
    )
    page = empty.content.decode()
    action = _url(world, "reflection_add")
    assert f'action="{action}"' in page
    deelnemer.post(action, {"level": "ik", "text": "Nu wel opgeschreven."})
    assert Reflection.objects.filter(text="Nu wel opgeschreven.").exists()


def test_saving_an_old_experiment_keeps_a_member_who_left_and_its_closed_round(
    client, journey_world
):
    world = journey_world
    closed = Round.objects.create(
        network=world.network, number=9, opened_on="2025-01-01", closed_on="2025-03-01"
    )
    gone = MembershipFactory(network=world.network, left_on=date.today())
    experiment = _experiment(world, round=closed)
    experiment.group.set([world.members[Role.DEELNEMER], gone])
    data = {
        **_plan(world),
        "version": experiment.version,
        "round": closed.pk,
        "group": [world.members[Role.DEELNEMER].pk, gone.pk],
    }
    leader = _as(client, world, Role.PROCESBEGELEIDER)
    assert leader.post(_url(world, "experiment_edit", pk=experiment.pk), data).status_code == 302
    assert set(experiment.group.all()) == {world.members[Role.DEELNEMER], gone}
    # A new experiment cannot go into that closed round.
    new = leader.post(_url(world, "experiment_add"), {**data, "version": 0, "title": "Laat"})
    assert new.status_code == 200 and not Experiment.objects.filter(title="Laat").exists()


def test_an_outcome_comes_after_the_start_and_the_history_shows_it_done(client, journey_world):
    world = journey_world
    experiment = _experiment(world, created_by=world.members[Role.DEELNEMER])
    experiment.group.set([world.members[Role.DEELNEMER]])
    deelnemer = _as(client, world, Role.DEELNEMER)
    url = _url(world, "experiment_outcome", pk=experiment.pk)
    assert deelnemer.get(url).url == _url(world, "experiment_detail", pk=experiment.pk)
    deelnemer.post(_url(world, "experiment_start", pk=experiment.pk))
    deelnemer.post(_url(world, "experiment_start", pk=experiment.pk))  # a second tap
    experiment.refresh_from_db()
    deelnemer.post(url, {"version": experiment.version, "outcome": "bevestigd"})
    last = world.network.revisions.filter(object_key=f"experiment:{experiment.pk}").first()
    assert {change["field"] for change in last.changes} >= {"status", "outcome"}


def test_deleting_an_experiment_removes_its_photos(
    client, journey_world, django_capture_on_commit_callbacks
):
    world = journey_world
    experiment = _experiment(world, created_by=world.members[Role.DEELNEMER])
    experiment.group.set([world.members[Role.DEELNEMER]])
    deelnemer = _as(client, world, Role.DEELNEMER)
    photo = SimpleUploadedFile("flap.png", png_bytes(), content_type="image/png")
    data = {"noted_on": date.today().isoformat(), "text": "Foto", "photo": photo}
    deelnemer.post(_url(world, "observation_add", pk=experiment.pk), data)
    stored = experiment.observations.get().photo
    storage, name = stored.storage, stored.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        deelnemer.post(_url(world, "experiment_delete", pk=experiment.pk))
    assert not storage.exists(name)


def test_a_sessions_page_leads_to_the_experiments_judged_in_it(client, journey_world):
    world = journey_world
    session = world.network.sessions.get(pk=world.startup["<session>"])
    judged = _experiment(
        world,
        status="klaar",
        outcome="deels",
        assessment="Samen gewogen.",
        assessment_session=session,
    )
    _experiment(world, title="Niet besproken")
    deelnemer = _as(client, world, Role.DEELNEMER)
    page = deelnemer.get(reverse("session_detail", args=[world.network.slug, session.pk]))
    link = f"{_url(world, 'experiment_list')}?bijeenkomst={session.pk}"
    assert link in page.content.decode()
    listed = deelnemer.get(link).content.decode()
    assert judged.title in listed and "Niet besproken" not in listed


def test_the_experiment_forms_options_are_read_without_model_instances_but_say_the_same(
    journey_world,
):
    """The options come from values_list (phases.forms.offer); they must be the very
    options Django's ModelChoiceIterator gives with the labels the form used to make."""
    from django import forms

    from phases.forms import ExperimentForm

    world = journey_world
    gone = MembershipFactory(network=world.network, left_on=date.today(), perspective="onderzoek")
    experiment = _experiment(world)
    experiment.group.add(gone)
    form = ExperimentForm(instance=experiment, network=world.network)
    labels = {
        "group": lambda m: f"{m.user.full_name} · {m.get_perspective_display()}",
        "leervraag": lambda v: f"{v.owner.user.full_name}: {v.question[:90]}",
        "organisation": str,
    }
    for name, label in labels.items():
        field = form.fields[name]
        if name == "group":
            reference = forms.ModelMultipleChoiceField(queryset=field.queryset)
        else:
            reference = forms.ModelChoiceField(field.queryset, empty_label=field.empty_label)
        reference.label_from_instance = label
        expected = [(str(value), str(text)) for value, text in reference.choices]
        assert [(str(value), str(text)) for value, text in field.widget.choices] == expected
        assert len(expected) > 1
    html = str(form["group"])
    assert f'value="{gone.pk}" class="utrecht-checkbox' in html  # kept, and ticked
    assert f"{gone.user.full_name} · Onderzoek" in html
