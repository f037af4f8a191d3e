"""Dates people type stay within sensible ranges (liso/ranges.py), everywhere with the same
words; a date from another year is shown with its year."""

from datetime import date, timedelta

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.urls import reverse

from bijeenkomsten.models import Session
from liso import ranges
from liso.forms import StyledFormMixin
from liso.method import Role
from opstart.models import Funder, Signature
from tests.networks.world import build_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalogue")]

TODAY = date.today()


class _Form(StyledFormMixin, forms.Form):
    anything = forms.DateField()
    signed = forms.DateField()
    planned = forms.DateField()
    DATE_RANGES = {"signed": ranges.PAST, "planned": ranges.NEAR}


def _errors(**values) -> dict:
    data = {"anything": TODAY, "signed": TODAY, "planned": TODAY, **values}
    form = _Form({name: str(value) for name, value in data.items()})
    form.is_valid()
    return form.errors


def test_every_date_field_has_a_range_and_the_picker_knows_it():
    form = _Form()
    assert form.fields["anything"].widget.attrs["min"] == "2000-01-01"
    assert form.fields["signed"].widget.attrs["max"] == TODAY.isoformat()
    assert _errors() == {}
    assert "Kies een datum tussen 1 januari 2000" in _errors(anything="1900-01-01")["anything"][0]
    assert "anything" in _errors(anything="9999-12-31")
    assert "anything" in _errors(anything="0001-01-01")
    future = _errors(signed=TODAY + timedelta(days=1))["signed"][0]
    assert future.startswith("Deze datum ligt in de toekomst.")
    assert "planned" in _errors(planned=TODAY + timedelta(days=6 * 366))
    assert "planned" in _errors(planned=TODAY - timedelta(days=6 * 366))
    assert "planned" not in _errors(planned=TODAY + timedelta(days=4 * 365))


def test_a_leap_day_moves_to_the_28th_in_a_year_without_one():
    assert ranges.NEAR.bounds(date(2028, 2, 29)) == (date(2023, 2, 28), date(2033, 2, 28))


def test_a_session_in_1900_or_9999_is_refused_and_nothing_is_planned(client):
    world = build_world()
    client.force_login(world.user(Role.TREKKER))
    url = reverse("session_create", args=[world.network.slug])
    before = Session.objects.count()
    for day in ["1900-01-01", "0001-01-01", "9999-12-31"]:
        page = client.post(
            url,
            {
                "version": 0,
                "theme": "Te ver weg",
                "date": day,
                "start_time": "10:00",
                "planned_minutes": 120,
                "status": "gepland",
            },
        )
        assert page.status_code == 200 and "Kies een datum tussen" in page.text
    assert Session.objects.count() == before


def test_a_signature_from_the_future_and_a_funder_until_9999_are_refused(client):
    world = build_world()
    client.force_login(world.user(Role.TREKKER))
    party = world.startup["<party>"]
    signatures = Signature.objects.count()
    page = client.post(
        reverse("opstart_sign", args=[world.network.slug, party]),
        {"signer_name": "Directeur", "signer_function": "", "signed_on": "9999-12-31"},
    )
    assert "Deze datum ligt in de toekomst." in page.text
    assert Signature.objects.count() == signatures
    funders = Funder.objects.count()
    page = client.post(
        reverse("opstart_funder_add", args=[world.network.slug]),
        {
            "version": 0,
            "name": "Eeuwig fonds",
            "amount": "1000",
            "starts_on": "1900-01-01",
            "ends_on": "9999-12-31",
        },
    )
    # Each told beside its field (and again in the error summary at the top).
    assert page.text.count('<p class="liso-error">Kies een datum tussen 1 januari 2000') == 2
    assert Funder.objects.count() == funders


def test_a_date_shows_its_year_only_when_it_is_not_this_year():
    template = Template('{% load liso %}{{ this|day }} · {{ last|day }} · {{ this|day:"l" }}')
    this_year = date(TODAY.year, 3, 2)
    last_year = date(TODAY.year - 1, 3, 2)
    shown = template.render(Context({"this": this_year, "last": last_year}))
    assert shown.split(" · ")[0] == "2 maart"
    assert shown.split(" · ")[1] == f"2 maart {TODAY.year - 1}"
    assert shown.split(" · ")[2].endswith("2 maart") and shown.split(" · ")[2][0].isalpha()


@pytest.mark.parametrize(
    ("model", "field", "wrong", "right"),
    [
        ("network", "planned_years", 0, 20),
        ("network", "planned_years", 99, 1),
        ("membership", "hours_per_week", -5, 60),
        ("membership", "hours_per_week", 400, 0),
    ],
)
def test_numbers_stay_within_what_they_mean(model, field, wrong, right):
    world = build_world()
    instance = world.network if model == "network" else world.members[Role.DEELNEMER]
    setattr(instance, field, wrong)
    with pytest.raises(ValidationError) as refused:
        instance.full_clean()
    assert set(refused.value.message_dict) == {field}
    assert "Zorg ervoor dat deze waarde" in refused.value.message_dict[field][0]
    setattr(instance, field, right)
    instance.full_clean()
