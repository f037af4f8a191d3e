from django.apps import AppConfig


class OpstartConfig(AppConfig):
    """The start-up (opstart): the guided path from the first talks to the signed
    samenwerkingsovereenkomst, with the start-up's documents, agendas, money and
    kennisinfrastructuur."""

    name = "opstart"
    verbose_name = "Opstart"

    def ready(self):
        from liso.contributions import contribute_all
        from opstart import contributions

        contribute_all(contributions.CONTRIBUTIONS)
