"""The words part of the journey's test world: one term in the glossary, and one
leervraag, the deelnemer's own (so only the deelnemer may change or delete it)."""

from liso.method import Role
from phases.models import Leervraag, Term


def build_words(network, members: dict) -> dict:
    """Objects for the access matrix's placeholders: placeholder -> pk."""
    term = Term.objects.create(
        network=network,
        term="Eigen regie",
        version=1,
        definition="Dat mensen zelf bepalen welke hulp ze krijgen en van wie.",
        perspectives="Beleid bedoelt er zelfredzaamheid mee, de doelgroep zeggenschap.",
        alternatives="zelfregie, regie over je eigen leven",
    )
    leervraag = Leervraag.objects.create(
        network=network,
        owner=members[Role.DEELNEMER],
        version=1,
        question="Hoe merk ik eerder dat een gezin hulp nodig heeft?",
    )
    return {"<term>": term.pk, "<leervraag>": leervraag.pk}


def grow_words(network, n: int = 40) -> None:
    """A long glossary, and a leervraag (some answered) for every current member: the
    large network."""
    Term.objects.bulk_create(
        Term(
            network=network,
            term=f"Begrip {i:02}",
            definition=f"Uitleg {i}.",
            version=1,
            perspectives="Beleid en praktijk zeggen het anders." if i % 3 else "",
            alternatives="ander woord" if i % 2 else "",
        )
        for i in range(n)
    )
    members = network.memberships.filter(left_on=None)
    Leervraag.objects.bulk_create(
        Leervraag(
            network=network,
            owner=member,
            question=f"Leervraag {i}?",
            version=1,
            answer="Wat ik nu weet." if i % 2 else "",
        )
        for i, member in enumerate(members)
    )
