from django.apps import AppConfig


class BijeenkomstenConfig(AppConfig):
    """The sessions (bijeenkomsten) of a network: planning, preparation tasks, draaiboek,
    invitations and answers, calendar, attendance, the report with action points, and the
    terugblik. Named in Dutch: Django's own `sessions` app has that label."""

    name = "bijeenkomsten"
    verbose_name = "Bijeenkomsten"

    def ready(self):
        from bijeenkomsten import contributions
        from liso.contributions import contribute_all

        contribute_all(contributions.CONTRIBUTIONS)
