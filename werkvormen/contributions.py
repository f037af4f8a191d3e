"""What the werkvormen app contributes (liso/contributions.py): its catalogue and demo parts."""

from liso.catalogue import Part
from liso.contributions import CATALOGUE_PARTS, DEMO_PARTS
from werkvormen import catalogue, demo

CONTRIBUTIONS = [
    (CATALOGUE_PARTS, "werkvormen", Part("werkvormen", catalogue.check, catalogue.load)),
    (DEMO_PARTS, "own-werkvorm", demo.demo_own_werkvorm),
]
