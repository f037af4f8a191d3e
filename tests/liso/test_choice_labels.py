"""get_FOO_display() gives what Django's gives, from labels made once per field."""

from types import SimpleNamespace

from django.db import models

from liso import choice_labels
from networks.models import Membership, Network
from phases.models import Phase


def test_every_models_display_method_is_the_one_that_looks_labels_up():
    # Fails if Django renames the method that get_FOO_display is bound to.
    assert Membership._get_FIELD_display is choice_labels.display
    assert models.Model._get_FIELD_display is choice_labels.display


def test_the_label_of_a_value_and_the_value_itself_when_it_is_not_a_choice():
    field = Membership._meta.get_field("perspective")
    value, label = field.choices[1]
    assert Membership(perspective=value).get_perspective_display() == str(label)
    assert Membership(perspective="iets-anders").get_perspective_display() == "iets-anders"
    assert Membership(perspective="").get_perspective_display() == ""


def test_a_number_choice_and_a_missing_value_stay_what_they_are():
    number, label = Phase._meta.get_field("number").choices[0]
    assert Phase(number=number).get_number_display() == str(label)
    assert Phase(number=99).get_number_display() == 99
    assert Network(current_phase=None).get_current_phase_display() is None


def test_a_field_with_choices_from_a_callable_is_read_anew():
    options = [("a", "Eerst")]
    field = models.CharField(max_length=5, choices=lambda: options)
    field.set_attributes_from_name("kind")
    instance = SimpleNamespace(kind="a")
    assert choice_labels.display(instance, field) == "Eerst"
    options[:] = [("a", "Later")]
    assert choice_labels.display(instance, field) == "Later"
