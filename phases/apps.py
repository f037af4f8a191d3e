from django.apps import AppConfig


class PhasesConfig(AppConfig):
    """The three phases and the learning journey through them: phase history,
    woordenlijst, leervragen, experiments in rounds, reflections, kennisproducten and
    successes; and what the method says of each phase."""

    name = "phases"
    verbose_name = "Fasen en leren"

    def ready(self):
        from liso import catalogue
        from phases import catalogue as phases_catalogue

        catalogue.register("phases", check=phases_catalogue.check, load=phases_catalogue.load)

        from phases.related import CORE_OF_PHASES
        from werkvormen.registry import register_related

        register_related(CORE_OF_PHASES)

        from bijeenkomsten.session_links import register_session_link
        from liso.home import register_section
        from networks.panels import register_panel
        from phases import contributions, demo  # noqa: F401 (demo registers itself)

        register_panel(contributions.JOURNEY_PANELS)
        register_section(contributions.QUICK_REFLECTION)
        register_session_link(contributions.REFLECT_ON_SESSION)
        register_session_link(contributions.JUDGED_IN_SESSION)
