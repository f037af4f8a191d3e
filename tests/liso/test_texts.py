"""What people type is made safe in one place (liso/texts.py): no NUL bytes, one-line
fields on one line, no reversed reading direction in them, and every text within a
maximum that the browser knows too."""

import pytest
from django.urls import reverse

from liso import texts
from liso.method import Role
from networks.models import Network
from phases.models import Success
from tests.networks.test_networks import _network_form
from tests.networks.world import build_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalogue")]


def _success_url(world):
    return reverse("success_add", args=[world.network.slug])


def test_a_megabyte_of_text_is_refused_beside_the_field_and_nothing_is_saved(client):
    world = build_world()
    client.force_login(world.user(Role.DEELNEMER))
    before = Success.objects.count()
    page = client.post(_success_url(world), {"text": "x" * 1_000_000, "size": "klein"})
    assert page.status_code == 200
    assert "niet meer dan 10000 tekens" in page.text
    assert Success.objects.count() == before
    assert f'maxlength="{texts.TEXT_LIMIT}"' in page.text


def test_a_nul_byte_is_dropped_instead_of_failing(client):
    world = build_world()
    client.force_login(world.user(Role.DEELNEMER))
    response = client.post(_success_url(world), {"text": "Een\x00 goed gesprek", "size": "klein"})
    assert response.status_code == 302
    assert Success.objects.filter(text="Een goed gesprek").exists()


def test_a_name_keeps_to_one_line_and_refuses_a_reversed_reading_direction(client):
    world = build_world()
    client.force_login(world.user(Role.TREKKER))
    client.post(reverse("network_create"), _network_form(name="Samen\r\ntegen eenzaamheid"))
    assert Network.objects.filter(name="Samen tegen eenzaamheid").exists()
    page = client.post(reverse("network_create"), _network_form(name="Gemeente \u202etsiraB"))
    assert "leesrichting omdraait" in page.text
    assert not Network.objects.filter(name__contains="\u202e").exists()


def test_long_texts_get_more_room_than_short_ones():
    from afsluiting.forms import StoryForm

    form = StoryForm(network=build_world().network)
    story = form.fields["story"]
    assert story.max_length == texts.LONG_TEXT_LIMIT
    assert form.fields["crucial_moments"].widget.attrs["maxlength"] == str(texts.LONG_TEXT_LIMIT)


def test_every_password_rule_speaks_dutch():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    from liso.models import User

    user = User(email="anna.jansen@example.org", full_name="Anna Jansen")
    for password in ["abc", "12345678", "anna.jansen", "password"]:
        with pytest.raises(ValidationError) as refused:
            validate_password(password, user)
        for message in refused.value.messages:
            assert not message.startswith(("This", "The", "Your")), message
    with pytest.raises(ValidationError) as short:
        validate_password("Xq7!", user)
    assert "Dit wachtwoord is te kort: gebruik minstens 8 tekens." in short.value.messages
    with pytest.raises(ValidationError) as similar:
        validate_password("anna.jansen@example", user)
    assert similar.value.messages == ["Dit wachtwoord lijkt te veel op je e-mailadres."]


def test_password_help_says_je_like_the_rest_of_the_product():
    from django.contrib.auth.password_validation import password_validators_help_texts

    help_texts = password_validators_help_texts()
    assert len(help_texts) == 4
    for text in help_texts:
        assert text.startswith(("Je ", "Kies ")), text


def test_a_field_added_after_the_forms_init_gets_the_same_rules_when_rendered():
    from django import forms

    from liso.forms import StyledFormMixin

    class Late(StyledFormMixin, forms.Form):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["lesson"] = forms.CharField(widget=forms.Textarea, required=False)

    html = str(Late()["lesson"])
    assert f'maxlength="{texts.TEXT_LIMIT}"' in html
    assert "utrecht-textarea" in html
    bound = Late(data={"lesson": "a\x00b"})
    assert bound.is_valid() and bound.cleaned_data["lesson"] == "ab"
