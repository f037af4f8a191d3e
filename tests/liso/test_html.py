"""liso.html gives exactly what Django's conditional_escape, format_html and
format_html_join give, for every kind of value the product passes them."""

import pytest
from django.utils import html as django_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy

from liso import html

VALUES = [
    "plain",
    "<script>alert('x')</script> & \"quotes\"",
    mark_safe("<b>already safe</b>"),
    gettext_lazy("Wijzigen"),
    gettext_lazy("<lazy> & text"),
    42,
    3.5,
    None,
    "",
]


@pytest.mark.parametrize("value", VALUES)
def test_escape_is_djangos_conditional_escape(value):
    ours = html.escape(value)
    assert ours == django_html.conditional_escape(value)
    assert isinstance(ours, SafeString)


@pytest.mark.parametrize("value", VALUES)
def test_format_html_is_djangos(value):
    template = '<a href="{}" title="{}">{}</a>'
    ours = html.format_html(template, value, value, "<i>")
    assert ours == django_html.format_html(template, value, value, "<i>")
    assert isinstance(ours, SafeString)
    named = "<p>{text}{}</p>"
    assert html.format_html(named, "<i>", text=value) == django_html.format_html(
        named, "<i>", text=value
    )


@pytest.mark.parametrize("separator", [", ", "<br>", mark_safe("<br>"), ""])
def test_format_html_join_is_djangos(separator):
    rows = [(value, "<x>") for value in VALUES]
    ours = html.format_html_join(separator, "<li>{} {}</li>", iter(rows))
    assert ours == django_html.format_html_join(separator, "<li>{} {}</li>", iter(rows))
    assert isinstance(ours, SafeString)
    named = [{"a": value, "b": "<x>"} for value in VALUES]
    assert html.format_html_join(separator, "{a}{b}", named) == django_html.format_html_join(
        separator, "{a}{b}", named
    )


def test_format_html_without_arguments_is_refused_like_djangos():
    for format_html in (html.format_html, django_html.format_html):
        with pytest.raises(TypeError):
            format_html("<b>{}</b>")
