"""Django's `conditional_escape`, `format_html` and `format_html_join`, with the same
results, for the markup the product writes in Python (form fields, cards, rows).

Django wraps its `escape` and `mark_safe` in `keep_lazy`, which checks every argument for
a lazy string on every call: about half the cost of a `format_html`, and a page of cards
calls it a thousand times (docs/performance.md). Here a lazy string is turned into text
once, before escaping, as Django's `conditional_escape` does too.
"""

from collections.abc import Mapping
from html import escape as escape_text

from django.utils.functional import Promise
from django.utils.safestring import SafeString


def escape(value) -> SafeString:
    """`value` made safe for HTML: escaped, unless it is safe already (has `__html__`)."""
    if isinstance(value, Promise):
        value = str(value)
    as_html = getattr(value, "__html__", None)
    if as_html is not None:
        return as_html()
    return SafeString(escape_text(str(value)))


def format_html(template: str, *args, **kwargs) -> SafeString:
    """`template.format(*args, **kwargs)` with every argument escaped, as safe HTML. Like
    Django's, it refuses a call without arguments: `format_html(text)` would pass `text`
    as safe unescaped."""
    if not (args or kwargs):
        raise TypeError("args or kwargs must be provided.")
    named = {name: escape(value) for name, value in kwargs.items()}
    return SafeString(template.format(*map(escape, args), **named))


def format_html_join(separator: str, template: str, rows) -> SafeString:
    """`format_html(template, *row)` for each row (`**row` for a mapping), joined by the
    escaped `separator`."""
    return SafeString(
        escape(separator).join(
            format_html(template, **row)
            if isinstance(row, Mapping)
            else format_html(template, *row)
            for row in rows
        )
    )
