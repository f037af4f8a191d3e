"""The werkvormen library: search, filters in the URL, htmx swaps, detail pages."""

import pytest
from django.urls import reverse

from liso import method
from werkvormen.models import LabelKind, Werkvorm

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(client, deelnemer):
    client.force_login(deelnemer)
    return client


def _codes(response):
    return [w.code for w in response.context["page"].object_list]


def test_searching_vertrouwen_finds_the_trust_werkvormen(member):
    codes = _codes(member.get(reverse("werkvorm_list"), {"q": "vertrouwen"}))
    assert {"speeddaten", "successen-delen"} <= set(codes)


def test_search_is_stemmed_dutch_and_matches_part_of_a_name(member):
    # "experiment" is stemmed like the plural "experimenten" in the texts.
    codes = _codes(member.get(reverse("werkvorm_list"), {"q": "experiment"}))
    assert "aan-de-slag-met-experimenten" in codes
    assert _codes(member.get(reverse("werkvorm_list"), {"q": "speedd"})) == ["speeddaten"]


def test_search_with_odd_input_never_fails(member):
    for text in ["'", '"', "!!", "& | !", "<script>", "a" * 100, "vertrouwen OR -x"]:
        assert member.get(reverse("werkvorm_list"), {"q": text}).status_code == 200


def test_filtering_by_phase_and_stage_keeps_only_matching_werkvormen(member):
    response = member.get(reverse("werkvorm_list"), {"fase": "2", "stadium": "lopend"})
    codes = _codes(response)
    assert codes
    for werkvorm in Werkvorm.objects.filter(code__in=codes):
        assert "2" in werkvorm.label_values(LabelKind.FASE)
        assert method.Stage.LOPEND in werkvorm.label_values(LabelKind.STADIUM)
    assert "speeddaten" not in codes  # a werkvorm for the start


def test_duration_and_group_filters_compare_ranges(member):
    short = Werkvorm.objects.filter(
        code__in=_codes(member.get(reverse("werkvorm_list"), {"duur": "kort"}))
    )
    assert short and all(w.duration_min <= 30 for w in short)
    small = Werkvorm.objects.filter(
        code__in=_codes(member.get(reverse("werkvorm_list"), {"groep": "klein"}))
    )
    assert small and all(w.group_min <= 8 for w in small)


def test_an_invalid_filter_in_a_shared_url_is_ignored(member):
    everything = _codes(member.get(reverse("werkvorm_list")))
    assert _codes(member.get(reverse("werkvorm_list"), {"fase": "9", "duur": "x"})) == everything


def test_htmx_request_gets_only_the_results_and_the_new_count(member):
    response = member.get(
        reverse("werkvorm_list"), {"q": "vertrouwen"}, headers={"HX-Request": "true"}
    )
    assert "<html" not in response.text
    assert 'id="resultaten"' in response.text
    assert 'hx-swap-oob="innerHTML:#aantal-gevonden"' in response.text
    assert response.headers["Vary"].count("HX-Request") == 1


def test_a_history_restore_gets_the_whole_page(member):
    response = member.get(
        reverse("werkvorm_list"),
        {"fase": "1"},
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    assert "<html" in response.text


def test_the_list_is_paginated_with_the_filters_kept(member):
    response = member.get(reverse("werkvorm_list"), {"fase": "2"})
    page = response.context["page"]
    if page.has_next():
        assert "fase=2&amp;pagina=2" in response.text
    everything = member.get(reverse("werkvorm_list"))
    assert everything.context["page"].paginator.per_page == 20
    assert "pagina=2" in everything.text


def test_the_detail_page_follows_the_method_template_and_links_onwards(member):
    response = member.get(reverse("werkvorm_detail", args=["verankeren"]))
    for heading in [
        "Wat is het?",
        "Wanneer gebruik je het?",
        "Hoe werkt het?",
        "Wat levert het op?",
    ]:
        assert heading in response.text
    assert reverse("guide_struikelblok", args=["overvolle-sessies"]) in response.text
    assert reverse("guide_dimensions") + "#waardenovereenstemming" in response.text
    assert reverse("guide_phase", args=[1]) in response.text


def test_an_unknown_werkvorm_is_not_found(member):
    assert member.get(reverse("werkvorm_detail", args=["bestaat-niet"])).status_code == 404
