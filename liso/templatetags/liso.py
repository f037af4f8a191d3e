from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from liso import catalogue, links, navigation, sources
from liso.html import format_html
from liso.markdown import render_markdown

register = template.Library()


@register.simple_tag
def breadcrumbs(*labels_and_urls):
    """`{% breadcrumbs "Mijn netwerken" home_url "Mijn account" profile_url %}`: pairs of
    label and URL, from the top down; the last pair is the current page."""
    if len(labels_and_urls) % 2 or not labels_and_urls:
        raise template.TemplateSyntaxError("breadcrumbs takes pairs of label and URL")
    return navigation.breadcrumb(
        list(zip(labels_and_urls[::2], labels_and_urls[1::2], strict=True))
    )


@register.simple_block_tag
def scroll_table(content, label="", labelledby=""):
    """`{% scroll_table labelledby="caption-id" %}<table>...</table>{% endscroll_table %}`:
    a table that may be wider than a phone scrolls sideways in its own region, which the
    keyboard can focus (WCAG), named by its caption (or `label`); a shadow and a line of
    text say there is more to see, shown only while it does not fit (layout.css)."""
    name = (
        format_html('aria-labelledby="{}"', labelledby)
        if labelledby
        else format_html('aria-label="{}"', label)
    )
    return format_html(
        '<div class="liso-table-scroll" role="region" {} tabindex="0">'
        '<p class="liso-table-scroll__hint" aria-hidden="true">{}</p>{}</div>',
        name,
        _("Schuif opzij om meer te zien"),
        content,
    )


@register.simple_tag
def error_links(form) -> list[tuple[str, str, str]]:
    """Each field error of a bound form as (anchor, label, message), for the error summary
    at the top of the form: a link per error that leads to the control itself."""
    return [
        (control_id(field), field.label, error)
        for field in form
        if not field.is_hidden
        for error in field.errors
    ]


def control_id(field) -> str:
    """The id of the control an error link should focus. A group of radio buttons or
    checkboxes has no control with the field's own id: the first choice takes its place."""
    if field.use_fieldset:
        return f"{field.auto_id}_0"
    return field.id_for_label or field.auto_id


@register.filter(name="markdown")
def markdown_filter(text: str):
    """Markdown that a member typed, as sanitised HTML (liso/markdown.py)."""
    return render_markdown(text)


@register.filter(name="day")
def day_filter(value, weekday: str = ""):
    """A date as "7 december", with its year when that is not this year ("7 december
    2025"), so a date from another year never looks like this year's; `day:"l"` adds the
    weekday ("maandag 7 december")."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value)
    shown = "j F" if value.year == timezone.localdate().year else "j F Y"
    return date_format(value, f"l {shown}" if weekday == "l" else shown)


@register.inclusion_tag("components/source_note.html")
def source_note(item_or_items):
    """Where a text comes from (liso/sources.py): `{% source_note werkvorm %}` for one
    item; for a list (the preparation tasks), one note naming each source once."""
    if hasattr(item_or_items, "source_text"):
        item = item_or_items
        note = {
            "sources": [item.source_text],
            "from_method": item.from_method,
            "additions": item.additions_text,
        }
    else:
        note = sources.summary(list(item_or_items))
    return {"note": note}


@register.simple_tag
def catalogue_version() -> str:
    """`{% catalogue_version as version %}`: the catalogue's version (liso/catalogue.py), for
    the key of rendered reference content."""
    return catalogue.version()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """`{% main_menu as menu %}`: the links of liso/navigation.py for this visitor."""
    return navigation.main_menu(context.get("request"))


@register.filter
def with_id(pattern: str, last) -> str:
    """`{{ edit_urls.goal|with_id:goal.pk }}`: a row's link from a URL reversed once per
    list with a placeholder (liso/links.py)."""
    return links.with_id(pattern, last)
