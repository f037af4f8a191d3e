"""The fast widgets render what Django's templates would, only quicker."""

import re
from datetime import date, time
from html.parser import HTMLParser
from unittest.mock import ANY

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from liso.forms import FastCheckboxes, FastRadios, FastSelect, FormRenderer, StyledFormMixin

CHOICES = [("1", "Ann & co"), ("2", "Bob <b>"), ("3", "Cas")]


class Plain(forms.Form):
    group = forms.MultipleChoiceField(choices=CHOICES, widget=forms.CheckboxSelectMultiple)


class Styled(StyledFormMixin, Plain):
    pass


def _tidy(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r">\s+", ">", html)).strip()


class _Shape(HTMLParser):
    """Tags with their attributes in any order, and the text between them."""

    def __init__(self, html: str):
        super().__init__()
        self.parts = []
        self.feed(_tidy(html))

    def handle_starttag(self, tag, attrs):
        self.parts.append((tag, sorted(attrs)))

    def handle_endtag(self, tag):
        self.parts.append(("/" + tag,))

    def handle_data(self, data):
        self.parts.append(data.strip())


def test_fast_checkboxes_render_what_djangos_template_renders():
    styled = Styled(initial={"group": ["2", "3"]})
    assert isinstance(styled.fields["group"].widget, FastCheckboxes)
    plain = Plain(initial={"group": ["2", "3"]})
    plain.fields["group"].widget.attrs["class"] = styled.fields["group"].widget.attrs["class"]
    assert _tidy(str(styled["group"])) == _tidy(str(plain["group"]))
    assert "Ann &amp; co" in str(styled["group"]) and "<b>" not in str(styled["group"])


class PlainRadio(forms.Form):
    one = forms.ChoiceField(choices=CHOICES, widget=forms.RadioSelect)


class StyledRadio(StyledFormMixin, PlainRadio):
    pass


def test_fast_radios_render_what_djangos_templates_render():
    for data in ({"one": "2"}, {"one": ""}):  # one chosen; none chosen, with its error
        styled, plain = StyledRadio(data), PlainRadio(data)
        styled.is_valid(), plain.is_valid()
        assert isinstance(styled.fields["one"].widget, FastRadios)
        plain.fields["one"].widget.attrs["class"] = styled.fields["one"].widget.attrs["class"]
        assert _Shape(str(styled["one"])).parts == _Shape(str(plain["one"])).parts
    assert re.search(r'value="2"[^>]* checked', str(StyledRadio({"one": "2"})["one"]))
    assert "Ann &amp; co" in str(styled["one"]) and "<b>" not in str(styled["one"])


def test_a_styled_form_uses_the_fast_select():
    class Choose(StyledFormMixin, forms.Form):
        who = forms.ChoiceField(choices=CHOICES)

    assert isinstance(Choose().fields["who"].widget, FastSelect)


def _django_renders(widget, value) -> str:
    return widget.render("x", value, attrs={"id": "id_x"}, renderer=DjangoTemplates())


def _ours(widget, value) -> str:
    return widget.render("x", value, attrs={"id": "id_x"}, renderer=FormRenderer())


CONTROLS = [
    (forms.TextInput(attrs={"class": "c", "maxlength": 200, "required": True}), 'a & <b> "'),
    (forms.TextInput(attrs={"disabled": False, "data-x": "y"}), None),
    (forms.NumberInput(attrs={"min": 0}), 0),
    (forms.EmailInput(), "ann@example.org"),
    (forms.URLInput(), "https://example.org/?a=1&b=2"),
    (forms.PasswordInput(), "secret"),  # not rendered back
    (forms.HiddenInput(), "7"),
    (forms.CheckboxInput(), True),
    (forms.CheckboxInput(), False),
    (forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), date(1900, 1, 2)),
    (forms.TimeInput(attrs={"type": "time"}, format="%H:%M"), time(9, 30)),
    (forms.Textarea(attrs={"rows": 4}), "\nstarts with a newline & has <tags>"),
    (forms.Textarea(), ""),
    (forms.Textarea(), None),
]


@pytest.mark.parametrize(("widget", "value"), CONTROLS)
def test_controls_made_in_python_are_what_djangos_templates_make(widget, value):
    assert _ours(widget, value) == _django_renders(widget, value)


class Fields(StyledFormMixin, forms.Form):
    name = forms.CharField(label="Naam & rol", help_text="Zoals <collega's> je kennen")
    note = forms.CharField(required=False)
    agree = forms.BooleanField(required=False, label="Akkoord")
    group = forms.MultipleChoiceField(
        choices=CHOICES, help_text="Kies er een of meer", widget=forms.CheckboxSelectMultiple
    )
    secret = forms.CharField(widget=forms.HiddenInput, required=False)


def test_a_field_group_links_its_label_help_and_error_to_the_control():
    form = Fields({"name": "", "group": []})
    form.is_valid()
    name = _Shape(form["name"].as_field_group()).parts
    assert ("label", [("class", "utrecht-form-label"), ("for", "id_name")]) in name
    assert "Naam & rol" in name and "Zoals <collega's> je kennen" in name
    assert ("div", [("class", ANY), ("id", "id_name_helptext")]) in name
    assert ("div", [("class", ANY), ("id", "id_name_error")]) in name
    assert "Dit veld is verplicht." in name
    assert '"utrecht-form-field--invalid' not in form["note"].as_field_group()
    assert "(niet verplicht)" in form["note"].as_field_group()
    assert "(niet verplicht)" not in form["agree"].as_field_group()  # a single checkbox
    assert "utrecht-form-field--checkbox" in form["agree"].as_field_group()


def test_a_group_of_choices_is_a_fieldset_described_by_its_help_and_error():
    form = Fields({"name": "Ann", "group": []})
    form.is_valid()
    group = form["group"].as_field_group()
    assert group.startswith("<fieldset")
    assert 'aria-describedby="id_group_helptext id_group_error"' in group
    assert "utrecht-form-fieldset--invalid" in group
    assert '<legend class="utrecht-form-fieldset__legend utrecht-form-label">' in group
    valid = Fields({"name": "Ann", "group": ["1"]})
    valid.is_valid()
    assert 'aria-describedby="id_group_helptext"' in valid["group"].as_field_group()


def test_a_hidden_field_is_only_its_input():
    hidden = Fields()["secret"].as_field_group()
    assert hidden.startswith('<input type="hidden" name="secret"') and hidden.endswith(">")
    assert hidden.count("<") == 1


def test_fast_select_renders_what_djangos_templates_render():
    choices = [("", "Maak een keuze"), *CHOICES]
    fast = FastSelect(choices=choices, attrs={"class": "c", "required": True})
    plain = forms.Select(choices=choices, attrs={"class": "c", "required": True})
    for value in ("2", "", None):
        ours = fast.render("who", value, attrs={"id": "id_who"})
        django = plain.render("who", value, attrs={"id": "id_who"}, renderer=DjangoTemplates())
        assert _tidy(ours) == _tidy(django)
    assert "Ann &amp; co" in ours and "<b>" not in ours


@pytest.mark.django_db
def test_a_model_choice_fields_options_are_one_plain_query_not_a_server_side_cursor():
    """Django reads the options with queryset.iterator(): on PostgreSQL a server-side
    cursor, four round trips for a few options."""
    from django.db import connection

    from liso.models import User
    from tests.liso.factories import UserFactory

    class People(StyledFormMixin, forms.Form):
        person = forms.ModelChoiceField(queryset=User.objects.order_by("email"))
        people = forms.ModelMultipleChoiceField(
            queryset=User.objects.order_by("email"), widget=forms.CheckboxSelectMultiple
        )

    first, second = UserFactory(email="a@example.org"), UserFactory(email="b@example.org")
    cursors = []

    def note_cursor(execute, sql, params, many, context):
        cursors.append(type(context["cursor"].cursor).__name__)
        return execute(sql, params, many, context)

    form = People(initial={"person": second.pk, "people": [first.pk]})
    with connection.execute_wrapper(note_cursor):
        person, people = str(form["person"]), str(form["people"])
    assert len(cursors) == 2 and not any("Server" in name for name in cursors), cursors
    assert f'<option value="{second.pk}" selected>' in person
    assert f'value="{first.pk}"' in people and people.count("checked") == 1
