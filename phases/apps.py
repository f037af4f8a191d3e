from django.apps import AppConfig


class PhasesConfig(AppConfig):
    """The three phases and the learning journey through them: phase history,
    woordenlijst, leervragen, experiments in rounds, reflections, kennisproducten and
    successes; and what the method says of each phase."""

    name = "phases"
    verbose_name = "Fasen en leren"

    def ready(self):
        from liso.contributions import contribute_all
        from phases import contributions

        contribute_all(contributions.CONTRIBUTIONS)
