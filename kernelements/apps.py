from django.apps import AppConfig


class KernelementsConfig(AppConfig):
    """The health of a network: kernelementen and aandachtspunten, scans,
    struikelblokken and the signals computed from a network's data."""

    name = "kernelements"
    verbose_name = "Kernelementen"

    def ready(self):
        from kernelements import catalogue as kernelements_catalogue
        from liso import catalogue

        catalogue.register(
            "kernelements", check=kernelements_catalogue.check, load=kernelements_catalogue.load
        )

        from kernelements.related import AANDACHTSPUNTEN, STRUIKELBLOKKEN
        from werkvormen.registry import register_related

        register_related(AANDACHTSPUNTEN)
        register_related(STRUIKELBLOKKEN)
