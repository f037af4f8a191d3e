"""What the phases app tells on a werkvorm's page (see werkvormen/registry.py)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phases.models import Phase
from werkvormen.registry import RelatedSection


def _core_of_phases(werkvorm):
    return [
        (
            f"{phase.number}. {phase.get_number_display()}",
            reverse("guide_phase", args=[phase.number]),
        )
        for phase in Phase.objects.filter(werkvormen=werkvorm)
    ]


CORE_OF_PHASES = RelatedSection("phases", _("Kernwerkvorm van de fase"), _core_of_phases)
