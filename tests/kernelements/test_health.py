"""The health section: zelfscans that are anonymous to everyone, their results, the trend
and the advice."""

from datetime import date, time, timedelta

import pytest
from django.contrib import admin
from django.urls import reverse

from kernelements import scans
from kernelements.models import ScanAnswer, ScanResponse, ScanRound
from liso import method
from liso.method import Perspective, Role
from tests.kernelements.world import answer_all
from tests.networks.factories import MembershipFactory, NetworkFactory
from tests.networks.world import build_world
from werkvormen.models import LabelKind, Werkvorm

pytestmark = pytest.mark.django_db

ALL_STATEMENTS = [point.value for points in method.AANDACHTSPUNTEN.values() for point in points]


def _network_with(count: int, perspective=Perspective.PRAKTIJK):
    network = NetworkFactory()
    trekker = MembershipFactory(network=network, roles=[Role.TREKKER], perspective=perspective)
    others = [
        MembershipFactory(network=network, roles=[Role.DEELNEMER], perspective=perspective)
        for _ in range(count - 1)
    ]
    return network, [trekker, *others]


def _open_round(network, opener, kind=ScanRound.Kind.KERNELEMENTEN):
    return scans.round_open(
        network=network, kind=kind, closes_on=date.today() + timedelta(days=7), by=opener.user
    )


def _answer_post(score="4", **extra):
    return {**dict.fromkeys(ALL_STATEMENTS, score), "remark": "", **extra}


def _as(client, membership):
    client.force_login(membership.user)
    return client


def _detail(network, scan_round):
    return reverse("scan_detail", args=[network.slug, scan_round.pk])


def _answer_url(network, scan_round):
    return reverse("scan_answer", args=[network.slug, scan_round.pk])


def _close(client, network, scan_round, trekker):
    _as(client, trekker).post(reverse("scan_close", args=[network.slug, scan_round.pk]))


def test_results_appear_only_when_the_round_is_closed_after_three_answers(client):
    network, members = _network_with(3)
    scan_round = _open_round(network, members[0])
    for count, member in enumerate(members, 1):
        page = _as(client, member)
        page.post(_answer_url(network, scan_round), _answer_post(str(count + 2)))
        html = _as(client, members[0]).get(_detail(network, scan_round)).text
        # While the round is open, a new answer would show as a change in the results.
        assert "liso-radar__shape" not in html and "Gemiddeld" not in html
        assert "De uitkomsten verschijnen als de ronde sluit" in html
    _close(client, network, scan_round, members[0])
    page = _as(client, members[0]).get(_detail(network, scan_round))
    assert "liso-radar__shape" in page.text
    results = page.context["results"]
    assert [round(group.score.mean, 1) for group in results.groups] == [4.0] * 5


def test_no_page_names_who_answered_or_what_one_person_answered(client):
    network, members = _network_with(3)
    scan_round = _open_round(network, members[0])
    for member, score in zip(members, ("1", "3", "5"), strict=True):
        _as(client, member).post(_answer_url(network, scan_round), _answer_post(score))
    _close(client, network, scan_round, members[0])
    pages = ("scan_detail", "health_home", "health_panel")
    for viewer in members:
        for name in pages:
            args = [network.slug, scan_round.pk] if name == "scan_detail" else [network.slug]
            html = _as(client, viewer).get(reverse(name, args=args)).text
            main = html.split('<main id="inhoud"', 1)[-1]
            for member in members:
                assert member.user.full_name not in main
                assert member.user.email not in main
    scan_round.refresh_from_db()
    outcome = scans.results(scan_round, scans.statement_groups(scan_round.kind))
    assert outcome.groups[0].statements[0][1].count == 3
    assert not hasattr(outcome.groups[0].score, "answers")


def test_two_answers_show_nothing_but_the_count_to_the_trekker_too(client):
    network, members = _network_with(3)
    scan_round = _open_round(network, members[0])
    for member in members[:2]:
        _as(client, member).post(_answer_url(network, scan_round), _answer_post("2", remark="Hoi"))
    _close(client, network, scan_round, members[0])
    page = _as(client, members[0]).get(_detail(network, scan_round))
    assert page.context["results"].shown is False
    assert page.context["chart"] is None
    assert page.context["remarks"] == []
    assert "Te weinig leden vulden deze scan in" in page.text
    panel = _as(client, members[0]).get(reverse("health_panel", args=[network.slug]))
    assert panel.context["results"].shown is False


def test_a_perspective_shows_only_with_three_answers_of_its_own_and_three_left_out(client):
    network, members = _network_with(9)
    for member in members[3:6]:
        member.perspective = Perspective.DOELGROEP
        member.save(update_fields=["perspective"])
    for member in members[6:]:
        member.perspective = Perspective.ONDERZOEK if member is members[6] else Perspective.BELEID
        member.save(update_fields=["perspective"])
    scan_round = _open_round(network, members[0])
    for member in members:
        _as(client, member).post(_answer_url(network, scan_round), _answer_post("3"))
    _close(client, network, scan_round, members[0])
    results = _as(client, members[0]).get(_detail(network, scan_round)).context["results"]
    # praktijk and doelgroep have three each; the three left out (onderzoek, beleid) hide
    # in one another.
    assert [row.perspective for row in results.perspectives] == [
        Perspective.PRAKTIJK,
        Perspective.DOELGROEP,
    ]
    assert results.hidden_perspectives == 2 and not results.perspectives_withheld


def test_no_perspective_rows_when_the_rest_would_be_one_or_two_people(client):
    network, members = _network_with(4)
    members[3].perspective = Perspective.DOELGROEP
    members[3].save(update_fields=["perspective"])
    scan_round = _open_round(network, members[0])
    for member in members:
        _as(client, member).post(_answer_url(network, scan_round), _answer_post("3"))
    _close(client, network, scan_round, members[0])
    page = _as(client, members[0]).get(_detail(network, scan_round))
    results = page.context["results"]
    # All answers minus the praktijk row would be the one doelgroep member's.
    assert results.perspectives == [] and results.perspectives_withheld
    assert "zouden zich laten uitrekenen" in page.text


def test_a_member_sees_and_changes_only_their_own_answers_while_the_round_is_open(client):
    network, members = _network_with(3)
    scan_round = _open_round(network, members[0])
    mine = _as(client, members[1])
    mine.post(_answer_url(network, scan_round), _answer_post("2", remark="Meer tijd graag"))
    form = mine.get(_answer_url(network, scan_round)).context["form"]
    assert form.initial[ALL_STATEMENTS[0]] == "2"
    assert form.initial["remark"] == "Meer tijd graag"
    mine.post(_answer_url(network, scan_round), _answer_post("?"))
    response = ScanResponse.objects.get(round=scan_round, membership=members[1])
    assert set(response.answers.values_list("score", flat=True)) == {None}
    others = _as(client, members[2]).get(_answer_url(network, scan_round)).context["form"]
    assert others.initial == {}


def test_a_statement_left_open_is_told_beside_it_and_nothing_is_saved(client):
    network, members = _network_with(3)
    scan_round = _open_round(network, members[0])
    data = _answer_post("4")
    del data[ALL_STATEMENTS[4]]
    page = _as(client, members[1]).post(_answer_url(network, scan_round), data)
    assert page.status_code == 200
    assert "Kies een cijfer, of “weet ik niet”." in page.text
    assert not ScanResponse.objects.filter(round=scan_round).exists()
    data[ALL_STATEMENTS[4]] = "9"
    page = _as(client, members[1]).post(_answer_url(network, scan_round), data)
    assert page.status_code == 200
    assert not ScanResponse.objects.filter(round=scan_round).exists()


def test_closing_a_round_lets_go_of_who_gave_the_answers(client):
    network, members = _network_with(3)
    scan_round = _open_round(network, members[0])
    for member in members:
        _as(client, member).post(_answer_url(network, scan_round), _answer_post("4"))
    closed = _as(client, members[0]).post(reverse("scan_close", args=[network.slug, scan_round.pk]))
    assert closed.status_code == 302
    responses = ScanResponse.objects.filter(round=scan_round)
    assert responses.count() == 3
    assert set(responses.values_list("membership", flat=True)) == {None}
    # Copied afresh: the rows no longer follow the order or the moment of answering.
    assert len(set(responses.values_list("updated_at", flat=True))) == 1
    assert ScanAnswer.objects.filter(response__round=scan_round).count() == 3 * 15
    assert set(responses.values_list("perspective", flat=True)) == {Perspective.PRAKTIJK}
    late = _as(client, members[1]).post(_answer_url(network, scan_round), _answer_post("1"))
    assert late.status_code == 302
    assert ScanResponse.objects.filter(round=scan_round).count() == 3


def test_a_round_past_its_date_closes_when_someone_looks_at_it(client):
    network, members = _network_with(3)
    scan_round = _open_round(network, members[0])
    for member in members:
        answer_all(scan_round, member, 4)
    ScanRound.objects.filter(pk=scan_round.pk).update(closes_on=date.today() - timedelta(days=1))
    page = _as(client, members[1]).get(_detail(network, scan_round))
    assert page.context["results"].shown is True
    assert set(
        ScanResponse.objects.filter(round=scan_round).values_list("membership", flat=True)
    ) == {None}


def test_the_daily_job_closes_rounds_past_their_date():
    network, members = _network_with(3)
    scan_round = _open_round(network, members[0])
    answer_all(scan_round, members[1], 3)
    scans.close_overdue_rounds(scan_round.closes_on)
    scan_round.refresh_from_db()
    assert scan_round.closed_at is None
    scans.close_overdue_rounds(scan_round.closes_on + timedelta(days=1))
    scan_round.refresh_from_db()
    assert scan_round.closed_at is not None
    assert ScanResponse.objects.get(round=scan_round).membership is None


def test_a_round_opens_with_a_sensible_end_date_and_one_at_a_time(client):
    network, members = _network_with(3)
    trekker = _as(client, members[0])
    url = reverse("scan_open", args=[network.slug])
    for closes_on in (date.today(), date.today() + timedelta(days=scans.MAX_OPEN_DAYS + 1)):
        page = trekker.post(url, {"kind": "kernelementen", "closes_on": closes_on})
        assert "Kies een datum na vandaag en binnen 90 dagen." in page.text
    assert not network.scan_rounds.exists()
    in_a_week = date.today() + timedelta(days=7)
    assert trekker.post(url, {"kind": "kernelementen", "closes_on": in_a_week}).status_code == 302
    again = trekker.post(url, {"kind": "kernelementen", "closes_on": in_a_week})
    assert "Er loopt al een ronde van deze scan." in again.text
    assert trekker.post(url, {"kind": "publiek-privaat", "closes_on": in_a_week}).status_code == 302
    assert network.scan_rounds.count() == 2


def test_a_round_past_its_date_makes_way_for_a_new_one():
    network, members = _network_with(3)
    old = _open_round(network, members[0])
    answer_all(old, members[1], 3)
    ScanRound.objects.filter(pk=old.pk).update(closes_on=date.today() - timedelta(days=1))
    new = _open_round(network, members[0])
    old.refresh_from_db()
    assert old.closed_at is not None and new.closed_at is None
    assert ScanResponse.objects.get(round=old).membership is None


def test_the_public_private_scan_asks_the_five_dimensions_between_their_poles(client):
    network, members = _network_with(3)
    scan_round = _open_round(network, members[0], kind=ScanRound.Kind.PUBLIEK_PRIVAAT)
    page = _as(client, members[1]).get(_answer_url(network, scan_round))
    for dimension in method.Dimension:
        assert str(method.DIMENSION_POLES[dimension][1]) in page.text
    data = {dimension.value: "2" for dimension in method.Dimension}
    for member in members:
        _as(client, member).post(_answer_url(network, scan_round), data)
    _close(client, network, scan_round, members[0])
    page = _as(client, members[0]).get(_detail(network, scan_round))
    results = page.context["results"]
    assert [group.code for group in results.groups] == list(method.Dimension.values)
    assert all(group.score.low for group in results.groups)
    # Advice per dimension: the factsheet's werkvorm for where this network stands.
    for item in page.context["advice"]:
        (point,) = item.points
        assert point.werkvormen, f"no werkvorm for {item.group.code}"
        for code, _name, url in point.werkvormen:
            assert url == reverse("werkvorm_detail", args=[code])
            werkvorm = Werkvorm.objects.get(code=code)
            assert item.group.code in werkvorm.label_values(LabelKind.DIMENSIE)
            assert network.stage in werkvorm.label_values(LabelKind.STADIUM)
            assert reverse("werkvorm_detail", args=[code]) in page.text


def test_the_scan_says_its_statements_are_the_platforms_own(client):
    network, members = _network_with(3)
    scan_round = _open_round(network, members[0])
    page = _as(client, members[1]).get(_answer_url(network, scan_round))
    assert "De stellingen zijn door dit platform geschreven" in page.text
    assert "Onze bijeenkomsten zijn goed voorbereid" in page.text


def test_low_and_disputed_kernelementen_get_advice_with_werkvormen(client):
    network, members = _network_with(4)
    scan_round = _open_round(network, members[0])
    for member, score in zip(members, ("1", "1", "5", "5"), strict=True):
        _as(client, member).post(_answer_url(network, scan_round), _answer_post(score))
    _close(client, network, scan_round, members[0])
    page = _as(client, members[0]).get(_detail(network, scan_round))
    advice = page.context["advice"]
    assert len(advice) == 5  # mean 3.0 with a spread of 2: seen very differently everywhere
    assert all(item.group.score.disputed for item in advice)
    assert reverse("werkvorm_detail", args=["speeddaten"]) in page.text
    assert page.context["next_session"] is None  # no session planned: nothing to add to


def test_a_werkvorm_of_the_advice_goes_into_the_next_draaiboek_in_one_click(client):
    from bijeenkomsten.models import Session

    network, members = _network_with(3)
    session = Session.objects.create(
        network=network,
        theme="Samen verder",
        date=date.today() + timedelta(days=20),
        start_time=time(14, 0),
    )
    scan_round = _open_round(network, members[0])
    for member in members:
        _as(client, member).post(_answer_url(network, scan_round), _answer_post("1"))
    _close(client, network, scan_round, members[0])
    trekker = _as(client, members[0])
    page = trekker.get(_detail(network, scan_round))
    assert page.context["next_session"] == session
    add = reverse("draaiboek_change", args=[network.slug, session.pk])
    assert add in page.text
    added = trekker.post(
        add, {"actie": "werkvorm", "werkvorm": "speeddaten", "versie": session.draaiboek_version}
    )
    assert added.status_code == 302
    assert list(session.blocks.values_list("werkvorm__code", flat=True)) == ["speeddaten"]
    # A deelnemer reads the same advice, without the button that is not theirs to press.
    assert add not in _as(client, members[1]).get(_detail(network, scan_round)).text


def test_the_trend_shows_every_round_and_hides_those_with_too_few_answers(client):
    world = build_world()
    network = world.network
    closed = network.scan_rounds.exclude(pk=world.startup["<scan>"]).get()
    thin = ScanRound.objects.create(
        network=network,
        kind=ScanRound.Kind.KERNELEMENTEN,
        opened_on=date.today() - timedelta(days=200),
        closes_on=date.today() - timedelta(days=190),
        opened_by=world.user(Role.TREKKER),
        closed_at=closed.closed_at,
    )
    answer_all(thin, world.members[Role.DEELNEMER], 1)
    client.force_login(world.user(Role.DEELNEMER))
    page = client.get(reverse("scan_detail", args=[network.slug, world.startup["<scan>"]]))
    trend = page.context["trend"]
    assert [row.scan_round.pk for row in trend] == [closed.pk, thin.pk, world.startup["<scan>"]]
    assert trend[1].means == [None] * 5
    assert trend[2].means == [None] * 5  # still open
    _close(
        client,
        network,
        ScanRound.objects.get(pk=world.startup["<scan>"]),
        world.members[Role.TREKKER],
    )
    page = client.get(reverse("scan_detail", args=[network.slug, world.startup["<scan>"]]))
    assert [round(mean, 1) for mean in page.context["trend"][2].means] == [4.0] * 5


def test_nobody_reads_scan_answers_in_the_admin():
    for model in (ScanRound, ScanResponse, ScanAnswer):
        assert not admin.site.is_registered(model)


def test_the_overview_loads_the_health_panel_with_the_open_round(client):
    world = build_world()
    client.force_login(world.user(Role.DEELNEMER))
    overview = client.get(reverse("network_overview", args=[world.network.slug]))
    panel_url = reverse("health_panel", args=[world.network.slug])
    assert panel_url in overview.text
    panel = client.get(panel_url).text
    assert reverse("scan_answer", args=[world.network.slug, world.startup["<scan>"]]) in panel
