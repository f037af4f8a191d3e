"""The network overview page is built from panels, so that higher apps (sessions,
experiments, health) can add theirs without this app importing them.

A panel is a template and a function returning its context for the request (with
`request.network` and `request.network_perms` set), or None to stay hidden. Panels are
shown by `order`. A next-step hint works the same way: the first provider (by order) that
returns a hint wins.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    key: str
    template: str
    context: Callable[[object], dict | None]
    order: int = 100


@dataclass(frozen=True)
class NextStep:
    key: str
    hint: Callable[[object], tuple[str, str] | None]  # (text, url) or None
    order: int = 100


_panels: list[Panel] = []
_next_steps: list[NextStep] = []


def register_panel(panel: Panel) -> None:
    if all(existing.key != panel.key for existing in _panels):
        _panels.append(panel)
        _panels.sort(key=lambda p: p.order)


def register_next_step(step: NextStep) -> None:
    if all(existing.key != step.key for existing in _next_steps):
        _next_steps.append(step)
        _next_steps.sort(key=lambda s: s.order)


def panels_for(request) -> list[tuple[str, dict]]:
    filled = [(panel.template, panel.context(request)) for panel in _panels]
    return [(template, context) for template, context in filled if context is not None]


def next_step_for(request) -> tuple[str, str] | None:
    for step in _next_steps:
        if hint := step.hint(request):
            return hint
    return None
