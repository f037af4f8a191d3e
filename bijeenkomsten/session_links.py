"""Links that higher apps add to a session's page (a reflection on the session, from the
journey), without this app importing them. A link is a label and a function returning
its URL for the request and the session, or None to leave it out."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class SessionLink:
    key: str
    label: str
    url: Callable[[object, object], str | None]


_links: list[SessionLink] = []


def register_session_link(link: SessionLink) -> None:
    if all(existing.key != link.key for existing in _links):
        _links.append(link)


def links_for(request, session) -> list[tuple[str, str]]:
    found = [(link.label, link.url(request, session)) for link in _links]
    return [(label, url) for label, url in found if url]
