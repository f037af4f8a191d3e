from django.apps import AppConfig


class OpstartConfig(AppConfig):
    """The start-up (opstart): the guided path from the first talks to the signed
    samenwerkingsovereenkomst, with the start-up's documents, agendas, money and
    kennisinfrastructuur."""

    name = "opstart"
    verbose_name = "Opstart"

    def ready(self):
        from networks import panels
        from opstart import contributions, demo  # noqa: F401 (demo registers itself)

        panels.register_panel(contributions.STARTUP_PANEL)
        panels.register_next_step(contributions.NEXT_STARTUP_STEP)
