"""The nine struikelblok signals, each with network data that fires it and data that does
not. Every test starts from a healthy network (no signal at all) and changes one thing."""

from datetime import date, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from bijeenkomsten.models import DraaiboekBlock, Registration, Session
from kernelements import signals
from kernelements.models import Decision, Struikelblok, StruikelblokEntry
from liso import notifications
from liso.method import Perspective, Role
from networks.models import Network
from opstart.models import Infrastructure
from phases.models import Experiment, Reflection
from tests.networks.factories import MembershipFactory, NetworkFactory, OrganisationFactory
from werkvormen.models import Werkvorm

pytestmark = pytest.mark.django_db

TODAY = date.today()


def _healthy(age_days=200):
    """A running network of six that met first when it started, every perspective at the
    table, a penvoerder and who must be heard on record, attendance recorded at its last
    session, an experiment lately."""
    organisation = OrganisationFactory(name="Gemeente Rivierstad")
    network = NetworkFactory(
        status=Network.Status.LOPEND, start_date=TODAY - timedelta(days=age_days)
    )
    perspectives = [*signals.NEEDED_PERSPECTIVES, Perspective.PRAKTIJK]
    members = [
        MembershipFactory(
            network=network,
            perspective=perspective,
            organisation=organisation,
            joined_on=network.start_date,
            roles=[Role.TREKKER if n == 0 else Role.DEELNEMER],
        )
        for n, perspective in enumerate(perspectives)
    ]
    Infrastructure.objects.create(
        network=network, penvoerder=organisation, must_be_heard="De cliëntenraad."
    )
    Session.objects.create(
        network=network, theme="Kennismaken", date=network.start_date, start_time=time(14)
    )
    held = Session.objects.create(
        network=network,
        theme="Verder",
        date=TODAY - timedelta(days=30),
        start_time=time(14),
        attendance_recorded_at=timezone.now(),
    )
    Registration.objects.create(session=held, membership=members[0], attended=True)
    _experiment(network, members[0], organisation)
    return network, members, organisation


def _experiment(network, member, organisation=None, **fields):
    experiment = Experiment.objects.create(
        network=network,
        title="Bellen vooraf",
        expectation="Ouders komen beter voorbereid.",
        change="We bellen vooraf.",
        organisation=organisation,
        created_by=member,
        **fields,
    )
    experiment.group.add(member)
    return experiment


def _fired(network) -> list[str]:
    return [signal.struikelblok.code for signal in signals.signals_for(network)]


def _session(network, days_from_now, theme="Verder"):
    return Session.objects.create(
        network=network,
        theme=theme,
        date=TODAY + timedelta(days=days_from_now),
        start_time=time(14),
    )


def test_a_healthy_network_gives_no_signal():
    network, _members, _organisation = _healthy()
    assert _fired(network) == []


def test_1_falling_attendance(client):
    network, members, _organisation = _healthy()
    extra = [MembershipFactory(network=network) for _ in range(4)]
    for weeks, present in ((3, 6), (2, 4), (1, 2)):
        session = _session(network, -7 * weeks)
        session.attendance_recorded_at = timezone.now()
        session.save(update_fields=["attendance_recorded_at"])
        for member in [*members, *extra][:6]:
            Registration.objects.create(session=session, membership=member, attended=False)
        session.registrations.filter(
            membership__in=[m.pk for m in [*members, *extra][:present]]
        ).update(attended=True)
    signal = next(s for s in signals.signals_for(network) if s.struikelblok.number == 1)
    assert signal.reason == "Bij de laatste drie bijeenkomsten waren er 6, 4, 2 aanwezig."
    Registration.objects.filter(session__network=network, attended=False).update(attended=True)
    assert "deelnemersbetrokkenheid" not in _fired(network)


def test_2_a_first_session_near_without_getting_to_know_each_other():
    network, _members, _organisation = _healthy()
    Session.objects.filter(network=network).delete()
    first = _session(network, 20, theme="Kennismaking")
    DraaiboekBlock.objects.create(session=first, kind="welkom", title="Welkom", minutes=15)
    assert "de-eerste-sessie" in _fired(network)
    DraaiboekBlock.objects.create(
        session=first,
        kind=DraaiboekBlock.Kind.WERKVORM,
        werkvorm=Werkvorm.objects.get(code="speeddaten"),
        title="Speeddaten",
        minutes=30,
    )
    assert "de-eerste-sessie" not in _fired(network)
    first.date = TODAY + signals.FIRST_SESSION_AHEAD + timedelta(days=10)
    first.save(update_fields=["date"])
    DraaiboekBlock.objects.filter(werkvorm__isnull=False).delete()
    assert "de-eerste-sessie" not in _fired(network)


def test_3_a_next_draaiboek_with_little_time_for_learning():
    network, _members, _organisation = _healthy()
    upcoming = _session(network, 14, theme="Resultaten delen")
    DraaiboekBlock.objects.create(session=upcoming, kind="mededelingen", title="Nieuws", minutes=60)
    DraaiboekBlock.objects.create(
        session=upcoming, kind=DraaiboekBlock.Kind.ANDERS, title="Gesprek", minutes=30
    )
    signal = next(s for s in signals.signals_for(network) if s.struikelblok.number == 3)
    assert "30 van de 90 minuten" in signal.reason
    DraaiboekBlock.objects.filter(kind="mededelingen").update(minutes=20)
    assert "overvolle-sessies" not in _fired(network)


def test_4_many_members_left_within_a_year():
    network, _members, _organisation = _healthy()
    gone = [MembershipFactory(network=network) for _ in range(2)]
    for member in gone:
        member.left_on = TODAY - timedelta(days=40)
        member.save(update_fields=["left_on"])
    signal = next(s for s in signals.signals_for(network) if s.struikelblok.number == 4)
    assert signal.reason == "2 van de 8 leden zijn het afgelopen jaar vertrokken."
    for member in gone:
        member.left_on = TODAY - timedelta(days=400)
        member.save(update_fields=["left_on"])
    assert "veel-verloop" not in _fired(network)


def test_5_no_penvoerder_or_nobody_named_who_must_be_heard():
    network, _members, _organisation = _healthy()
    Infrastructure.objects.filter(network=network).update(must_be_heard="")
    assert "onduidelijkheid-over-wie-besluit" in _fired(network)
    Infrastructure.objects.filter(network=network).update(heard_perspectives=["doelgroep"])
    assert "onduidelijkheid-over-wie-besluit" not in _fired(network)
    Infrastructure.objects.filter(network=network).update(penvoerder=None)
    assert "onduidelijkheid-over-wie-besluit" in _fired(network)


def test_6_a_running_network_long_without_experiments_products_or_milestones():
    network, _members, _organisation = _healthy()
    Experiment.objects.filter(network=network).update(
        created_at=timezone.now() - timedelta(days=200)
    )
    assert "nog-niet-klaar" in _fired(network)
    Network.objects.filter(pk=network.pk).update(status=Network.Status.OPSTART)
    assert "nog-niet-klaar" not in _fired(network)


def test_7_a_kernteam_too_small_or_a_perspective_missing():
    network, members, _organisation = _healthy()
    members[4].perspective = Perspective.PRAKTIJK  # the doelgroep leaves the table
    members[4].save(update_fields=["perspective"])
    signal = next(s for s in signals.signals_for(network) if s.struikelblok.number == 7)
    assert signal.reason == "Dit perspectief zit nog niet aan tafel: doelgroep."
    members[4].perspective = Perspective.DOELGROEP
    members[4].save(update_fields=["perspective"])
    assert "selectiestress" not in _fired(network)
    for member in members[:2]:
        member.left_on = TODAY
        member.save(update_fields=["left_on"])
    assert "selectiestress" in _fired(network)


def test_8_a_member_organisation_that_does_not_move_along():
    network, members, _organisation = _healthy()
    quiet = OrganisationFactory(name="Zorggroep Noord")
    members[5].organisation = quiet
    members[5].save(update_fields=["organisation"])
    signal = next(s for s in signals.signals_for(network) if s.struikelblok.number == 8)
    assert signal.reason.startswith("Van Zorggroep Noord was de afgelopen 4 maanden niemand")
    # Asked about this struikelblok alone (the page that takes it up), it says the same.
    (alone,) = signals.signals_for(network, codes=["partner-beweegt-niet-mee"])
    assert alone.reason == signal.reason
    _experiment(network, members[5], quiet)
    assert "partner-beweegt-niet-mee" not in _fired(network)


def test_9_few_experiments_and_reflections_for_the_networks_age():
    network, members, _organisation = _healthy(age_days=730)
    assert "zijn-we-een-leernetwerk" in _fired(network)
    for n in range(11):
        Reflection.objects.create(
            network=network, author=members[0], text=f"Les {n}", shared_at=timezone.now()
        )
    assert "zijn-we-een-leernetwerk" not in _fired(network)


def test_each_signal_names_the_methods_approach_and_a_werkvorm():
    network, members, _organisation = _healthy()
    members[4].perspective = Perspective.PRAKTIJK
    members[4].save(update_fields=["perspective"])
    signal = signals.signals_for(network)[0]
    assert signal.struikelblok.approach
    assert signal.werkvorm is not None


def test_the_signals_are_computed_in_a_fixed_number_of_queries(django_assert_num_queries):
    network, _members, _organisation = _healthy()
    _session(network, 14)
    with django_assert_num_queries(6):
        signals.signals_for(network)
    # One struikelblok whose rule reads neither the attendance nor the quiet organisations:
    # those two queries are left out.
    with django_assert_num_queries(4):
        signals.signals_for(network, codes=["selectiestress"])


# --- the struikelblokken log ------------------------------------------------------------------


def _missing_doelgroep(members):
    members[4].perspective = Perspective.PRAKTIJK
    members[4].save(update_fields=["perspective"])


def test_a_signal_taken_up_stays_quiet_while_the_network_works_on_it(client):
    network, members, _organisation = _healthy()
    _missing_doelgroep(members)
    client.force_login(members[0].user)
    url = reverse("signal_take_up", args=[network.slug, "selectiestress"])
    page = client.get(url)
    assert "Dit perspectief zit nog niet aan tafel: doelgroep." in page.text
    review = TODAY + timedelta(days=30)
    client.post(url, {"version": 0, "decision": "We vragen de cliëntenraad.", "review_on": review})
    entry = network.struikelblok_log.get()
    assert entry.status == StruikelblokEntry.Status.OPEN
    assert entry.signal_reason == "Dit perspectief zit nog niet aan tafel: doelgroep."
    log = list(network.struikelblok_log.all())
    assert "selectiestress" not in [
        s.struikelblok.code for s in signals.signals_for(network, log=log)
    ]
    home = client.get(reverse("health_home", args=[network.slug])).text
    assert "We vragen de cliëntenraad." in home
    assert network.revisions.filter(object_key=f"struikelblokentry:{entry.pk}").exists()


def test_a_signal_set_aside_comes_back_when_its_data_changes(client):
    network, members, _organisation = _healthy()
    _missing_doelgroep(members)
    client.force_login(members[0].user)
    client.post(reverse("signal_dismiss", args=[network.slug, "selectiestress"]))
    entry = network.struikelblok_log.get()
    assert entry.status == StruikelblokEntry.Status.DISMISSED

    def fired():
        log = list(network.struikelblok_log.all())
        return [s.struikelblok.code for s in signals.signals_for(network, log=log)]

    assert "selectiestress" not in fired()
    members[3].perspective = Perspective.PRAKTIJK  # now onderwijs is missing too
    members[3].save(update_fields=["perspective"])
    assert "selectiestress" in fired()


def test_closing_a_struikelblok_keeps_what_helped_and_needs_it(client):
    network, members, _organisation = _healthy()
    entry = StruikelblokEntry.objects.create(
        network=network,
        struikelblok=Struikelblok.objects.get(code="veel-verloop"),
        decision="Vertrekgesprekken.",
    )
    client.force_login(members[0].user)
    url = reverse("struikelblok_entry_close", args=[network.slug, entry.pk])
    page = client.post(url, {"version": entry.version, "helped": ""})
    assert page.status_code == 200
    entry.refresh_from_db()
    assert entry.status == StruikelblokEntry.Status.OPEN
    client.post(url, {"version": entry.version, "helped": "Een buddy voor nieuwe leden."})
    entry.refresh_from_db()
    assert entry.status == StruikelblokEntry.Status.CLOSED and entry.closed_at is not None
    revision = network.revisions.filter(object_key=f"struikelblokentry:{entry.pk}").first()
    assert {change["field"] for change in revision.changes} >= {"status", "helped"}
    assert client.get(url).status_code == 404  # closed once


def test_a_struikelblok_recorded_by_hand_needs_what_the_network_will_do(client):
    network, members, _organisation = _healthy()
    client.force_login(members[0].user)
    url = reverse("struikelblok_entry_add", args=[network.slug])
    struikelblok = Struikelblok.objects.get(code="nog-niet-klaar")
    page = client.post(url, {"version": 0, "struikelblok": struikelblok.pk, "decision": ""})
    assert page.status_code == 200 and not network.struikelblok_log.exists()
    page = client.post(
        url,
        {
            "version": 0,
            "struikelblok": struikelblok.pk,
            "decision": "Eerst een kleine pilot.",
            "review_on": TODAY - timedelta(days=1),
        },
    )
    assert "Kies een datum na vandaag en binnen een jaar." in page.text
    client.post(
        url, {"version": 0, "struikelblok": struikelblok.pk, "decision": "Eerst een kleine pilot."}
    )
    assert network.struikelblok_log.get().struikelblok == struikelblok


def test_a_new_signal_reaches_the_trekkers_daily_mail_once(mailoutbox):
    network, members, _organisation = _healthy()
    _missing_doelgroep(members)
    trekker = members[0].user

    def mails_to_trekker(day):
        notifications.send_daily_mail(day=day)
        return [mail for mail in mailoutbox if trekker.email in mail.to and mail.body]

    (mail,) = mails_to_trekker(TODAY)
    assert "Struikelblok 7, Selectiestress: Dit perspectief zit nog niet aan tafel" in mail.body
    assert network.name in mail.body
    assert all(members[1].user.email not in m.to for m in mailoutbox)  # trekkers only
    mailoutbox.clear()
    assert mails_to_trekker(TODAY + timedelta(days=1)) == []  # the same signal: told already
    members[3].perspective = Perspective.PRAKTIJK  # onderwijs leaves too: the data changed
    members[3].save(update_fields=["perspective"])
    (mail,) = mails_to_trekker(TODAY + timedelta(days=2))
    assert "doelgroep, onderwijs" in mail.body or "onderwijs, doelgroep" in mail.body


def test_a_trekker_who_turned_signals_off_gets_none(mailoutbox):
    _network, members, _organisation = _healthy()
    _missing_doelgroep(members)
    notifications.settings_save(user=members[0].user, frequencies={"signalen": "uit"})
    notifications.send_daily_mail(day=TODAY)
    assert [m for m in mailoutbox if members[0].user.email in m.to] == []


def test_5_decisions_that_do_not_say_who_was_heard():
    network, _members, organisation = _healthy()
    decision = Decision.objects.create(
        network=network, title="We starten een tweede ronde.", decided_on=TODAY
    )
    signal = next(s for s in signals.signals_for(network) if s.struikelblok.number == 5)
    assert signal.reason == (
        "Bij 1 van de 1 besluiten van het afgelopen jaar staat niet wie er gehoord is."
    )
    decision.heard_organisations.add(organisation)
    assert "onduidelijkheid-over-wie-besluit" not in _fired(network)


def test_the_counts_built_once_a_day_are_each_networks_own_and_of_that_day():
    """gather() reuses one queryset a day (signals._counted) and filters it per network:
    two networks on the same day get their own counts, and another day its own dates."""
    network, _members, _organisation = _healthy()
    other = NetworkFactory()
    member = MembershipFactory(network=other)
    _experiment(other, member)
    _experiment(other, member)
    mine, theirs = signals.gather(network), signals.gather(other)
    assert (mine.network.pk, mine.network.experiments_total) == (network.pk, 1)
    assert (theirs.network.pk, theirs.network.experiments_total) == (other.pk, 2)
    # Seen from the day before the network first met, nothing had been held yet.
    earlier = signals.gather(network, today=network.start_date - timedelta(days=1))
    assert earlier.network.held == 0 and mine.network.held == 2
