"""Links that higher apps add to a session's page (a reflection on the session, from
phases), without this app importing them. A link is a label and a function returning its
URL for the request and the session, or None to leave it out; apps contribute them as
SESSION_LINKS (liso/contributions.py)."""

from collections.abc import Callable
from dataclasses import dataclass

from liso.contributions import SESSION_LINKS, contributions


@dataclass(frozen=True)
class SessionLink:
    label: str
    url: Callable[[object, object], str | None]


def links_for(request, session) -> list[tuple[str, str]]:
    found = [(link.label, link.url(request, session)) for link in contributions(SESSION_LINKS)]
    return [(label, url) for label, url in found if url]
