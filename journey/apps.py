from django.apps import AppConfig


class JourneyConfig(AppConfig):
    """The journey through the phases: phase history, woordenlijst, leervragen,
    experiments in rounds, reflections, kennisproducten and successes."""

    name = "journey"
    verbose_name = "Leertraject"

    def ready(self):
        from journey import demo  # noqa: F401 (demo registers itself)
