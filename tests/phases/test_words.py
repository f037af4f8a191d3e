"""The woordenlijst (every member writes it, with history and a conflict check; printable
for everyone) and the leervragen (everyone's side by side, each changed only by its owner;
in phase 3 the page asks what the answer turned out to be)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from liso.method import Phase, Role
from phases import words
from phases.models import Leervraag, Term
from tests.networks.factories import MembershipFactory, OrganisationFactory
from tests.networks.world import build_world
from tests.pdftext import pdf_text
from tests.phases.world_words import grow_words
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def _as(client, world, actor):
    client.force_login(world.user(actor))
    return client


def _url(name, world, *args):
    return reverse(name, args=[world.network.slug, *args])


def _term(**fields) -> dict:
    return {
        "version": 0,
        "term": "Wijkteam",
        "definition": "Het team dat hulp geeft in de buurt.",
        "perspectives": "",
        "alternatives": "",
        **fields,
    }


def _term_names(response) -> list[str]:
    return [term.term for term in response.context["terms"]]


# --- woordenlijst ---------------------------------------------------------------------------


def test_a_deelnemer_adds_terms_and_the_glossary_shows_them_alphabetically(client):
    world = build_world()
    member = _as(client, world, Role.DEELNEMER)
    response = member.post(
        _url("term_add", world),
        _term(
            perspectives="Beleid: een loket. Praktijk: collega's om de hoek.",
            alternatives="sociaal wijkteam, buurtteam",
        ),
    )
    term = world.network.terms.get(term="Wijkteam")
    assert response.status_code == 302
    assert response.url == f"{_url('term_list', world)}#begrip-{term.pk}"
    member.post(_url("term_add", world), _term(term="aanmelden", definition="Je meldt je."))

    page = member.get(_url("term_list", world))
    assert _term_names(page) == ["aanmelden", "Eigen regie", "Wijkteam"]
    assert [group.letter for group in page.context["letters"]] == ["A", "E", "W"]
    html = page.content.decode()
    for text in (
        "Het team dat hulp geeft in de buurt.",
        "Beleid: een loket.",
        "sociaal wijkteam, buurtteam",
        'href="#letter-w"',
        "Woordenlijst maken",
        reverse("werkvorm_detail", args=["woordenlijst-maken"]),
    ):
        assert text in html
    assert html.count("<h1") == 1


def test_a_term_already_in_the_glossary_in_any_case_is_told_beside_the_field(client):
    world = build_world()
    member = _as(client, world, Role.VERBINDINGSFUNCTIONARIS)
    response = member.post(_url("term_add", world), _term(term="EIGEN REGIE"))
    assert response.status_code == 200
    assert response.context["form"].errors["term"] == [
        "“EIGEN REGIE” staat al in de woordenlijst. Vul de uitleg daar aan, of kies een "
        "ander woord."
    ]
    assert "staat al in de woordenlijst" in response.content.decode()
    assert world.network.terms.count() == 1
    # Changing the term itself, keeping its own word, is not a duplicate.
    term = world.network.terms.get()
    edit = member.post(
        _url("term_edit", world, term.pk),
        _term(term="Eigen regie", definition="Zelf kiezen.", version=1),
    )
    assert edit.status_code == 302
    term.refresh_from_db()
    assert term.definition == "Zelf kiezen."


def test_two_people_adding_the_same_word_at_once_get_a_message_not_an_error(client, monkeypatch):
    world = build_world()
    # The form's check passed (the other save was not there yet); the database refuses.
    monkeypatch.setattr("phases.forms_words.same_term_exists", lambda **kwargs: False)
    response = _as(client, world, Role.DEELNEMER).post(
        _url("term_add", world), _term(term="eigen regie")
    )
    assert response.status_code == 200
    assert "net door iemand anders toegevoegd" in response.content.decode()
    assert world.network.terms.count() == 1


def test_an_edit_is_kept_in_the_history_and_a_save_from_an_outdated_copy_is_told(client):
    world = build_world()
    term = world.network.terms.get()
    edit = _url("term_edit", world, term.pk)
    member = _as(client, world, Role.DEELNEMER)
    assert (
        member.post(
            edit, _term(term="Eigen regie", definition="Zelf kiezen.", version=1)
        ).status_code
        == 302
    )
    history = member.get(_url("network_history", world), {"item": f"term:{term.pk}"})
    [change] = history.context["revisions"]
    assert change.action == "gewijzigd" and change.changed_by == world.user(Role.DEELNEMER)
    assert {
        "field": "definition",
        "label": "wat we eronder verstaan",
        "old": "Dat mensen zelf bepalen welke hulp ze krijgen en van wie.",
        "new": "Zelf kiezen.",
    } in change.changes
    page = member.get(edit).content.decode()
    assert f"?item=term:{term.pk}" in page

    late = _as(client, world, Role.TREKKER).post(
        edit, _term(term="Eigen regie", definition="Regie voeren over je eigen leven.", version=1)
    )
    assert late.status_code == 200
    assert "heeft dit opgeslagen" in late.content.decode()
    term.refresh_from_db()
    assert term.definition == "Zelf kiezen." and term.version == 2


def test_a_deleted_term_leaves_the_glossary_but_stays_in_the_history(client):
    world = build_world()
    term = world.network.terms.get()
    member = _as(client, world, Role.DEELNEMER)
    assert "Verwijderen" in member.get(_url("term_edit", world, term.pk)).content.decode()
    response = member.post(_url("term_delete", world, term.pk))
    assert response.status_code == 302 and response.url == _url("term_list", world)
    assert not world.network.terms.exists()
    assert world.network.revisions.filter(
        object_key=f"term:{term.pk}", action="verwijderd"
    ).exists()
    assert member.get(_url("term_edit", world, term.pk)).status_code == 404


def test_searching_narrows_the_glossary_and_htmx_swaps_only_the_list(client):
    world = build_world()
    Term.objects.create(network=world.network, term="Wachtlijst", definition="Wie moet wachten.")
    member = _as(client, world, Role.DEELNEMER)
    assert _term_names(member.get(_url("term_list", world), {"zoek": "wacht"})) == ["Wachtlijst"]
    # Also on the meaning and the other words.
    assert _term_names(member.get(_url("term_list", world), {"zoek": "zelfregie"})) == [
        "Eigen regie"
    ]
    swapped = member.get(_url("term_list", world), {"zoek": "niets"}, HTTP_HX_REQUEST="true")
    html = swapped.content.decode()
    assert "<h1" not in html and "Geen begrip gevonden met ‘niets’." in html
    assert swapped["HX-Push-Url"].endswith("?zoek=niets")


def test_every_member_prints_the_glossary_with_a_title_page_and_page_numbers(client, tmp_path):
    world = build_world()
    for i in range(40):
        Term.objects.create(
            network=world.network,
            term=f"Begrip {i:02}",
            definition="Een uitleg die een paar regels lang is. " * 4,
        )
    response = _as(client, world, Role.DEELNEMER).get(_url("term_pdf", world))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "woordenlijst-jeugdhulp-dichtbij.pdf" in response["Content-Disposition"]
    text = pdf_text(b"".join(response.streaming_content), tmp_path)
    assert "Woordenlijst" in text and "Jeugdhulp dichtbij" in text
    assert "41 begrippen" in text
    assert date_format(timezone.localdate(), "j F Y") in text  # e.g. 3 maart 2026
    assert "pagina 2 van" in text
    for word in ("Eigen regie", "Begrip 00", "Begrip 39", "zelfregie, regie over je eigen leven"):
        assert word in text


# --- leervragen -----------------------------------------------------------------------------


def _write(world, role, question, **fields) -> Leervraag:
    return Leervraag.objects.create(
        network=world.network, owner=world.members[role], question=question, **fields
    )


def test_everyones_leervragen_are_shown_with_the_viewers_own_first(client):
    world = build_world()
    organisation = OrganisationFactory(name="Wijkteam Noord")
    trekker = world.members[Role.TREKKER]
    trekker.organisation = organisation
    trekker.save()
    _write(world, Role.TREKKER, "Wat vraagt dit van gemeenten?", answer="Lef en geduld.")
    _write(world, Role.PROCESBEGELEIDER, "Hoe houden we iedereen erbij?")
    page = _as(client, world, Role.DEELNEMER).get(_url("leervraag_list", world))
    listed = list(page.context["page"].object_list)
    assert listed[0].owner == world.members[Role.DEELNEMER]
    assert [item.owner.user.full_name for item in listed[1:]] == [
        "Lid procesbegeleider",
        "Lid trekker",
    ]
    html = page.content.decode()
    assert html.count("Mijn leervraag") == 1
    assert _url("leervraag_edit", world, listed[0].pk) in html
    assert _url("leervraag_edit", world, listed[1].pk) not in html
    assert "Wijkteam Noord" in html and "Lef en geduld." in html
    # Whoever has no leervraag is not pointed out by name.
    assert "Lid verbindingsfunctionaris" not in html
    assert "Nog een leervraag schrijven" in html


def test_a_member_without_a_leervraag_is_invited_to_write_one(client):
    world = build_world()
    html = _as(client, world, Role.TREKKER).get(_url("leervraag_list", world)).content.decode()
    assert "Je hebt nog geen leervraag." in html and "Mijn leervraag" not in html
    assert "Hoe merk ik eerder dat een gezin hulp nodig heeft?" in html


def test_the_leervraag_of_a_member_who_left_is_no_longer_shown(client):
    world = build_world()
    gone = MembershipFactory(network=world.network, left_on=date.today() - timedelta(days=1))
    Leervraag.objects.create(network=world.network, owner=gone, question="Vertrokken vraag?")
    html = _as(client, world, Role.DEELNEMER).get(_url("leervraag_list", world)).content.decode()
    assert "Vertrokken vraag?" not in html
    assert [lv.question for lv in words.leervragen_of(world.network)] == [
        "Hoe merk ik eerder dat een gezin hulp nodig heeft?"
    ]


def test_a_member_writes_several_leervragen_over_time(client):
    world = build_world()
    member = _as(client, world, Role.DEELNEMER)
    response = member.post(
        _url("leervraag_add", world),
        {"version": 0, "question": "Wat werkt voor jongeren?", "answer": ""},
    )
    assert response.status_code == 302 and response.url == _url("leervraag_list", world)
    mine = world.network.leervragen.filter(owner=world.members[Role.DEELNEMER])
    assert mine.count() == 2
    page = member.get(_url("leervraag_list", world))
    # The newest of one's own comes first.
    assert page.context["page"].object_list[0].question == "Wat werkt voor jongeren?"
    assert page.content.decode().count("Mijn leervraag") == 2


def test_only_the_owner_changes_a_leervraag_not_even_the_trekker(client):
    world = build_world()
    leervraag = world.network.leervragen.get()
    edit = _url("leervraag_edit", world, leervraag.pk)
    delete = _url("leervraag_delete", world, leervraag.pk)
    data = {"version": 1, "question": "Overgenomen?", "answer": ""}
    trekker = _as(client, world, Role.TREKKER)
    assert trekker.get(edit).status_code == 403
    assert trekker.post(edit, data).status_code == 403
    assert trekker.post(delete).status_code == 403
    leervraag.refresh_from_db()
    assert leervraag.question == "Hoe merk ik eerder dat een gezin hulp nodig heeft?"

    owner = _as(client, world, Role.DEELNEMER)
    assert (
        owner.post(
            edit, {**data, "question": "Hoe zie ik eerder wat een gezin nodig heeft?"}
        ).status_code
        == 302
    )
    revisions = world.network.revisions.filter(object_key=f"leervraag:{leervraag.pk}")
    assert [r.action for r in revisions] == ["gewijzigd"]
    assert owner.post(delete).status_code == 302
    assert not world.network.leervragen.exists()
    assert revisions.filter(action="verwijderd").exists()


def test_in_phase_3_members_are_asked_what_the_answer_turned_out_to_be(client):
    world = build_world()
    leervraag = world.network.leervragen.get()
    url = _url("leervraag_list", world)
    member = _as(client, world, Role.DEELNEMER)
    assert "Schrijf op wat het antwoord bleek te zijn" not in member.get(url).content.decode()
    world.network.current_phase = Phase.SAMEN_VERTALEN
    world.network.save()
    html = member.get(url).content.decode()
    assert "Jullie zitten in de fase Samen vertalen." in html
    assert "Schrijf op wat het antwoord bleek te zijn" in html
    edit = member.get(_url("leervraag_edit", world, leervraag.pk)).content.decode()
    assert "wat het antwoord bleek te zijn" in edit
    assert "Vul dit in als je terugkijkt, meestal in fase 3" in edit

    member.post(
        _url("leervraag_edit", world, leervraag.pk),
        {
            "version": 1,
            "question": leervraag.question,
            "answer": "Door vaker bij de school binnen te lopen.",
        },
    )
    other = _as(client, world, Role.TREKKER).get(url).content.decode()
    assert "Door vaker bij de school binnen te lopen." in other


def test_leervragen_are_shown_24_to_a_page(client):
    world = build_world()
    for i in range(30):
        member = MembershipFactory(network=world.network)
        Leervraag.objects.create(network=world.network, owner=member, question=f"Vraag {i}?")
    member = _as(client, world, Role.DEELNEMER)
    first = member.get(_url("leervraag_list", world))
    assert len(first.context["page"].object_list) == 24
    assert first.context["page"].object_list[0].owner == world.members[Role.DEELNEMER]
    second = member.get(_url("leervraag_list", world), {"pagina": 2})
    assert len(second.context["page"].object_list) == 7
    assert "Mijn leervraag" not in second.content.decode()


def test_in_an_archived_network_both_lists_are_read_only(client):
    world = build_world()
    world.network.archived_at = timezone.now()
    world.network.save()
    member = _as(client, world, Role.DEELNEMER)
    terms = member.get(_url("term_list", world)).content.decode()
    assert "Begrip toevoegen" not in terms and "Eigen regie" in terms
    leervragen = member.get(_url("leervraag_list", world)).content.decode()
    assert "Leervraag schrijven" not in leervragen and "Wijzigen" not in leervragen


# --- a fixed number of queries ---------------------------------------------------------------


# Seen by the trekker: session and user, the membership with its network and its roles
# (one query), then the page's own queries.
EXPECTED_QUERIES = {
    "term_list": 4,  # the terms
    "term_pdf": 4,  # the terms
    "term_add": 3,
    "term_edit": 4,  # the term
    "leervraag_list": 5,  # how many leervragen; the page of them, with owner and user
    "leervraag_add": 3,
    "leervraag_edit": 4,  # the leervraag
}


@pytest.mark.parametrize("name", EXPECTED_QUERIES)
def test_the_pages_make_the_same_number_of_queries_with_2_or_40_items(client, name):
    world = build_world()
    own = _write(world, Role.TREKKER, "Wat vraagt dit van de trekker?")
    Term.objects.create(network=world.network, term="Wachtlijst", definition="Wie wacht.")
    args = {"term_edit": [world.network.terms.first().pk], "leervraag_edit": [own.pk]}
    url = _url(name, world, *args.get(name, []))
    _as(client, world, Role.TREKKER)
    small = count_queries(client, url)
    for _ in range(34):
        MembershipFactory(network=world.network, organisation=OrganisationFactory())
    grow_words(world.network)  # 40 more terms; a leervraag for each of the 40 members
    assert world.network.terms.count() == 42 and world.network.leervragen.count() == 42
    assert count_queries(client, url) == small == (200, EXPECTED_QUERIES[name])
