from django.apps import AppConfig


class BijeenkomstenConfig(AppConfig):
    """The sessions (bijeenkomsten) of a network: planning, preparation tasks, draaiboek,
    invitations and answers, calendar, attendance, the report with action points, and the
    terugblik. Named in Dutch: Django's own `sessions` app has that label."""

    name = "bijeenkomsten"
    verbose_name = "Bijeenkomsten"

    def ready(self):
        from bijeenkomsten import catalogue as sessions_catalogue
        from liso import catalogue

        catalogue.register(
            "bijeenkomsten", check=sessions_catalogue.check, load=sessions_catalogue.load
        )

        from bijeenkomsten.related import RATINGS
        from werkvormen.registry import register_note

        register_note(RATINGS)

        from bijeenkomsten import contributions, demo, notices  # noqa: F401 (demo registers itself)
        from liso.home import register_section
        from networks.panels import register_next_step, register_panel

        register_section(contributions.MY_TASKS)
        register_section(contributions.MY_ACTIONS)
        register_panel(contributions.NEXT_SESSION_PANEL)
        notices.register()
        register_panel(contributions.ATTENDANCE_PANEL)
        register_next_step(contributions.MISSING_REPORT)
