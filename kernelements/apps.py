from django.apps import AppConfig


class KernelementsConfig(AppConfig):
    """The method's guide (/werkwijze/) and, next, the health of a network: kernelementen
    and aandachtspunten, struikelblokken, scans and the signals from a network's data."""

    name = "kernelements"
    verbose_name = "Kernelementen"

    def ready(self):
        from kernelements import contributions
        from liso.contributions import contribute_all

        contribute_all(contributions.CONTRIBUTIONS)
