"""What higher apps tell about a werkvorm on its detail page.

The werkvormen app cannot import the apps above it (phases, kernelements), yet a werkvorm's
page should say which struikelblokken and phases it serves. Those apps contribute a
section (WERKVORM_SECTIONS, liso/contributions.py): a heading and a function that returns
(label, url) pairs for one werkvorm, using one query; or a note (WERKVORM_NOTES): a heading
and a short text.
"""

from collections.abc import Callable
from dataclasses import dataclass

from liso.contributions import WERKVORM_NOTES, WERKVORM_SECTIONS, contributions


@dataclass(frozen=True)
class RelatedSection:
    heading: str
    links: Callable[[object], list[tuple[str, str]]]


def related_sections(werkvorm) -> list[tuple[str, list[tuple[str, str]]]]:
    """The contributed sections that have something to say about this werkvorm."""
    filled = [
        (section.heading, section.links(werkvorm)) for section in contributions(WERKVORM_SECTIONS)
    ]
    return [(heading, links) for heading, links in filled if links]


@dataclass(frozen=True)
class RelatedNote:
    """A short text a higher app has to say about a werkvorm (how networks rated it)."""

    heading: str
    text: Callable[[object], str]  # "" when there is nothing to say


def related_notes(werkvorm) -> list[tuple[str, str]]:
    filled = [(note.heading, note.text(werkvorm)) for note in contributions(WERKVORM_NOTES)]
    return [(heading, text) for heading, text in filled if text]
