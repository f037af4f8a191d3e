"""What the home page shows a logged-in person, contributed by the apps.

liso imports no app, yet "Mijn netwerken" and "Mijn taken" come from networks and
bijeenkomsten. Each app contributes a section (HOME_SECTIONS, liso/contributions.py): a
template and a function that returns its context for the request (or None when it has
nothing to show). Each section keeps to a fixed number of queries.

What comes next for the person goes first (the order is ORDER's). Sections of one group
share a heading: an invitation to a session, to a network and to a zelfscan all wait for
the person's answer, whichever app owns them; their templates render list items only.
When no section says what is next, one sentence says that nothing waits.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from liso.contributions import HOME_SECTIONS, contributions

ANSWER = "wacht-op-je-antwoord"
# The groups' headings; the key is also the heading's id on the page.
GROUPS = {ANSWER: _("Wacht op je antwoord")}


@dataclass(frozen=True)
class HomeSection:
    template: str
    context: Callable[[object], dict | None]
    # One of GROUPS: shown under the group's heading, as items of one list.
    group: str = ""
    # Says what is next for the person (a session, an answer, a task...).
    next: bool = False

    def __post_init__(self):
        if self.group and self.group not in GROUPS:
            raise ValueError(f"{self.group!r} is not a group of the home page (GROUPS)")


@dataclass
class Block:
    """A section on the page, or a group of them under one heading."""

    template: str = ""
    section: dict | None = None
    group: str = ""
    heading: str = ""
    items: list | None = None  # (template, context) of a group's sections


def sections_for(request) -> tuple[list[Block], bool]:
    """The page's blocks in ORDER, and whether any of them says what is next."""
    blocks: list[Block] = []
    anything_next = False
    for section in contributions(HOME_SECTIONS):
        context = section.context(request)
        if context is None:
            continue
        anything_next = anything_next or section.next
        if not section.group:
            blocks.append(Block(template=section.template, section=context))
        elif blocks and blocks[-1].group == section.group:
            blocks[-1].items.append((section.template, context))
        else:
            blocks.append(
                Block(
                    group=section.group,
                    heading=GROUPS[section.group],
                    items=[(section.template, context)],
                )
            )
    return blocks, anything_next
