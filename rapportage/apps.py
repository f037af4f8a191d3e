from django.apps import AppConfig


class RapportageConfig(AppConfig):
    """Reports about a whole network for those outside it (financiers, boards): the
    voortgangsrapportage over a period. It reads from every app below it."""

    name = "rapportage"
    verbose_name = "Rapportage"
