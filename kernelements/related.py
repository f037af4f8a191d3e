"""What the kernelements app tells on a werkvorm's page (see werkvormen/registry.py)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kernelements.models import Aandachtspunt, Struikelblok
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


STRUIKELBLOKKEN = RelatedSection("struikelblokken", _("Helpt bij struikelblok"), _struikelblokken)
AANDACHTSPUNTEN = RelatedSection("aandachtspunten", _("Werkt aan aandachtspunt"), _aandachtspunten)
