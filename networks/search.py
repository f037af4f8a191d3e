"""Search inside a network (/netwerken/<slug>/zoeken/): one box that finds what the network
wrote, in one query, whatever the number of kinds.

Each app contributes a `SearchSource` per kind of content (SEARCH_SOURCES in
liso/contributions.py): the rows a member may see that match the words, as five columns
(`results()`). The page joins them with UNION ALL, newest first. PostgreSQL matches with
its Dutch full-text search (so "experimenten" finds "experiment"); SQLite, for `make run`,
looks for each word in the text. The words are shown in a snippet of what was found.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import CharField, DateField, F, Q, QuerySet, TextField, Value
from django.db.models.functions import Cast, Coalesce, Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from liso.compiled import CompiledOnce
from liso.contributions import SEARCH_SOURCES, contributions
from networks.models import Membership, Network

MAX_RESULTS = 50
MAX_WORDS = 8
MIN_WORD = 2
SNIPPET_AROUND = 90  # characters shown on each side of the first word found
STEM = 5  # a word's first letters that find its other forms in a snippet


@dataclass(frozen=True)
class SearchSource:
    """A kind of content a network's search finds."""

    kind: str  # its key in SEARCH_SOURCES
    label: str  # what the kind is called on the results page
    rows: Callable[[object, object], QuerySet]  # (network, membership) -> what they may see
    fields: list[str]  # the text searched, and shown around the words found
    title: str  # the field that names a result
    key: str  # the field `url` needs
    day: str | None  # the field that dates a result
    url: Callable[[object, str], str]  # (network, key) -> where the result is
    # A stored search document (PostgreSQL) that holds the words of `fields`, kept up to
    # date by its app: matched as it is instead of building one for every row on every
    # search (the werkvormen library: 13 of 15 ms of a search).
    vector: str | None = None


@dataclass
class Result:
    label: str
    title: str
    snippet: SafeString
    day: object
    url: str


def words_of(query: str) -> list[str]:
    words = [word for word in re.findall(r"\w+", query.lower()) if len(word) >= MIN_WORD]
    return words[:MAX_WORDS]


def matching(
    queryset: QuerySet, fields: list[str], query: str, vector: str | None = None
) -> QuerySet:
    """The rows in which all the words occur in one of `fields` (or in the stored search
    document `vector`, which holds them)."""
    if connection.vendor == "postgresql":
        document = F(vector) if vector else SearchVector(*fields, config="dutch")
        return queryset.annotate(found=document).filter(
            found=SearchQuery(query, config="dutch", search_type="websearch")
        )
    condition = Q()
    for word in words_of(query):
        condition &= Q(*[Q(**{f"{name}__icontains": word}) for name in fields], _connector=Q.OR)
    return queryset.filter(condition)


def _columns(queryset: QuerySet, source: SearchSource) -> QuerySet:
    """The five columns every source gives, in one order, so the sources can be joined."""
    parts = []
    for name in source.fields:
        parts += [Coalesce(F(name), Value(""), output_field=TextField()), Value(" ")]
    day = Cast(F(source.day), DateField()) if source.day else Value(None, DateField())
    return (
        queryset.annotate(
            s_kind=Value(source.kind, output_field=CharField()),
            s_key=Cast(F(source.key), CharField()),
            s_title=Cast(F(source.title), TextField()),
            s_body=Concat(*parts, output_field=TextField()),
            s_day=day,
        )
        .values_list("s_kind", "s_key", "s_title", "s_body", "s_day")
        .order_by()
    )  # SQLite


def search(network, membership, query: str) -> list[Result]:
    """What the member may see that matches, newest first (one query)."""
    if not words_of(query):
        return []
    sources = {source.kind: source for source in contributions(SEARCH_SOURCES)}
    if connection.vendor == "postgresql":
        # One shape whatever the words: built once per process (liso/compiled.py); building
        # the nine parts anew took longer than PostgreSQL took to run them.
        found = _compiled_search(network_id=network.pk, membership_id=membership.pk, query=query)
    else:
        found = _found(network, membership, query)
    return [
        Result(
            label=str(sources[kind].label),
            title=title,
            snippet=snippet(body, query),
            day=day,
            url=sources[kind].url(network, key),
        )
        for kind, key, title, body, day in found
    ]


def _found(network, membership, query: str) -> QuerySet:
    """Every source's matching rows as one union of the five columns, newest first."""
    parts = [
        _columns(
            matching(source.rows(network, membership), source.fields, query, source.vector),
            source,
        )
        for source in contributions(SEARCH_SOURCES)
    ]
    newest_first = F("s_day").desc(nulls_last=True)  # undated ones (werkvormen) last
    found = parts[0].union(*parts[1:], all=True).order_by(newest_first, "s_title")
    return found[:MAX_RESULTS]


def _found_by_ids(network_id, membership_id, query):
    # Stand-ins with only an id: what the sources' rows filter on.
    return _found(Network(pk=network_id), Membership(pk=membership_id), query)


_compiled_search = CompiledOnce(
    _found_by_ids, network_id=-7_301_101, membership_id=-7_301_102, query="(example words)"
)


def snippet(text: str, query: str) -> SafeString:
    """A piece of `text` around the first word of the query, the words marked."""
    stems = [word[:STEM] for word in words_of(query)]
    pattern = re.compile(r"\w*(?:" + "|".join(map(re.escape, stems)) + r")\w*", re.IGNORECASE)
    text = " ".join(text.split())
    first = pattern.search(text)
    start = max(first.start() - SNIPPET_AROUND, 0) if first else 0
    end = (first.end() if first else 0) + SNIPPET_AROUND
    piece = text[start:end]
    marked = pattern.sub(lambda m: f"\x00{m.group(0)}\x01", piece)
    html = escape(marked).replace("\x00", "<mark>").replace("\x01", "</mark>")
    return mark_safe(("…" if start else "") + html + ("…" if end < len(text) else ""))
