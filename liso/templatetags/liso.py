from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from liso.markdown import render_markdown

register = template.Library()


@register.inclusion_tag("components/breadcrumb.html")
def breadcrumbs(*labels_and_urls):
    """`{% breadcrumbs "Mijn netwerken" home_url "Mijn account" profile_url %}`: pairs of
    label and URL, from the top down; the last pair is the current page."""
    if len(labels_and_urls) % 2:
        raise template.TemplateSyntaxError("breadcrumbs takes pairs of label and URL")
    pairs = list(zip(labels_and_urls[::2], labels_and_urls[1::2], strict=True))
    return {"crumbs": pairs, "parent": pairs[-2] if len(pairs) > 1 else None}


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
