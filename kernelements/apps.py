from django.apps import AppConfig


class KernelementsConfig(AppConfig):
    """The health of a network: kernelementen and aandachtspunten, scans,
    struikelblokken and the signals computed from a network's data."""

    name = "kernelements"
    verbose_name = "Kernelementen"
