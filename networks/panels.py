"""The network overview page is built from panels, so that higher apps (sessions, the
journey, health) can add theirs without this app importing them.

A panel is a template and a function returning its context for the request (with
`request.network` and `request.network_perms` set), or None to stay hidden. A next-step
hint works the same way: the first one that returns a hint wins. Apps contribute both
(OVERVIEW_PANELS, NEXT_STEPS); their order is set in liso/contributions.py.
"""

from collections.abc import Callable
from dataclasses import dataclass

from liso.contributions import NEXT_STEPS, OVERVIEW_PANELS, contributions


@dataclass(frozen=True)
class Panel:
    template: str
    context: Callable[[object], dict | None]


@dataclass(frozen=True)
class NextStep:
    hint: Callable[[object], tuple[str, str] | None]  # (text, url) or None


def panels_for(request) -> list[tuple[str, dict]]:
    filled = [(panel.template, panel.context(request)) for panel in contributions(OVERVIEW_PANELS)]
    return [(template, context) for template, context in filled if context is not None]


def next_step_for(request) -> tuple[str, str] | None:
    for step in contributions(NEXT_STEPS):
        if hint := step.hint(request):
            return hint
    return None
