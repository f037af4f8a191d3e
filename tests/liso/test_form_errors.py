"""Errors that lead to the field: the summary at the top of a form links each error to its
control, and a label says "(niet verplicht)" only where the form never demands the field."""

import re

import pytest
from django import forms

from liso.forms import StyledFormMixin

CHOICES = [("a", "Appel"), ("b", "Peer")]


class Example(StyledFormMixin, forms.Form):
    name = forms.CharField(label="Naam")
    fruit = forms.ChoiceField(label="Fruit", choices=CHOICES, widget=forms.RadioSelect)
    baskets = forms.MultipleChoiceField(
        label="Manden", choices=CHOICES, widget=forms.CheckboxSelectMultiple
    )
    note = forms.CharField(label="Opmerking", required=False)
    unit = forms.CharField(label="Eenheid", required=False)

    CONDITIONS = {"unit": "nodig bij een getal"}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("note") == "fout":
            raise forms.ValidationError("Het geheel klopt niet.")
        return cleaned


def summary_links(html: str) -> list[tuple[str, str]]:
    summary = re.search(r'<div class="[^"]*liso-error-summary.*?</ul>', html, re.S).group(0)
    return re.findall(r'<a class="utrecht-link" href="#([^"]+)">([^<]+)</a>', summary)


def test_the_summary_links_every_error_to_a_control_that_exists():
    form = Example(data={"note": "iets"})
    html = str(form)
    links = summary_links(html)
    assert [label.split(":")[0] for _, label in links] == ["Naam", "Fruit", "Manden"]
    for anchor, _ in links:
        # The anchor is an element on the page that can take the focus.
        assert re.search(rf'<(input|select|textarea)[^>]* id="{anchor}"', html), anchor
    assert "Eén ding" not in html and "3 dingen moeten nog anders" in html


def test_the_summary_counts_one_error_in_the_singular_and_keeps_form_wide_errors():
    form = Example(data={"name": "Ans", "fruit": "a", "baskets": ["b"], "note": "fout"})
    html = str(form)
    assert "Het geheel klopt niet." in html
    assert 'role="alert"' in html and "liso-error-summary" in html
    assert "dingen moeten" not in html and "Eén ding" not in html
    form = Example(data={"fruit": "a", "baskets": ["b"]})
    assert "Eén ding moet nog anders" in str(form)
    assert summary_links(str(form)) == [("id_name", "Naam: Dit veld is verplicht.")]


def test_a_valid_or_unbound_form_shows_no_summary():
    assert "liso-error-summary" not in str(Example())
    valid = Example(data={"name": "Ans", "fruit": "a", "baskets": ["b"]})
    assert valid.is_valid() and "liso-error-summary" not in str(valid)


def test_optional_labels_say_when_a_field_is_needed_after_all():
    html = str(Example())
    assert re.search(r"Opmerking <span[^>]*>\(niet verplicht\)", html)
    assert re.search(r"Eenheid <span[^>]*>\(nodig bij een getal\)", html)
    assert not re.search(r"(Naam|Fruit|Manden) <span[^>]*>\(niet verplicht\)", html)


@pytest.mark.parametrize(
    ("form_path", "conditional"),
    [
        ("opstart.forms.GoalForm", ["unit", "baseline", "target", "measured_on", "agreement"]),
        ("phases.forms.ObservationForm", ["value"]),
        ("bijeenkomsten.forms.SessionForm", ["venue", "place", "online_link"]),
    ],
)
def test_fields_that_clean_demands_in_some_cases_say_so(form_path, conditional):
    """These forms' clean() refuses some optional fields empty in some cases; their labels
    must not call them simply optional."""
    from importlib import import_module

    module, name = form_path.rsplit(".", 1)
    form_class = getattr(import_module(module), name)
    for field_name in conditional:
        assert field_name in form_class.CONDITIONS, field_name
        assert form_class.CONDITIONS[field_name], field_name


def test_every_form_leaves_the_checking_to_the_server():
    """The browser's own bubbles speak the browser's language (often English) and come
    before the server's Dutch message beside the field: every form turns them off."""
    from django.conf import settings

    form_tag = re.compile(r"<form\b[^>]*>", re.S)
    missing = [
        f"{path.relative_to(settings.BASE_DIR)}: {tag[:60]}"
        for path in (settings.BASE_DIR / "templates").rglob("*.html")
        for tag in form_tag.findall(path.read_text())
        if "novalidate" not in tag
    ]
    assert not missing, missing
