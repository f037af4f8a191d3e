"""The two sections of a network that the journey fills, as the breadcrumb's middle
level: Leren (phases, woordenlijst, leervragen, experiments, reflections) and Opbrengsten
(kennisproducten, successes)."""

from django.urls import reverse
from django.utils.translation import gettext as _


def learning_crumb(request) -> dict:
    return {
        "section_label": _("Leren"),
        "section_url": reverse("journey_home", args=[request.network.slug]),
    }


def results_crumb(request) -> dict:
    return {
        "section_label": _("Opbrengsten"),
        "section_url": reverse("product_list", args=[request.network.slug]),
    }
