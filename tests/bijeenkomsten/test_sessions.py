"""Planning sessions and preparing them on time: tasks from the network's template, due
dates counted from the session, assignees by role, ticking off, and "Mijn taken"."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from bijeenkomsten import services
from bijeenkomsten.models import PreparationTask, Session
from liso.method import Role
from opstart.models import PlannedSession
from tests.networks.factories import MembershipFactory
from tests.networks.world import build_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalogue")]


def _url(name, world, **kwargs):
    return reverse(name, kwargs={"slug": world.network.slug, **kwargs})


def _plan(client, world, weeks_ahead=10, **fields):
    data = {
        "version": 0,
        "theme": "Samen experimenten kiezen",
        "start_time": "13:30",
        "date": (date.today() + timedelta(weeks=weeks_ahead)).isoformat(),
        "planned_minutes": 180,
        "place": "Stadhuis",
        "status": "gepland",
        **fields,
    }
    return client.post(_url("session_create", world), data)


def _as(client, world, role):
    client.force_login(world.user(role))
    return client


def test_a_session_ten_weeks_ahead_gets_its_tasks_split_between_the_roles(client):
    world = build_world()
    response = _plan(_as(client, world, Role.PROCESBEGELEIDER), world)
    session = Session.objects.get(theme="Samen experimenten kiezen")
    assert response.url == _url("session_detail", world, pk=session.pk)
    tasks = {task.title: task for task in session.tasks.select_related("assignee__user")}
    assert len(tasks) == 15
    invitations = tasks["Uitnodigingen volgende sessie delen"]
    assert invitations.due_on == session.date - timedelta(weeks=12)
    assert invitations.is_late(date.today())  # kept and marked, not dropped
    assert invitations.assignee == world.members[Role.PROCESBEGELEIDER]
    assert tasks["Agenda delen"].due_on == session.date - timedelta(weeks=4)
    assert tasks["Agenda delen"].assignee == world.members[Role.TREKKER]
    assert tasks["Catering regelen"].assignee == world.members[Role.PROJECTASSISTENT]
    after = [task for task in tasks.values() if task.due_on > session.date]
    assert {task.due_on - session.date for task in after} == {
        timedelta(weeks=1),
        timedelta(weeks=2),
    }
    page = client.get(_url("session_detail", world, pk=session.pk)).content.decode()
    assert page.count("te laat") == 1


def test_catering_goes_to_the_procesbegeleider_without_a_projectassistent():
    world = build_world()
    world.members[Role.PROJECTASSISTENT].roles.all().delete()
    session = Session.objects.create(
        network=world.network, theme="x", place="y", date=date.today(), start_time="13:30"
    )
    services.tasks_generate(session=session)
    catering = session.tasks.get(title="Catering regelen")
    assert catering.assignee == world.members[Role.PROCESBEGELEIDER]


def test_generating_again_adds_nothing_twice_and_keeps_what_was_done():
    world = build_world()
    session = Session.objects.get(network=world.network)
    task = session.tasks.first()
    services.task_set_done(task=task, done=True, by=world.user(Role.TREKKER))
    assert services.tasks_generate(session=session) == 0
    assert session.tasks.count() == 15
    assert session.tasks.get(pk=task.pk).is_done


def test_moving_a_session_moves_its_open_tasks_and_not_the_done_ones(client):
    world = build_world()
    session = Session.objects.get(network=world.network)
    done = session.tasks.get(title="Agenda delen")
    services.task_set_done(task=done, done=True, by=world.user(Role.TREKKER))
    original = done.due_on
    new_date = session.date + timedelta(weeks=3)
    _as(client, world, Role.PROCESBEGELEIDER).post(
        _url("session_edit", world, pk=session.pk),
        {
            "version": session.version,
            "theme": session.theme,
            "date": new_date.isoformat(),
            "start_time": "13:30",
            "planned_minutes": 180,
            "place": "Stadhuis",
            "status": "gepland",
        },
    )
    assert session.tasks.get(title="Draaiboek opstellen").due_on == new_date - timedelta(weeks=4)
    assert session.tasks.get(pk=done.pk).due_on == original


def _draft_from_the_year_planning(client, world) -> tuple[PlannedSession, Session]:
    planned = PlannedSession.objects.get(network=world.network)
    _as(client, world, Role.PROCESBEGELEIDER).post(_url("sessions_from_planning", world))
    return planned, Session.objects.get(planned_from=planned)


def test_the_year_planning_becomes_draft_sessions_once(client):
    world = build_world()
    planned, session = _draft_from_the_year_planning(client, world)
    assert session.status == Session.Status.CONCEPT
    assert session.date == planned.date
    assert session.tasks.count() == 15
    client.post(_url("sessions_from_planning", world))  # still logged in as the planner
    assert Session.objects.filter(network=world.network).count() == 2  # the world's + this


def test_each_task_on_the_session_page_links_to_its_own_edit_and_tick_off(client):
    world = build_world()
    session = Session.objects.get(network=world.network)
    planner = _as(client, world, Role.PROCESBEGELEIDER)
    body = planner.get(_url("session_detail", world, pk=session.pk)).content.decode()
    for task in session.tasks.all():
        kwargs = {"session_pk": session.pk, "pk": task.pk}
        assert f'href="{_url("task_edit", world, **kwargs)}"' in body
        assert f'action="{_url("task_toggle", world, **kwargs)}"' in body


def test_a_deelnemer_ticks_off_their_own_task_but_not_someone_elses(client):
    world = build_world()
    session = Session.objects.get(network=world.network)
    own = session.tasks.get(assignee=world.members[Role.DEELNEMER])
    other = session.tasks.exclude(assignee=world.members[Role.DEELNEMER]).first()
    deelnemer = _as(client, world, Role.DEELNEMER)
    toggle = "task_toggle"
    assert (
        deelnemer.post(
            _url(toggle, world, session_pk=session.pk, pk=own.pk), {"klaar": "ja"}
        ).status_code
        == 302
    )
    assert PreparationTask.objects.get(pk=own.pk).is_done
    assert (
        deelnemer.post(
            _url(toggle, world, session_pk=session.pk, pk=other.pk), {"klaar": "ja"}
        ).status_code
        == 403
    )
    page = deelnemer.get(_url("session_detail", world, pk=session.pk)).content.decode()
    assert page.count("Afvinken") + page.count("Weer openzetten") == 1  # their own only


def test_my_tasks_lists_open_tasks_across_networks_overdue_first(client):
    world = build_world()
    deelnemer = world.user(Role.DEELNEMER)
    other = MembershipFactory(user=deelnemer, roles=[Role.PROCESBEGELEIDER]).network
    late = Session.objects.create(
        network=other,
        theme="Andere",
        place="x",
        date=date.today() + timedelta(weeks=11),
        start_time="10:00",
    )
    services.tasks_generate(session=late)
    tasks = list(services.open_tasks_of(deelnemer))
    assert tasks[0].title == "Uitnodigingen volgende sessie delen"  # two weeks overdue
    assert [t.due_on for t in tasks] == sorted(t.due_on for t in tasks)
    home = _as(client, world, Role.DEELNEMER).get("/").content.decode()
    assert "Mijn taken" in home and "te laat" in home
    # Done tasks and tasks of networks one left do not show.
    for task in tasks:
        services.task_set_done(task=task, done=True, by=deelnemer)
    assert not services.open_tasks_of(deelnemer).exists()


def test_each_person_sees_their_own_tasks_and_action_points_at_home(client):
    from bijeenkomsten.models import ActionPoint

    world = build_world()
    session = Session.objects.create(
        network=world.network,
        theme="Thema",
        place="x",
        date=date.today() + timedelta(weeks=3),
        start_time="10:00",
    )
    for role in (Role.TREKKER, Role.DEELNEMER):
        membership = world.members[role]
        PreparationTask.objects.create(
            session=session, title=f"Taak voor {role}", due_on=date.today(), assignee=membership
        )
        ActionPoint.objects.create(
            network=world.network,
            session=session,
            agreed_on=date.today(),
            what=f"Actie voor {role}",
            owner=membership,
        )
    for mine, theirs in ((Role.TREKKER, Role.DEELNEMER), (Role.DEELNEMER, Role.TREKKER)):
        home = _as(client, world, mine).get("/").content.decode()
        assert f"Taak voor {mine}" in home and f"Actie voor {mine}" in home
        assert f"Taak voor {theirs}" not in home and f"Actie voor {theirs}" not in home


def test_a_session_needs_a_place_and_at_most_two_facilitators(client):
    world = build_world()
    members = [
        world.members[role].pk for role in (Role.TREKKER, Role.PROCESBEGELEIDER, Role.DEELNEMER)
    ]
    response = _plan(_as(client, world, Role.TREKKER), world, place="", facilitators=members)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Waar is de bijeenkomst?" in body
    assert "Kies één of twee facilitatoren." in body
    assert not Session.objects.filter(theme="Samen experimenten kiezen").exists()


def test_co_facilitation_by_two_members_is_shown_on_the_session(client):
    world = build_world()
    pair = [world.members[Role.PROCESBEGELEIDER].pk, world.members[Role.DEELNEMER].pk]
    _plan(_as(client, world, Role.TREKKER), world, facilitators=pair)
    session = Session.objects.get(theme="Samen experimenten kiezen")
    page = client.get(_url("session_detail", world, pk=session.pk)).content.decode()
    assert "Lid procesbegeleider en Lid deelnemer" in page


def test_a_task_added_by_hand_is_kept_when_the_tasks_are_generated_again(client):
    world = build_world()
    session = Session.objects.get(network=world.network)
    _as(client, world, Role.TREKKER).post(
        _url("task_add", world, session_pk=session.pk),
        {
            "title": "Zaal reserveren",
            "due_on": session.date.isoformat(),
            "assignee": world.members[Role.TREKKER].pk,
        },
    )
    services.tasks_generate(session=session)
    assert session.tasks.filter(title="Zaal reserveren").count() == 1
    assert session.tasks.count() == 16


def test_a_concurrent_change_of_a_session_is_told(client):
    world = build_world()
    session = Session.objects.get(network=world.network)
    data = {
        "version": session.version,
        "theme": "Nieuw thema",
        "date": session.date,
        "start_time": "13:30",
        "planned_minutes": 180,
        "place": "Stadhuis",
        "status": "gepland",
    }
    planner = _as(client, world, Role.PROCESBEGELEIDER)
    assert planner.post(_url("session_edit", world, pk=session.pk), data).status_code == 302
    late = planner.post(_url("session_edit", world, pk=session.pk), {**data, "theme": "Later"})
    assert "heeft dit opgeslagen" in late.content.decode()
    assert Session.objects.get(pk=session.pk).theme == "Nieuw thema"


def test_changing_only_the_facilitators_is_saved_and_kept_in_the_history(client):
    world = build_world()
    session = Session.objects.get(network=world.network)
    data = {
        "version": session.version,
        "theme": session.theme,
        "date": session.date,
        "start_time": "13:30",
        "planned_minutes": 180,
        "place": "Stadhuis",
        "status": "gepland",
        "facilitators": [world.members[Role.DEELNEMER].pk],
    }
    planner = _as(client, world, Role.PROCESBEGELEIDER)
    assert planner.post(_url("session_edit", world, pk=session.pk), data).status_code == 302
    assert list(session.facilitators.all()) == [world.members[Role.DEELNEMER]]
    revision = world.network.revisions.filter(object_key=f"session:{session.pk}").last()
    assert revision.changes == [
        {
            "field": "facilitators",
            "label": "facilitator(s)",
            "old": "",
            "new": str(world.members[Role.DEELNEMER]),
        }
    ]


def test_deleting_a_draft_from_the_year_planning_frees_its_date(client):
    world = build_world()
    _planned, session = _draft_from_the_year_planning(client, world)
    assert session.tasks.exists()
    assert (
        _as(client, world, Role.DEELNEMER)
        .post(_url("session_delete", world, pk=session.pk))
        .status_code
        == 403
    )
    response = _as(client, world, Role.PROCESBEGELEIDER).post(
        _url("session_delete", world, pk=session.pk)
    )
    assert response.url == _url("session_list", world)
    assert not Session.objects.filter(pk=session.pk).exists()
    assert not PreparationTask.objects.filter(session_id=session.pk).exists()
    assert world.network.revisions.filter(
        object_key=f"session:{session.pk}", action="verwijderd"
    ).exists()
    assert "1 datum zonder bijeenkomst" in client.get(_url("session_list", world)).content.decode()


def _step(world, title):
    return world.network.preparation_steps.get(title=title)


def test_a_changed_template_reaches_future_sessions_and_keeps_done_tasks(client):
    world = build_world()
    session = Session.objects.get(network=world.network)
    done = session.tasks.get(title="Presentatie maken")
    services.task_set_done(task=done, done=True, by=world.user(Role.TREKKER))
    planner = _as(client, world, Role.PROCESBEGELEIDER)
    agenda = _step(world, "Agenda delen")
    changed = {
        "title": "Agenda rondsturen",
        "weeks": -3,
        "role": Role.PROCESBEGELEIDER,
        "version": 0,
    }
    planner.post(_url("preparation_step_edit", world, pk=agenda.pk), changed)
    planner.post(
        _url("preparation_step_add", world),
        {"title": "Zaal checken", "weeks": -1, "role": Role.PROJECTASSISTENT},
    )
    planner.post(_url("preparation_step_delete", world, pk=_step(world, "Presentatie maken").pk))
    planner.post(_url("preparation_template_apply", world))
    task = session.tasks.get(title="Agenda rondsturen")
    assert task.due_on == session.date - timedelta(weeks=3)
    assert task.assignee == world.members[Role.PROCESBEGELEIDER]  # the role changed
    zaal = session.tasks.get(title="Zaal checken")
    assert zaal.assignee == world.members[Role.PROJECTASSISTENT]
    assert session.tasks.get(pk=done.pk).is_done  # done work stays, step or no step
    assert session.tasks.count() == 16


def test_removing_a_step_removes_only_open_tasks_of_sessions_still_to_come(client):
    world = build_world()
    session = Session.objects.get(network=world.network)
    past = Session.objects.create(
        network=world.network,
        theme="Vorige",
        place="x",
        date=date.today() - timedelta(weeks=8),
        start_time="13:30",
    )
    services.tasks_generate(session=past)
    _as(client, world, Role.TREKKER).post(
        _url("preparation_step_delete", world, pk=_step(world, "Catering regelen").pk)
    )
    assert not session.tasks.filter(title="Catering regelen").exists()
    assert past.tasks.filter(title="Catering regelen").exists()  # history of a held session


def test_a_template_step_needs_a_sensible_number_of_weeks(client):
    world = build_world()
    response = _as(client, world, Role.TREKKER).post(
        _url("preparation_step_add", world), {"title": "Te vroeg", "weeks": -60, "role": "trekker"}
    )
    assert "Kies tussen 26 weken ervoor en 12 weken erna." in response.content.decode()
