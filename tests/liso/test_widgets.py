"""The fast widgets render what Django's templates would, only quicker."""

import re

from django import forms

from liso.forms import FastCheckboxes, FastSelect, StyledFormMixin

CHOICES = [("1", "Ann & co"), ("2", "Bob <b>"), ("3", "Cas")]


class Plain(forms.Form):
    group = forms.MultipleChoiceField(choices=CHOICES, widget=forms.CheckboxSelectMultiple)


class Styled(StyledFormMixin, Plain):
    pass


def _tidy(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r">\s+", ">", html)).strip()


def test_fast_checkboxes_render_what_djangos_template_renders():
    styled = Styled(initial={"group": ["2", "3"]})
    assert isinstance(styled.fields["group"].widget, FastCheckboxes)
    plain = Plain(initial={"group": ["2", "3"]})
    plain.fields["group"].widget.attrs["class"] = styled.fields["group"].widget.attrs["class"]
    assert _tidy(str(styled["group"])) == _tidy(str(plain["group"]))
    assert "Ann &amp; co" in str(styled["group"]) and "<b>" not in str(styled["group"])


def test_a_styled_form_uses_the_fast_select():
    class Choose(StyledFormMixin, forms.Form):
        who = forms.ChoiceField(choices=CHOICES)

    assert isinstance(Choose().fields["who"].widget, FastSelect)
