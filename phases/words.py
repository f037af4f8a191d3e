"""The network's shared words and its members' learning questions: what the glossary and
the leervragen pages read, in a fixed number of queries whatever the amount of data.

Saving and deleting go through the network's editing kit (networks/history.py: item_save,
item_delete), so every change has its history and a save from an outdated copy is told;
what is left here are the queries those pages and other parts of the journey share."""

import unicodedata
from dataclasses import dataclass

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Lower

from networks.models import Membership, Network
from phases.models import Leervraag, Term

# A search longer than this is cut: nobody types a definition into the search box.
SEARCH_MAX = 100


def same_term_exists(*, network: Network, term: str, but: Term | None = None) -> bool:
    """Whether the glossary already holds `term`, ignoring case, the way the database's
    constraint `term_once_per_network` compares (PostgreSQL's lower() on both sides)."""
    found = network.terms.alias(lowered=Lower("term")).filter(lowered=Lower(Value(term)))
    if but is not None and but.pk:
        found = found.exclude(pk=but.pk)
    return found.exists()


def terms_matching(network: Network, search: str = "") -> QuerySet[Term]:
    """The glossary in alphabetical order (ignoring case); with `search`, only the terms
    whose word, meaning or other words contain it."""
    terms = network.terms.order_by(Lower("term"), "pk")
    search = search.strip()[:SEARCH_MAX]
    if search:
        terms = terms.filter(
            Q(term__icontains=search)
            | Q(definition__icontains=search)
            | Q(alternatives__icontains=search)
        )
    return terms


def first_letter(term: str) -> str:
    """The letter a term is filed under: without its accent (Één under E); "#" for a term
    that starts with a digit or a sign."""
    first = unicodedata.normalize("NFD", term.strip()[:1] or "#")[:1].upper()
    return first if first.isalpha() else "#"


@dataclass(frozen=True)
class Letter:
    letter: str
    terms: list[Term]

    @property
    def anchor(self) -> str:
        return "letter-overig" if self.letter == "#" else f"letter-{self.letter.lower()}"


def by_letter(terms) -> list[Letter]:
    """Terms (already in alphabetical order) grouped under their first letter."""
    groups: dict[str, list[Term]] = {}
    for term in terms:
        groups.setdefault(first_letter(term.term), []).append(term)
    return [Letter(letter, listed) for letter, listed in groups.items()]


def leervragen_of(network: Network) -> QuerySet[Leervraag]:
    """The network's leervragen of its current members, with their owner and user: a
    member who left takes their question with them (it stays in the database and in the
    history, but no longer speaks for the network)."""
    return network.leervragen.filter(owner__left_on__isnull=True).select_related("owner__user")


def leervragen_for(network: Network, viewer: Membership) -> QuerySet[Leervraag]:
    """The leervragen page's order: the viewer's own first (newest first), then everyone
    else's by name, each person's oldest first."""
    mine = Case(When(owner=viewer, then=Value(0)), default=Value(1), output_field=IntegerField())
    own_newest = Case(When(owner=viewer, then="created_at"), default=None)
    return (
        leervragen_of(network)
        .select_related("owner__organisation")
        .annotate(mine=mine)
        .order_by(
            "mine",
            own_newest.desc(nulls_last=True),
            "owner__user__full_name",
            "owner_id",
            "created_at",
            "pk",
        )
    )
