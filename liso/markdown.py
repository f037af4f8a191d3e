"""Markdown that members type, turned into HTML that is safe to show in pages and PDFs.

Two locks, so that one slip cannot open the door: the parser does not pass raw HTML
through and refuses links with unsafe schemes (javascript:, data:...), and its output is
then cleaned by nh3 (the Ammonia sanitiser) against a short list of tags, attributes and
URL schemes.
"""

import nh3
from django.db import models
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from markdown_it import MarkdownIt

_parser = MarkdownIt("js-default", {"html": False, "linkify": False, "typographer": False})

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "code",
    "pre",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}
# A member's headings start at h3: the page owns h1 and h2. A page whose whole body is one
# text (the footer's pages) lets it start at h2.


def _shift_headings(html: str, first: int) -> str:
    for level in (6, 5, 4, 3, 2, 1):
        shifted = min(level + first - 1, 6)
        html = html.replace(f"<h{level}>", f"<h{shifted}>").replace(
            f"</h{level}>", f"</h{shifted}>"
        )
    return html


def render_markdown(text: str, *, first_heading: int = 3) -> SafeString:
    if not text or not text.strip():
        return mark_safe("")
    html = _shift_headings(_parser.render(text), first_heading)
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(cleaned)


MARKDOWN_HELP = _(
    "Je kunt opmaak gebruiken: **vet**, *schuin*, een regel met - voor een opsomming, "
    "[tekst](https://adres) voor een link."
)


def markdown_field(label, **kwargs):
    return models.TextField(label, blank=True, help_text=MARKDOWN_HELP, **kwargs)
