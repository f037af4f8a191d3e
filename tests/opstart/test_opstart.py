"""The start-up path: documents with history and conflict detection, safe Markdown, the
path's progress, money per year, signing that makes a network lopend, and the PDFs."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from liso.links import url_pattern, with_id
from liso.markdown import render_markdown
from liso.method import Agenda, Role
from networks import history
from networks.models import Network, Revision
from opstart import documents, services
from opstart.forms import StartnotitieForm
from opstart.models import Agreement, Goal, Signature, Startnotitie, Step
from tests.networks.factories import MembershipFactory, NetworkFactory, OrganisationFactory
from tests.networks.world import build_world
from tests.pdftext import pdf_text

pytestmark = pytest.mark.django_db

HOSTILE = (
    "Hallo <script>alert('xss')</script> en <img src=x onerror=alert(1)>\n\n"
    "[klik](javascript:alert(1)) [ook](JAVASCRIPT:alert(2)) [data](data:text/html,x) "
    '<a href="javascript:alert(3)">rauw</a> [goed](https://example.org/bron)'
)


def _live_links(html: str) -> list[str]:
    """The href of every real link (not text that merely looks like one)."""
    return re.findall(r'<a\s[^>]*href="([^"]*)"', html, flags=re.IGNORECASE)


def _unsafe(html: str) -> bool:
    return any(
        not href.startswith(("https:", "http:", "mailto:", "/", "#", "?"))
        for href in _live_links(html)
    )


def _url(name, world, **kwargs):
    return reverse(name, kwargs={"slug": world.network.slug, **kwargs})


def _client_as(client, world, role):
    client.force_login(world.user(role))
    return client


def _startnotitie_post(version, **fields):
    return {
        "version": version,
        "problem": "",
        "relevance": "",
        "why_network": "",
        "similar_initiatives": "",
        "approach_phase_1": "",
        "approach_phase_2": "",
        "approach_phase_3": "",
        **fields,
    }


# --- Markdown ----------------------------------------------------------------------------


def test_markdown_keeps_formatting_and_safe_links():
    html = render_markdown("**vet** en *schuin*\n\n- een\n- twee\n\n[bron](https://cbs.nl)")
    assert "<strong>vet</strong>" in html
    assert "<li>een</li>" in html
    assert 'href="https://cbs.nl"' in html
    assert 'rel="noopener noreferrer nofollow"' in html


def test_markdown_neutralises_scripts_event_handlers_and_javascript_links():
    html = render_markdown(HOSTILE)
    assert "<script" not in html
    assert "<img" not in html
    assert _live_links(html) == ["https://example.org/bron"]
    assert "&lt;script&gt;" in html  # shown as text, harmless


def test_markdown_headings_stay_below_the_page_headings():
    assert "<h3>Kop</h3>" in render_markdown("# Kop")


def test_hostile_markdown_is_harmless_in_the_page_and_in_the_pdf(client, tmp_path):
    world = build_world()
    Startnotitie.objects.create(network=world.network, problem=HOSTILE, version=1)
    page = _client_as(client, world, Role.DEELNEMER).get(_url("opstart_startnotitie", world))
    body = page.content.decode()
    assert "<script>alert" not in body
    assert not _unsafe(body)
    assert "onerror" not in body.replace("onerror=alert(1)&gt;", "")
    html = render_to_string("pdf/startnotitie.html", documents.startnotitie_context(world.network))
    assert "<script>alert" not in html
    assert not _unsafe(html)
    pdf, _name = documents.startnotitie_pdf(world.network)
    assert b"/JavaScript" not in pdf
    assert b"javascript:" not in pdf.lower()
    assert "goed" in pdf_text(pdf, tmp_path)


# --- saving: history and conflicts --------------------------------------------------------


def test_saving_a_document_keeps_who_changed_what_and_when(client):
    world = build_world()
    trekker = _client_as(client, world, Role.TREKKER)
    url = _url("opstart_startnotitie_edit", world)
    trekker.post(url, _startnotitie_post(0, problem="Lange wachttijden."))
    trekker.post(url, _startnotitie_post(1, problem="Lange wachttijden in de regio."))
    note = Startnotitie.objects.get(network=world.network)
    assert note.version == 2
    assert note.updated_by == world.user(Role.TREKKER)
    latest, first = Revision.objects.filter(network=world.network)[:2]
    assert first.action == Revision.Action.CREATED
    assert latest.action == Revision.Action.CHANGED
    assert latest.changes == [
        {
            "field": "problem",
            "label": "probleemstelling",
            "old": "Lange wachttijden.",
            "new": "Lange wachttijden in de regio.",
        }
    ]
    history = trekker.get(_url("opstart_history", world)).content.decode()
    assert "Lange wachttijden in de regio." in history
    assert world.user(Role.TREKKER).full_name in history


def test_a_second_save_from_an_outdated_copy_is_refused_and_keeps_both_texts(client):
    world = build_world()
    Startnotitie.objects.create(network=world.network, problem="Begin.", version=3)
    url = _url("opstart_startnotitie_edit", world)
    # Both opened version 3; the trekker saves first.
    _client_as(client, world, Role.TREKKER).post(url, _startnotitie_post(3, problem="Eerste."))
    second = client.__class__()
    MembershipFactory(network=world.network, roles=[Role.TREKKER], user__full_name="Tweede Trekker")
    second.force_login(world.network.memberships.get(user__full_name="Tweede Trekker").user)
    response = second.post(url, _startnotitie_post(3, problem="Tweede, later."))
    assert response.status_code == 200
    body = response.content.decode()
    assert "heeft dit opgeslagen" in body
    assert "Tweede, later." in body  # their own text is still in the form
    assert "Eerste." in body  # and they see what was saved in between
    assert Startnotitie.objects.get(network=world.network).problem == "Eerste."
    # Saving again from the refused form is a deliberate choice, and works.
    response = second.post(url, _startnotitie_post(4, problem="Tweede, later."))
    assert response.status_code == 302
    assert Startnotitie.objects.get(network=world.network).problem == "Tweede, later."


def test_the_conflict_check_itself_refuses_an_outdated_version():
    world = build_world()
    note = Startnotitie.objects.create(network=world.network, problem="Begin.", version=2)
    form = StartnotitieForm(
        _startnotitie_post(1, problem="Oud."), instance=note, network=world.network
    )
    assert form.is_valid()
    with pytest.raises(history.ConflictError) as raised:
        history.item_save(
            form=form,
            network=world.network,
            by=world.user(Role.TREKKER),
            expected_version=form.opened_version(),
        )
    assert raised.value.current.version == 2


def test_saving_without_changes_adds_no_history(client):
    world = build_world()
    trekker = _client_as(client, world, Role.TREKKER)
    url = _url("opstart_startnotitie_edit", world)
    trekker.post(url, _startnotitie_post(0, problem="Eén keer."))
    trekker.post(url, _startnotitie_post(1, problem="Eén keer."))
    assert Revision.objects.filter(network=world.network).count() == 1


def test_preview_shows_the_markdown_without_saving(client):
    world = build_world()
    trekker = _client_as(client, world, Role.TREKKER)
    response = trekker.post(
        _url("opstart_startnotitie_edit", world),
        {**_startnotitie_post(0, problem="**Belangrijk**"), "voorbeeld": "1"},
        headers={"HX-Request": "true"},
    )
    assert "<strong>Belangrijk</strong>" in response.content.decode()
    assert "<html" not in response.content.decode()  # only the preview region
    assert not Startnotitie.objects.filter(network=world.network).exists()


# --- items: validation, deleting, privacy -------------------------------------------------


def test_an_indicator_needs_its_unit_baseline_and_target(client):
    world = build_world()
    response = _client_as(client, world, Role.PROCESBEGELEIDER).post(
        _url("opstart_goal_add", world),
        {
            "version": 0,
            "agenda": Agenda.VERANDERAGENDA,
            "title": "Minder uitval",
            "measure": Goal.Measure.INDICATOR,
        },
    )
    assert response.status_code == 200
    assert "Vul dit in voor een meetbare indicator." in response.content.decode()
    assert not Goal.objects.filter(title="Minder uitval").exists()


def test_a_funder_cannot_end_before_it_starts(client):
    world = build_world()
    response = _client_as(client, world, Role.PROJECTASSISTENT).post(
        _url("opstart_funder_add", world),
        {
            "version": 0,
            "name": "ZonMw",
            "amount": "1000",
            "starts_on": "2027-01-01",
            "ends_on": "2026-01-01",
        },
    )
    assert "De einddatum ligt vóór de begindatum." in response.content.decode()


def test_deleting_an_item_is_recorded_in_the_history(client):
    world = build_world()
    talk = world.network.talks.get()
    _client_as(client, world, Role.TREKKER).post(_url("opstart_talk_delete", world, pk=talk.pk))
    assert not world.network.talks.exists()
    revision = Revision.objects.get(network=world.network)
    assert (revision.action, revision.object_label) == (Revision.Action.DELETED, "Karin Bos")


def test_an_item_of_another_network_cannot_be_reached(client):
    world = build_world()
    other = NetworkFactory(slug="nog-een-netwerk")
    goal = Goal.objects.create(network=other, agenda=Agenda.VERANDERAGENDA, title="Ander doel")
    trekker = _client_as(client, world, Role.TREKKER)
    assert trekker.get(_url("opstart_goal_edit", world, pk=goal.pk)).status_code == 404


def test_talk_notes_stay_out_of_the_history_for_those_who_may_not_read_them(client):
    world = build_world()
    trekker = _client_as(client, world, Role.TREKKER)
    talk = world.network.talks.get()
    trekker.post(
        _url("opstart_talk_edit", world, pk=talk.pk),
        {
            "version": talk.version,
            "person_name": "Karin Bos",
            "held_on": date.today(),
            "personal_reason": "Vertrouwelijke reden",
        },
    )
    assert "Vertrouwelijke reden" in trekker.get(_url("opstart_history", world)).content.decode()
    deelnemer = _client_as(client, world, Role.DEELNEMER)
    assert "Vertrouwelijke" not in deelnemer.get(_url("opstart_history", world)).content.decode()


def test_a_deelnemer_reads_the_suitability_check_but_cannot_change_it(client):
    world = build_world()
    deelnemer = _client_as(client, world, Role.DEELNEMER)
    url = _url("opstart_suitability", world)
    assert deelnemer.get(url).status_code == 200
    assert deelnemer.post(url, {"criteria": ["veel-partijen"]}).status_code == 403


SCORED = ["meerdere-oorzaken", "oorzaken-gevolgen-verweven", "veel-partijen", "interdisciplinair"]


def _suitability_page(client, world, criteria) -> str:
    trekker = _client_as(client, world, Role.TREKKER)
    url = _url("opstart_suitability", world)
    assert trekker.post(url, {"criteria": criteria}).status_code == 302
    return trekker.get(url).content.decode()


def test_the_suitability_check_counts_four_criteria_and_warns_below_three(client):
    world = build_world()
    page = _suitability_page(client, world, [*SCORED[:2], "nog-niet-aangepakt"])
    assert "Het vraagstuk heeft nu 2 van de 4 kenmerken" in page
    assert "Sta dan eerst even stil" not in page
    page = _suitability_page(client, world, [*SCORED[:3], "nog-niet-aangepakt"])
    assert "van de 4 kenmerken" not in page and "Sta dan eerst even stil" not in page


def test_someone_else_tackling_the_issue_is_a_reason_to_stop_and_look_whatever_the_score(client):
    world = build_world()
    page = _suitability_page(client, world, SCORED)  # all four, but not "nobody else yet"
    assert "van de 4 kenmerken" not in page
    assert "Pakt iemand anders dit vraagstuk al aan? Sta dan eerst even stil." in page
    assert "aansluiten" in page
    page = _suitability_page(client, world, ["veel-partijen"])  # both notices, each its own
    assert "1 van de 4 kenmerken" in page and "Sta dan eerst even stil" in page


def test_an_archived_network_keeps_its_documents_readable_but_not_editable(client):
    world = build_world()
    world.network.archived_at = world.network.created_at
    world.network.save()
    trekker = _client_as(client, world, Role.TREKKER)
    assert trekker.get(_url("opstart_startnotitie", world)).status_code == 200
    assert trekker.get(_url("opstart_startnotitie_edit", world)).status_code == 403


# --- the path --------------------------------------------------------------------------------


def _status(network, step):
    return next(s.status for s in services.startup_path(network) if s.step == step)


def test_a_step_is_busy_once_something_is_written_and_done_when_called_done(client):
    world = build_world()
    network = world.network
    network.talks.all().delete()
    assert _status(network, Step.GESPREKKEN) == "todo"
    _client_as(client, world, Role.TREKKER).post(
        _url("opstart_talk_add", world),
        {"version": 0, "person_name": "Henk de Wit", "held_on": date.today()},
    )
    assert _status(network, Step.GESPREKKEN) == "busy"
    client.post(_url("opstart_step_mark", world, step="gesprekken"), {"klaar": "ja"})
    assert _status(network, Step.GESPREKKEN) == "done"
    client.post(_url("opstart_step_mark", world, step="gesprekken"), {"klaar": "nee"})
    assert _status(network, Step.GESPREKKEN) == "busy"


def test_the_agreement_step_cannot_be_called_done_by_hand(client):
    world = build_world()
    response = _client_as(client, world, Role.TREKKER).post(
        _url("opstart_step_mark", world, step="overeenkomst"), {"klaar": "ja"}
    )
    assert response.status_code == 404


def test_the_first_start_up_document_moves_a_network_from_verkenning_to_opstart(client):
    world = build_world()
    assert world.network.status == Network.Status.VERKENNING
    _client_as(client, world, Role.TREKKER).post(
        _url("opstart_startnotitie_edit", world), _startnotitie_post(0, problem="Waarom.")
    )
    world.network.refresh_from_db()
    assert world.network.status == Network.Status.OPSTART


def test_saving_an_item_unchanged_leaves_a_network_in_verkenning(client):
    world = build_world()
    venue = world.network.venues.first()
    trekker = _client_as(client, world, Role.TREKKER)
    edit = _url("opstart_venue_edit", world, pk=venue.pk)
    page = trekker.get(edit)
    form = page.context["form"]
    unchanged = {
        name: ("" if value is None else value)
        for name, value in form.initial.items()
        if name in form.fields
    }
    trekker.post(edit, {**unchanged, "version": venue.version})
    world.network.refresh_from_db()
    assert world.network.status == Network.Status.VERKENNING
    trekker.post(edit, {**unchanged, "version": venue.version, "name": "Wijkcentrum De Linde"})
    world.network.refresh_from_db()
    assert world.network.status == Network.Status.OPSTART


def test_the_overview_shows_the_next_start_up_step_until_the_network_is_running(client):
    world = build_world()
    trekker = _client_as(client, world, Role.TREKKER)
    overview = trekker.get(_url("network_overview", world)).content.decode()
    assert "Opstart, stap 1 van 7: Past een leernetwerk?" in overview
    world.network.status = Network.Status.LOPEND
    world.network.save()
    overview = trekker.get(_url("network_overview", world)).content.decode()
    assert "Opstart, stap" not in overview
    assert "De opstart is afgerond" in overview


# --- signing ---------------------------------------------------------------------------------


def _sign(client, world, organisation):
    return client.post(
        _url("opstart_sign", world, organisation=organisation.pk),
        {
            "signer_name": "Mr. A. Bestuurder",
            "signer_function": "Directeur",
            "signed_on": date.today(),
        },
    )


def test_the_last_signature_makes_the_network_lopend_and_the_trekker_can_undo_it(client):
    world = build_world()
    trekker = _client_as(client, world, Role.TREKKER)
    unsigned = services.signing_for(world.network).parties[0][0]
    assert not services.signing_for(world.network).complete
    response = _sign(trekker, world, unsigned)
    assert response.status_code == 302
    world.network.refresh_from_db()
    assert world.network.status == Network.Status.LOPEND
    page = trekker.get(_url("opstart_agreement", world)).content.decode()
    assert "Alle organisaties hebben getekend" in page
    trekker.post(_url("opstart_status", world), {"status": "opstart"})
    world.network.refresh_from_db()
    assert world.network.status == Network.Status.OPSTART
    assert services.signing_for(world.network).complete  # the signatures stay


def test_an_organisation_outside_the_network_cannot_sign_here(client):
    world = build_world()
    stranger = OrganisationFactory(name="Vreemde organisatie")
    response = _sign(_client_as(client, world, Role.TREKKER), world, stranger)
    assert response.status_code == 404
    assert not Signature.objects.filter(organisation=stranger).exists()


def _goal_form(title, version=0):
    return {
        "version": version,
        "agenda": Agenda.VERANDERAGENDA,
        "title": title,
        "measure": Goal.Measure.AGREEMENT,
        "agreement": "Afgesproken",
    }


def test_a_later_change_to_the_agreements_sources_is_pointed_out_beside_each_signature(client):
    world = build_world()
    trekker = _client_as(client, world, Role.TREKKER)
    trekker.post(_url("opstart_goal_add", world), _goal_form("Eerste doel"))
    unsigned = services.signing_for(world.network).parties[0][0]
    _sign(trekker, world, unsigned)
    page = trekker.get(_url("opstart_agreement", world)).content.decode()
    # The world's other organisation signed before the goal was added; this one after.
    assert page.count("getekend vóór een latere wijziging") == 1
    goal = world.network.agenda_goals.get(title="Eerste doel")
    trekker.post(_url("opstart_goal_edit", world, pk=goal.pk), _goal_form("Scherper doel", 1))
    page = trekker.get(_url("opstart_agreement", world)).content.decode()
    assert page.count("getekend vóór een latere wijziging") == 2  # both signatures


def test_the_status_only_moves_between_opstart_and_lopend_as_the_signatures_allow(client):
    world = build_world()
    trekker = _client_as(client, world, Role.TREKKER)
    trekker.post(_url("opstart_status", world), {"status": "lopend"})  # one still unsigned
    world.network.refresh_from_db()
    assert world.network.status == Network.Status.VERKENNING
    world.network.status = Network.Status.AFGEROND
    world.network.save()
    trekker.post(_url("opstart_status", world), {"status": "opstart"})
    world.network.refresh_from_db()
    assert world.network.status == Network.Status.AFGEROND


def test_two_forms_on_one_document_do_not_collide_over_each_others_fields(client):
    world = build_world()
    trekker = _client_as(client, world, Role.TREKKER)
    communication = {"version": 0, "communication_plan": "Een nieuwsbrief per kwartaal."}
    trekker.post(_url("opstart_communication_edit", world), communication)
    # The governance form was opened before that save (version 0) and touches other fields.
    response = trekker.post(
        _url("opstart_governance_edit", world),
        {"version": 0, "decision_process": "Met instemming."},
    )
    assert response.status_code == 302
    infrastructure = world.network.infrastructure
    assert infrastructure.communication_plan == "Een nieuwsbrief per kwartaal."
    assert infrastructure.decision_process == "Met instemming."


def test_a_second_ledenfee_for_one_organisation_is_refused_beside_the_field(client):
    world = build_world()
    fee = world.network.fees.get()
    response = _client_as(client, world, Role.TREKKER).post(
        _url("opstart_fee_add", world),
        {"version": 0, "organisation": fee.organisation_id, "amount_per_year": "900"},
    )
    assert response.status_code == 200
    assert "Voor deze organisatie staat al een ledenfee." in response.content.decode()
    assert world.network.fees.count() == 1


def test_history_shows_dates_and_amounts_the_dutch_way(client):
    world = build_world()
    funder = world.network.funders.get()
    _client_as(client, world, Role.TREKKER).post(
        _url("opstart_funder_edit", world, pk=funder.pk),
        {
            "version": funder.version,
            "name": "ZonMw",
            "amount": "62500.50",
            "starts_on": "2027-03-01",
            "ends_on": "2029-02-28",
        },
    )
    changes = {c["field"]: c["new"] for c in Revision.objects.get(network=world.network).changes}
    assert changes["amount"] == "62.500,50"
    assert changes["starts_on"] == "1 maart 2027"


def test_deleting_a_talk_takes_its_notes_out_of_the_history(client):
    world = build_world()
    trekker = _client_as(client, world, Role.TREKKER)
    talk = world.network.talks.get()
    trekker.post(
        _url("opstart_talk_edit", world, pk=talk.pk),
        {
            "version": 0,
            "person_name": "Karin Bos",
            "held_on": date.today(),
            "personal_reason": "Persoonlijke reden",
        },
    )
    trekker.post(_url("opstart_talk_delete", world, pk=talk.pk))
    assert "Persoonlijke reden" not in str(list(Revision.objects.values_list("changes")))


# --- money ----------------------------------------------------------------------------------


def test_a_funders_amount_is_spread_over_the_years_by_days_and_adds_up():
    shares = services._spread_over_years(Decimal("10000.00"), date(2026, 7, 1), date(2027, 6, 30))
    assert shares == {2026: Decimal("5041.10"), 2027: Decimal("4958.90")}
    assert sum(shares.values()) == Decimal("10000.00")


def test_money_overview_counts_funding_fees_costs_and_hours_per_year():
    world = build_world()
    network = world.network
    network.start_date = date(2026, 1, 1)
    network.planned_years = 2
    overview = services.money_overview(
        network,
        funders=network.funders.all(),
        fees=network.fees.all(),
        lines=network.budget_lines.all(),
        members=services.active_memberships(network),
    )
    years = [row.year for row in overview.years]
    assert years == sorted(years) and {2026, 2027} <= set(years)
    total = overview.total
    assert total.funding == Decimal(50000)
    assert total.fees == Decimal(1500) * 2
    assert total.costs == Decimal(800)
    # Only current members' hours count: the member who left is not in the sum.
    assert overview.in_kind_hours_per_week == sum(
        m.hours_per_week for m in services.active_memberships(network)
    )


# --- documents as PDF ------------------------------------------------------------------------


def test_the_agreement_pdf_holds_the_goals_the_parties_and_a_signature_block_each(tmp_path):
    world = build_world()
    Goal.objects.create(
        network=world.network,
        agenda=Agenda.OPLEIDINGSAGENDA,
        title="Module eenzaamheid in de opleiding",
        agreement="In het tweede jaar",
    )
    Agreement.objects.filter(network=world.network).update(
        innovation_owner=Agreement.InnovationOwner.NETWERK
    )
    pdf, filename = documents.agreement_pdf(world.network)
    assert filename == "samenwerkingsovereenkomst-jeugdhulp-dichtbij.pdf"
    text = pdf_text(pdf, tmp_path)
    for expected in (
        "Samenwerkingsovereenkomst",
        "Jeugdhulp dichtbij",
        "Kortere wachttijd",
        "Module eenzaamheid in de opleiding",
        "Gemeente Rivierstad",
        "Hogeschool Oost",
        "Ondertekening",
        "Handtekening",
        "Het netwerk samen",
        "pagina 2 van",
    ):
        assert expected in text, expected
    assert text.count("Handtekening") >= 2  # one block per organisation
    assert "Directeur" in text  # the signed organisation's signer


def test_the_startnotitie_pdf_has_a_title_page_dutch_dates_and_the_figures(tmp_path):
    world = build_world()
    Startnotitie.objects.create(network=world.network, problem="Wachtlijsten groeien.", version=1)
    world.network.start_date = date(2027, 3, 1)
    world.network.save()
    pdf, _name = documents.startnotitie_pdf(world.network)
    text = pdf_text(pdf, tmp_path)
    for expected in (
        "Startnotitie",
        "Jeugdhulp dichtbij",
        "1 maart 2027",
        "Wachtlijsten groeien",
        "Wachtenden",
        "Monitor",
        "Kortere wachttijd",
        "pagina 2 van",
    ):
        assert expected in text, expected


def test_pdfs_are_downloads_for_those_who_may_export(client):
    world = build_world()
    response = _client_as(client, world, Role.PROCESBEGELEIDER).get(
        _url("opstart_agreement_pdf", world)
    )
    assert response["Content-Type"] == "application/pdf"
    assert "samenwerkingsovereenkomst-jeugdhulp-dichtbij.pdf" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


# --- organogram ------------------------------------------------------------------------------


def test_the_organogram_draws_every_organisation_and_escapes_names(client):
    world = build_world()
    MembershipFactory(
        network=world.network,
        organisation=OrganisationFactory(name="<script>Boos</script> BV"),
        user__full_name="Eva & Co",
        ring="tweede-schil",
        roles=[Role.DEELNEMER],
    )
    page = _client_as(client, world, Role.DEELNEMER).get(_url("opstart_infrastructure", world))
    html = page.content.decode()
    svg = html.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert "Gemeente Rivierstad" in svg and "Hogeschool Oost" in svg
    assert "&lt;script&gt;Boos&lt;/script&gt; BV" in svg
    assert "<script>" not in svg
    # The tweede schil in grey italics, in the picture and in the list beside it.
    line = re.search(r'<text [^>]*font-style="italic">Eva &amp; Co · deelnemer</text>', svg)
    assert line and 'fill="#4a5559"' in line.group(0)
    assert "<li>Eva &amp; Co: deelnemer · tweede schil</li>" in html


def test_a_late_milestone_says_so_with_its_edit_link(client):
    world = build_world()
    goal = world.network.agenda_goals.first()
    late = goal.milestones.create(title="Pilot & evaluatie", due_on=date.today() - timedelta(1))
    trekker = _client_as(client, world, Role.TREKKER)
    html = trekker.get(_url("opstart_agendas", world)).content.decode()
    edit = reverse("opstart_milestone_edit", args=[world.network.slug, late.pk])
    item = next(part for part in html.split("<li ") if "Pilot &amp; evaluatie" in part)
    assert "Pilot &amp; evaluatie · <strong>gepland</strong>" in item
    assert '<span class="liso-missing">te laat</span>' in item and f'href="{edit}"' in item
    reader = _client_as(client, world, Role.DEELNEMER).get(_url("opstart_agendas", world))
    assert edit not in reader.content.decode()


def test_dates_in_the_year_planning_are_dutch(client):
    world = build_world()
    world.network.planned_sessions.update(date=date(2027, 3, 1) + timedelta(days=0))
    page = _client_as(client, world, Role.DEELNEMER).get(_url("opstart_infrastructure", world))
    assert "maandag 1 maart 2027" in page.content.decode()


def test_signing_twice_for_one_organisation_keeps_the_first_signature(client):
    world = build_world()
    trekker = _client_as(client, world, Role.TREKKER)
    unsigned = services.signing_for(world.network).parties[0][0]
    services.signature_record(
        network=world.network,
        organisation=unsigned,
        by=world.user(Role.TREKKER),
        signer_name="Eerste",
        signed_on=date.today(),
    )
    response = _sign(trekker, world, unsigned)  # the page of a second tab, sent later
    assert response.status_code == 302
    assert Signature.objects.get(organisation=unsigned).signer_name == "Eerste"


def test_a_talk_leads_to_an_invitation_with_the_name_filled_in(client):
    world = build_world()
    trekker = _client_as(client, world, Role.TREKKER)
    talks = trekker.get(_url("opstart_talks", world)).content.decode()
    invite_url = _url("member_invite", world) + "?naam=Karin%20Bos"
    assert invite_url in talks.replace("&amp;", "&")
    assert 'value="Karin Bos"' in trekker.get(invite_url).content.decode()


def test_a_rows_link_from_a_url_reversed_once_keeps_a_slug_with_the_same_digits():
    network = NetworkFactory(slug="netwerk-999999999")
    pattern = url_pattern("opstart_venue_edit", network.slug)
    assert with_id(pattern, 7) == reverse("opstart_venue_edit", args=[network.slug, 7])
