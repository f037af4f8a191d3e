from django import template

from liso.markdown import render_markdown

register = template.Library()


@register.inclusion_tag("components/breadcrumb.html")
def breadcrumbs(*labels_and_urls):
    """`{% breadcrumbs "Mijn netwerken" home_url "Mijn account" profile_url %}`: pairs of
    label and URL, from the top down; the last pair is the current page."""
    if len(labels_and_urls) % 2:
        raise template.TemplateSyntaxError("breadcrumbs takes pairs of label and URL")
    pairs = list(zip(labels_and_urls[::2], labels_and_urls[1::2], strict=True))
    return {"crumbs": pairs}


@register.filter(name="markdown")
def markdown_filter(text: str):
    """Markdown that a member typed, as sanitised HTML (liso/markdown.py)."""
    return render_markdown(text)
