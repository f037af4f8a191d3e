"""What the werkvormen app contributes (liso/contributions.py): its catalogue and demo parts,
and the werkvormen a network's search finds (the library and the network's own)."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from liso.catalogue import Part
from liso.contributions import CATALOGUE_PARTS, DEMO_PARTS, SEARCH_SOURCES
from networks.search import SearchSource
from werkvormen import catalogue, demo
from werkvormen.models import Werkvorm

WERKVORMEN_FOUND = SearchSource(
    kind="werkvormen",
    label=_("Werkvorm"),
    rows=lambda network, membership: Werkvorm.objects.filter(
        Q(network__isnull=True) | Q(network=network)
    ),
    fields=["name", "search_text"],
    title="name",
    key="code",
    day=None,
    url=lambda network, key: reverse("werkvorm_detail", args=[key]),
    vector="search_vector",  # name, summary and search_text (Werkvorm.update_search_vectors)
)

CONTRIBUTIONS = [
    (CATALOGUE_PARTS, "werkvormen", Part("werkvormen", catalogue.check, catalogue.load)),
    (DEMO_PARTS, "own-werkvorm", demo.demo_own_werkvorm),
    (SEARCH_SOURCES, "werkvormen", WERKVORMEN_FOUND),
]
