"""The LISO guide: public, cross-linked with the library."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_guide_is_readable_without_logging_in(client):
    response = client.get(reverse("guide"))
    assert response.status_code == 200
    assert "Samen doorgronden" in response.text
    assert "Vertrouwen in opbrengsten" in response.text
    assert "Overvolle sessies" in response.text


def test_a_visitor_sees_werkvorm_names_but_a_member_gets_links(client, deelnemer):
    url = reverse("guide_struikelblok", args=["overvolle-sessies"])
    detail = reverse("werkvorm_detail", args=["verankeren"])
    anonymous = client.get(url)
    assert "Verankeren" in anonymous.text
    assert detail not in anonymous.text
    client.force_login(deelnemer)
    assert detail in client.get(url).text


def test_a_kernelement_page_shows_its_three_aandachtspunten_with_what_helps(client):
    response = client.get(reverse("guide_kernelement", args=["kennisinfrastructuur"]))
    for name in ["Waardeoptimalisatie", "Besluitvorming", "Leiderschap"]:
        assert f">{name}</h2>" in response.text
    assert "Wat werkt" in response.text
    assert "Praktische tips" in response.text


def test_a_phase_page_names_its_handbook_werkvormen_and_the_next_phase(client):
    response = client.get(reverse("guide_phase", args=[1]))
    for name in ["Woordenlijst maken", "Elevatorpitch"]:
        assert name in response.text
    assert reverse("guide_phase", args=[2]) in response.text
    assert client.get(reverse("guide_phase", args=[4])).status_code == 404


def test_the_dimensions_page_pairs_each_dimension_with_two_werkvormen(client):
    response = client.get(reverse("guide_dimensions"))
    for name in ["Speeddaten", "Successen delen", "Oefenmarkt", "Praktijkcase"]:
        assert name in response.text


def test_the_roles_page_states_the_hour_norms(client):
    response = client.get(reverse("guide_roles"))
    assert "Minstens 4 uur per week." in response.text
    assert "Minstens 8 uur per week." in response.text
    assert "Financier" in response.text


def test_the_sessions_page_shows_the_preparation_timeline_and_reflection_questions(client):
    response = client.get(reverse("guide_sessions"))
    assert "12 weken ervoor" in response.text
    assert "1 week erna" in response.text
    assert "Draaiboek opstellen" in response.text
    assert "gelaagd leren" in response.text


def test_the_checklists_page_has_the_five_start_criteria_and_the_borging_questions(client):
    response = client.get(reverse("guide_checklists"))
    assert len(response.context["start"]) == 5
    assert response.context["closing"]
    assert "projectgroep" in response.text


def test_the_guide_pages_name_the_source_of_each_text_and_mark_the_platforms_parts(client):
    kernelement = client.get(reverse("guide_kernelement", args=["actieleren-als-rode-draad"]))
    assert "Bron:</span> LISO-handboek, hoofdstuk 3, Actieleren als rode draad." in kernelement.text
    # The one theme page the method published; the other themes only have their name there.
    assert "LISO-website, Actieleren als rode draad, Goede werkvormen" in kernelement.text
    assert "Aanvulling van het platform: de uitleg, wat werkt, de tips" in kernelement.text
    # The yearly review questions are the platform's own.
    assert "Eigen aanvulling van het platform, niet uit de LISO-bronnen" in kernelement.text
    struikelblok = client.get(reverse("guide_struikelblok", args=["overvolle-sessies"]))
    assert "LISO-handboek, hoofdstuk 6, struikelblok 3" in struikelblok.text
    assert "een deel van de tips" in struikelblok.text
    sessions = client.get(reverse("guide_sessions")).text
    assert "LISO-handboek, hoofdstuk 5, Sessie voorbereiden" in sessions
    assert "wie de taak doet" in sessions
    roles = client.get(reverse("guide_roles")).text
    assert roles.count('class="liso-source"') == 12  # six roles and six perspectives


def _content_queries(client, url) -> int:
    from tests.queries import count_queries

    status, queries = count_queries(client, url)
    assert status == 200
    return queries


def test_a_guide_page_reads_its_content_once_per_catalogue_version(
    client, django_capture_on_commit_callbacks
):
    from kernelements.models import Kernelement

    url = reverse("guide_kernelement", args=["kennisinfrastructuur"])
    with django_capture_on_commit_callbacks(execute=True):
        Kernelement.objects.get(code="kennisinfrastructuur").save()  # a new version
    # The version, the kernelement; then its aandachtspunten, their werkvormen, its
    # struikelblokken and review questions.
    assert _content_queries(client, url) == 6
    assert _content_queries(client, url) == 2  # the version and the kernelement only


def test_an_edit_of_reference_content_shows_on_the_guide_at_once(
    client, django_capture_on_commit_callbacks
):
    from kernelements.models import Kernelement, Struikelblok

    client.get(reverse("guide"))  # the content is kept rendered now
    kernelement = Kernelement.objects.get(code="kennisinfrastructuur")
    kernelement.tagline = "Een nieuwe kernzin van de beheerder"
    with django_capture_on_commit_callbacks(execute=True):
        kernelement.save()
    assert "Een nieuwe kernzin van de beheerder" in client.get(reverse("guide")).text

    # Links between items (many-to-many) count as changes too.
    url = reverse("guide_struikelblok", args=["overvolle-sessies"])
    assert "Verankeren" in client.get(url).text
    with django_capture_on_commit_callbacks(execute=True):
        Struikelblok.objects.get(code="overvolle-sessies").werkvormen.clear()
    assert "Verankeren" not in client.get(url).text


def test_loading_the_catalogue_gives_it_a_new_version(django_capture_on_commit_callbacks):
    from liso import catalogue

    before = catalogue.version()
    assert catalogue.version() == before
    with django_capture_on_commit_callbacks(execute=True):
        catalogue.load_all()  # labels are written in bulk, which sends no signal
    assert catalogue.version() != before


def test_a_member_is_not_served_the_page_kept_for_a_visitor(client, deelnemer):
    url = reverse("guide_phase", args=[1])
    assert "Log in</a> om ook de werkvormen te openen" in client.get(url).text
    client.force_login(deelnemer)
    member_page = client.get(url).text
    assert "Log in</a> om ook de werkvormen te openen" not in member_page
    assert reverse("werkvorm_detail", args=["woordenlijst-maken"]) in member_page


# Per guide page: the queries of its first rendering (the catalogue's version, the object
# the URL names, then its content) and once kept (the version and the object only).
GUIDE_QUERIES = {
    ("guide", ()): (4, 1),
    ("guide_phase", (1,)): (4, 2),
    ("guide_kernelement", ("kennisinfrastructuur",)): (6, 2),
    ("guide_struikelblokken", ()): (2, 1),
    ("guide_struikelblok", ("overvolle-sessies",)): (4, 2),
    ("guide_sessions", ()): (3, 1),
    ("guide_roles", ()): (3, 1),
    ("guide_checklists", ()): (2, 1),
    ("guide_dimensions", ()): (3, 1),
}


@pytest.mark.parametrize(("page", "counts"), GUIDE_QUERIES.items(), ids=lambda p: str(p[0]))
def test_each_guide_page_reads_its_content_only_when_it_is_not_kept(client, page, counts):
    name, args = page
    url = reverse(name, args=args)
    assert (_content_queries(client, url), _content_queries(client, url)) == counts


def test_watching_reference_content_leaves_other_models_their_fast_paths():
    """Receivers connected for every model would make Django read each row it deletes and
    look before each many-to-many add."""
    from django.db.models.deletion import Collector
    from django.db.models.signals import m2m_changed

    from bijeenkomsten.models import Session
    from liso.models import Submission

    assert Collector("default").can_fast_delete(Submission.objects.all())
    assert not m2m_changed.has_listeners(Session.facilitators.through)


def test_a_load_gives_one_new_version_however_many_items_it_saves(
    django_capture_on_commit_callbacks,
):
    from kernelements.models import Kernelement
    from liso import catalogue

    with django_capture_on_commit_callbacks() as callbacks:
        for kernelement in Kernelement.objects.all():
            kernelement.save()
        catalogue.load_all()
    new_versions = [c for c in callbacks if c.__qualname__ == "changed.<locals>.set_new_version"]
    assert len(new_versions) == 1
