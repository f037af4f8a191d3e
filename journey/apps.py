from django.apps import AppConfig


class JourneyConfig(AppConfig):
    """The journey through the phases: phase history, woordenlijst, leervragen,
    experiments in rounds, reflections, kennisproducten and successes."""

    name = "journey"
    verbose_name = "Leertraject"

    def ready(self):
        from journey import contributions, demo  # noqa: F401 (demo registers itself)
        from liso.home import register_section
        from networks.panels import register_panel
        from phases.session_links import register_session_link

        register_panel(contributions.JOURNEY_PANELS)
        register_section(contributions.QUICK_REFLECTION)
        register_session_link(contributions.REFLECT_ON_SESSION)
        register_session_link(contributions.JUDGED_IN_SESSION)
