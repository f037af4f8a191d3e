"""Small pieces of werkvorm markup that lists repeat many times, rendered in Python: the
template engine's cost per variable made long lists the slowest pages of the product."""

from html import escape

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from liso.html import format_html

register = template.Library()


@register.simple_tag
def werkvorm_facts(werkvorm):
    """Duration, group size and labels as a row of small tags."""
    # Plain escaping and string joins: format_html costs more than the rest of a card.
    keys = {"duur": escape(_("Duur")), "groep": escape(_("Groep"))}
    items = "".join(
        f'<li class="liso-tag liso-tag--{escape(kind)}">'
        + (f'<span class="liso-facts__key">{keys[kind]}</span> ' if kind in keys else "")
        + f"{escape(text)}</li>"
        for kind, text in werkvorm.facts()
    )
    return mark_safe(f'<ul class="liso-facts" role="list">{items}</ul>')


@register.simple_tag(takes_context=True)
def werkvorm_link(context, werkvorm):
    """The werkvorm's name, linked for members; the library is not public, so a visitor
    of the public guide sees the name only."""
    if context["request"].user.is_authenticated:
        url = reverse("werkvorm_detail", args=[werkvorm.code])
        return format_html('<a class="utrecht-link" href="{}">{}</a>', url, werkvorm.name)
    return werkvorm.name
