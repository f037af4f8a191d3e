"""`get_FOO_display()` that looks the label up instead of rebuilding it.

Django's version flattens the field's choices into a new dict and translates the label anew
on every call: 20-40 microseconds, and a member list calls it a few hundred times (three
columns of choices per member). A field's choices and their translation do not change while
a process runs, so the translated labels are made once per field and language.

Django binds `get_FOO_display` to `Model._get_FIELD_display` when a model class is created,
so `install()` runs when the liso app is imported (liso/apps.py), before any model is.
"""

from django.db import models
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import get_language

# (id of the field, language) -> {value: translated label}. Fields live as long as the
# process, so their id is a stable key.
_labels: dict[tuple[int, str | None], dict] = {}


def _labels_of(field) -> dict:
    key = (id(field), get_language())
    labels = _labels.get(key)
    if labels is None:
        labels = {
            make_hashable(value): force_str(label, strings_only=True)
            for value, label in field.flatchoices
        }
        # Choices given as a callable may change: those are read anew each time.
        if isinstance(field.choices, list | tuple):
            _labels[key] = labels
    return labels


def display(instance, field) -> str:
    """What Django's `_get_FIELD_display` returns: the label of the value, or the value
    itself when it is not one of the choices."""
    value = getattr(instance, field.attname)
    label = _labels_of(field).get(make_hashable(value))
    return force_str(value, strings_only=True) if label is None else label


def install() -> None:
    models.Model._get_FIELD_display = display
