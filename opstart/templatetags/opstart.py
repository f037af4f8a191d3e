from django import template
from django.utils.formats import date_format, number_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from liso import method
from liso.html import format_html, format_html_join
from liso.links import url_maker
from networks.models import Membership
from opstart.models import Milestone

register = template.Library()


@register.filter
def late(milestone, today) -> bool:
    """A milestone past its date and not reached."""
    return milestone.is_late(today)


@register.filter
def euro(amount) -> str:
    """An amount in Dutch notation: € 12.500,00."""
    if amount is None or amount == "":
        return ""
    return "€\u00a0" + number_format(amount, 2, force_grouping=True)


@register.filter
def hours(amount) -> str:
    return number_format(amount, 1 if amount % 1 else 0, force_grouping=True)


MILESTONE = (
    '\n              <li class="liso-milestone liso-milestone--{}">\n'
    "                <span>{}</span> · {} · <strong>{}</strong>{}\n"
    "                {}\n              </li>\n            "
)


@register.simple_tag
def milestone_items(milestones, today, network, can_edit: bool):
    """A goal's milestones as list items, made in Python (a start-up has many)."""
    statuses = {value: str(label).lower() for value, label in Milestone.Status.choices}
    late = format_html(' <span class="liso-missing">{}</span>', _("te laat"))
    edit_url = url_maker("opstart_milestone_edit", network.slug)
    edit, of = _("Bewerken"), _("van")

    def link(milestone):
        if not can_edit:
            return ""
        return format_html(
            '<a class="utrecht-link" href="{}">{}'
            '<span class="liso-visually-hidden"> {} {}</span></a>',
            edit_url(milestone.pk),
            edit,
            of,
            milestone.title,
        )

    return format_html_join(
        "",
        MILESTONE,
        (
            (
                milestone.status,
                date_format(milestone.due_on, "j F Y"),
                milestone.title,
                statuses[milestone.status],
                late if milestone.is_late(today) else "",
                link(milestone),
            )
            for milestone in milestones
        ),
    )


BOX = (
    '\n    <rect x="{}" y="{}" width="{}" height="{}" rx="6" fill="{}" stroke="{}"'
    ' stroke-width="{}"/>\n    <text x="{}" y="{}" font-size="16" font-weight="700"'
    ' fill="#0b3a45">{}</text>\n    {}\n    {}\n  '
)
BOX_NOTE = '<text x="{}" y="{}" font-size="14" fill="#4a5559">{}</text>'
ITALIC = mark_safe(' font-style="italic"')
BOX_LINE = (
    '\n      <circle cx="{}" cy="{}" r="4" fill="{}" stroke="#146c80" stroke-width="1.5"/>'
    '\n      <text x="{}" y="{}" font-size="14" fill="{}"{}>{}</text>\n    '
)


@register.simple_tag
def organogram_boxes(chart):
    """The organogram's boxes as SVG, made in Python: a line per member."""

    def lines(box):
        return format_html_join(
            "",
            BOX_LINE,
            (
                (
                    box.x + 18,
                    line.y - 5,
                    "#ffffff" if line.outer else "#146c80",
                    box.x + 30,
                    line.y,
                    "#4a5559" if line.outer else "#1c2326",
                    ITALIC if line.outer else "",
                    line.text,
                )
                for line in box.lines
            ),
        )

    def box(box):
        note = format_html(BOX_NOTE, box.x + 12, box.title_y + 20, box.note) if box.note else ""
        return format_html(
            BOX,
            box.x,
            box.y,
            box.width,
            box.height,
            "#e3f1f4" if box.lead else "#ffffff",
            "#146c80" if box.lead else "#4a5559",
            2 if box.lead else 1.5,
            box.x + 12,
            box.title_y,
            box.title,
            note,
            lines(box),
        )

    return format_html_join("", "{}", ((box(b),) for b in chart.boxes))


@register.simple_tag
def member_items(members):
    """Members as list items with their roles and ring, made in Python (labels once)."""
    roles = {value: str(label).lower() for value, label in method.Role.choices}
    rings = {value: str(label).lower() for value, label in Membership.Ring.choices}
    return format_html_join(
        "",
        "<li>{}: {} · {}</li>",
        (
            (
                member.user.full_name,
                ", ".join(roles[code] for code in member.role_codes()),
                rings[member.ring],
            )
            for member in members
        ),
    )
