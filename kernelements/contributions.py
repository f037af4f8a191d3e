"""What the kernelements app contributes (liso/contributions.py): on a werkvorm's page the
aandachtspunten and struikelblokken it serves; its catalogue part."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kernelements import catalogue
from kernelements.models import Aandachtspunt, Struikelblok
from liso.catalogue import Part
from liso.contributions import CATALOGUE_PARTS, WERKVORM_SECTIONS
from werkvormen.registry import RelatedSection


def _struikelblokken(werkvorm):
    return [
        (str(s), reverse("guide_struikelblok", args=[s.code]))
        for s in Struikelblok.objects.filter(werkvormen=werkvorm)
    ]


def _aandachtspunten(werkvorm):
    return [
        (
            f"{a.get_code_display()} ({a.kernelement.get_code_display()})",
            reverse("guide_kernelement", args=[a.kernelement.code]) + f"#{a.code}",
        )
        for a in Aandachtspunt.objects.filter(werkvormen=werkvorm).select_related("kernelement")
    ]


CONTRIBUTIONS = [
    (
        WERKVORM_SECTIONS,
        "aandachtspunten",
        RelatedSection(_("Werkt aan aandachtspunt"), _aandachtspunten),
    ),
    (
        WERKVORM_SECTIONS,
        "struikelblokken",
        RelatedSection(_("Helpt bij struikelblok"), _struikelblokken),
    ),
    (CATALOGUE_PARTS, "kernelements", Part("kernelements", catalogue.check, catalogue.load)),
]
