"""News about the network itself for its members: that it was closed or archived. A member may turn
it into a line in the daily mail, or off."""

from django.utils.translation import gettext_lazy as _

from liso.notifications import DAILY, DIRECT, OFF, Kind

NETWORK = Kind(
    "netwerk",
    _("Nieuws over het netwerk zelf, zoals dat het afgesloten of gearchiveerd is"),
    DIRECT,
    choices=(DIRECT, DAILY, OFF),
)
