from django import template
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from liso.html import escape, format_html, format_html_join

register = template.Library()


@register.filter
def task_late(task, today) -> bool:
    """An open task past its date."""
    return task.is_late(today)


# One block of the draaiboek builder: with forty blocks, the template's tags, lookups and
# three forms per block were most of the page, so each block is put together here.
BLOCK = """
        <li class="liso-block liso-block--{kind}" data-id="{pk}">
          <span class="liso-block__handle" aria-hidden="true" title="{drag}">⠿</span>
          <div class="liso-block__time"><time datetime="{iso}">{starts}</time>–{ends}<br><span class="liso-meta">{minutes}</span></div>
          <div class="liso-block__text">
            <p class="liso-block__title"><strong>{title}</strong>{tag}</p>
            <p class="liso-meta">{responsible}{werkvorm}</p>
          </div>
          <div class="liso-block__actions">{moves}
            <a class="utrecht-link" href="{edit_url}"{edit_focus}>{edit}<span class="liso-visually-hidden"> {title}</span></a>
            {delete}
          </div>
        </li>"""  # noqa: E501
# A form that posts one change of this block (move it, remove it) to the builder; its start,
# the same for every block, is made once per page (`_shared`).
FORM_START = """<form novalidate method="post" action="{url}" hx-post="{url}" hx-target="#draaiboek" hx-swap="outerHTML">
              {csrf}<input type="hidden" name="versie" value="{version}">"""  # noqa: E501
CHANGE = """{start}<input type="hidden" name="blok" value="{pk}">
              {button}
            </form>"""
MOVE = (
    '<button class="utrecht-button utrecht-button--secondary-action liso-icon-button" '
    'type="submit" name="actie" value="{action}"{focus}{disabled}><span aria-hidden="true">'
    '{arrow}</span><span class="liso-visually-hidden">{label} {title}</span></button>'
)
DELETE = (
    '<button class="utrecht-button utrecht-button--secondary-action" type="submit" '
    'name="actie" value="verwijderen">{label}<span class="liso-visually-hidden"> {title}'
    "</span></button>"
)
ARROWS = {"omhoog": "↑", "omlaag": "↓"}
AUTOFOCUS = mark_safe(" autofocus")
DISABLED = mark_safe(" disabled")


def _shared(context) -> dict:
    """What every row repeats (the form's start with the CSRF token, the labels), made once
    per page and kept for the other rows."""
    shared = context.render_context.get(_shared)
    if shared is None:
        token = context.get("csrf_token")  # as {% csrf_token %} renders it
        csrf = (
            format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token)
            if token and token != "NOTPROVIDED"
            else ""
        )
        shared = {
            "start": format_html(
                FORM_START,
                url=context["change_url"],
                csrf=csrf,
                version=context["session"].draaiboek_version,
            ),
            "moves": [(action, escape(label)) for action, label in context["move_actions"]],
            "drag": escape(_("Slepen om te verplaatsen")),
            "nobody": escape(_("nog niemand gekozen")),
            "about": escape(_("over deze werkvorm")),
            "edit": escape(_("Wijzigen")),
            "delete": escape(_("Weg")),
        }
        context.render_context[_shared] = shared
    return shared


@register.simple_tag(takes_context=True)
def draaiboek_block(context, item, first: bool, last: bool):
    """A timed block (draaiboek.TimedBlock) as a row of the builder, with its buttons:
    up and down (disabled at either end), edit and remove. Needs the builder's context:
    `change_url`, `session`, `focus`, `move_actions` and the CSRF token."""
    shared = _shared(context)
    block = item.block
    title = escape(block.title)
    focus = context.get("focus")
    focused = focus[1] if isinstance(focus, tuple) and focus[0] == block.pk else None

    def change(button):
        return format_html(CHANGE, start=shared["start"], pk=block.pk, button=button)

    moves = format_html_join(
        "",
        "\n            {}",
        (
            (
                change(
                    format_html(
                        MOVE,
                        action=action,
                        focus=AUTOFOCUS if focused == action else "",
                        disabled=DISABLED if (first if action == "omhoog" else last) else "",
                        arrow=ARROWS[action],
                        label=label,
                        title=title,
                    )
                ),
            )
            for action, label in shared["moves"]
        ),
    )
    starts, ends = timezone.localtime(item.starts), timezone.localtime(item.ends)
    minutes = ngettext("%(n)s minuut", "%(n)s minuten", block.minutes) % {"n": block.minutes}
    return format_html(
        BLOCK,
        kind=block.kind,
        pk=block.pk,
        drag=shared["drag"],
        iso=starts.isoformat(),
        starts=time_format(starts, "H:i"),
        ends=time_format(ends, "H:i"),
        minutes=minutes,
        title=title,
        tag=format_html(' <span class="liso-tag">{}</span>', block.kind_label)
        if block.kind != "werkvorm"
        else "",
        responsible=block.responsible.user.full_name if block.responsible else shared["nobody"],
        werkvorm=format_html(
            ' · <a class="utrecht-link" href="{}">{}</a>', block.werkvorm_url, shared["about"]
        )
        if block.werkvorm
        else "",
        moves=moves,
        edit_url=block.edit_url,
        edit_focus=AUTOFOCUS if focused == "wijzigen" else "",
        edit=shared["edit"],
        delete=change(format_html(DELETE, label=shared["delete"], title=title)),
    )
