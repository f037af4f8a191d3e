"""What people type, made safe in one place for every form (StyledFormMixin):

- NUL bytes are dropped (PostgreSQL refuses them in text);
- a one-line field keeps one line: line breaks become spaces (a network's name with a
  line break would break every mail that carries it in its subject);
- a one-line field refuses the characters that turn the reading direction around (a name
  that shows as something else than it is);
- every text has a maximum that fits its use: a long text (Markdown: minutes, stories)
  up to LONG_TEXT_LIMIT, other multi-line text up to TEXT_LIMIT, one-line fields as their
  model says. The browser counts down beside long fields (static/liso/forms.js).
"""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from liso.markdown import MARKDOWN_HELP

TEXT_LIMIT = 10_000
LONG_TEXT_LIMIT = 100_000
# Bidirectional embedding, override and isolate characters (Unicode's explicit formatting).
DIRECTION_CONTROLS = {chr(code) for code in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}


def is_one_line(field: forms.Field) -> bool:
    return isinstance(field, forms.CharField) and isinstance(field.widget, forms.TextInput)


def no_direction_controls(value: str) -> None:
    if any(character in DIRECTION_CONTROLS for character in value):
        raise forms.ValidationError(
            _(
                "Hierin staat een onzichtbaar teken dat de leesrichting omdraait. Typ de "
                "tekst opnieuw, zonder dat teken."
            ),
            code="direction_control",
        )


def limit_text_field(field: forms.Field) -> None:
    """Give a text field its rules: a maximum length (kept in the browser too), and for
    one-line fields no reversed reading direction."""
    if not isinstance(field, forms.CharField) or isinstance(field, forms.EmailField):
        return
    if is_one_line(field):
        field.validators.append(no_direction_controls)
    if not isinstance(field.widget, forms.Textarea):
        return
    if field.max_length is None:
        long = str(field.help_text) == str(MARKDOWN_HELP)
        field.max_length = LONG_TEXT_LIMIT if long else TEXT_LIMIT
        field.validators.append(MaxLengthValidator(field.max_length))
    field.widget.attrs.setdefault("maxlength", str(field.max_length))


def _cleaned(value, one_line: bool):
    if not isinstance(value, str):
        return value
    value = value.replace("\x00", "")
    if one_line:
        value = " ".join(value.splitlines())
    return value


def cleaned_data_of(data, one_line_names: set[str]):
    """A copy of the submitted data without NUL bytes, and with one-line fields on one
    line (QueryDict or dict)."""
    if hasattr(data, "lists"):
        copy = data.copy()
        for name, values in data.lists():
            copy.setlist(name, [_cleaned(value, name in one_line_names) for value in values])
        return copy
    return {name: _cleaned(value, name in one_line_names) for name, value in data.items()}
