"""What the home page shows a logged-in person, contributed by the apps.

liso imports no app, yet "Mijn netwerken" and "Mijn taken" come from networks and
bijeenkomsten. Each app contributes a section (HOME_SECTIONS, liso/contributions.py): a
template and a function that returns its context for the request (or None when it has
nothing to show). Each section keeps to a fixed number of queries.
"""

from collections.abc import Callable
from dataclasses import dataclass

from liso.contributions import HOME_SECTIONS, contributions


@dataclass(frozen=True)
class HomeSection:
    template: str
    context: Callable[[object], dict | None]


def sections_for(request) -> list[tuple[str, dict]]:
    filled = [
        (section.template, section.context(request)) for section in contributions(HOME_SECTIONS)
    ]
    return [(template, context) for template, context in filled if context is not None]
