"""What the sessions app tells on a werkvorm's page (see werkvormen/registry.py)."""

from django.utils.translation import gettext_lazy as _

from bijeenkomsten.terugblik import rating_text
from werkvormen.registry import RelatedNote

RATINGS = RelatedNote("ratings", _("Zo werkte het in netwerken"), rating_text)
