"""The fast widgets render what Django's templates would, only quicker."""

import re
from html.parser import HTMLParser

from django import forms

from liso.forms import FastCheckboxes, FastRadios, FastSelect, StyledFormMixin

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
