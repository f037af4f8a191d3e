from django.apps import AppConfig


class AfsluitingConfig(AppConfig):
    """Closing a network well (/netwerken/<slug>/afsluiten/): the right moment, borging,
    the reisverslag, the last session, and closing with a final status. It reads from
    every app below it, so it comes last."""

    name = "afsluiting"
    verbose_name = "Afsluiting"

    def ready(self):
        from afsluiting import contributions
        from liso.contributions import contribute_all

        contribute_all(contributions.CONTRIBUTIONS)
