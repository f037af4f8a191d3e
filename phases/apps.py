from django.apps import AppConfig


class PhasesConfig(AppConfig):
    """The journey: phase history, sessions, leervragen, experiments, reflections,
    woordenlijst and kennisproducten."""

    name = "phases"
    verbose_name = "Fasen"
