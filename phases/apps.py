from django.apps import AppConfig


class PhasesConfig(AppConfig):
    """The journey: phase history, sessions, leervragen, experiments, reflections,
    woordenlijst and kennisproducten."""

    name = "phases"
    verbose_name = "Fasen"

    def ready(self):
        from liso import catalogue
        from phases import catalogue as phases_catalogue

        catalogue.register("phases", check=phases_catalogue.check, load=phases_catalogue.load)

        from phases.related import CORE_OF_PHASES, RATINGS
        from werkvormen.registry import register_note, register_related

        register_related(CORE_OF_PHASES)
        register_note(RATINGS)

        from liso.home import register_section
        from networks.panels import register_next_step, register_panel
        from phases import contributions, demo  # noqa: F401 (demo registers itself)

        register_section(contributions.MY_TASKS)
        register_section(contributions.MY_ACTIONS)
        register_panel(contributions.NEXT_SESSION_PANEL)
        from phases import notices

        notices.register()
        register_panel(contributions.ATTENDANCE_PANEL)
        register_next_step(contributions.MISSING_REPORT)
