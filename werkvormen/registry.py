"""What higher apps tell about a werkvorm on its detail page.

The werkvormen app cannot import the apps above it (phases, kernelements), yet a werkvorm's
page should say which struikelblokken and phases it serves. Those apps register a section
here in their `AppConfig.ready()`: a heading and a function that returns (label, url)
pairs for one werkvorm, using one query; or a note: a heading and a short text.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class RelatedSection:
    key: str
    heading: str
    links: Callable[[object], list[tuple[str, str]]]


_sections: list[RelatedSection] = []


def register_related(section: RelatedSection) -> None:
    if all(existing.key != section.key for existing in _sections):
        _sections.append(section)


def related_sections(werkvorm) -> list[tuple[str, list[tuple[str, str]]]]:
    """The registered sections that have something to say about this werkvorm."""
    filled = [(section.heading, section.links(werkvorm)) for section in _sections]
    return [(heading, links) for heading, links in filled if links]


@dataclass(frozen=True)
class RelatedNote:
    """A short text a higher app has to say about a werkvorm (how networks rated it)."""

    key: str
    heading: str
    text: Callable[[object], str]  # "" when there is nothing to say


_notes: list[RelatedNote] = []


def register_note(note: RelatedNote) -> None:
    if all(existing.key != note.key for existing in _notes):
        _notes.append(note)


def related_notes(werkvorm) -> list[tuple[str, str]]:
    filled = [(note.heading, note.text(werkvorm)) for note in _notes]
    return [(heading, text) for heading, text in filled if text]
