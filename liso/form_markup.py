"""The markup of a form field and of the plain controls, made in Python.

Every form on every page renders each field through the design system's form-field markup,
and Django renders each control through two or three small templates of its own. Those
templates were a third of a form page's server time (docs/performance.md); the same markup
made here costs a fraction. `liso.forms.FormRenderer` sends the templates named in
`IN_PYTHON` here and every other template to the template engine as before.
"""

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from liso.html import escape, format_html, format_html_join


def attributes(attrs: dict) -> SafeString:
    """A control's attributes as Django's attrs.html writes them: False leaves one out, True
    writes its name alone, anything else is written as text. Plain joins: a list of sixty
    checkboxes writes this sixty times."""
    return SafeString(
        "".join(
            f" {escape(name)}" if value is True else f' {escape(name)}="{escape(value)}"'
            for name, value in attrs.items()
            if value is not False
        )
    )


def control(context: dict) -> SafeString:
    """An <input> of any type (django/forms/widgets/input.html)."""
    widget = context["widget"]
    value = widget["value"]
    value_attribute = "" if value is None else format_html(' value="{}"', value)
    return format_html(
        '<input type="{}" name="{}"{}{}>',
        widget["type"],
        widget["name"],
        value_attribute,
        attributes(widget["attrs"]),
    )


def text_area(context: dict) -> SafeString:
    """A <textarea> (django/forms/widgets/textarea.html). The newline after the opening tag
    is Django's: a browser drops the first newline there, so a text that starts with one
    keeps it."""
    widget = context["widget"]
    return format_html(
        '<textarea name="{}"{}>\n{}</textarea>',
        widget["name"],
        attributes(widget["attrs"]),
        widget["value"] or "",
    )


def _optional_note(field) -> SafeString:
    """Beside the label: the case in which a field is needed, or that it is not needed. A
    single checkbox is never "needed", so it says neither."""
    if field.field.condition:
        return format_html(' <span class="liso-optional">({})</span>', field.field.condition)
    single_checkbox = getattr(field.field.widget, "input_type", None) == "checkbox"
    if not field.field.required and field.form.mark_optional and not single_checkbox:
        return format_html(' <span class="liso-optional">{}</span>', _("(niet verplicht)"))
    return SafeString("")


def _error_list(field) -> SafeString:
    return format_html_join(
        "", '<p class="liso-error">{}</p>', ((error,) for error in field.errors)
    )


def _choice_group(field) -> SafeString:
    """A group of checkboxes or radio buttons: a fieldset whose legend is the label."""
    described_by = " ".join(
        identifier
        for identifier, present in (
            (f"{field.auto_id}_helptext", field.help_text),
            (f"{field.auto_id}_error", field.errors),
        )
        if present
    )
    return format_html(
        '<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset'
        ' liso-choice-group{}"{}>'
        '<legend class="utrecht-form-fieldset__legend utrecht-form-label">{}{}</legend>'
        "{}{}{}</fieldset>",
        " utrecht-form-fieldset--invalid" if field.errors else "",
        format_html(' aria-describedby="{}"', described_by) if described_by else "",
        field.label,
        _optional_note(field),
        _help(field, "utrecht-form-field-description"),
        _errors(field, "utrecht-form-field-error-message"),
        field,
    )


def _help(field, css_class: str) -> SafeString:
    if not field.help_text:
        return SafeString("")
    return format_html(
        '<div class="{}" id="{}_helptext">{}</div>', css_class, field.auto_id, field.help_text
    )


def _errors(field, css_class: str) -> SafeString:
    if not field.errors:
        return SafeString("")
    return format_html(
        '<div class="{}" id="{}_error">{}</div>', css_class, field.auto_id, _error_list(field)
    )


def field_group(context: dict) -> SafeString:
    """One form field in the design system's form-field markup: label, help, error,
    control (what components/field.html was)."""
    field = context["field"]
    if field.is_hidden:
        return escape(field)
    if field.use_fieldset:
        return _choice_group(field)
    kind = "checkbox" if getattr(field.field.widget, "input_type", None) == "checkbox" else "text"
    return format_html(
        '<div class="utrecht-form-field utrecht-form-field--distanced'
        ' utrecht-form-field--{}{}">'
        '<div class="utrecht-form-field__label">'
        '<label class="utrecht-form-label" for="{}">{}{}</label></div>'
        '{}{}<div class="utrecht-form-field__input">{}</div></div>',
        kind,
        " utrecht-form-field--invalid" if field.errors else "",
        field.auto_id,
        field.label,
        _optional_note(field),
        _help(field, "utrecht-form-field__description utrecht-form-field-description"),
        _errors(field, "utrecht-form-field__error-message utrecht-form-field-error-message"),
        field,
    )


# Django's controls that are one <input> (each of their templates includes input.html).
_INPUTS = (
    "checkbox",
    "color",
    "date",
    "datetime",
    "email",
    "file",
    "hidden",
    "input",
    "number",
    "password",
    "search",
    "tel",
    "text",
    "time",
    "url",
)
# Not a file: the name under which FormRenderer finds field_group.
FIELD_TEMPLATE = "liso.form_markup.field_group"
IN_PYTHON = {
    **{f"django/forms/widgets/{name}.html": control for name in _INPUTS},
    "django/forms/widgets/textarea.html": text_area,
    FIELD_TEMPLATE: field_group,
}
