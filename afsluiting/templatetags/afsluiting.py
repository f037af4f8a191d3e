from django import template
from django.template.defaultfilters import urlize
from django.utils.translation import gettext as _

from afsluiting.closing import SHORT_QUESTIONS
from afsluiting.models import Safeguard
from liso.html import format_html, format_html_join
from liso.links import url_pattern, with_id

register = template.Library()

# The markup of one subject of the borging table (as its template had it): its name, a
# link to fill in its answers for who may, and each answer beside its question.
CARD = (
    '\n    <li class="liso-card">\n      <h3 class="utrecht-heading-3">{}</h3>\n'
    '      <dl class="liso-dl liso-safeguards">\n        {}\n      </dl>\n    </li>\n  '
)
ANSWER = "\n          <dt>{}</dt>\n          <dd>{}</dd>\n        "
STATE = '<span class="liso-safeguard liso-safeguard--{}">{}</span>'


@register.simple_tag
def safeguard_cards(rows, network, can_edit: bool):
    """The borging table's cards, made in Python: one per kennisproduct and member
    organisation, each with three answers, would be hundreds of template lookups."""
    questions = [str(question) for question in SHORT_QUESTIONS]
    states = {value: str(label) for value, label in Safeguard.State.choices}
    not_yet = _("Nog niet")
    edit_urls = {}

    def edit_link(row):
        if row.kind not in edit_urls:
            edit_urls[row.kind] = url_pattern("closing_safeguard_edit", network.slug, row.kind)
        url = with_id(edit_urls[row.kind], row.subject.pk)
        return format_html(
            '<a class="utrecht-link" href="{}">{}'
            '<span class="liso-visually-hidden">: {}</span></a>',
            url,
            row.subject,
            _("borging invullen"),
        )

    def answer(answer):
        if answer is None:
            return format_html(STATE, "open", not_yet)
        parts = [format_html(STATE, answer.state, states[answer.state])]
        if answer.caretaker:
            parts.append(format_html(" · {}", answer.caretaker.user.full_name))
        if answer.kept_where:
            parts.append(format_html(" · {}", urlize(answer.kept_where, autoescape=True)))
        return format_html_join("", "{}", ((part,) for part in parts))

    def card(row):
        answers = format_html_join(
            "", ANSWER, zip(questions, (answer(a) for a in row.answers), strict=True)
        )
        title = edit_link(row) if can_edit else row.subject
        return format_html(CARD, title, answers)

    return format_html_join("", "{}", ((card(row),) for row in rows))
