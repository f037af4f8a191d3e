"""What the home page shows a logged-in person, contributed by the apps.

liso imports no app, yet "Mijn netwerken" and "Mijn taken" come from networks and phases.
Each app registers a section in its AppConfig.ready(): a template and a function that
returns its context for the request (or None when it has nothing to show). Each section
keeps to a fixed number of queries.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class HomeSection:
    key: str
    template: str
    context: Callable[[object], dict | None]


_sections: list[HomeSection] = []


def register_section(section: HomeSection) -> None:
    if all(existing.key != section.key for existing in _sections):
        _sections.append(section)


def sections_for(request) -> list[tuple[str, dict]]:
    filled = [(section.template, section.context(request)) for section in _sections]
    return [(template, context) for template, context in filled if context is not None]
